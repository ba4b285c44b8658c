"""What the seat's screens share: the briefing, the team's presence, the clock, as text."""

from __future__ import annotations

from typing import Any

from game.ui import theme
from game.ui.widgets import esc, para


def briefing_html(snap: dict[str, Any], tr: Any, width: int) -> str:
    """The seat's own vendor: who we are in this deal (product, history, strengths)."""
    v = snap["view"]
    me = v["me"]
    lines = [f"<font pixel_size={theme.HEADING}><b>{esc(tr.pick(me['name']))}</b></font>",
             f"<font color='{theme.INK_MUTED}'>{esc(tr.pick(me['product']))}</font>", ""]
    b = snap.get("briefing")
    if b:
        for key in ("product", "history", "strengths"):
            if b.get(key):
                lines.append(f"<b>{esc(tr('ui.seat.brief.' + key))}</b>")
                lines.append(para(tr.pick(b[key]), width))
                lines.append("")
    else:
        lines.append(para(tr("ui.seat.no_briefing"), width))
    return "<br>".join(lines)


def presence_lines(snap: dict[str, Any], tr: Any) -> list[tuple[str, str]]:
    """(text, colour) per seat of the team: who, which role, here or away, AI cover."""
    out = []
    pres = snap.get("presence") or {}
    if not pres.get("human", True):
        return [(tr("ui.seat.ai_team"), theme.INK_MUTED)]
    for s in pres.get("seats", []):
        role = tr("ui.join.role_team") if s["role"] == "team" else tr("ui.role." + s["role"])
        if s["absent"]:
            state, colour = tr("ui.seat.absent"), theme.INK_MUTED
        elif s["cover"]:
            state, colour = tr("ui.seat.cover"), theme.INK_MUTED
        elif s["connected"]:
            state, colour = tr("ui.seat.here"), theme.INK
        else:
            state, colour = tr("ui.seat.away"), theme.DANGER
        out.append((f"{s['name']} · {role} · {state}", colour))
    return out


def clock_text(snap: dict[str, Any], tr: Any) -> str:
    r = snap["round"]
    left = r["clock"].get("left_s")
    if r["clock"].get("paused"):
        return tr("ui.seat.paused")
    if left is None:
        return tr("ui.seat.no_clock")
    return tr("ui.seat.left", m=int(left // 60), s=f"{int(left % 60):02d}")
