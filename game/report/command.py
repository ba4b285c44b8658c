"""`dealcraft report SAVE --out report.html [--lang zh|en] [--vendor ID]`.

Turns a save into the printable debrief. A bad path, a damaged save or an unknown vendor
gives one clear line on stderr and exit status 1, never a traceback: trainers run this
in front of a class.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from game.i18n import LANGS


def register(sub: Any) -> None:
    """Add the `report` sub-command to the CLI's sub-parsers."""
    p = sub.add_parser("report", help="write the debrief of a saved game as one HTML file")
    p.add_argument("save", help="a save file (from the game or `simulate --save`), or a save's "
                   "file name or game id in your saves folder")
    p.add_argument("--out", required=True, help="the HTML file to write")
    p.add_argument("--lang", choices=LANGS, default="zh")
    p.add_argument("--vendor", default=None,
                   help="whose debrief (a vendor id); default: the players' team")
    p.set_defaults(func=run_report)


def _fail(msg: str) -> int:
    print(f"report: {msg}", file=sys.stderr)
    return 1


def run_report(args: argparse.Namespace) -> int:
    from game.report.charts import render_charts
    from game.report.debrief import build_debrief
    from game.report.html import render_html
    from game.save import SaveError, find_save, load_save, write_atomic

    try:
        loaded = load_save(find_save(args.save))
    except SaveError as exc:
        return _fail(str(exc))
    state, meta = loaded.state, loaded.meta
    team = meta.get("team")
    vendor = args.vendor or (team if isinstance(team, str) else None)
    if vendor is not None and vendor not in state.vendors:
        known = ", ".join(state.vendors)
        return _fail(f"{args.save}: no vendor {vendor!r} in this game (vendors: {known})")
    players = meta.get("players") if isinstance(meta.get("players"), dict) else None
    if not state.history:
        return _fail(f"{args.save}: the game has not played a week yet; nothing to report")
    data = build_debrief(state, vendor, args.lang, players=players)
    page = render_html(data, render_charts(data))
    try:
        write_atomic(args.out, page)
        os.chmod(args.out, 0o644)  # a report is for sharing; saves stay private
    except OSError as exc:
        return _fail(f"{args.out}: cannot write the report ({exc.strerror or exc})")
    print(f"report: {args.out}")
    return 0
