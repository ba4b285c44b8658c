"""The debrief as data: one dict with every section, for the window and the HTML export.

Built from the game's own record (state, log, plans, history) plus a replay of the plans,
so everything shown can be traced to what happened. Texts are resolved in the requested
language; ids stay beside them so a renderer can link, colour or sort.

Sections: meta, outcome, decision, timeline, series (chart data), motives, coordination,
ledger, lost_order, moments, whatif.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.core.state import GameState
from game.i18n import LANGS
from game.report.common import Ctx
from game.report.coordination import coordination, ledger
from game.report.decision import decision, outcome
from game.report.lost_order import lost_order
from game.report.moments import key_moments
from game.report.motives import discovery_summary, motives
from game.report.series import series
from game.report.timeline import timeline
from game.report.trace import Trace, walk
from game.report.whatif import restart_points


def _meta(ctx: Ctx) -> dict[str, Any]:
    s = ctx.state
    v = s.vendors[ctx.vendor]
    return {
        "scenario": s.spec.id,
        "title": getattr(s.spec.title, ctx.lang),
        "customer": getattr(s.spec.customer.name, ctx.lang),
        "seed": s.seed,
        "weeks": ctx.weeks,
        "last_week": s.spec.last_week,
        "over": s.over,
        "vendor": ctx.vendor,
        "vendor_name": v.name[ctx.lang],
        "product": v.product[ctx.lang],
        "players": {r: ctx.player(r) for r in ("rep", "presales", "pm", "exec")},
        "replay_exact": ctx.trace.consistent,
    }


def build_debrief(state: GameState, vendor: str | None = None, lang: str = "en",
                  players: Mapping[str, str] | None = None,
                  trace: Trace | None = None) -> dict[str, Any]:
    """Every debrief section for `vendor` (default: the players' team) in `lang`.

    `players` maps a role to the name of the person who played it (team play); roles
    without a name are shown as the role. A `trace` from `walk(state)` may be passed in to
    build both languages from one replay.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    ctx = Ctx.make(state, vendor, lang, trace or walk(state), players)
    found = motives(ctx)
    moments = key_moments(ctx)
    return {
        "lang": lang,
        "meta": _meta(ctx),
        "outcome": outcome(ctx),
        "decision": decision(ctx),
        "timeline": timeline(ctx),
        "series": series(ctx),
        "motives": found,
        "motives_summary": discovery_summary(found),
        "coordination": coordination(ctx),
        "ledger": ledger(ctx),
        "lost_order": lost_order(ctx),
        "moments": moments,
        "whatif": restart_points(ctx, moments),
    }
