"""The lost-order (won-order) report, in the source form's rows, with ranked causes."""

from __future__ import annotations

from typing import Any

import pytest

from game.core.state import GameState
from game.i18n import money
from game.report.causes import _gaps


def test_lost_report_rows(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    lo = lost_debrief["lost_order"]
    assert not lo["won"] and lo["title"] == "Lost-order report"
    winner = lost_game.vendors[lost_game.outcome["winner"]]
    assert lo["winner"]["maker"] == winner.name["en"]
    assert lo["winner"]["product"] == winner.product["en"]
    value = lost_game.contract["value"]
    assert money(value, "en") in lo["winner"]["price"]  # the board's units
    ours = lo["ours"]
    our_bid = lost_game.tender["bids"][ours["vendor"]]["price"]
    assert money(our_bid, "en") in ours["price"]
    keys = [h["key"] for h in lo["header"]]
    assert keys[:2] == ["customer", "industry"] and "purchase_time" in keys
    header = {h["key"]: h["value"] for h in lo["header"]}
    assert header["customer"] == lost_game.spec.customer.name.en
    assert "Hengtai" in header["existing"]  # the incumbent's system


def test_causes_are_ranked(lost_debrief: dict[str, Any]) -> None:
    causes = lost_debrief["lost_order"]["causes"]
    assert causes
    weights = [c["weight"] for c in causes]
    assert weights == sorted(weights, reverse=True)
    keys = {c["key"] for c in causes}
    assert keys & {"support_gap", "merit_gap"}, "a ranked bid loses on merit or support"
    assert "replaced" in keys or "motives_missed" in keys or "criteria_open" in keys


def test_gap_splits_into_merit_and_support(lost_debrief: dict[str, Any]) -> None:
    dec = lost_debrief["decision"]
    lead, us = dec["ranking"][0], lost_debrief["meta"]["vendor"]
    merit, support = _gaps(dec, us, lead)
    assert merit + support == pytest.approx(dec["totals"][lead] - dec["totals"][us], abs=3e-3)
    texts = " ".join(c["text"] for c in lost_debrief["lost_order"]["causes"])
    if support > 0:
        assert f"{support:.3f}" in texts
    if merit > 0:
        assert f"{merit:.3f}" in texts


def test_won_report(won_game: GameState, won_debrief: dict[str, Any]) -> None:
    lo = won_debrief["lost_order"]
    assert lo["won"] and lo["title"] == "Won-order report"
    assert lo["winner"] is None
    assert "signed" in lo["ours"]["payment"]
    keys = {c["key"] for c in lo["causes"]}
    assert keys & {"won_lead", "won_kdm", "won_payment"}
    assert not keys & {"support_gap", "merit_gap", "price_higher", "kdm_behind"}
