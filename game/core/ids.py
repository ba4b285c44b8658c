"""Every name the rules know, as a small integer: roles, phases, contact levels, buying roles,
key tags, traits, motive kinds, facts and stage criteria.

The rules index typed arrays with these numbers; the names (the strings scenarios, saves, views
and translation keys use) live only at the edges. This file is the single source of both: the
build writes the C enumeration the compiled modules read (`ids.pxd`) from the constants below,
and a test keeps that file in step.
"""

from __future__ import annotations

ROLES = ("rep", "presales", "pm", "exec")
R_REP = 0
R_PRESALES = 1
R_PM = 2
R_EXEC = 3

CONTACT_LEVELS = ("unknown", "met", "relationship", "insider", "coach")
C_UNKNOWN = 0
C_MET = 1
C_RELATIONSHIP = 2
C_INSIDER = 3
C_COACH = 4

PHASES = ("early", "solution", "tender", "decision", "contract")
PH_EARLY = 0
PH_SOLUTION = 1
PH_TENDER = 2
PH_DECISION = 3
PH_CONTRACT = 4

MILESTONES = ("initiation", "tender_issue", "bid_deadline", "award", "contract")

# Buying roles and key tags are bit flags: a person holds several.
BUYING_ROLES = ("initiator", "user", "influencer", "purchaser", "decision_maker", "approver",
                "budget_holder")
B_INITIATOR = 1
B_USER = 2
B_INFLUENCER = 4
B_PURCHASER = 8
B_DECISION_MAKER = 16
B_APPROVER = 32
B_BUDGET_HOLDER = 64

KEY_TAGS = ("KU", "KI", "KDM")
K_KU = 1
K_KI = 2
K_KDM = 4

TRAITS = ("analytical", "cautious", "ambitious", "relational", "price_sensitive", "technical",
          "skeptical", "busy")
T_ANALYTICAL = 1
T_CAUTIOUS = 2
T_AMBITIOUS = 4
T_RELATIONAL = 8
T_PRICE_SENSITIVE = 16
T_TECHNICAL = 32
T_SKEPTICAL = 64
T_BUSY = 128

MOTIVES = ("cost", "efficiency", "risk", "innovation", "career", "recognition", "relationship",
           "control", "quality")
M_COST = 0
M_EFFICIENCY = 1
M_RISK = 2
M_INNOVATION = 3
M_CAREER = 4
M_RECOGNITION = 5
M_RELATIONSHIP = 6
M_CONTROL = 7
M_QUALITY = 8

# What a vendor has established. The first names are the deal's milestones; after them comes
# one "done:<action>" fact per action kind (in catalogue order), set when a once-only action
# has been made.
NAMED_FACTS = (
    "profiled", "pursue", "first_visit", "need_heard", "process_known", "el_lead", "el_need",
    "el_fit", "el_budget", "el_timeline", "org_mapped", "competitors_known", "kdm_met",
    "criteria_known", "criteria_shaped", "bid_submitted", "bid_technical", "bid_service",
    "demo_done", "product_presented", "references_presented", "delivery_presented",
    "pilot_done", "kickoff_ready", "discount_approved", "award_defended", "bid_defended",
    "exec_confirmed", "preferred", "notice_survived", "terms_agreed", "contract_signed", "paid",
)
F_PROFILED = 0
F_PURSUE = 1
F_FIRST_VISIT = 2
F_NEED_HEARD = 3
F_PROCESS_KNOWN = 4
F_EL_LEAD = 5
F_EL_NEED = 6
F_EL_FIT = 7
F_EL_BUDGET = 8
F_EL_TIMELINE = 9
F_ORG_MAPPED = 10
F_COMPETITORS_KNOWN = 11
F_KDM_MET = 12
F_CRITERIA_KNOWN = 13
F_CRITERIA_SHAPED = 14
F_BID_SUBMITTED = 15
F_BID_TECHNICAL = 16
F_BID_SERVICE = 17
F_DEMO_DONE = 18
F_PRODUCT_PRESENTED = 19
F_REFERENCES_PRESENTED = 20
F_DELIVERY_PRESENTED = 21
F_PILOT_DONE = 22
F_KICKOFF_READY = 23
F_DISCOUNT_APPROVED = 24
F_AWARD_DEFENDED = 25
F_BID_DEFENDED = 26
F_EXEC_CONFIRMED = 27
F_PREFERRED = 28
F_NOTICE_SURVIVED = 29
F_TERMS_AGREED = 30
F_CONTRACT_SIGNED = 31
F_PAID = 32
F_DONE = 33  # F_DONE + kind index is the "done:<kind>" fact
N_FACTS = 80  # room for the named facts and one "done:" fact per action kind

# Action kinds, in catalogue order (the catalogue in actions.py checks it agrees).
KINDS = (
    "research_account", "decide_pursue", "call", "visit", "entertain", "develop_insider",
    "qualify", "gather_intel", "submit_bid", "file_complaint", "negotiate", "sign_contract",
    "collect_payment", "needs_research", "demo", "proposal", "tech_exchange", "reference_visit",
    "roi_analysis", "shape_criteria", "write_bid", "site_survey", "delivery_plan",
    "implementation_reference", "risk_workshop", "pilot", "bid_delivery", "kickoff_plan",
    "exec_visit", "develop_coach", "hq_visit", "confirm_opportunity", "reach_out",
    "approve_discount", "defend_award", "joint_visit", "sponsor_visit", "solution_workshop",
    "bid_defense", "negotiation_team", "ask_introduction", "ask_coach", "discredit_rival",
)
A_RESEARCH_ACCOUNT = 0
A_DECIDE_PURSUE = 1
A_CALL = 2
A_VISIT = 3
A_ENTERTAIN = 4
A_DEVELOP_INSIDER = 5
A_QUALIFY = 6
A_GATHER_INTEL = 7
A_SUBMIT_BID = 8
A_FILE_COMPLAINT = 9
A_NEGOTIATE = 10
A_SIGN_CONTRACT = 11
A_COLLECT_PAYMENT = 12
A_NEEDS_RESEARCH = 13
A_DEMO = 14
A_PROPOSAL = 15
A_TECH_EXCHANGE = 16
A_REFERENCE_VISIT = 17
A_ROI_ANALYSIS = 18
A_SHAPE_CRITERIA = 19
A_WRITE_BID = 20
A_SITE_SURVEY = 21
A_DELIVERY_PLAN = 22
A_IMPLEMENTATION_REFERENCE = 23
A_RISK_WORKSHOP = 24
A_PILOT = 25
A_BID_DELIVERY = 26
A_KICKOFF_PLAN = 27
A_EXEC_VISIT = 28
A_DEVELOP_COACH = 29
A_HQ_VISIT = 30
A_CONFIRM_OPPORTUNITY = 31
A_REACH_OUT = 32
A_APPROVE_DISCOUNT = 33
A_DEFEND_AWARD = 34
A_JOINT_VISIT = 35
A_SPONSOR_VISIT = 36
A_SOLUTION_WORKSHOP = 37
A_BID_DEFENSE = 38
A_NEGOTIATION_TEAM = 39
A_ASK_INTRODUCTION = 40
A_ASK_COACH = 41
A_DISCREDIT_RIVAL = 42
N_KINDS = 43
A_CHOOSE = 43  # answering a pending event (target: the event, option: the choice)

# The procedures behind actions whose effect is more than the generic one.
SPECIALS = ("", "qualify", "intel", "bid", "complaint", "negotiate", "sign", "collect",
            "proposal", "needs_references", "shape", "delivery_plan", "meet_kdm", "coach",
            "confirm", "reach_out", "approve_discount", "bid_defense", "introduce",
            "ask_coach", "discredit")
S_NONE = 0
S_QUALIFY = 1
S_INTEL = 2
S_BID = 3
S_COMPLAINT = 4
S_NEGOTIATE = 5
S_SIGN = 6
S_COLLECT = 7
S_PROPOSAL = 8
S_NEEDS_REFERENCES = 9
S_SHAPE = 10
S_DELIVERY_PLAN = 11
S_MEET_KDM = 12
S_COACH = 13
S_CONFIRM = 14
S_REACH_OUT = 15
S_APPROVE_DISCOUNT = 16
S_BID_DEFENSE = 17
S_INTRODUCE = 18
S_ASK_COACH = 19
S_DISCREDIT = 20

# How the customer buys (the scenario's `customer.procurement`): how much the KDM's own choice
# weighs against the evaluators' scores.
PROCUREMENTS = ("negotiated", "invited", "public")
PR_NEGOTIATED = 0
PR_INVITED = 1
PR_PUBLIC = 2

STATUSES = ("active", "lost", "won", "shelved")

# The stages' exit criteria (stages.py), named as the checklist and translations name them.
CRITERIA = (
    "profiled", "pursue", "lead_contact", "first_visit", "need_heard", "willing", "el_lead",
    "el_need", "el_fit", "el_budget", "el_timeline", "org_mapped", "insider_ki_ku",
    "product_presented", "references_presented", "demo_done", "insider_ki", "insider_ku",
    "coach", "kdm_met", "support_ku", "support_ki", "support_kdm", "criteria_shaped",
    "majority_evaluators", "bid_submitted", "tender_won", "preferred", "notice_survived",
    "terms_agreed", "contract_signed", "paid",
)
CR_PROFILED = 0
CR_PURSUE = 1
CR_LEAD_CONTACT = 2
CR_FIRST_VISIT = 3
CR_NEED_HEARD = 4
CR_WILLING = 5
CR_EL_LEAD = 6
CR_EL_NEED = 7
CR_EL_FIT = 8
CR_EL_BUDGET = 9
CR_EL_TIMELINE = 10
CR_ORG_MAPPED = 11
CR_INSIDER_KI_KU = 12
CR_PRODUCT_PRESENTED = 13
CR_REFERENCES_PRESENTED = 14
CR_DEMO_DONE = 15
CR_INSIDER_KI = 16
CR_INSIDER_KU = 17
CR_COACH = 18
CR_KDM_MET = 19
CR_SUPPORT_KU = 20
CR_SUPPORT_KI = 21
CR_SUPPORT_KDM = 22
CR_CRITERIA_SHAPED = 23
CR_MAJORITY_EVALUATORS = 24
CR_BID_SUBMITTED = 25
CR_TENDER_WON = 26
CR_PREFERRED = 27
CR_NOTICE_SURVIVED = 28
CR_TERMS_AGREED = 29
CR_CONTRACT_SIGNED = 30
CR_PAID = 31
N_CRITERIA = 32

FACTS = NAMED_FACTS + tuple(f"done:{k}" for k in KINDS)
FACT_ID = {name: i for i, name in enumerate(FACTS)}
KIND_ID = {name: i for i, name in enumerate(KINDS)}
CRITERION_ID = {name: i for i, name in enumerate(CRITERIA)}
PHASE_ID = {name: i for i, name in enumerate(PHASES)}
ROLE_ID = {name: i for i, name in enumerate(ROLES)}
MOTIVE_ID = {name: i for i, name in enumerate(MOTIVES)}


def mask(names: object, table: tuple[str, ...]) -> int:
    """The bit flags of a list of names from `table` (buying roles, key tags, traits)."""
    out = 0
    for n in names:  # type: ignore[attr-defined]
        out |= 1 << table.index(n)
    return out


def enum_constants() -> list[tuple[str, int]]:
    """Every integer constant above, in file order: what the build writes into ids.pxd."""
    return [(k, v) for k, v in globals().items()
            if k.isupper() and isinstance(v, int) and not isinstance(v, bool)]
