"""Lint rules about numbers: values past the point where the rules stop counting them, weights
that are not shares, a line-up of mismatched strengths, and events too late to matter.

Each warning says what the game will actually do with the value and what would change it, so
a designer stops tuning a knob that is not connected to anything.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.scenario import models as m
from game.scenario import thresholds as t
from game.scenario.difficulty import mix_warning
from game.scenario.issues import Issue
from game.scenario.lint_reach import all_effects

if TYPE_CHECKING:
    from game.scenario.lint import _Linter

BUYER_ROLES = frozenset({"budget_holder", "purchaser"})
"""Who sets the terms and releases the payment (resolve._buyers)."""


def _money(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:g}"


def _cut_factor(spec: m.ScenarioSpec) -> float:
    """The customer budget left if every budget cut an event can make happens."""
    factor = 1.0
    for ev in spec.events:
        for _, e in all_effects(ev, ()):
            if isinstance(e, m.BudgetEffect) and e.change < 0:
                factor *= 1 + e.change
    return factor


def _payment_cuts(spec: m.ScenarioSpec) -> float:
    """How far every first_payment event together could lower the largest first payment."""
    return -sum(e.change for ev in spec.events for _, e in all_effects(ev, ())
                if isinstance(e, m.FirstPaymentEffect) and e.change < 0)


def inert_values(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    code = "lint/inert_value"
    for i, vs in enumerate(spec.vendors):
        if vs.references > t.REFERENCES_COUNTED:
            yield lint.warn(("vendors", i, "references"), f"vendor '{vs.id}' has "
                            f"{vs.references} references, but the rules count only "
                            f"{t.REFERENCES_COUNTED}: any number from {t.REFERENCES_COUNTED} "
                            "up plays the same", code,
                            f"write {t.REFERENCES_COUNTED}, or strengthen brand or delivery")
        lowest = vs.list_price * t.LOWEST_WITHOUT_FLOOR
        if vs.side == "rival" and _never_bids_floor(spec, vs) and vs.floor_price <= lowest:
            yield lint.warn(("vendors", i, "floor_price"), f"rival '{vs.id}' never reaches "
                            f"its floor price {_money(vs.floor_price)}: its "
                            f"{vs.playbook.value} playbook at {vs.difficulty.value} difficulty "
                            f"does not bid the floor, and a bid {t.BID_STEP_MAX:.0%} off list "
                            f"less the largest negotiated discount ({t.DISCOUNT_MAX:.0%}) ends "
                            f"at {_money(lowest)}", code,
                            f"a floor under {_money(lowest)} plays the same; raise it above "
                            "that for it to matter")
        for pid, rel in vs.relations.items():
            person = next((p for p in spec.stakeholders if p.id == pid), None)
            if person is None:
                continue
            start = person.leaning + rel.support
            if abs(start) > t.SUPPORT_LIMIT + 1e-9:
                yield lint.warn(("vendors", i, "relations", pid, "support"),
                                f"{pid}'s support for '{vs.id}' starts at "
                                f"{math.copysign(t.SUPPORT_LIMIT, start):+g}, not {start:+g}: "
                                f"their leaning {person.leaning:+g} plus this {rel.support:+g} "
                                "is cut to the end of the scale", code,
                                f"write {math.copysign(t.SUPPORT_LIMIT, start) - person.leaning:+g}"
                                " or less to mean the same")
    yield from _budget(lint)
    yield from _payment(lint)
    for i, s in enumerate(spec.stakeholders):
        weight = s.influence * s.participation.decision
        if 0 < weight <= t.EVALUATOR_FLOOR:
            yield lint.warn(("stakeholders", i, "influence"), f"{s.id} never scores the bids: "
                            f"influence × decision participation is {weight:.3g}, and only "
                            f"people above {t.EVALUATOR_FLOOR:g} score", code,
                            "raise one of them, or set decision participation to 0 if they "
                            "are not meant to score")


def _never_bids_floor(spec: m.ScenarioSpec, vs: m.VendorSpec) -> bool:
    """A rival's AI bids its floor only by playbook (price_cutter), by search (expert), or
    when even its deepest step is over the budget it may face."""
    if vs.playbook.value == "price_cutter" or vs.difficulty.value == "expert":
        return False
    budget = spec.customer.budget * _cut_factor(spec)
    return vs.list_price * (1 - t.BID_STEP_MAX) <= budget * 0.98


def _budget(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    cut = _cut_factor(spec)
    top = max(spec.vendors, key=lambda v: v.list_price)
    inert = top.list_price / t.NEAR_BUDGET
    if spec.customer.budget * cut > inert:
        after = " after every budget cut its events can make" if cut < 1 else ""
        yield lint.warn(("customer", "budget"), f"the budget {_money(spec.customer.budget)} "
                        f"is more than the rules can use{after}: the highest list price is "
                        f"{_money(top.list_price)} ('{top.id}'), so no bid comes near the budget "
                        f"and any budget above {_money(inert / cut)} plays the same",
                        "lint/inert_value",
                        "lower it to where a high bid risks disqualification or a deeper "
                        "discount, if the budget should matter")


def _payment(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    pay = spec.customer.payment
    cuts = _payment_cuts(spec)
    inert = t.FIRST_PAYMENT_INERT + cuts
    base = ("customer", "payment")
    if pay.first_payment_max > inert + 1e-9:
        yield lint.warn((*base, "first_payment_max"), f"first_payment_max "
                        f"{pay.first_payment_max:g} is past the point where it matters: the "
                        f"largest first payment offered is {t.FIRST_PAYMENT_HIGH:.0%}, and from "
                        f"{inert:g} up every offer is accepted whatever the buyers think",
                        "lint/inert_value", f"{inert:g} plays the same")
    lowest = pay.first_payment_max - t.SUPPORT_SWING - cuts
    if pay.first_payment_min < t.FIRST_PAYMENT_LOW - 1e-9 and lowest < t.FIRST_PAYMENT_LOW:
        yield lint.warn((*base, "first_payment_min"), f"with first_payment_min "
                        f"{pay.first_payment_min:g}, hostile buyers"
                        f"{' after a squeeze' if cuts else ''} accept a first payment of "
                        f"{max(lowest, pay.first_payment_min):.0%} at most, under the "
                        f"smallest on offer ({t.FIRST_PAYMENT_LOW:.0%}): no terms could be agreed",
                        "lint/inert_value",
                        f"set first_payment_min to {t.FIRST_PAYMENT_LOW:g} or more")


# ---- weights ------------------------------------------------------------------------------


def _shares(values: dict[str, float]) -> str:
    total = sum(values.values())
    return ", ".join(f"{k} {v / total:.0%}" for k, v in values.items())


def weights(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    crit = spec.customer.criteria
    given = crit.model_dump()
    total = sum(given.values())
    if total > 0 and abs(total - 1) > 0.005:
        yield lint.warn(("customer", "criteria"), f"the tender weights sum to {total:g}, not "
                        f"1; the game divides them by their sum: {_shares(given)}",
                        "lint/weights", "write the shares you mean so they sum to 1",
                        at_key=True)
    needs = {n.id: n.weight for n in spec.customer.needs}
    total = sum(needs.values())
    if abs(total - 1) > 0.005:
        yield lint.warn(("customer", "needs"), f"need weights are relative (they sum to "
                        f"{total:g}); the game uses them as shares: {_shares(needs)}",
                        "note/weights", at_key=True)


# ---- the line-up --------------------------------------------------------------------------


def lineup(lint: _Linter) -> Iterator[Issue]:
    rivals = [(i, v) for i, v in enumerate(lint.spec.vendors) if v.side == "rival"]
    experts = [v.id for _, v in rivals if v.difficulty.value == "expert"]
    easy = [(i, v.id) for i, v in rivals if v.difficulty.value == "easy"]
    if experts and easy:
        i, _ = easy[0]
        yield lint.warn(("vendors", i, "difficulty"), mix_warning(experts, [v for _, v in easy]),
                        "lint/lineup", "give the rivals one level, or test each with balance "
                        "--sweep vendors.ID.difficulty=easy,normal,expert")


# ---- events that cannot matter ------------------------------------------------------------


def moot_events(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    cal = spec.customer.calendar
    bids = cal.bid_deadline + lint.late
    scored = cal.award + cal.notice_weeks + lint.late
    for e, ev in enumerate(spec.events):
        window = lint.window(ev)
        if isinstance(window, str):
            continue  # lint/event_never says why
        lo = window[0]
        seven = any(isinstance(c, m.StageCondition) and c.at_least >= 7
                    and c.vendor in ("affected", ev.affects, "leader")
                    for c in ev.trigger.conditions)
        for path, eff in all_effects(ev, ("events", e)):
            chosen = "choices" in path
            # A choice applies at the start of the next week, before that week's calendar
            # moves: as late as the event itself for every milestone, so `lo` serves both.
            why = _moot(spec, eff, lo, bids, scored, seven)
            if why:
                when = (f"its choice '{ev.choices[path[3]].id}' applies in week {lo + 1} or "
                        "later" if chosen else f"it can fire only in week {lo} or later")
                yield lint.warn(path, f"event '{ev.id}': {when}, {why}", "lint/event_moot",
                                "move its trigger weeks earlier, or give it an effect that "
                                "still counts then", at_key=True)


def _moot(spec: m.ScenarioSpec, eff: object, week: int, bids: int, scored: int,
          seven: bool) -> str | None:
    if isinstance(eff, m.BudgetEffect) and week >= bids:
        return (f"after the bids are opened (week {bids}): a budget change then disqualifies "
                "nobody and only nudges the discount buyers ask")
    if isinstance(eff, m.CriteriaEffect) and week >= scored:
        return f"after the last scoring of the bids (week {scored}): the weights are no longer used"
    if isinstance(eff, m.FirstPaymentEffect) and seven:
        return ("when its vendor has reached P7, so the contract and its first payment are "
                "already signed")
    person = None
    if isinstance(eff, m.ReplaceStakeholderEffect | m.SupportEffect | m.TrustEffect):
        person = next((p for p in spec.stakeholders if p.id == eff.stakeholder), None)
    if person is not None and week >= scored and not BUYER_ROLES & {r.value for r in
                                                                      person.roles}:
        what = "replacing" if isinstance(eff, m.ReplaceStakeholderEffect) else "changing"
        return (f"after the last scoring of the bids (week {scored}): {person.id} holds no "
                f"budget or purchasing role, so {what} them changes nothing left to decide")
    return None
