"""The terms picker says what the buyers can press us with, read from the public tender."""

from __future__ import annotations

import pytest

from game.i18n import tr
from game.ui.board.offer import leverage


def _view(totals: dict[str, float], prices: dict[str, float]) -> dict:
    ranking = sorted(totals, key=lambda k: -totals[k])
    return {"vendor": "us", "tender": {"ranking": ranking, "totals": totals,
                                       "bids": {k: {"price": p} for k, p in prices.items()}}}


def test_the_lead_over_the_runner_up_names_the_buyers_leverage() -> None:
    assert leverage({"vendor": "us", "tender": None}) is None  # bids not yet scored
    assert leverage(_view({"us": 0.7}, {"us": 300.0}))[0] == "ui.offer.leverage_none"
    key, values = leverage(_view({"us": 0.72, "them": 0.55}, {"us": 300.0, "them": 280.0}))
    assert key == "ui.offer.leverage_clear" and values["lead"] == 17
    key, values = leverage(_view({"us": 0.72, "them": 0.70}, {"us": 300.0, "them": 330.0}))
    assert key == "ui.offer.leverage_close" and values["lead"] == 2
    key, values = leverage(_view({"us": 0.72, "them": 0.70}, {"us": 300.0, "them": 270.0}))
    assert key == "ui.offer.leverage_cheaper" and values["cheaper"] == 10


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_leverage_line_is_translated(lang: str) -> None:
    for key in ("none", "clear", "close", "cheaper"):
        text = tr(f"ui.offer.leverage_{key}", lang, lead=3, clear=10, cheaper=5)
        assert text and "ui.offer" not in text
