"""What-if: restart a finished game from any week and play on differently.

A game is its scenario, seed and weekly plans, so replaying the first weeks rebuilds the
exact state the team stood in then, including the random draws still to come. Playing the
same plans on would give the same game; playing different ones shows what else was possible.
"""

from __future__ import annotations

from typing import Any

from game.core.errors import IllegalAction
from game.core.replay import replay
from game.core.state import GameState
from game.report.common import Ctx


class WhatIfError(ValueError):
    """A restart that cannot be made; `key` is the i18n key the window shows."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def restart_at(state: GameState, week: int) -> GameState:
    """The game as it stood at the start of `week` (weeks 1 .. week-1 replayed).

    The record must replay to the same history, otherwise the save comes from another
    version of the rules and the "same game" would silently differ.
    """
    played = len(state.plans)
    if not 1 <= week <= max(played, 1):
        raise WhatIfError("report.whatif.bad_week",
                          f"week {week} is outside the game's weeks 1..{played}")
    try:
        restarted = replay(state.spec, state.seed, state.plans, weeks=week - 1)
    except IllegalAction as exc:
        raise WhatIfError("report.whatif.diverged",
                          f"this save's moves break the current rules ({exc})") from exc
    if restarted.history != state.history[: week - 1]:
        raise WhatIfError("report.whatif.diverged",
                          "this save does not replay the same way under the current rules")
    return restarted


def restart_points(ctx: Ctx, moments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Weeks worth restarting from: the start, before each key moment, before the tender."""
    weeks: dict[int, str] = {1: ctx.t("report.whatif.start")}
    tender_issue = ctx.state.calendar["tender_issue"]
    if 1 < tender_issue <= ctx.weeks:
        weeks.setdefault(tender_issue, ctx.t("report.whatif.tender"))
    for m in moments:
        w = max(1, min(m["week"], ctx.weeks))
        weeks.setdefault(w, m["title"])
    out = []
    for w in sorted(weeks):
        out.append({"week": w, "label": weeks[w],
                    "stage": ctx.stage_at_start(ctx.vendor, w),
                    "text": ctx.t("report.whatif.point", week=w,
                                  stage=ctx.stage_at_start(ctx.vendor, w))})
    return out
