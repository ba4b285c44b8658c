"""Every action in the catalogue: legal somewhere, does what it declares, refuses with a reason.

For each action a builder makes a lab state where it is legal; the action then goes through
`end_week` and its declared effects (facts, contact, support, trust, reveals) must show in
the right direction, with its cost and days charged. Chances are stubbed to succeed (the
`lucky` fixture) so the probabilistic parts (a call getting through, a motive revealed) are
checked deterministically. Each action also has one broken precondition and the `why.*` key
the player would be shown.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from game.core import resolve
from game.core.actions import CATALOG, ROLE_ACTIONS, Action
from game.core.checks import check, legal_actions
from game.core.effects import KDM_CONFIDE
from game.core.errors import IllegalAction
from game.core.ids import K_KDM
from game.core.informants import COACH_FAVOURS
from game.core.serialize import state_hash
from game.core.state import GameState
from game.core.views import view

from .conftest import (
    ME,
    RIVAL,
    at_stage,
    awarded_state,
    give,
    lab_state,
    make_spec,
    play,
    rel,
    relate,
    senior,
    set_week,
    take,
    week_in,
)

SENIOR = {"exec_visit", "hq_visit", "sponsor_visit"}  # aimed at the KDM, the president
AWARDED_TO_ME = {"defend_award", "negotiate", "negotiation_team", "sign_contract",
                 "collect_payment"}
OPTION = {"submit_bid": "m5", "negotiate": "d5_p30", "negotiation_team": "d5_p30"}
TERMS = {"discount": 0.05, "first_payment": 0.3, "value": 247.0}
# The KDM is nobody's coach: a coach is a senior person below the KDM, here the IT head made
# senior. An introduction and a coach's advice come from the IT head as insider or coach.
COACHING = {"develop_coach", "ask_coach", "ask_introduction"}


def target_of(kind: str) -> str | None:
    d = CATALOG[kind]
    if not d.target:
        return None
    return "president" if kind in SENIOR else "cio"


def legal(kind: str, seed: int = 1) -> tuple[GameState, Action]:
    """A lab state in which `kind` may be planned by ME, and the action itself."""
    d = CATALOG[kind]
    if kind == "file_complaint":
        state = awarded_state(RIVAL, seed)
    elif kind in AWARDED_TO_ME:
        state = awarded_state(ME, seed)
    else:
        state = lab_state(seed, make_spec(senior("cio")) if kind in COACHING else None)
        at_stage(state, max(d.stages[0], min(d.best[0], d.stages[1])))
        if d.phases:
            set_week(state, week_in(state, d.phases[0]))
    give(state, *d.requires)
    pid = target_of(kind)
    if pid is not None:
        trust = max(d.min_trust, d.contact_trust, 0.2) + 0.05
        support = {"coach": 0.35, "reach_out": 0.0}.get(d.special or "", 0.1)
        relate(state, pid, contact=d.min_contact, trust=trust, support=support,
               known_roles=kind == "shape_criteria", known_needs=False,
               known_position=False, known_personal=False)
    if pid == "president":
        # We know who decides and have been introduced (sponsor_visit needs no introduction:
        # it is the one move that opens the door itself).
        relate(state, pid, known_roles=True, introduced=kind != "sponsor_visit")
    v = state.vendors[ME]
    if kind in ("qualify", "proposal", "delivery_plan", "bid_defense"):
        relate(state, "cio", contact=1)
        relate(state, "nurse", contact=1)
    if kind == "confirm_opportunity":
        relate(state, "president", contact=1, known_roles=True, introduced=True)
        relate(state, "buyer", contact=1)
    if kind == "ask_introduction":
        relate(state, "president", known_roles=True)  # we know whom we need to meet
    if kind == "discredit_rival":
        relate(state, pid, vid=RIVAL, contact=2, support=0.3)  # the rival it favours
    if kind in ("negotiate", "negotiation_team"):
        relate(state, "buyer", support=0.5)
    if kind in ("sign_contract", "collect_payment"):
        v.terms = dict(TERMS)
        give(state, "terms_agreed", "notice_survived")
    if kind == "collect_payment":
        resolve.sign_contract(state, v)
        state.touch()
    a = Action(kind, pid, OPTION.get(kind))
    return state, a


# ---- every action is legal somewhere and does what it says -----------------------------

@pytest.mark.parametrize("kind", list(CATALOG))
def test_action_is_legal_in_its_built_state(kind: str):
    state, a = legal(kind)
    assert check(view(state, ME, with_log=False), a) is None
    offered = {(o.action.kind, o.action.target)
               for o in legal_actions(view(state, ME), include_disabled=False)}
    assert (a.kind, a.target) in offered


def _vendor_after(state: GameState) -> dict[str, object]:
    v = state.vendors[ME]
    return {"budget": v.budget, "spent": v.spent, "days": dict(v.days_used),
            "facts": set(v.facts)}


def _broadcast_people(state: GameState) -> list[str]:
    return [pid for pid, r in state.relations[ME].items() if r.contact >= 1]


def person(state: GameState, pid: str) -> dict:
    return next(p for p in view(state, ME, with_log=False)["people"] if p["id"] == pid)


SPECIAL: dict[str, Callable[[GameState, dict, dict], None]] = {}


def special(kind: str):
    def deco(fn: Callable[[GameState, dict, dict], None]):
        SPECIAL[kind] = fn
        return fn
    return deco


@special("qualify")
def _(state, before, entry):
    assert "el_lead" in entry["effects"]["verified"]
    assert "el_lead" in state.vendors[ME].facts


@special("gather_intel")
def _(state, before, entry):
    v = state.vendors[ME]
    assert {"competitors_known", "org_mapped"} <= v.facts
    # One insider alone, and the chance of a wrong report came up (lucky dice): a stage off.
    told = entry["effects"]["intel"]["rivals"][RIVAL]
    assert abs(told - before["rival_stage"]) == 1
    assert v.intel[RIVAL]["stage"] in (before["rival_stage"] - 1, before["rival_stage"] + 1)
    assert all(r.known_roles for r in state.relations[ME].values())


@special("submit_bid")
def _(state, before, entry):
    assert state.vendors[ME].bid["price"] == pytest.approx(280 * 0.95)


@special("file_complaint")
def _(state, before, entry):
    assert ME in state.award["complaints"]


@special("negotiate")
@special("negotiation_team")
def _(state, before, entry):
    v = state.vendors[ME]
    assert entry["effects"]["agreed"] is True
    assert v.terms == {"discount": 0.05, "first_payment": 0.3, "value": 247.0}


@special("sign_contract")
def _(state, before, entry):
    assert state.contract["vendor"] == ME
    assert state.contract["value"] == TERMS["value"]
    assert state.vendors[ME].stage == 7


@special("collect_payment")
def _(state, before, entry):
    assert state.contract["paid"] is True
    assert state.vendors[ME].status == "won"
    assert state.outcome["result"] == "won"


@special("proposal")
@special("delivery_plan")
@special("bid_defense")
def _(state, before, entry):
    moved = entry["effects"]["support"]
    assert moved and all(x > 0 for x in moved.values())
    for pid in moved:
        assert rel(state, pid).support > before["rels"][pid].support


@special("shape_criteria")
def _(state, before, entry):
    assert state.vendors[ME].spec_bias > 0
    assert state.criteria != before["criteria"]
    assert sum(state.criteria.values()) == pytest.approx(1.0, abs=1e-3)


@special("exec_visit")
def _(state, before, entry):
    assert "kdm_met" in state.vendors[ME].facts


@special("sponsor_visit")
def _(state, before, entry):
    assert "kdm_met" in state.vendors[ME].facts
    assert not before["rels"]["president"].introduced
    assert rel(state, "president").introduced  # the executive opened the door


@special("confirm_opportunity")
def _(state, before, entry):
    assert {"el_budget", "el_timeline", "exec_confirmed"} <= state.vendors[ME].facts
    assert entry["roles"] == ["rep", "exec"]
    assert sorted(entry["effects"]["verified"]) == ["el_budget", "el_timeline"]
    assert "not_confirmed" not in entry["effects"]


@special("develop_coach")
def _(state, before, entry):
    assert rel(state, "cio").contact == 4
    assert person(state, "cio")["favours_left"] == COACH_FAVOURS


@special("ask_introduction")
def _(state, before, entry):
    assert entry["effects"]["introduced"] == ["president"]
    r = rel(state, "president")
    assert r.introduced and r.contact >= 1
    assert not person(state, "president")["needs_introduction"]
    assert rel(state, "cio").favours == 0  # an insider's introduction is no coach's favour


@special("ask_coach")
def _(state, before, entry):
    r = rel(state, "president")
    assert r.known_position and r.known_personal and r.known_needs and r.known_roles
    assert "criteria_known" in state.vendors[ME].facts
    assert entry["effects"]["kdm_motives"] == ["president"]
    assert r.support > before["rels"]["president"].support  # the coach speaks for us
    assert person(state, "cio")["favours_left"] == COACH_FAVOURS - 1


@special("discredit_rival")
def _(state, before, entry):
    assert entry["effects"]["discredited"] == RIVAL
    assert rel(state, "cio", RIVAL).support < before["rival_cio"]
    assert rel(state, "cio").support == before["rels"]["cio"].support


@special("approve_discount")
def _(state, before, entry):
    assert state.vendors[ME].max_discount == pytest.approx(0.20)


@special("reach_out")
def _(state, before, entry):
    assert entry["effects"]["support"] > 0


@pytest.mark.parametrize("kind", list(CATALOG))
def test_action_effects_and_costs(kind: str, lucky):
    d = CATALOG[kind]
    state, a = legal(kind)
    lucky(state)
    before = _vendor_after(state)
    before["rels"] = {pid: r.copy() for pid, r in state.relations[ME].items()}
    before["criteria"] = dict(state.criteria)
    before["rival_stage"] = state.vendors[RIVAL].stage
    before["rival_cio"] = rel(state, "cio", RIVAL).support
    report = play(state, {ME: [a]})
    entry = next(e for e in report["entries"] if e.get("vendor") == ME and e["kind"] == kind)
    v = state.vendors[ME]
    assert entry["cost"] == d.cost and entry["days"] == d.days
    assert v.spent == pytest.approx(before["spent"] + d.cost)
    assert v.budget == pytest.approx(before["budget"] - d.cost)
    for role in d.roles:
        assert v.days_used[role] == before["days"].get(role, 0) + d.days
    if d.once:
        assert f"done:{kind}" in v.facts
    missing = set(d.facts) - v.facts
    assert not missing, f"{kind} did not set {missing}"
    if d.target:
        r0, r = before["rels"][a.target], rel(state, a.target)
        if d.support:
            assert r.support > r0.support
            assert entry["effects"]["support"] > 0
        if d.trust:
            assert r.trust > r0.trust
        if d.contact_to > r0.contact and r0.trust >= d.contact_trust:
            assert r.contact == d.contact_to
        assert r.contact >= r0.contact
        for flag, on in (("known_roles", d.reveal_roles), ("known_needs", d.reveal_needs),
                         ("known_position", d.reveal_position),
                         ("known_personal", d.reveal_personal)):
            if on and flag == "known_personal" and state.people[a.target].key_mask & K_KDM \
                    and r0.trust < KDM_CONFIDE:
                # The KDM tells what they want personally only to a vendor they trust.
                assert not r.known_personal, f"{kind} drew it out of the KDM below trust"
            elif on:
                assert getattr(r, flag), f"{kind} did not reveal {flag}"
        assert r.last_touch == entry["week"]
    if kind in SPECIAL:
        SPECIAL[kind](state, before, entry)


def test_every_special_handler_has_a_specific_check():
    specials = {k for k, d in CATALOG.items() if d.special and d.special != "needs_references"}
    unchecked = specials - set(SPECIAL)
    assert not unchecked, f"add a SPECIAL check for the special actions {unchecked}"


def test_motive_known_makes_an_addressing_action_land_harder():
    """Discovering the motive an action addresses multiplies its support (MOTIVE_FOUND)."""
    gains = {}
    for known in (False, True):
        state, a = legal("entertain")
        # The buyer's personal motive is "relationship", which entertaining addresses.
        a = Action("entertain", "buyer")
        relate(state, "buyer", contact=1, trust=0.3, support=0.0, known_personal=known)
        play(state, {ME: [a]})
        gains[known] = rel(state, "buyer").support
    assert gains[True] > gains[False] * 1.3


def test_call_through_to_a_busy_person_can_fail():
    got = set()
    for seed in range(40):
        state = lab_state(seed, make_spec(lambda d: d["stakeholders"][0]["traits"].append("busy")))
        play(state, {ME: [Action("call", "cio")]})
        got.add(rel(state, "cio").contact)
    assert got == {0, 1}


@pytest.mark.parametrize("kind", ["reference_visit", "implementation_reference"])
def test_reference_actions_need_references(kind: str):
    def no_refs(d):
        d["vendors"][0]["references"] = 0

    state, a = legal(kind)
    fresh = lab_state(spec=make_spec(no_refs))
    fresh.vendors[ME] = copy.deepcopy(state.vendors[ME])
    fresh.relations = copy.deepcopy(state.relations)
    fresh.relink()  # the lists follow the replaced records, the vendor its new scenario entry
    fresh.touch()
    assert check(view(fresh, ME, with_log=False), a) == "why.no_references"


# ---- one broken precondition per action, with the key the player sees ---------------------

Edit = Callable[[GameState, Action], Action | None]


def _contact(level: int) -> Edit:
    return lambda s, a: relate(s, a.target, contact=level) and None


def _stage(stage: int) -> Edit:
    def edit(s: GameState, a: Action) -> None:
        s.vendors[ME].stage = stage
        s.touch()
    return edit


def _week_of(phase: str) -> Edit:
    return lambda s, a: set_week(s, week_in(s, phase))


def _facts_on(*facts: str) -> Edit:
    return lambda s, a: give(s, *facts)


def _facts_off(*facts: str) -> Edit:
    return lambda s, a: take(s, *facts)


def _short_of_cost(s: GameState, a: Action) -> None:
    """Leave ME a little less money than the action costs (the catalogue's cost is tuned)."""
    s.vendors[ME].budget = CATALOG[a.kind].cost * 0.9
    s.touch()


def _retarget(pid: str, **fields) -> Edit:
    def edit(s: GameState, a: Action) -> Action:
        relate(s, pid, **fields)
        return Action(a.kind, pid, a.option)
    return edit


def _no_bid(s: GameState, a: Action) -> None:
    s.vendors[ME].bid = None
    s.touch()


def _award_to_rival(s: GameState, a: Action) -> None:
    s.award["vendor"] = RIVAL
    s.touch()


REFUSE: dict[str, tuple[Edit, str]] = {
    "research_account": (_facts_on("done:research_account"), "why.done"),
    "decide_pursue": (_facts_off("profiled"), "why.requires.profiled"),
    "call": (_contact(1), "why.contact_high"),
    "visit": (_contact(0), "why.contact_low"),
    "entertain": (_short_of_cost, "why.no_budget"),
    "develop_insider": (lambda s, a: relate(s, a.target, trust=0.3) and None, "why.trust_low"),
    "qualify": (_stage(1), "why.stage"),
    "gather_intel": (_contact(2), "why.contact_low"),
    "submit_bid": (_week_of("solution"), "why.phase"),
    "file_complaint": (_no_bid, "why.no_award"),
    "negotiate": (_facts_on("terms_agreed"), "why.terms_agreed"),
    "sign_contract": (_facts_off("notice_survived"), "why.requires.notice_survived"),
    "collect_payment": (_stage(6), "why.stage"),
    "needs_research": (_contact(0), "why.contact_low"),
    "demo": (_stage(2), "why.stage"),
    "proposal": (_facts_on("done:proposal"), "why.done"),
    "tech_exchange": (_contact(0), "why.contact_low"),
    "reference_visit": (_contact(1), "why.contact_low"),
    "roi_analysis": (_stage(2), "why.stage"),
    "shape_criteria": (_retarget("buyer", contact=2, trust=0.5, known_roles=True),
                       "why.not_evaluator"),
    "write_bid": (_stage(2), "why.stage"),
    "site_survey": (_stage(1), "why.stage"),
    "delivery_plan": (_stage(2), "why.stage"),
    "implementation_reference": (_stage(2), "why.stage"),
    "risk_workshop": (_contact(1), "why.contact_low"),
    "pilot": (_week_of("decision"), "why.phase"),
    "bid_delivery": (_week_of("early"), "why.phase"),
    "kickoff_plan": (_stage(5), "why.stage"),
    "exec_visit": (_retarget("cio", contact=0), "why.senior_only"),
    "develop_coach": (lambda s, a: relate(s, a.target, support=0.1) and None,
                      "why.support_low"),
    "hq_visit": (_short_of_cost, "why.no_budget"),
    "confirm_opportunity": (_facts_on("exec_confirmed"), "why.done"),
    "reach_out": (lambda s, a: relate(s, a.target, support=0.3) and None,
                  "why.already_support"),
    "approve_discount": (_stage(4), "why.stage"),
    "defend_award": (_award_to_rival, "why.no_award"),
    "joint_visit": (_contact(0), "why.contact_low"),
    "sponsor_visit": (_retarget("cio", contact=0), "why.senior_only"),
    "solution_workshop": (_stage(2), "why.stage"),
    "bid_defense": (_facts_off("bid_submitted"), "why.requires.bid_submitted"),
    "negotiation_team": (lambda s, a: Action(a.kind, None, "d20_p30"),
                         "why.discount_not_approved"),
    "ask_introduction": (lambda s, a: relate(s, "president", introduced=True) and None,
                         "why.introduced"),
    "ask_coach": (lambda s, a: relate(s, a.target, favours=COACH_FAVOURS) and None,
                  "why.no_favours"),
    "discredit_rival": (_contact(1), "why.contact_low"),
}


def test_refusal_table_covers_the_catalog():
    missing, stale = set(CATALOG) - set(REFUSE), set(REFUSE) - set(CATALOG)
    assert not missing, f"add a broken precondition to REFUSE for new actions {missing}"
    assert not stale, f"REFUSE names actions no longer in the catalogue: {stale}"


@pytest.mark.parametrize("kind", list(CATALOG))
def test_broken_precondition_is_refused_with_its_reason(kind: str):
    state, a = legal(kind)
    edit, key = REFUSE[kind]
    a = edit(state, a) or a
    assert check(view(state, ME, with_log=False), a) == key
    before = state_hash(state)
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [a]})
    assert err.value.message_key == key
    assert err.value.code == "action/" + key.removeprefix("why.")
    assert state_hash(state) == before, "a refused plan must change nothing"


# ---- the access rules: refusals that come from whom we ask, not from what we have ---------

def _on_president(kind: str, **fields) -> tuple[GameState, Action]:
    """`kind` aimed at the president (the KDM) from its built state, the relation set."""
    state, _ = legal(kind)
    relate(state, "president", **fields)
    return state, Action(kind, "president")


def _kdm_unintroduced() -> tuple[GameState, Action]:
    return _on_president("exec_visit", known_roles=True, introduced=False)


def _kdm_hq_unintroduced() -> tuple[GameState, Action]:
    return _on_president("hq_visit", known_roles=True, introduced=False)


def _kdm_just_met() -> tuple[GameState, Action]:
    state, a = _on_president("hq_visit", known_roles=True, introduced=True)
    relate(state, "president", met_week=state.week - 1)  # the KDM's gap is 3 weeks
    return state, a


def _kdm_as_coach() -> tuple[GameState, Action]:
    return _on_president("develop_coach", contact=2, trust=0.6, support=0.5,
                         known_roles=True, introduced=True)


def _coach_who_favours_the_rival() -> tuple[GameState, Action]:
    state, a = legal("develop_coach")
    relate(state, "cio", contact=3, support=0.35)  # an insider: we know whom they favour
    relate(state, "cio", vid=RIVAL, support=0.8)
    return state, a


def _introduction_to_the_kdm_asked_of_the_kdm() -> tuple[GameState, Action]:
    return _on_president("ask_introduction", contact=3, trust=0.5, known_roles=True,
                         introduced=True)


def _discredit_too_early() -> tuple[GameState, Action]:
    state, a = legal("discredit_rival")
    set_week(state, week_in(state, "early"))
    return state, a


ACCESS: dict[str, tuple[Callable[[], tuple[GameState, Action]], str]] = {
    "kdm_needs_an_introduction": (_kdm_unintroduced, "why.needs_introduction"),
    "kdm_hq_visit_needs_an_introduction": (_kdm_hq_unintroduced, "why.needs_introduction"),
    "kdm_not_free_again_yet": (_kdm_just_met, "why.unavailable"),
    "kdm_is_nobodys_coach": (_kdm_as_coach, "why.kdm_not_coach"),
    "a_coach_favours_us": (_coach_who_favours_the_rival, "why.favours_other"),
    "no_introduction_by_the_kdm": (_introduction_to_the_kdm_asked_of_the_kdm,
                                   "why.introduce_kdm"),
    "discredit_not_before_the_solution_phase": (_discredit_too_early, "why.phase"),
}


@pytest.mark.parametrize("case", list(ACCESS))
def test_access_refusals_carry_their_reason(case: str):
    build, key = ACCESS[case]
    state, a = build()
    vw = view(state, ME, with_log=False)
    assert check(vw, a) == key
    listed = {(o.action.kind, o.action.target): o.reason for o in legal_actions(vw)}
    assert listed[(a.kind, a.target)] == key
    before = state_hash(state)
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [a]})
    assert err.value.message_key == key
    assert state_hash(state) == before


def test_the_executive_opens_the_door_the_others_cannot():
    """Without an introduction only the joint sponsor visit reaches the KDM; after it, the
    executive alone may visit once the KDM is free again."""
    state, a = legal("sponsor_visit")
    assert person(state, "president")["needs_introduction"]
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("exec_visit", "president")) == "why.needs_introduction"
    assert check(vw, a) is None
    play(state, {ME: [a]})
    p = person(state, "president")
    assert p["introduced"] and not p["needs_introduction"]
    assert p["free_week"] == p["met_week"] + p["availability"]
    while state.week < p["free_week"]:
        assert check(view(state, ME, with_log=False),
                     Action("exec_visit", "president")) == "why.unavailable"
        play(state)
    assert check(view(state, ME, with_log=False), Action("exec_visit", "president")) is None


def test_confirm_opportunity_is_a_joint_visit_and_repeatable_until_confirmed():
    d = CATALOG["confirm_opportunity"]
    assert d.roles == ("rep", "exec") and not d.once
    state, a = legal("confirm_opportunity")
    relate(state, "president", contact=0)
    relate(state, "buyer", contact=0)
    play(state, {ME: [a]})
    assert "exec_confirmed" not in state.vendors[ME].facts
    assert check(view(state, ME, with_log=False), a) is None  # may be tried again
    relate(state, "president", contact=1, introduced=True)
    play(state, {ME: [a]})
    assert "exec_confirmed" in state.vendors[ME].facts
    assert check(view(state, ME, with_log=False), a) == "why.done"


# ---- plan-level and shape checks ---------------------------------------------------------

def test_same_action_on_the_same_person_twice_is_refused():
    state, a = legal("visit")
    assert check(view(state, ME, with_log=False), a, [a]) == "why.planned"


def test_only_one_negotiation_move_a_week():
    state, a = legal("negotiate")
    b = Action("negotiation_team", None, "d5_p30")
    assert check(view(state, ME, with_log=False), b, [a]) == "why.planned"


def test_role_days_run_out():
    state = lab_state()
    for pid in state.people:
        relate(state, pid, contact=1)
    plan = [Action("needs_research", pid) for pid in state.people]  # 4 presales days
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("joint_visit", "cio"), plan) == "why.no_time.presales"
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [*plan, Action("joint_visit", "cio")]})
    assert err.value.message_key == "why.no_time.presales"


def test_plan_budget_is_cumulative():
    state = lab_state()
    at_stage(state, 3)
    for pid in state.people:
        relate(state, pid, contact=2, trust=0.5)
    # Enough for the HQ visit alone, not for it after a reference visit.
    state.vendors[ME].budget = CATALOG["hq_visit"].cost + CATALOG["reference_visit"].cost / 2
    state.touch()
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("hq_visit", "president")) is None
    assert check(vw, Action("hq_visit", "president"),
                 [Action("reference_visit", "cio")]) == "why.no_budget"


@pytest.mark.parametrize(("action", "key"), [
    (Action("fly_to_the_moon"), "why.unknown_action"),
    (Action("visit", "nobody"), "why.target"),
    (Action("visit"), "why.target"),
    (Action("research_account", "cio"), "why.target"),
    (Action("submit_bid", None, "half_price"), "why.option"),
    (Action("research_account", None, "m5"), "why.option"),
])
def test_malformed_actions_are_refused(action: Action, key: str):
    state = lab_state()
    assert check(view(state, ME, with_log=False), action) == key


def test_a_lost_vendor_may_only_complain():
    state, a = legal("file_complaint")
    assert state.vendors[ME].status == "lost"
    vw = view(state, ME, with_log=False)
    enabled = {o.action.kind for o in legal_actions(vw, include_disabled=False)}
    assert enabled == {"file_complaint"}
    assert check(vw, Action("visit", "cio")) == "why.lost"


def test_inactive_and_finished_vendors_may_not_act():
    state = lab_state()
    state.vendors[ME].active = False
    state.touch()
    assert check(view(state, ME, with_log=False), Action("research_account")) == "why.inactive"
    state.vendors[ME].active = True
    state.outcome = {"result": "no_deal"}
    state.touch()
    assert check(view(state, ME, with_log=False), Action("research_account")) == "why.over"


def test_role_actions_index_matches_the_catalog():
    for role, kinds in ROLE_ACTIONS.items():
        assert kinds == [k for k, d in CATALOG.items() if role in d.roles]
    assert all(d.roles and set(d.roles) <= set(ROLE_ACTIONS) for d in CATALOG.values())


def test_options_listed_by_legal_actions_carry_a_default_option():
    state, _ = legal("submit_bid")
    opts = [o for o in legal_actions(view(state, ME)) if o.action.kind == "submit_bid"]
    assert [o.action.option for o in opts] == [CATALOG["submit_bid"].options[0]]
    assert opts[0].enabled


def test_every_action_takes_a_day_of_one_or_two_roles():
    # The planners stop looking once every role's week is full, which is right only if no
    # action is free of days; joint actions are exactly two roles.
    for d in CATALOG.values():
        assert d.days >= 1, d.id
        assert 1 <= len(d.roles) <= 2, d.id
