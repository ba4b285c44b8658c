"""Shared helpers for the debrief sections: names, number formats, the per-vendor record.

Every section reads the finished (or paused) game through one `Ctx`, so the vendor being
debriefed, the language, the replay trace and the players' names are decided once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.actions import CATALOG
from game.core.state import ROLES, GameState, phase_of
from game.i18n import money as i18n_money
from game.i18n import support as i18n_support
from game.i18n import tr
from game.report.trace import Trace

STAGE_COLOURS = ("#d9d9d9", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")


def team_vendor(state: GameState) -> str:
    """The players' vendor: the first with side "team", else the first vendor."""
    for v in state.vendors.values():
        if v.side == "team":
            return v.id
    return next(iter(state.vendors))


def took_part(state: GameState) -> list[str]:
    """Vendors that were in the deal at some point (a rival that never arrived is left out)."""
    return [vid for vid, v in state.vendors.items() if v.joined_week > 0 or v.spent > 0]


def support_gain(e: dict[str, Any]) -> float:
    """The total change in support a logged move caused (one person, or a whole room)."""
    s = (e.get("effects") or {}).get("support")
    if isinstance(s, dict):
        return float(sum(s.values()))
    return float(s or 0.0)


def money(value: float, lang: str) -> str:
    return i18n_money(value, lang)  # the board's units: 万元 in Chinese, ¥k/¥M in English


def pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def signed(x: float) -> str:
    """A support change on the board's scale (-100..+100)."""
    return i18n_support(x)


@dataclass
class Ctx:
    """What every section needs: the game, whose debrief it is, in which language."""

    state: GameState
    vendor: str
    lang: str
    trace: Trace
    players: dict[str, str] = field(default_factory=dict)
    _by_week: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)

    @classmethod
    def make(cls, state: GameState, vendor: str | None, lang: str, trace: Trace,
             players: Mapping[str, str] | None = None) -> Ctx:
        vid = vendor or team_vendor(state)
        if vid not in state.vendors:
            raise KeyError(vid)
        names = {r: str(n) for r, n in (players or {}).items() if r in ROLES and n}
        return cls(state, vid, lang, trace, names)

    # ---- names ------------------------------------------------------------------------
    def vname(self, vid: str | None) -> str:
        if vid is None or vid not in self.state.vendors:
            return "-"
        return self.state.vendors[vid].name[self.lang]

    def pname(self, pid: str | None, week: int | None = None) -> str:
        """A person's name; with a week, the one who held the seat then (events replace)."""
        if pid is None:
            return "-"
        person = self.trace.person_at(pid, week) if week is not None else None
        person = person or self.state.people.get(pid)
        return person.name[self.lang] if person else pid

    def role(self, role: str) -> str:
        return tr(f"role.{role}", self.lang)

    def player(self, role: str) -> str:
        """Who played a role: the name recorded by the window, else the role itself."""
        return self.players.get(role) or self.role(role)

    def action(self, kind: str) -> str:
        if kind == "choose":
            return tr("report.timeline.choice", self.lang)
        if kind == "intel":
            return tr("report.timeline.insider_report", self.lang)
        return tr(f"action.{kind}.name", self.lang)

    def t(self, key: str, **kw: Any) -> str:
        return tr(key, self.lang, **kw)

    def money(self, value: float) -> str:
        return money(value, self.lang)

    # ---- the record -------------------------------------------------------------------
    @property
    def weeks(self) -> int:
        """Weeks played (the last recorded week)."""
        return len(self.state.history)

    def snapshot(self, week: int) -> dict[str, Any] | None:
        """The history entry recorded at the end of `week`, if that week was played."""
        if not self._by_week:
            self._by_week = {int(h["week"]): h for h in self.state.history}
        return self._by_week.get(week)

    def stage_at_start(self, vid: str, week: int) -> int:
        """The stage a vendor was in while it acted in `week` (stages move at week's end)."""
        before = self.snapshot(week - 1)
        if before is None:
            return self.state.vendor_spec(vid).start_stage
        return int(before["stages"][vid])

    def phase(self, week: int) -> str:
        """The customer's phase during `week`, under the calendar as it stood then."""
        cals = self.trace.calendars
        cal = cals[week - 1] if 0 < week <= len(cals) else self.state.calendar
        return phase_of(week, cal)

    def actions(self, vid: str | None = None) -> list[dict[str, Any]]:
        """The vendor's own moves from the log (events and insider reports excluded)."""
        vid = vid or self.vendor
        return [e for e in self.state.log
                if e.get("vendor") == vid and e.get("kind") in CATALOG]

    def well_placed(self, entry: dict[str, Any]) -> bool:
        d = CATALOG[entry["kind"]]
        return d.best[0] <= self.stage_at_start(entry["vendor"], entry["week"]) <= d.best[1]

    def award_week(self) -> int | None:
        for e in self.state.log:
            if e.get("calendar") and e.get("event") == "award":
                return int(e["week"])
        return None
