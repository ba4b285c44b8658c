"""Balance's events and choices: firing rates and weeks, too-late firings, choice take-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.sim.balance import run_games
from game.sim.balance_events import choice_figures, event_figures, render_events
from game.sim.balance_report import render_report, summarise

ROOT = Path(__file__).resolve().parents[2]
HOSPITAL = ROOT / "scenarios" / "city_hospital.yaml"
MINIMAL = ROOT / "tests" / "scenario" / "good" / "minimal.yaml"


@pytest.fixture(scope="module")
def hospital() -> tuple:
    spec = load_scenario(HOSPITAL)
    return spec, run_games(spec, 8, jobs=1, base_seed=3)


def test_records_hold_each_fired_event_and_every_choice_answered(hospital) -> None:
    spec, records = hospital
    events = {e.id: e for e in spec.events}
    assert any(r["events"] for r in records)
    for r in records:
        for eid, week in r["events"].items():
            lo, hi = events[eid].trigger.weeks
            assert lo <= week <= hi
        for vid, eid, cid, default, week in r["choices"]:
            assert eid in r["events"] and week > r["events"][eid]
            assert cid in {c.id for c in events[eid].choices}
            assert vid in r["vendors"] and isinstance(default, bool)


def test_event_figures_count_firings_and_weeks(hospital) -> None:
    spec, records = hospital
    rows = {e["id"]: e for e in event_figures(records, spec)}
    assert list(rows) == [e.id for e in spec.events]
    for eid, row in rows.items():
        fired = [r["events"][eid] for r in records if eid in r["events"]]
        assert row["wins"] == len(fired) and row["n"] == len(records)
        assert sum(row["weeks"].values()) == len(fired)
        if fired:
            assert (row["first"], row["last"]) == (min(fired), max(fired))


def test_choice_take_up_adds_up_to_the_offers(hospital) -> None:
    spec, records = hospital
    rows = choice_figures(records, spec)
    assert rows, "some event with choices fired in eight games"
    offers: dict[tuple[str, str], int] = {}
    for row in rows:
        offers.setdefault((row["event"], row["side"]), row["offered"])
        assert row["offered"] == offers[(row["event"], row["side"])]
        assert 0 <= row["by_default"] <= row["taken"] and 0 <= row["wins"] <= row["taken"]
    for (eid, side), offered in offers.items():
        taken = sum(r["taken"] for r in rows if r["event"] == eid and r["side"] == side)
        assert taken == offered
        answers = sum(1 for r in records for vid, e, *_ in r["choices"]
                      if e == eid and r["vendors"][vid]["side"] == side)
        assert answers == offered


def test_report_shows_the_event_and_choice_tables(hospital) -> None:
    spec, records = hospital
    meta = {"file": str(HOSPITAL), "games": 8, "jobs": 1, "seed": 3, "mode": "scenario",
            "agents": "playbook AIs", "by_playbook": True, "seconds": 1.0}
    text = render_report(summarise(records, spec, meta))
    assert "## Events" in text and "## Event choices" in text
    for ev in spec.events:
        assert f"| {ev.id} " in text


def _record(fired: dict[str, int], bids: int | None) -> dict:
    return {"seed": 1, "events": fired, "choices": [], "result": "no_deal", "winner": None,
            "milestones": {"bids": bids, "scored": None, "terms": None}, "vendors": {}}


def test_a_budget_cut_after_the_bids_opened_is_counted_too_late() -> None:
    spec = load_scenario(MINIMAL)
    ev = spec.events[0]
    only_budget = ev.model_copy(update={"effects": ev.effects[:1]})
    spec = spec.model_copy(update={"events": [only_budget]})
    records = [_record({"budget_cut": 6}, 6), _record({"budget_cut": 5}, 6),
               _record({"budget_cut": 7}, 6), _record({}, 6)]
    row = event_figures(records, spec)[0]
    assert row["rate"] == 0.75 and row["late"] == pytest.approx(2 / 3)
    assert row["why"] == "after the bids were opened"
    text = "\n".join(render_events({"events": [row], "choices": []}))
    assert "67% fired after the bids were opened" in text
    assert "`budget_cut` fired after the bids were opened in 67% of the games" in text
    # With its support effect back, the event still matters after the bids: no verdict.
    assert event_figures(records, load_scenario(MINIMAL))[0]["late"] is None
