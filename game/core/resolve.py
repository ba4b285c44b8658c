"""The tender and after: opening bids, scoring, the KDM's override, public notice and
complaints, negotiation, contract, first payment, and the risk of a shelved project.

The training material's warning is built in: ranking first, the award notice, even a signed
contract with a small first payment do not guarantee the deal until the money arrives.
"""

from __future__ import annotations

import math
from typing import Any

from game.core.rng import Rng
from game.core.state import GameState, Vendor

SUPPORT_IN_SCORE = 0.3
OVERRIDE_GAP = 0.04
OVERRIDE_SUPPORT = 0.25
RUNNER_UP_WAIT = 4
MAX_DISCOUNT = 0.20  # the most an executive can approve; the customer never asks for more



def open_bids(state: GameState) -> dict[str, Any]:
    """Bid deadline: collect the bids; a bid above the customer's budget is disqualified."""
    bids: dict[str, dict[str, Any]] = {}
    for v in state.vendors.values():
        if v.active and v.bid is not None:
            b = dict(v.bid)
            b["technical"] = "bid_technical" in v.facts
            b["service"] = "bid_service" in v.facts
            b["disqualified"] = b["price"] > state.budget + 1e-9
            bids[v.id] = b
    state.tender = {
        "week": state.week, "bids": bids, "ranking": [], "totals": {}, "scores": {},
        "preferred": None,
    }
    for v in state.vendors.values():
        if v.active and v.id not in bids:
            v.status = "lost"
    return state.tender


def evaluator_weights(state: GameState) -> dict[str, float]:
    return {
        p.id: p.influence * p.participation["decision"]
        for p in state.people.values()
        if p.influence * p.participation["decision"] > 0.02
    }


def score_bids(state: GameState) -> dict[str, Any]:
    """Each evaluator scores each valid bid under the criteria; their support tilts it."""
    t = state.tender
    assert t is not None, "bids are scored only once the tender is open"
    valid = {k: b for k, b in t["bids"].items() if not b["disqualified"]}
    if not valid:
        return {"totals": {}, "scores": {}, "ranking": []}
    scores, totals, _ = _evaluate(state, valid)
    ranking = sorted(totals, key=lambda k: (-totals[k], k))
    return {"totals": totals, "scores": scores, "ranking": ranking}


def projected_scores(state: GameState) -> dict[str, tuple[float, float]]:
    """(total, merit) each vendor still in the race would score if the bids were judged now.

    Vendors without a bid are assumed to bid their list price cut to the budget, with full
    technical and service answers; merit is the score without the evaluators' support. C931's
    "deciders rank us first" and "first on value for money" read this, so health tracks
    what actually decides the tender.
    """
    bids: dict[str, dict[str, Any]] = {}
    for v in state.vendors.values():
        if not v.active or v.status != "active":
            continue
        if v.bid is not None:
            bids[v.id] = {"price": v.bid["price"], "technical": True, "service": True}
        else:
            spec = state.vendor_spec(v.id)
            price = max(spec.floor_price, min(spec.list_price, state.budget))
            bids[v.id] = {"price": price, "technical": True, "service": True}
    if not bids:
        return {}
    _, totals, merit = _evaluate(state, bids)
    return {vid: (totals[vid], merit[vid]) for vid in bids}


def _panel(state: GameState) -> list[tuple[str, float, tuple[float, float, float, float],
                                         dict[str, tuple[float, float]]]]:
    """Per evaluator: weight, the criteria as they weigh them (with their price sensitivity
    and the total) and, per vendor, the technical fit under the needs they care about and
    the fixed part of the service score.

    These change only when an event replaces a person or changes a need weight or the
    criteria (or a vendor shapes them), yet every week's health projects the tender, so the
    panel is kept in the game's lasting cache with those inputs as its stamp.
    """
    stamp = (tuple(state.need_weights.values()), tuple(state.criteria.values()),
             tuple(p.generation for p in state.people.values()))
    store = state.lasting()
    hit = store.get("panel")
    if hit is not None and hit[0] == stamp:
        return hit[1]
    nw = state.need_weights
    crit = state.criteria
    vendors = []
    for vs in state.spec.vendors:
        service = (0.35 * vs.delivery + 0.25 * min(1.0, vs.references / 5)
                   + 0.25 * vs.brand)
        vendors.append((vs.id, vs.fit, service))
    panel = []
    for pid, w in evaluator_weights(state).items():
        p = state.people[pid]
        care = set(p.cares_about)
        pw = {n: x * (2.0 if n in care else 1.0) for n, x in nw.items()}
        pw_total = sum(pw.values())
        price_w = crit["price"] * (1.5 if "price_sensitive" in p.traits else 1.0)
        cw_total = crit["technical"] + price_w + crit["service"]
        fits = {
            vid: (sum(pw[n] * fit.get(n, 0.0) for n in pw) / pw_total, service)
            for vid, fit, service in vendors
        }
        panel.append((pid, w, (crit["technical"], price_w, crit["service"], cw_total), fits))
    store["panel"] = (stamp, panel)
    return panel


def _evaluate(state: GameState, bids: dict[str, dict[str, Any]]
              ) -> tuple[dict[str, dict[str, float]], dict[str, float], dict[str, float]]:
    low = min(b["price"] for b in bids.values())
    scores: dict[str, dict[str, float]] = {}
    merit_sum = dict.fromkeys(bids, 0.0)
    weights: dict[str, float] = {}
    per_bid = [
        (vid, 0.15 * min(state.vendors[vid].spec_bias, 2.0)
         + (0.05 if b["technical"] else -0.10), low / b["price"],
         0.15 if b["service"] else 0.0, state.relations[vid])
        for vid, b in bids.items()
    ]
    for pid, w, (cw_tech, cw_price, cw_service, cw_total), fits in _panel(state):
        weights[pid] = w
        row = {}
        for vid, tech_extra, price, service_extra, rels in per_bid:
            fit, service = fits[vid]
            base = (cw_tech * (fit + tech_extra) + cw_price * price
                    + cw_service * (service + service_extra)) / cw_total
            merit_sum[vid] += w * base
            row[vid] = round(base + SUPPORT_IN_SCORE * rels[pid].support, 4)
        scores[pid] = row
    total_w = sum(weights.values()) or 1.0
    totals = {
        vid: round(sum(weights[pid] * scores[pid][vid] for pid in weights) / total_w, 4)
        for vid in bids
    }
    merit = {vid: m / total_w for vid, m in merit_sum.items()}
    return scores, totals, merit


def kdm_override(state: GameState, ranking: list[str], totals: dict[str, float]) -> bool:
    """The KDM can swap a narrow result when they clearly back the runner-up."""
    if len(ranking) < 2:
        return False
    a, b = ranking[0], ranking[1]
    if totals[a] - totals[b] >= OVERRIDE_GAP:
        return False
    for p in state.people.values():
        if "KDM" in p.key:
            sa = state.relations[a][p.id].support
            sb = state.relations[b][p.id].support
            if sb - sa > OVERRIDE_SUPPORT:
                return True
    return False


def _make_winner(state: GameState, vid: str, notice_end: int) -> None:
    for v in state.vendors.values():
        if v.id == vid:
            v.status = "active"
            v.stage = 6
            v.stage_weeks[6] = state.week
            v.facts.add("preferred")
        elif v.active and v.status == "active" and state.tender and v.id in state.tender["bids"]:
            v.status = "lost"
            v.facts.discard("preferred")
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
    override = kdm_override(state, ranking, res["totals"])
    if override:
        ranking[0], ranking[1] = ranking[1], ranking[0]
    t["ranking"] = ranking
    t["override"] = override
    t["preferred"] = ranking[0]
    notice = state.calendar["notice_weeks"]
    _make_winner(state, ranking[0], state.week + notice)
    if notice == 0:
        state.vendors[ranking[0]].facts.add("notice_survived")
    return {"preferred": ranking[0], "override": override}


def decision_support(state: GameState, vid: str) -> float:
    w = evaluator_weights(state)
    total = sum(w.values()) or 1.0
    return sum(wt * state.relations[vid][pid].support for pid, wt in w.items()) / total


def end_notice(state: GameState, rng: Rng) -> dict[str, Any]:
    """Complaints filed during the public notice may overturn the award."""
    award, tender = state.award, state.tender
    assert award is not None and tender is not None, "the notice follows an award"
    winner = award["vendor"]
    result: dict[str, Any] = {"complaints": list(award["complaints"]), "overturned": False}
    defended = "award_defended" in state.vendors[winner].facts
    for c in award["complaints"]:
        if state.vendors[c].status == "lost" or c == winner:
            gap = decision_support(state, c) - decision_support(state, winner)
            p = 0.15 + 0.6 * max(0.0, gap) - (0.15 if defended else 0.0)
            if rng.chance(max(0.02, p)):
                res = score_bids(state)
                tender.update({k: res[k] for k in ("totals", "scores")})
                ranking = [k for k in res["ranking"]]
                if ranking and ranking[0] != winner:
                    tender["ranking"] = ranking
                    tender["preferred"] = ranking[0]
                    state.vendors[winner].facts.discard("preferred")
                    _make_winner(state, ranking[0], state.week)
                    result.update({"overturned": True, "by": c, "new": ranking[0]})
                    winner = ranking[0]
                break
    state.vendors[winner].facts.add("notice_survived")
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
    state.vendors[old].facts.discard("preferred")
    tender.setdefault("passed_over", []).append(old)
    if not ranking:
        award["vendor"] = None
        return {"runner_up": None}
    nxt = ranking[0]
    tender["ranking"] = ranking
    _make_winner(state, nxt, state.week)
    state.vendors[nxt].facts.add("notice_survived")
    award = state.award  # the new award
    assert award is not None
    award["passed"] = True
    return {"runner_up": nxt}


def _buyers(state: GameState, v: Vendor) -> tuple[float, bool]:
    people = [p for p in state.people.values()
              if {"budget_holder", "purchaser"} & set(p.roles)]
    if not people:
        return 0.0, False
    s = sum(state.relations[v.id][p.id].support for p in people) / len(people)
    return s, any("price_sensitive" in p.traits for p in people)


def customer_terms(state: GameState, v: Vendor, joint: bool) -> tuple[float, float]:
    """The smallest discount and largest first payment the customer would accept now."""
    s, price_sensitive = _buyers(state, v)
    price = v.bid["price"] if v.bid else state.vendor_spec(v.id).list_price
    want = 0.08 + (0.06 if price_sensitive else 0.0) - 0.12 * s
    if price > 0.95 * state.budget:
        want += 0.05
    cap = state.first_payment_max + 0.1 * s
    if joint:
        want -= 0.03
        cap += 0.05
    want = min(max(want, 0.0), MAX_DISCOUNT)
    cap = min(max(cap, state.first_payment_min), 0.5)
    return round(want, 4), round(cap, 4)


def parse_terms(option: str) -> tuple[float, float]:
    d, p = option.split("_")
    return int(d[1:]) / 100, int(p[1:]) / 100


def negotiate(state: GameState, v: Vendor, option: str, joint: bool) -> dict[str, Any]:
    disc, pay = parse_terms(option)
    want, cap = customer_terms(state, v, joint)
    spec = state.vendor_spec(v.id)
    base = v.bid["price"] if v.bid else spec.list_price
    value = max(spec.floor_price, base * (1 - disc))
    if disc + 1e-9 >= want and pay <= cap + 1e-9:
        v.terms = {"discount": disc, "first_payment": pay, "value": round(value, 2)}
        v.facts.add("terms_agreed")
        return {"agreed": True, "discount": disc, "first_payment": pay}
    for p in state.people.values():
        if {"budget_holder", "purchaser"} & set(p.roles):
            r = state.relations[v.id][p.id]
            r.trust = max(0.0, r.trust - 0.02)
    # The customer's counter-offer: the nearest terms on the offer grid it would accept now.
    grid_d = math.ceil(want * 20 - 1e-9) / 20
    grid_p = max(math.floor(cap * 10 + 1e-9) / 10, 0.1)
    hint = {"discount": round(grid_d, 2), "first_payment": round(grid_p, 2)}
    if v.bid is not None:
        v.bid["counter"] = hint
    return {"agreed": False, "counter": hint}


def sign_contract(state: GameState, v: Vendor) -> dict[str, Any]:
    spec = state.vendor_spec(v.id)
    terms = v.terms
    assert terms is not None, "a contract follows agreed terms"
    state.contract = {
        "vendor": v.id, "value": terms["value"], "discount": terms["discount"],
        "first_payment": terms["first_payment"], "signed_week": state.week,
        "margin": round((terms["value"] - spec.delivery_cost) / terms["value"], 4),
        "paid": False,
    }
    v.facts.add("contract_signed")
    v.stage = 7
    v.stage_weeks[7] = state.week
    return {"signed": True, "value": terms["value"]}


def collect_payment(state: GameState, v: Vendor, rng: Rng) -> dict[str, Any]:
    """The first payment may slip; when it arrives, a small share leaves a shelving risk."""
    s, _ = _buyers(state, v)
    p_pay = 0.45 + 0.4 * max(s, 0.0) + (0.15 if "kickoff_ready" in v.facts else 0.0)
    if not rng.chance(min(p_pay, 0.95)):
        return {"paid": False}
    c = state.contract
    assert c is not None, "payment follows a signed contract"
    c["paid"] = True
    c["paid_week"] = state.week
    v.facts.add("paid")
    share = c["first_payment"]
    risk = max(0.0, 0.3 - share) * 2.0 + state.shelve_risk
    if "kickoff_ready" in v.facts:
        risk -= 0.05
    shelved = rng.chance(max(0.0, risk))
    c["shelved"] = shelved
    v.status = "shelved" if shelved else "won"
    return {"paid": True, "shelved": shelved, "amount": round(share * c["value"], 2)}
