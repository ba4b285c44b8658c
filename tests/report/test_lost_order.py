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
    assert keys & {"won_lead", "won_on_support", "won_on_merit", "won_kdm", "won_payment"}
    for c in lo["causes"]:
        assert "by -" not in c["text"] and "(ahead by -" not in c["text"], c["text"]
    assert not keys & {"support_gap", "merit_gap", "price_higher", "kdm_behind"}


@pytest.mark.parametrize(("ours", "theirs", "key", "text"), [
    ((0.60, 0.30), (0.50, 0.10), "won_lead",
     "We led Beta on merit by 0.100 and on support by 0.060."),
    ((0.50, 0.50), (0.589, 0.10), "won_on_support",
     "We beat Beta on support (ahead by 0.120), although they led on merit by 0.089."),
    ((0.60, 0.10), (0.50, 0.30), "won_on_merit",
     "We beat Beta on merit (ahead by 0.100), although they had more support (by 0.060)."),
])
def test_a_won_lead_names_leads_and_shortfalls_plainly(ours, theirs, key, text) -> None:
    """Winning on relationships while behind on merit once read "led on merit by -0.089"."""
    from types import SimpleNamespace

    from game.i18n import tr
    from game.report.causes import _won_causes

    dec = {"ranking": ["us", "them"], "evaluators": [{
        "weight_share": 1.0, "key": [], "scores": {"us": 1, "them": 1},
        "merit": {"us": ours[0], "them": theirs[0]},
        "support": {"us": ours[1], "them": theirs[1]}}]}
    ctx = SimpleNamespace(vendor="us", vname=lambda v: "Beta", state=SimpleNamespace(contract=None))
    got: list[tuple[str, str]] = []
    _won_causes(ctx, dec, lambda k, w, **kw: got.append((k, tr(f"report.cause.{k}", "en", **kw))))
    assert got == [(key, text)]
