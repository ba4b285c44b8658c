"""Checks that span several parts of a scenario: ids that must exist, be unique, or agree.

The models check each value on its own; only here do we know that `sways: [{who: cfo}]`
names a stakeholder that does not exist, or that an event fires after the game ends. Each
finding is reported at the line of the offending value with a "did you mean" suggestion.
These checks run on a scenario that already passed model validation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from game.scenario.issues import Issue
from game.scenario.messages import did_you_mean, suggest
from game.scenario.models import (
    ChoiceSpec,
    ContactCondition,
    ContactLevel,
    EventFiredCondition,
    KeyTag,
    NeedWeightEffect,
    NewRivalEffect,
    Playbook,
    ReplaceStakeholderEffect,
    RevealEffect,
    ScenarioSpec,
    StageCondition,
    SupportCondition,
    SupportEffect,
    TrustEffect,
    VendorBudgetEffect,
)
from game.scenario.sourcemap import Path, SourceMap

VENDOR_WORDS = ("affected", "leader", "all", "any", "teams", "rivals")
"""Words a vendor reference may use instead of a vendor id."""
RESERVED_IDS = frozenset(VENDOR_WORDS)
"""Ids that would be ambiguous because references give these words a meaning of their own."""
_MILESTONES = ("initiation", "tender_issue", "bid_deadline", "award", "contract")


def check_references(spec: ScenarioSpec, source: SourceMap) -> list[Issue]:
    """Every cross-reference problem of `spec`, located through `source`."""
    return list(_Checker(spec, source).run())


class _Checker:
    def __init__(self, spec: ScenarioSpec, source: SourceMap) -> None:
        self.spec = spec
        self.source = source
        self.people = [s.id for s in spec.stakeholders]
        self.needs = [n.id for n in spec.customer.needs]
        self.vendors = [v.id for v in spec.vendors]
        self.events = [e.id for e in spec.events]
        self.kdms = {s.id for s in spec.stakeholders if KeyTag.KDM in s.key}

    def run(self) -> Iterator[Issue]:
        spec = self.spec
        yield from self._unique("stakeholder", self.people, ("stakeholders",))
        yield from self._unique("need", self.needs, ("customer", "needs"))
        yield from self._unique("vendor", self.vendors, ("vendors",))
        yield from self._unique("event", self.events, ("events",))
        for e, event in enumerate(spec.events):
            yield from self._unique("choice", [c.id for c in event.choices],
                                    ("events", e, "choices"))
        yield from self._reserved()
        yield from self._calendar()
        yield from self._stakeholders()
        yield from self._vendors()
        for e in range(len(spec.events)):
            yield from self._event(e)
        yield from self._tune()

    # ---- helpers ---------------------------------------------------------------------

    def _issue(self, path: Path, message: str, hint: str | None = None, *,
               code: str, at_key: bool = False) -> Issue:
        return self.source.issue(path, message, hint=hint, code=code, at_key=at_key)

    def _unique(self, what: str, ids: Sequence[str], base: Path) -> Iterator[Issue]:
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                line = self.source.value_mark((*base, first[ident], "id"))[0]
                yield self._issue((*base, i, "id"), f"the {what} id '{ident}' is used twice",
                                  f"the first one is at line {line}; ids must be unique",
                                  code="scenario/duplicate_id")
            else:
                first[ident] = i

    def _ref(self, what: str, ident: str, known: Sequence[str], path: Path, *,
             at_key: bool = False) -> Iterator[Issue]:
        if ident not in known:
            known = list(dict.fromkeys(known))
            hint = did_you_mean(ident, known, list_all=len(known) <= 12)
            yield self._issue(path, f"there is no {what} with the id '{ident}'", hint,
                              code=f"scenario/unknown_{what}", at_key=at_key)

    def _vendor_ref(self, ref: str, path: Path) -> Iterator[Issue]:
        if ref not in VENDOR_WORDS and ref not in self.vendors:
            hint = did_you_mean(ref, [*self.vendors, *VENDOR_WORDS])
            yield self._issue(path, f"'{ref}' is neither a vendor id nor a vendor word",
                              hint, code="scenario/unknown_vendor")

    # ---- sections --------------------------------------------------------------------

    def _tune(self) -> Iterator[Issue]:
        """Knob paths that exist and hold numbers, ranges the fields allow, known targets."""
        from game.scenario.knobs import KnobError, resolve

        tune = self.spec.tune
        if tune is None:
            return
        seen: dict[str, int] = {}
        for i, k in enumerate(tune.knobs):
            base: Path = ("tune", "knobs", i)
            try:
                knob = resolve(self.spec, k.path)
            except KnobError as exc:
                yield self._issue((*base, "path"), str(exc).removeprefix(f"{k.path}: "),
                                  code="scenario/tune_path")
                continue
            if knob.kind not in ("number", "whole number"):
                yield self._issue((*base, "path"), f"'{k.path}' holds a {knob.kind}; tune "
                                  "changes numbers only", "try words with balance --sweep "
                                  f"{k.path}=a,b,c", code="scenario/tune_path")
                continue
            if k.path in seen:
                yield self._issue((*base, "path"), f"'{k.path}' is listed twice",
                                  f"the first one is knob {seen[k.path] + 1}",
                                  code="scenario/duplicate_id")
            seen.setdefault(k.path, i)
            lo, hi = k.range
            if (knob.low is not None and lo < knob.low) or (knob.high is not None
                                                             and hi > knob.high):
                yield self._issue((*base, "range"), f"[{lo:g}, {hi:g}] goes outside what "
                                  f"{k.path} allows ({knob.bounds()})", code="scenario/tune_range")
            elif hi - lo + 1e-9 < k.step:
                yield self._issue((*base, "step"), f"a step of {k.step:g} leaves one value in "
                                  f"[{lo:g}, {hi:g}]: nothing to try", "use a smaller step",
                                  code="scenario/tune_range")
            elif (hi - lo) / k.step > 50:
                yield self._issue((*base, "step"), f"{(hi - lo) / k.step + 1:.0f} values between "
                                  f"{lo:g} and {hi:g}; tune tries at most 51",
                                  "use a larger step", code="scenario/tune_range")
        words = list(dict.fromkeys([*self.vendors, *(p.value for p in Playbook),
                                    "every_vendor", "every_playbook"]))
        for i, t in enumerate(tune.targets):
            if t.who not in words:
                yield self._issue(("tune", "targets", i, "who"), f"'{t.who}' is not a vendor, "
                                  "a playbook, every_vendor or every_playbook",
                                  did_you_mean(t.who, words), code="scenario/tune_target")

    def _reserved(self) -> Iterator[Issue]:
        for base, ids in (("stakeholders", self.people), ("vendors", self.vendors)):
            for i, ident in enumerate(ids):
                if ident in RESERVED_IDS:
                    yield self._issue((base, i, "id"), f"'{ident}' is a reserved word",
                                      "pick another id; references use this word for a group",
                                      code="scenario/reserved_id")

    def _calendar(self) -> Iterator[Issue]:
        last = self.spec.last_week
        calendar = self.spec.customer.calendar
        for name in _MILESTONES:
            week = getattr(calendar, name)
            if week > last:
                yield self._issue(("customer", "calendar", name),
                                  f"{name} is in week {week}, after the game ends",
                                  f"last_week is {last}; move the milestone or extend the game",
                                  code="scenario/after_last_week")
        criteria = self.spec.customer.criteria
        if criteria.technical + criteria.price + criteria.service == 0:
            yield self._issue(("customer", "criteria"), "all tender criteria weights are 0",
                              "give at least one of technical, price, service a weight",
                              code="scenario/zero_criteria", at_key=True)
        approved = self.spec.customer.budget_approved_week
        if approved > calendar.award:
            yield self._issue(("customer", "budget_approved_week"),
                              f"the budget is approved in week {approved}, after the award "
                              f"(week {calendar.award})",
                              f"a customer awards only a budget it has: write week "
                              f"{calendar.award} or earlier, or 0 for a budget approved from "
                              "the start",
                              code="scenario/approved_after_award")
        payment = self.spec.customer.payment
        if payment.first_payment_min > payment.first_payment_max:
            yield self._issue(("customer", "payment", "first_payment_min"),
                              "first_payment_min is larger than first_payment_max",
                              code="scenario/payment_range")

    def _stakeholders(self) -> Iterator[Issue]:
        for s, person in enumerate(self.spec.stakeholders):
            base: Path = ("stakeholders", s)
            for n, need in enumerate(person.cares_about):
                yield from self._ref("need", need, self.needs, (*base, "cares_about", n))
            for w, sway in enumerate(person.sways):
                path = (*base, "sways", w, "who")
                if sway.who == person.id:
                    yield self._issue(path, f"'{person.id}' sways themself",
                                      "a sway must name someone else", code="scenario/self_sway")
                else:
                    yield from self._ref("stakeholder", sway.who, self.people, path)

    def _vendors(self) -> Iterator[Issue]:
        vendors = self.spec.vendors
        if not any(v.side == "team" for v in vendors):
            yield self._issue(("vendors",), "no vendor has 'side: team'",
                              "players need at least one team vendor to play",
                              code="scenario/no_team", at_key=True)
        if not any(v.side == "rival" for v in vendors):
            yield self._issue(("vendors",), "no vendor has 'side: rival'",
                              "a deal needs at least one competitor", code="scenario/no_rival",
                              at_key=True)
        last = self.spec.last_week
        for v, vendor in enumerate(vendors):
            base: Path = ("vendors", v)
            misspelt = set()
            for need in vendor.fit:
                if need not in self.needs:
                    misspelt.add(suggest(need, self.needs))
                    yield from self._ref("need", need, self.needs, (*base, "fit", need),
                                         at_key=True)
            for need in self.needs:
                if need not in vendor.fit and need not in misspelt:
                    yield self._issue((*base, "fit"),
                                      f"missing fit for need '{need}' on vendor '{vendor.id}'",
                                      f"add a line like '{need}: 0.5' under fit, from 0 to 1",
                                      code="scenario/missing_fit", at_key=True)
            for person, rel in vendor.relations.items():
                yield from self._ref("stakeholder", person, self.people,
                                     (*base, "relations", person), at_key=True)
                if rel.contact is ContactLevel.coach and person in self.kdms:
                    yield self._issue(
                        (*base, "relations", person, "contact"),
                        f"'{person}' is the KDM, and the KDM is nobody's coach: the KDM "
                        "backing a vendor is its W (the 1 of C931)",
                        f"write 'insider' or lower; 'support' says how far the KDM already "
                        f"backs '{vendor.id}'",
                        code="scenario/kdm_coach")
            if vendor.enters_week is not None and vendor.enters_week > last:
                yield self._issue((*base, "enters_week"),
                                  f"enters_week {vendor.enters_week} is after the game ends",
                                  f"last_week is {last}", code="scenario/after_last_week")

    def _event(self, e: int) -> Iterator[Issue]:
        event = self.spec.events[e]
        base: Path = ("events", e)
        if event.affects == "affected":
            yield self._issue((*base, "affects"), "an event cannot affect 'affected'",
                              "name a vendor id or one of: leader, all, any, teams, rivals",
                              code="scenario/unknown_vendor")
        else:
            yield from self._vendor_ref(event.affects, (*base, "affects"))
        last = self.spec.last_week
        for i, week in enumerate(event.trigger.weeks):
            if week > last:
                yield self._issue((*base, "trigger", "weeks", i),
                                  f"week {week} is after the game ends",
                                  f"last_week is {last}", code="scenario/after_last_week")
        for c, cond in enumerate(event.trigger.conditions):
            path = (*base, "trigger", "conditions", c)
            if isinstance(cond, SupportCondition | ContactCondition):
                yield from self._ref("stakeholder", cond.stakeholder, self.people,
                                     (*path, "stakeholder"))
            if isinstance(cond, StageCondition | SupportCondition | ContactCondition):
                yield from self._vendor_ref(cond.vendor, (*path, "vendor"))
            if isinstance(cond, EventFiredCondition):
                yield from self._ref("event", cond.event, self.events, (*path, "event"))
        yield from self._effects(event.effects, (*base, "effects"))
        for c, choice in enumerate(event.choices):
            yield from self._choice(choice, (*base, "choices", c))

    def _choice(self, choice: ChoiceSpec, base: Path) -> Iterator[Issue]:
        yield from self._effects(choice.effects, (*base, "effects"))

    def _effects(self, effects: Sequence[object], base: Path) -> Iterator[Issue]:
        by_event = {v.id for v in self.spec.vendors if v.by_event}
        for f, effect in enumerate(effects):
            path = (*base, f)
            if isinstance(effect, SupportEffect | TrustEffect) and effect.stakeholder != "all":
                yield from self._ref("stakeholder", effect.stakeholder, self.people,
                                     (*path, "stakeholder"))
            if isinstance(effect, ReplaceStakeholderEffect | RevealEffect):
                yield from self._ref("stakeholder", effect.stakeholder, self.people,
                                     (*path, "stakeholder"))
            if isinstance(effect, SupportEffect | TrustEffect | VendorBudgetEffect | RevealEffect):
                yield from self._vendor_ref(effect.vendor, (*path, "vendor"))
            if isinstance(effect, NeedWeightEffect):
                yield from self._ref("need", effect.need, self.needs, (*path, "need"))
            if isinstance(effect, ReplaceStakeholderEffect):
                new = effect.new
                for n, need in enumerate(new.cares_about or ()):
                    yield from self._ref("need", need, self.needs,
                                         (*path, "new", "cares_about", n))
                if new.favours is not None:
                    yield from self._ref("vendor", new.favours, self.vendors,
                                         (*path, "new", "favours"))
            if isinstance(effect, NewRivalEffect):
                target = effect.vendor
                if target not in self.vendors:
                    yield from self._ref("vendor", target, self.vendors, (*path, "vendor"))
                elif target not in by_event:
                    yield self._issue((*path, "vendor"),
                                      f"new_rival names '{target}', which is not marked "
                                      "'by_event: true'",
                                      f"add 'by_event: true' to vendor '{target}' so it waits "
                                      "for this event", code="scenario/not_by_event")
