"""The tender and after: opening bids, scoring, the KDM's override, public notice and
complaints, negotiation, contract, first payment, and the risk of a shelved project.

The training material's warning is built in: ranking first, the award notice, even a signed
contract with a small first payment do not guarantee the deal until the money arrives.
"""

from __future__ import annotations

import math
from typing import Any

import cython

from game.core.num import clamp, fround
from game.core.preference import W_MARGIN, W_MIN
from game.core.rng import Rng
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import (
        B_BUDGET_HOLDER,
        B_PURCHASER,
        F_AWARD_DEFENDED,
        F_BID_SERVICE,
        F_BID_TECHNICAL,
        F_CONTRACT_SIGNED,
        F_CRITERIA_KNOWN,
        F_KICKOFF_READY,
        F_NOTICE_SURVIVED,
        F_PAID,
        F_PREFERRED,
        F_TERMS_AGREED,
        K_KDM,
        PH_DECISION,
        T_PRICE_SENSITIVE,
    )

# An evaluator's own preference: up to PREFERENCE points for the bidder they favour by
# PREF_SPREAD or more over the best other bidder, as many off for one far behind.
PREFERENCE = 0.08
_PREFERENCE = cython.declare(cython.double, PREFERENCE)
PREF_SPREAD = 0.2
_PREF_SPREAD = cython.declare(cython.double, PREF_SPREAD)
# A product that meets less than this of the needs an evaluator weighs is marked down by the
# shortfall (technical compliance: a cheap bid that does not do the job does not win).
TECH_FLOOR = 0.6
_TECH_FLOOR = cython.declare(cython.double, TECH_FLOOR)
# By how the customer buys: in a strict public tender every item is quantified in the
# documents and bidders' contact with the evaluators is watched, so an evaluator's own leaning
# moves their score half as much (seed 001: the evaluators decide who gets to compete).
PREFERENCE_BY_MODE = (1.0, 1.0, 0.5)
UNKNOWN = 0.05  # an evaluator who has never met a vendor marks it down (prequalification)
_UNKNOWN = cython.declare(cython.double, UNKNOWN)
_MAX_BIDS = cython.declare(cython.int, 16)  # a scenario has at most 16 vendors
# A bid from a vendor whose own funnel stopped short of P5 (no solution work seen, no
# insider, no coach): the evaluators see the gap. By stage 1..7.
UNPREPARED = (0.0, -0.10, -0.10, -0.10, -0.05, 0.0, 0.0, 0.0)
# How the customer buys: the KDM's weight among the evaluators, the expert panel's weight
# (a share of the buying centre's, public tenders only), and how close a result the KDM can
# settle for the vendor they back.
KDM_WEIGHT = (1.5, 1.0, 0.5)
EXPERTS = (0.0, 0.0, 0.6)
OVERRIDE_GAP = (0.10, 0.05, 0.0)
RUNNER_UP_WAIT = 4
MAX_DISCOUNT = 0.20  # the most an executive can approve; the customer never asks for more


def open_bids(state: GameState) -> dict[str, Any]:
    """Bid deadline: collect the bids; a bid above the customer's budget is disqualified."""
    bids: dict[str, dict[str, Any]] = {}
    v: Vendor
    for v in state.vlist:
        if v.active and v.bid is not None:
            b = dict(v.bid)
            b["technical"] = v.has(F_BID_TECHNICAL)
            b["service"] = v.has(F_BID_SERVICE)
            b["disqualified"] = b["price"] > state.budget + 1e-9
            bids[v.id] = b
    state.tender = {
        "week": state.week, "bids": bids, "ranking": [], "totals": {}, "scores": {},
        "preferred": None,
    }
    for v in state.vlist:
        if v.active and v.id not in bids:
            v.status = "lost"
    return state.tender


def evaluator_weights(state: GameState) -> dict[str, float]:
    out = {}
    p: Person
    for p in state.plist:
        if p.influence * p.part[PH_DECISION] > 0.02:
            out[p.id] = p.influence * p.part[PH_DECISION]
    return out


@cython.final
@cython.cclass
class Panel:
    """The evaluators as they judge: per evaluator (by person index) their weight, the
    criteria as they weigh them, and per vendor (by index) the technical fit under the needs
    they care about; per vendor the fixed part of the service score.

    These change only when an event replaces a person, changes a need weight or the criteria
    (or a vendor shapes them), so the state keeps the panel with the stamp of its inputs."""

    # Fields (declared for C in resolve.pxd; annotated here for type checkers).
    people: list[int]
    weight: list[float]
    tech: list[float]
    price_w: list[float]
    service_w: list[float]
    total: list[float]
    fits: list[list[float]]
    service: list[float]

    def __init__(self) -> None:
        self.people = []
        self.weight = []
        self.tech = []
        self.price_w = []
        self.service_w = []
        self.total = []
        self.fits = []
        self.service = []


@cython.ccall
def panel(state: GameState) -> Panel:
    if state.panel is not None and state.panel_stamp == state.stamp:
        return state.panel
    out: Panel = Panel()
    nw: list = state.nw
    n_needs: cython.Py_ssize_t = state.n_needs
    v: Vendor
    p: Person
    n: cython.Py_ssize_t
    w: cython.double
    for v in state.vlist:
        out.service.append(0.35 * v.delivery + 0.25 * min(1.0, v.references / 5)
                           + 0.25 * v.brand)
    people_w: cython.double = 0.0
    for p in state.plist:
        w = p.influence * p.part[PH_DECISION]
        if not w > 0.02:
            continue
        if p.key_mask & K_KDM:
            w *= KDM_WEIGHT[state.procurement]
        people_w += w
        pw = [cython.cast(cython.double, nw[n]) for n in range(n_needs)]
        for n in p.care_ids:
            pw[n] = cython.cast(cython.double, nw[n]) * 2.0
        pw_total: cython.double = 0.0
        for n in range(n_needs):
            pw_total += cython.cast(cython.double, pw[n])
        price_w: cython.double = state.crit_price * (
            1.5 if p.traits_mask & T_PRICE_SENSITIVE else 1.0)
        fits = []
        for v in state.vlist:
            acc: cython.double = 0.0
            for n in range(n_needs):
                acc += cython.cast(cython.double, pw[n]) * cython.cast(cython.double, v.fit[n])
            fits.append(acc / pw_total)
        out.people.append(p.index)
        out.weight.append(w)
        out.tech.append(state.crit_technical)
        out.price_w.append(price_w)
        out.service_w.append(state.crit_service)
        out.total.append(state.crit_technical + price_w + state.crit_service)
        out.fits.append(fits)
    experts: cython.double = EXPERTS[state.procurement]
    if experts > 0.0 and people_w > 0.0:  # the drawn expert panel: merit alone, every need
        nw_total: cython.double = 0.0
        for n in range(n_needs):
            nw_total += cython.cast(cython.double, nw[n])
        fits = []
        for v in state.vlist:
            acc2: cython.double = 0.0
            for n in range(n_needs):
                acc2 += cython.cast(cython.double, nw[n]) * cython.cast(cython.double, v.fit[n])
            fits.append(acc2 / (nw_total or 1.0))
        out.people.append(-1)
        out.weight.append(experts * people_w)
        out.tech.append(state.crit_technical)
        out.price_w.append(state.crit_price)
        out.service_w.append(state.crit_service)
        out.total.append(state.crit_technical + state.crit_price + state.crit_service)
        out.fits.append(fits)
    state.panel = out
    state.panel_stamp = state.stamp
    return out


@cython.final
@cython.cclass
class Scores:
    """The result of judging a set of bids: per bid (in the order given) the total and the
    merit (the score without support); per evaluator and bid the rounded score."""

    # Fields (declared for C in resolve.pxd; annotated here for type checkers). `values`
    # (only with rows) is each evaluator's score without their support: value for money as
    # that person sees it.
    vendors: list[int]
    totals: list[float]
    merit: list[float]
    rows: list[list[float]]
    values: list[list[float]]

    def __init__(self) -> None:
        self.vendors = []
        self.totals = []
        self.merit = []
        self.rows = []
        self.values = []


@cython.ccall
def prepared_stage(state: GameState, v: Vendor) -> cython.int:
    """The stage the evaluators judge a vendor's preparation by: the stage it held when the
    tender documents were issued. A vendor that reaches P5 while the tender runs did not
    shape the documents or the criteria, and the evaluators see it (late entrants)."""
    if state.week < state.cal_tender_issue:
        return v.stage
    s: cython.int
    for s in range(2, v.stage + 1):  # the first stage reached after the issue was not held
        w = v.stage_weeks.get(s)
        if w is not None and cython.cast(cython.int, w) > state.cal_tender_issue:
            return s - 1
    return v.stage


@cython.ccall
def judge(state: GameState, vendors: list, prices: list, technical: list, service: list,
          want_rows: cython.bint) -> Scores:
    """Every evaluator scores every bid under the criteria; their support tilts it."""
    pan: Panel = panel(state)
    nb: cython.Py_ssize_t = len(vendors)
    ne: cython.Py_ssize_t = len(pan.people)
    if nb > _MAX_BIDS:
        raise ValueError(f"at most {_MAX_BIDS} bids can be judged, not {nb}")
    k: cython.Py_ssize_t
    e: cython.Py_ssize_t
    # Per bid (C arrays compiled, lists uncompiled): what the evaluators' loop reads.
    vix: cython.int[16]
    price: cython.double[16]
    tech_extra: cython.double[16]
    serv_extra: cython.double[16]
    serv_v: cython.double[16]
    prep: cython.double[16]
    merit: cython.double[16]
    sums: cython.double[16]
    sup: cython.double[16]
    unmet: cython.bint[16]  # the evaluator has never met the bidder
    if not cython.compiled:
        vix, price, tech_extra, serv_extra, serv_v = [0] * 16, [0.0] * 16, [0.0] * 16, \
            [0.0] * 16, [0.0] * 16
        prep, merit, sums, sup, unmet = [0.0] * 16, [0.0] * 16, [0.0] * 16, [0.0] * 16, \
            [False] * 16
    for k in range(nb):
        vix[k] = vendors[k]
        price[k] = prices[k]
    low: cython.double = price[0]
    for k in range(1, nb):
        if cython.cast(cython.double, price[k]) < low:
            low = price[k]
    v: Vendor
    for k in range(nb):
        v = state.vlist[vix[k]]
        # A bid written without knowing the real criteria misses some of them.
        tech_extra[k] = 0.15 * min(v.spec_bias, 2.0) + (
            (0.05 if v.has(F_CRITERIA_KNOWN) else -0.02) if technical[k] else -0.10)
        price[k] = low / cython.cast(cython.double, price[k])  # the price's score
        serv_extra[k] = 0.15 if service[k] else 0.0
        serv_v[k] = pan.service[vix[k]]
        prep[k] = UNPREPARED[prepared_stage(state, v)]
        merit[k] = 0.0
        sums[k] = 0.0
        sup[k] = 0.0
    out: Scores = Scores()
    total_w: cython.double = 0.0
    base: cython.double
    w: cython.double
    score: cython.double
    vi: cython.int
    fits: list
    r: Relation
    pi: cython.int
    fit: cython.double
    fit_gap: cython.double
    top1: cython.double
    top2: cython.double
    lead: cython.double
    tech: cython.double
    price_w: cython.double
    service_w: cython.double
    total: cython.double
    pref: cython.double = _PREFERENCE * cython.cast(cython.double,
                                                   PREFERENCE_BY_MODE[state.procurement])
    for e in range(ne):
        w = pan.weight[e]
        total_w += w
        fits = pan.fits[e]
        pi = pan.people[e]
        tech = pan.tech[e]
        price_w = pan.price_w[e]
        service_w = pan.service_w[e]
        total = pan.total[e]
        row: list[float] | None = [] if want_rows else None
        vrow: list[float] | None = [] if want_rows else None
        top1 = -2.0
        top2 = -2.0
        if pi >= 0:
            for k in range(nb):
                r = cython.cast(list, state.rels[vix[k]])[pi]
                sup[k] = r.support
                unmet[k] = r.contact == 0
                if r.support > top1:
                    top2 = top1
                    top1 = r.support
                elif r.support > top2:
                    top2 = r.support
        for k in range(nb):
            vi = vix[k]
            fit = fits[vi]
            fit_gap = _TECH_FLOOR - fit
            base = (tech * (fit + cython.cast(cython.double, tech_extra[k]))
                    + price_w * cython.cast(cython.double, price[k])
                    + service_w * (cython.cast(cython.double, serv_v[k])
                                   + cython.cast(cython.double, serv_extra[k]))
                    ) / total + cython.cast(cython.double, prep[k])
            if fit_gap > 0.0:  # below what this evaluator needs: marked down (compliance)
                base -= fit_gap
            merit[k] = cython.cast(cython.double, merit[k]) + w * base
            if pi < 0:  # the expert panel has no favourites
                score = fround(base, 4)
            else:
                # Judged against the field: the lead over the best other bidder counts.
                lead = cython.cast(cython.double, sup[k]) - (
                    top2 if cython.cast(cython.double, sup[k]) == top1 else top1)
                if nb == 1:
                    lead = cython.cast(cython.double, sup[k])
                lead = clamp(lead / _PREF_SPREAD, -1.0, 1.0) * pref
                if unmet[k]:
                    lead -= _UNKNOWN
                score = fround(base + lead, 4)
            sums[k] = cython.cast(cython.double, sums[k]) + w * score
            if row is not None and vrow is not None:  # want_rows
                row.append(score)
                vrow.append(fround(base, 4))
        if row is not None and vrow is not None:  # want_rows
            out.rows.append(row)
            out.values.append(vrow)
    if total_w == 0.0:
        total_w = 1.0
    out.vendors = vendors
    out.totals = [fround(cython.cast(cython.double, sums[k]) / total_w, 4) for k in range(nb)]
    out.merit = [cython.cast(cython.double, merit[k]) / total_w for k in range(nb)]
    return out


def _judge_bids(state: GameState, bids: dict[str, dict[str, Any]]
                ) -> tuple[dict[str, dict[str, float]], dict[str, float], dict[str, float]]:
    """`judge` for bids as the tender holds them: scores by evaluator id, totals, merit."""
    ids = list(bids)
    res = judge(state, [state.vendors[vid].index for vid in ids],
                [b["price"] for b in bids.values()], [b["technical"] for b in bids.values()],
                [b["service"] for b in bids.values()], True)
    pan = panel(state)
    # One row per person of the buying centre; a public tender's drawn experts (index -1)
    # are no one's row (plist[-1] would be the last person's).
    scores = {state.plist[pi].id: dict(zip(ids, row, strict=True))
              for pi, row in zip(pan.people, res.rows, strict=True) if pi >= 0}
    return scores, dict(zip(ids, res.totals, strict=True)), dict(zip(ids, res.merit,
                                                                     strict=True))


def score_bids(state: GameState) -> dict[str, Any]:
    """Each evaluator scores each valid bid under the criteria; their support tilts it."""
    t = state.tender
    assert t is not None, "bids are scored only once the tender is open"
    valid = {k: b for k, b in t["bids"].items() if not b["disqualified"]}
    if not valid:
        return {"totals": {}, "scores": {}, "ranking": []}
    scores, totals, _ = _judge_bids(state, valid)
    ranking = sorted(totals, key=lambda k: (-totals[k], k))
    return {"totals": totals, "scores": scores, "ranking": ranking}


@cython.ccall
def projected(state: GameState, want_rows: cython.bint = False) -> Scores:
    """What each vendor still in the race would score if the bids were judged now.

    Vendors without a bid are assumed to bid their list price cut to the budget, with full
    technical and service answers. C931's "deciders rank us first" and "first on value for
    money" read this, so health tracks what actually decides the tender.
    """
    vendors = []
    prices = []
    v: Vendor
    for v in state.vlist:
        if not v.active or v.status != "active":
            continue
        vendors.append(v.index)
        if v.bid is not None:
            prices.append(v.bid["price"])
        else:
            prices.append(max(v.floor_price, min(v.list_price, state.budget)))
    if not vendors:
        return Scores()
    flags = [True] * len(vendors)
    return judge(state, vendors, prices, flags, flags, want_rows)


def projected_scores(state: GameState) -> dict[str, tuple[float, float]]:
    """(total, merit) of each vendor still in the race, by id (see `projected`)."""
    res = projected(state)
    return {state.vlist[vi].id: (t, m)
            for vi, t, m in zip(res.vendors, res.totals, res.merit, strict=True)}


@cython.ccall
def kdm_choice(state: GameState, vendors: list) -> cython.int:
    """The vendor (index) among `vendors` that the KDM backs: supported at least W_MIN and by
    W_MARGIN more than any other of them, by a KDM it has a relationship with; else -1."""
    p: Person
    r: Relation
    best: cython.int
    s1: cython.double
    s2: cython.double
    vi: cython.int
    for p in state.plist:
        if not p.key_mask & K_KDM:
            continue
        best = -1
        s1 = -2.0
        s2 = -2.0
        for vi in vendors:
            r = state.rels[vi][p.index]
            if r.support > s1:
                s2 = s1
                s1 = r.support
                best = vi
            elif r.support > s2:
                s2 = r.support
        if best >= 0 and s1 >= W_MIN and s1 - s2 >= W_MARGIN and \
                cython.cast(Relation, state.rels[best][p.index]).contact >= 2:
            return best
    return -1


def kdm_override(state: GameState, ranking: list[str], totals: dict[str, float]) -> list[str]:
    """The KDM settles a close result for the vendor they back (W): how close depends on how
    the customer buys (never in a strict public tender). Returns the final ranking."""
    gap = OVERRIDE_GAP[state.procurement]
    if len(ranking) < 2 or gap <= 0.0:
        return ranking
    chosen = kdm_choice(state, [state.vendors[vid].index for vid in ranking])
    if chosen < 0:
        return ranking
    vid = state.vlist[chosen].id
    if vid == ranking[0] or totals[ranking[0]] - totals[vid] >= gap:
        return ranking
    return [vid] + [k for k in ranking if k != vid]


def _make_winner(state: GameState, vid: str, notice_end: int) -> None:
    v: Vendor
    for v in state.vlist:
        if v.id == vid:
            v.status = "active"
            v.stage = 6
            v.stage_weeks[6] = state.week
            v.give(F_PREFERRED)
        elif v.active and v.status == "active" and state.tender and v.id in state.tender["bids"]:
            v.status = "lost"
            v.drop(F_PREFERRED)
    state.award = {"vendor": vid, "week": state.week, "notice_end": notice_end,
                   "complaints": []}


def evaluate(state: GameState) -> dict[str, Any]:
    """Award week: score, apply the KDM's override, name the preferred bidder."""
    res = score_bids(state)
    t = state.tender
    assert t is not None
    t.update(res)
    ranking = list(res["ranking"])
    if not ranking:
        return {"preferred": None}
    scored = ranking
    ranking = kdm_override(state, scored, res["totals"])
    override = ranking[0] != scored[0]
    t["scored_ranking"] = scored
    t["ranking"] = ranking
    t["override"] = override
    t["preferred"] = ranking[0]
    notice = state.calendar["notice_weeks"]
    _make_winner(state, ranking[0], state.week + notice)
    if notice == 0:
        state.vendors[ranking[0]].give(F_NOTICE_SURVIVED)
    return {"preferred": ranking[0], "override": override}


def decision_support(state: GameState, vid: str) -> float:
    w = evaluator_weights(state)
    total = 0.0
    for wt in w.values():
        total += wt
    total = total or 1.0
    rels = state.relations[vid]
    acc = 0.0
    for pid, wt in w.items():
        acc += wt * rels[pid].support
    return acc / total


def end_notice(state: GameState, rng: Rng) -> dict[str, Any]:
    """Complaints filed during the public notice may overturn the award."""
    award, tender = state.award, state.tender
    assert award is not None and tender is not None, "the notice follows an award"
    winner = award["vendor"]
    result: dict[str, Any] = {"complaints": list(award["complaints"]), "overturned": False}
    defended = state.vendors[winner].has(F_AWARD_DEFENDED)
    for c in award["complaints"]:
        if state.vendors[c].status == "lost" or c == winner:
            gap = decision_support(state, c) - decision_support(state, winner)
            p = 0.15 + 0.6 * max(0.0, gap) - (0.15 if defended else 0.0)
            if rng.chance(max(0.02, p)):
                res = score_bids(state)
                tender.update({k: res[k] for k in ("totals", "scores")})
                ranking = list(res["ranking"])
                if ranking and ranking[0] != winner:
                    tender["ranking"] = ranking
                    tender["preferred"] = ranking[0]
                    state.vendors[winner].drop(F_PREFERRED)
                    _make_winner(state, ranking[0], state.week)
                    result.update({"overturned": True, "by": c, "new": ranking[0]})
                    winner = ranking[0]
                break
    state.vendors[winner].give(F_NOTICE_SURVIVED)
    award = state.award  # a complaint that overturned the award made a new one
    assert award is not None
    award["notice_over"] = True
    return result


def pass_to_runner_up(state: GameState) -> dict[str, Any]:
    """The preferred bidder failed to sign in time; the customer turns to the next one."""
    award, tender = state.award, state.tender
    assert award is not None and tender is not None, "only an awarded deal is passed on"
    old = award["vendor"]
    ranking = [k for k in tender["ranking"] if k != old
               and not tender["bids"][k]["disqualified"]]
    state.vendors[old].status = "lost"
    state.vendors[old].drop(F_PREFERRED)
    tender.setdefault("passed_over", []).append(old)
    if not ranking:
        award["vendor"] = None
        return {"runner_up": None}
    nxt = ranking[0]
    tender["ranking"] = ranking
    _make_winner(state, nxt, state.week)
    state.vendors[nxt].give(F_NOTICE_SURVIVED)
    award = state.award  # the new award
    assert award is not None
    award["passed"] = True
    return {"runner_up": nxt}


def _buyers(state: GameState, v: Vendor) -> tuple[float, bool]:
    """The budget holder's and purchasing's average support for us, and whether any of them
    is price-sensitive."""
    rels: list = state.rels[v.index]
    total = 0.0
    n = 0
    sensitive = False
    p: Person
    r: Relation
    for p in state.plist:
        if p.roles_mask & (B_BUDGET_HOLDER | B_PURCHASER):
            r = rels[p.index]
            total += r.support
            n += 1
            sensitive = sensitive or bool(p.traits_mask & T_PRICE_SENSITIVE)
    if n == 0:
        return 0.0, False
    return total / n, sensitive


# What the buyers ask at the negotiation table depends on the deal. The budget holders and
# purchasers start from a token discount; they ask more when they are price-sensitive, when our
# bid sits near the whole budget, and above all when they still have a real alternative: a
# runner-up close behind us on score (and more again when it bid less); they ask less when
# they are on our side, and less again with the executive at the table. A vendor that won
# clearly with the buyers behind it keeps its margin; one that scraped through gives it away.
ASK_BASE = 0.04  # a clear winner, neutral buyers
ASK_SENSITIVE = 0.06  # a price-sensitive budget holder or purchaser
ASK_NEAR_BUDGET = 0.05  # a bid above 95% of the budget
ASK_SUPPORT = 0.16  # less per unit of the buyers' average support (-1..1)
ASK_RIVAL = 0.10  # a runner-up level with us on score ...
CLEAR_LEAD = 0.05  # ... and nothing once we lead the best alternative by this much
ASK_MATCH = 0.3  # the share of a cheaper runner-up's price gap asked for, scaled the same
ASK_JOINT = 0.03  # the executive at the table (negotiation_team)
PAY_SUPPORT = 0.1  # the first payment accepted moves this much per unit of support
PAY_JOINT = 0.05


def competition_left(me: str, ranking: list[str], totals: dict[str, float],
                     prices: dict[str, float]) -> tuple[float, float]:
    """How much of a real alternative the customer still has to us, from the tender as it
    stands (the public ranking, scores and bid prices): closeness 1 when the best remaining
    bidder scored level with us or ahead (a KDM's override), 0 when we lead it by CLEAR_LEAD
    or more, or when no one is left; and how much cheaper it bid, as a share of our price."""
    others = [k for k in ranking if k != me and k in totals]
    if not others or me not in totals:
        return 0.0, 0.0
    best = max(others, key=lambda k: (totals[k], k))
    closeness = clamp(1.0 - (totals[me] - totals[best]) / CLEAR_LEAD, 0.0, 1.0)
    mine = prices.get(me, 0.0)
    cheaper = (mine - prices[best]) / mine if mine > 0 and best in prices else 0.0
    return closeness, max(cheaper, 0.0)


def terms_asked(support: float, price_sensitive: bool, near_budget: bool, closeness: float,
                cheaper: float, joint: bool, first_payment_max: float,
                first_payment_min: float) -> tuple[float, float]:
    """The smallest discount and the largest first payment the buyers accept, from what
    shapes their position (see the ASK_ constants above)."""
    want = ASK_BASE + (ASK_SENSITIVE if price_sensitive else 0.0) - ASK_SUPPORT * support
    if near_budget:
        want += ASK_NEAR_BUDGET
    want += closeness * (ASK_RIVAL + ASK_MATCH * cheaper)
    cap = first_payment_max + PAY_SUPPORT * support
    if joint:
        want -= ASK_JOINT
        cap += PAY_JOINT
    want = min(max(want, 0.0), MAX_DISCOUNT)
    cap = min(max(cap, first_payment_min), 0.5)
    return fround(want, 4), fround(cap, 4)


def tender_competition(state: GameState, v: Vendor) -> tuple[float, float]:
    """`competition_left` for a vendor from the tender as the state holds it."""
    t = state.tender
    if t is None:
        return 0.0, 0.0
    return competition_left(v.id, t["ranking"], t["totals"],
                            {k: b["price"] for k, b in t["bids"].items()})


def customer_terms(state: GameState, v: Vendor, joint: bool) -> tuple[float, float]:
    """The smallest discount and largest first payment the customer would accept now."""
    s, price_sensitive = _buyers(state, v)
    price = v.bid["price"] if v.bid else v.list_price
    closeness, cheaper = tender_competition(state, v)
    return terms_asked(s, price_sensitive, price > 0.95 * state.budget, closeness, cheaper,
                       joint, state.first_payment_max, state.first_payment_min)


def parse_terms(option: str) -> tuple[float, float]:
    d, p = option.split("_")
    return int(d[1:]) / 100, int(p[1:]) / 100


def negotiate(state: GameState, v: Vendor, option: str, joint: bool) -> dict[str, Any]:
    disc, pay = parse_terms(option)
    want, cap = customer_terms(state, v, joint)
    base = v.bid["price"] if v.bid else v.list_price
    value = max(v.floor_price, base * (1 - disc))
    if disc + 1e-9 >= want and pay <= cap + 1e-9:
        v.terms = {"discount": disc, "first_payment": pay, "value": fround(value, 2)}
        v.give(F_TERMS_AGREED)
        return {"agreed": True, "discount": disc, "first_payment": pay}
    rels = state.rels[v.index]
    p: Person
    r: Relation
    for p in state.plist:
        if p.roles_mask & (B_BUDGET_HOLDER | B_PURCHASER):
            r = rels[p.index]
            r.trust = max(0.0, r.trust - 0.02)
    # The customer's counter-offer: the nearest terms on the offer grid it would accept now.
    grid_d = math.ceil(want * 20 - 1e-9) / 20
    grid_p = max(math.floor(cap * 10 + 1e-9) / 10, 0.1)
    hint = {"discount": fround(grid_d, 2), "first_payment": fround(grid_p, 2)}
    if v.bid is not None:
        v.bid["counter"] = hint
    return {"agreed": False, "counter": hint}


def sign_contract(state: GameState, v: Vendor) -> dict[str, Any]:
    terms = v.terms
    assert terms is not None, "a contract follows agreed terms"
    state.contract = {
        "vendor": v.id, "value": terms["value"], "discount": terms["discount"],
        "first_payment": terms["first_payment"], "signed_week": state.week,
        "margin": fround((terms["value"] - v.delivery_cost) / terms["value"], 4),
        "paid": False,
    }
    v.give(F_CONTRACT_SIGNED)
    v.stage = 7
    v.stage_weeks[7] = state.week
    return {"signed": True, "value": terms["value"]}


def collect_payment(state: GameState, v: Vendor, rng: Rng) -> dict[str, Any]:
    """The first payment may slip; when it arrives, a small share leaves a shelving risk."""
    s, _ = _buyers(state, v)
    kickoff = v.has(F_KICKOFF_READY)
    p_pay = 0.45 + 0.4 * max(s, 0.0) + (0.15 if kickoff else 0.0)
    if not rng.chance(min(p_pay, 0.95)):
        return {"paid": False}
    c = state.contract
    assert c is not None, "payment follows a signed contract"
    c["paid"] = True
    c["paid_week"] = state.week
    v.give(F_PAID)
    share = c["first_payment"]
    risk = max(0.0, 0.3 - share) * 2.0 + state.shelve_risk
    if kickoff:
        risk -= 0.05
    shelved = rng.chance(max(0.0, risk))
    c["shelved"] = shelved
    v.status = "shelved" if shelved else "won"
    return {"paid": True, "shelved": shelved, "amount": fround(share * c["value"], 2)}
