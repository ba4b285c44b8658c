"""What the engine lets each vendor do, and the earliest week anything can happen.

The lint rules ask these questions of a scenario: can this vendor ever meet this stage
criterion, reveal this motive, reach P3 before the bids close; in which weeks could this event
fire. The answers are read from the stage criteria and the action catalogue's preconditions
(roles, days, senior-only targets), so they follow the engine when its rules change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations
from typing import Any

from game.core.actions import CATALOG
from game.core.state import PHASES
from game.scenario import models as m
from game.scenario.sourcemap import Path

FIRST_MEET = ("call", "exec_visit", "sponsor_visit")
"""The actions that meet someone never met; everything else needs contact first."""
DOOR = "sponsor_visit"
"""The one move that meets a KDM nobody has introduced the vendor to (the executive opens
the door); otherwise an insider or coach must introduce it (`ask_introduction`)."""

Check = Callable[["Reach", m.VendorSpec], tuple[str, Path] | None]
"""A data precondition of a criterion: None when it holds, else (why not, where)."""


def senior(s: m.StakeholderSpec) -> bool:
    """Senior-only actions (executive visits, coaching) also reach the KDM."""
    return s.senior or any(k.value == "KDM" for k in s.key)


def _has(pred: Callable[[m.StakeholderSpec], bool], why: str) -> Check:
    return lambda lint, vs: (None if any(pred(s) for s in lint.spec.stakeholders)
                             else (why, ("stakeholders",)))


def _role(*roles: str) -> Check:
    return _has(lambda s: bool({r.value for r in s.roles} & set(roles)),
                f"nobody holds the role {' or '.join(roles)}")


def _tag(tag: str) -> Check:
    return _has(lambda s: tag in {k.value for k in s.key}, f"nobody is tagged {tag}")


def is_kdm(s: m.StakeholderSpec) -> bool:
    return any(k.value == "KDM" for k in s.key)


def _door(lint: Reach, vs: m.VendorSpec) -> tuple[str, Path] | None:
    """'kdm_met' needs a KDM the vendor can be introduced to (or starts introduced to)."""
    kdms = [s for s in lint.spec.stakeholders if is_kdm(s)]
    if not kdms:
        return "nobody is tagged KDM", ("stakeholders",)
    if any(lint.door(vs, k) for k in kdms):
        return None
    return lint.no_door_why(vs), ("vendors", lint.spec.vendors.index(vs), "time")


def _fit(lint: Reach, vs: m.VendorSpec) -> tuple[str, Path] | None:
    """'qualify' confirms fit when the needs of the people heard average 0.5 or more."""
    sets = [frozenset(s.cares_about) for s in lint.spec.stakeholders if s.cares_about]
    sets = list(dict.fromkeys(sets))[:12] or [frozenset(vs.fit)]
    best = max(
        sum(vs.fit.get(n, 0.0) for n in u) / len(u)
        for k in range(1, len(sets) + 1) for combo in combinations(sets, k)
        for u in [frozenset().union(*combo)]
    )
    if best >= 0.5:
        return None
    return (f"its fit averages at most {best:.2f} on the needs the stakeholders care about, "
            "under the 0.5 that 'qualify' needs", ("vendors", lint.spec.vendors.index(vs), "fit"))


SENIOR = _has(senior, "no stakeholder is senior or the KDM, so nobody can become a coach")
ROUTES: dict[int, list[tuple[str, list[tuple[tuple[str, ...], Check | None]]]]] = {
    1: [("profiled", [(("research_account",), None)]),
        ("pursue", [(("decide_pursue",), None)])],
    2: [("lead_contact", [(FIRST_MEET, _role("initiator", "user"))]),
        ("first_visit", [(("visit", "joint_visit"), None)]),
        ("need_heard", [(("visit", "joint_visit", "needs_research", "site_survey"), None)]),
        ("willing", [(("call", "visit", "joint_visit", "entertain"), None)])],
    3: [("el_lead", [(("qualify",), _role("initiator", "user"))]),
        ("el_need", [(("qualify",), None)]),
        ("el_fit", [(("qualify",), _fit)]),
        ("el_budget", [(("confirm_opportunity",), None),
                       (("qualify",), _role("budget_holder", "purchaser"))]),
        ("el_timeline", [(("confirm_opportunity",), None),
                         (("qualify",), _role("purchaser", "initiator"))]),
        ("org_mapped", [(("call", "visit", "joint_visit", "gather_intel"), None)]),
        ("insider_ki_ku", [(("develop_insider",), _tag("KI")),
                           (("develop_insider",), _tag("KU"))])],
    4: [("product_presented", [(("proposal", "demo", "solution_workshop"), None)]),
        ("references_presented", [(("delivery_plan", "implementation_reference",
                                    "reference_visit"), None)]),
        ("demo_done", [(("demo", "solution_workshop", "pilot"), None)]),
        ("insider_ki", [(("develop_insider",), _tag("KI"))]),
        ("insider_ku", [(("develop_insider",), _tag("KU"))]),
        ("coach", [(("develop_coach",), SENIOR)]),
        ("kdm_met", [(("sponsor_visit", "exec_visit"), _door)])],
}
"""How each P1-P4 exit criterion can be met: alternative (actions, data condition) routes,
read from stages.py and the action catalogue's preconditions."""


def all_effects(ev: m.EventSpec, base: Path) -> Iterator[tuple[Path, Any]]:
    """Every effect of an event, its choices' included, with its path."""
    for f, eff in enumerate(ev.effects):
        yield (*base, "effects", f), eff
    for c, ch in enumerate(ev.choices):
        for f, eff in enumerate(ch.effects):
            yield (*base, "choices", c, "effects", f), eff



class Reach:
    """Answers about one scenario: what each vendor can do, and when things can happen."""

    def __init__(self, spec: m.ScenarioSpec) -> None:
        self.spec = spec
        self.effects = [(ev, eff) for ev in spec.events for _, eff in all_effects(ev, ())]
        shifts = [e.shift for _, e in self.effects if isinstance(e, m.CalendarEffect)]
        self.early = sum(x for x in shifts if x < 0)
        self.late = sum(x for x in shifts if x > 0)

    @staticmethod
    def can(vs: m.VendorSpec, action: str, person: m.StakeholderSpec | None = None) -> bool:
        """The vendor's roles have the days for `action` (and may use it on `person`)."""
        d = CATALOG[action]
        if person is not None and d.senior_only and not senior(person):
            return False
        return all(getattr(vs.time, r) >= d.days for r in d.roles)

    def meets(self, vs: m.VendorSpec, person: m.StakeholderSpec) -> bool:
        return any(self.can(vs, a, person) for a in FIRST_MEET)

    def door(self, vs: m.VendorSpec, kdm: m.StakeholderSpec) -> bool:
        """The vendor can get to the KDM: it starts introduced (any contact), its rep and
        executive can make a sponsor visit, or its rep can win an insider among the others
        and ask them for an introduction."""
        start = vs.relations.get(kdm.id)
        if start is not None and start.contact.value != "unknown":
            return True
        if self.can(vs, DOOR, kdm):
            return True
        if not self.can(vs, "ask_introduction"):
            return False
        return any(self._insider(vs, p) for p in self.spec.stakeholders if not is_kdm(p))

    def _insider(self, vs: m.VendorSpec, p: m.StakeholderSpec) -> bool:
        start = vs.relations.get(p.id)
        if start is not None and start.contact.value in ("insider", "coach"):
            return True
        return self.meets(vs, p) and self.can(vs, "develop_insider", p)

    def no_door_why(self, vs: m.VendorSpec) -> str:
        """Why `door` fails for this vendor, in the designer's terms."""
        t = vs.time
        return (f"a sponsor visit needs its rep and executive (they have {t.rep} and {t.exec} "
                "day(s) a week), an introduction needs its rep and an insider among the other "
                "people, and it does not start introduced (no contact with the KDM in its "
                "relations)")

    def _time_why(self, vs: m.VendorSpec, actions: tuple[str, ...]) -> tuple[str, Path]:
        d = CATALOG[actions[0]]
        role = next(r for r in d.roles if getattr(vs.time, r) < d.days)
        return (f"its {role} has {getattr(vs.time, role)} day(s) a week and '{d.id}' needs "
                f"{d.days}", ("vendors", self.spec.vendors.index(vs), "time"))

    def blocked(self, vs: m.VendorSpec) -> tuple[int, str, str, Path] | None:
        """The first P1-P4 criterion this vendor can never meet: (stage, key, why, where)."""
        for stage in range(vs.start_stage, 5):
            for key, routes in ROUTES[stage]:
                why: tuple[str, Path] | None = None
                for actions, check in routes:
                    data = check(self, vs) if check else None
                    if data is None and any(self.can(vs, a) for a in actions):
                        why = None
                        break
                    why = why or data or self._time_why(vs, actions)
                if why is not None:
                    return stage, key, *why
        return None


    def phase_weeks(self, phase: str) -> tuple[int, int]:
        """First and last week of a phase, widened by every calendar shift events can make."""
        cal = self.spec.customer.calendar
        starts = [1, cal.initiation, cal.tender_issue, cal.bid_deadline + 1,
                  cal.award + cal.notice_weeks + 1, self.spec.last_week + 1]
        i = PHASES.index(phase)
        lo = 1 if i == 0 else starts[i] + self.early
        return max(1, lo), min(self.spec.last_week, starts[i + 1] - 1 + self.late)

    def entry_week(self, vs: m.VendorSpec) -> int | None:
        """The earliest week a vendor can act, or None if nothing ever brings it in."""
        if not vs.by_event:
            return vs.enters_week or 1
        weeks = [ev.trigger.weeks[0] + 1 for ev, e in self.effects
                 if isinstance(e, m.NewRivalEffect) and e.vendor == vs.id]
        return min(weeks) if weeks else None

    def stage_week(self, vs: m.VendorSpec, stage: int) -> int | None:
        """The earliest week a vendor can be at `stage` when events are checked."""
        entry = self.entry_week(vs)
        if entry is None:
            return None
        cal = self.spec.customer.calendar
        if stage <= 5:
            week = entry + max(0, stage - vs.start_stage)
            if stage >= 4 and vs.start_stage <= 3:
                # P3 needs the budget verified, which waits for the budget's approval.
                week = max(week, self.spec.customer.budget_approved_week + 1 + stage - 4)
            return week
        return cal.award + self.early + (0 if stage == 6 else cal.notice_weeks + 1)

    def _vendors(self, ref: str, ev: m.EventSpec) -> list[m.VendorSpec]:
        ref = ev.affects if ref == "affected" else ref
        vs = self.spec.vendors
        if ref in ("teams", "rivals"):
            return [v for v in vs if v.side == ref[:-1]]
        return [v for v in vs if v.id == ref] or list(vs)

    def never(self, ev: m.EventSpec, seen: frozenset[str] = frozenset()) -> str | None:
        """Why `ev` can never fire, or None when some week can satisfy all of its trigger."""
        found = self.window(ev, seen)
        return found if isinstance(found, str) else None

    def window(self, ev: m.EventSpec,
               seen: frozenset[str] = frozenset()) -> tuple[int, int] | str:
        """The first and last week `ev` can fire in, narrowed by its conditions, or why it
        never can."""
        lo, hi = ev.trigger.weeks[0], min(ev.trigger.weeks[1], self.spec.last_week)
        if ev.trigger.chance == 0:
            return "its chance is 0"
        if not any(self.entry_week(v) for v in self._vendors(ev.affects, ev)):
            return f"the vendor it affects ('{ev.affects}') never joins the game"
        for c in ev.trigger.conditions:
            a, b, what = 1, self.spec.last_week, ""
            if isinstance(c, m.PhaseCondition):
                a, b = self.phase_weeks(c.phase.value)
                what = f"the {c.phase.value} phase (weeks {a}-{b})"
            elif isinstance(c, m.AwardedCondition) and c.awarded:
                a = self.spec.customer.calendar.award + self.early
                what = f"the award (week {a} at the earliest)"
            elif isinstance(c, m.StageCondition):
                weeks = [w for v in self._vendors(c.vendor, ev)
                         if (w := self.stage_week(v, c.at_least)) is not None]
                a = (max if c.vendor == "all" else min)(weeks or [self.spec.last_week + 1])
                what = f"reaching P{c.at_least} (week {a} at the earliest)"
            elif isinstance(c, m.SupportCondition):
                above = -2.0 if c.above is None else c.above
                below = 2.0 if c.below is None else c.below
                if above >= min(below, 1.0) or below <= -1.0:
                    return "its support condition can never hold (support runs from -1 to 1)"
            elif isinstance(c, m.EventFiredCondition) and c.fired:
                other = next(e for e in self.spec.events if e.id == c.event)
                if other.id in seen | {ev.id}:
                    return f"it waits for '{c.event}', which waits for it"
                if self.never(other, seen | {ev.id}):
                    return f"it waits for '{c.event}', which can never fire"
                later = self.spec.events.index(other) > self.spec.events.index(ev)
                a, what = other.trigger.weeks[0] + later, f"event '{c.event}' firing first"
            if max(lo, a) > min(hi, b):
                return f"{what} and its trigger weeks {list(ev.trigger.weeks)} never overlap"
            lo, hi = max(lo, a), min(hi, b)
        return lo, hi

