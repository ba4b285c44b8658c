"""One palette, one unit system per language, one scale: the board, the debrief and the
report say the same thing the same way."""

from __future__ import annotations

from game.ai.coach import follow_coach
from game.i18n import money, support
from game.report.debrief import build_debrief
from game.scenario.loader import load_scenario
from game.ui import fmt, theme
from game.ui.board.draw import support_text, vendor_colour
from game.ui.session import Session
from game.ui.setup import GameSetup

from .big_buying_centre import HOSPITAL


def test_support_has_one_scale_and_no_minus_zero() -> None:
    assert support(0.76) == "+76" == support_text(0.76)
    assert support(-0.004) == "0" and support(0.004) == "0"
    assert support(-0.31) == "-31"


def test_money_has_one_unit_system_per_language() -> None:
    assert fmt.money(380, "zh") == money(380, "zh") == "380 万元"
    assert fmt.money(380, "en") == money(380, "en") == "¥3.80 M"
    assert money(4.5, "en") == "¥45 k"


def test_rivals_have_the_same_colour_on_the_board_and_in_the_debrief() -> None:
    spec = load_scenario(HOSPITAL)
    s = Session.start(spec, GameSetup.default_for(spec, HOSPITAL, seed=2))
    for _ in range(3):
        s.plan = follow_coach(s.view, 2)[0]
        s.end_week()
    board = {s.team: vendor_colour(0)}
    board.update({r["id"]: vendor_colour(i + 1) for i, r in enumerate(s.view["rivals"])})
    debrief = build_debrief(s.state, s.team, "en")
    colours = {v["id"]: v["colour"] for v in debrief["series"]["vendors"]}
    assert colours == board
    assert colours[s.team] == theme.US
