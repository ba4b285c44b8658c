"""The balance runner: deterministic records whatever the worker count, honest figures."""

from __future__ import annotations

import argparse
import io
from collections import Counter
from pathlib import Path

import pytest

from game.core.causes import analyse
from game.core.engine import new_game
from game.core.serialize import state_to_dict
from game.report.trace import walk
from game.scenario.loader import load_scenario
from game.sim.balance import (
    PLAYBOOKS,
    Progress,
    agent_factory,
    agents_for,
    bench_balance,
    chunks,
    game_record,
    play_scored_game,
    register,
    run_games,
    seat_playbooks,
)
from game.sim.balance_report import (
    CAUSES,
    flags,
    games_for_margin,
    render_report,
    seat_profit,
    summarise,
    table,
    wilson,
)
from game.sim.play import play_game
from game.sim.report_kit import games_to_settle

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = str(ROOT / "tests" / "scenario" / "good" / "minimal.yaml")
CITY = str(ROOT / "scenarios" / "city_hospital.yaml")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return run_games(MINIMAL, 8, jobs=1, base_seed=5)


def test_wilson_interval_matches_known_values() -> None:
    lo, hi = wilson(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-4) and hi == pytest.approx(0.7634, abs=1e-4)
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)


def test_chunks_cover_every_game_once_with_consecutive_seeds() -> None:
    parts = chunks(103, 7, jobs=2)
    games = [g for _, part in parts for g in part]
    assert games == [(i, 7 + i) for i in range(103)]
    assert len(parts) > 2  # enough chunks to keep two workers busy and the bar moving


def test_parallel_run_gives_the_same_records_as_one_process(records) -> None:
    assert [r["seed"] for r in records] == list(range(5, 13))
    assert run_games(MINIMAL, 8, jobs=2, base_seed=5) == records


def test_every_seat_has_a_known_loss_cause_unless_it_won(records) -> None:
    for r in records:
        for vid, x in r["vendors"].items():
            if r["winner"] == vid and r["result"] == "won":
                assert x["cause"] is None
            else:
                assert x["cause"] in CAUSES
            assert x["stage"] >= 1 and x["spent"] >= 0


def _core(state) -> dict:
    """The state without its record (which only recorded games keep)."""
    d = state_to_dict(state, with_spec=False)
    for key in ("log", "plans", "history"):
        d.pop(key)
    return d


SCORE_LABELS = {"price", "support", "support_one", "kdm_w", "fit", "shaping", "preparation",
                "replaced", "kdm_override", "outscored"}


def test_scored_games_are_the_recorded_games_and_their_causes_the_counterfactual() -> None:
    """The balance loop plays each seed as `simulate` would (the customer's own dice
    included), and a tender loss is labelled by the factor that alone would have won."""
    spec = load_scenario(CITY)
    template = new_game(spec, 0)
    make = agent_factory()
    seen: Counter[str] = Counter()
    for seed in (1, 2, 3):
        books = seat_playbooks(spec, seed, "scenario")
        state, scored = play_scored_game(spec, seed, agents_for(spec, books, seed, make),
                                         template)
        recorded = play_game(spec, seed, agents_for(spec, books, seed, make))
        assert _core(state) == _core(recorded)
        assert scored is not None and scored.tender["totals"] == recorded.tender["totals"]
        for vid, x in game_record(state, books, scored)["vendors"].items():
            c = analyse(recorded, vid, walk(recorded).awarded)
            if x["cause"] in SCORE_LABELS:
                assert c.kind == "scored" and x["cause"] == c.primary
                seen[x["cause"]] += 1
            elif x["cause"] is not None:
                assert c.kind != "scored"
    assert seen, "some vendor lost in the scores"


def test_rotate_mode_cycles_the_team_seat_only() -> None:
    spec = load_scenario(MINIMAL)
    seen = [seat_playbooks(spec, i, "rotate") for i in range(len(PLAYBOOKS))]
    assert [s["team_a"] for s in seen] == list(PLAYBOOKS)
    assert {s["rival_b"] for s in seen} == {"incumbent"}
    assert seat_playbooks(spec, 3, "scenario") == {"team_a": "basic", "rival_b": "incumbent"}


def test_summary_counts_match_the_records(records) -> None:
    spec = load_scenario(MINIMAL)
    s = summarise(records, spec, {"by_playbook": False})
    assert s["games"] == 8
    wins = Counter(r["winner"] for r in records if r["result"] == "won")
    assert {v["id"]: v["wins"] for v in s["vendors"]} == {
        "team_a": wins["team_a"], "rival_b": wins["rival_b"]}
    assert all(v["n"] == 8 for v in s["vendors"])
    assert sum(s["results"].values()) == 8


def _fake(rates: dict[str, tuple[int, int]], won: int, games: int) -> dict:
    vendors = []
    for vid, (k, n) in rates.items():
        lo, hi = wilson(k, n)
        vendors.append({"id": vid, "n": n, "wins": k, "rate": k / n, "lo": lo, "hi": hi})
    return {"vendors": vendors, "playbooks": [], "meta": {"by_playbook": False},
            "games": games, "results": Counter({"won": won, "no_deal": games - won})}


def test_flags_name_dominant_and_dead_sides_and_rare_deals() -> None:
    out = flags(_fake({"a": (70, 100), "b": (0, 100), "c": (27, 100)}, 100, 100))
    assert any(f.startswith("DOMINANT vendor a") for f in out)
    assert any(f.startswith("DEAD vendor b") for f in out)
    assert not any(" c:" in f for f in out)


def test_a_verdict_whose_interval_spans_the_line_is_inconclusive() -> None:
    """3 wins in 100 games (1-8%) and 58 in 100 (48-67%) prove neither dead nor dominant."""
    out = flags(_fake({"a": (58, 100), "b": (3, 100), "c": (40, 100)}, 100, 100))
    assert out == [
        "INCONCLUSIVE vendor a: wins 58% (48%-67%) of 100 games; the interval spans 60%, so "
        "it may or may not be dominant (about 2,300 games for this vendor would settle it)",
        "INCONCLUSIVE vendor b: wins 3% (1%-8%) of 100 games; the interval spans 5%, so it may "
        "or may not be dead (about 410 games for this vendor would settle it)"]
    # Near 0 the interval is lopsided: 0 wins in 30 games needs 73 before 5% is ruled out.
    assert games_to_settle(0.0, 0.05) == 73 and games_to_settle(0.6, 0.6) is None
    assert games_for_margin(0.07) == 196 and games_for_margin(0.05) == 385
    assert flags(_fake({"a": (30, 100), "b": (30, 100)}, 40, 100)) == [
        "FEW DEALS: only 40% of games end with a first payment received (under 50%)"]


def test_playbook_flags_skip_single_vendor_playbooks_and_judge_the_team_seat() -> None:
    summary = _fake({"a": (30, 100), "b": (30, 100)}, 100, 100)
    summary["meta"] = {"by_playbook": True, "mode": "rotate"}
    shared = dict(_fake({"x": (70, 100)}, 0, 0)["vendors"][0], playbook="solution",
                  vendors=["a", "b"])
    alone = dict(shared, playbook="incumbent", vendors=["b"])
    team = dict(_fake({"x": (0, 80)}, 0, 0)["vendors"][0], playbook="relationship",
                vendors=["a"])
    summary["playbooks"] = [shared, alone]
    summary["team_playbooks"] = [team]
    out = flags(summary)
    assert [f.split(":")[0] for f in out] == ["DOMINANT playbook solution",
                                             "DEAD team playbook relationship"]


def test_flags_ignore_sides_with_too_few_games() -> None:
    assert flags(_fake({"late": (0, 10), "a": (40, 100), "b": (40, 100)}, 80, 100)) == []


def test_report_has_every_section(records) -> None:
    spec = load_scenario(MINIMAL)
    meta = {"file": MINIMAL, "games": 8, "jobs": 1, "seed": 5, "mode": "scenario",
            "agents": "built-in AI", "by_playbook": False, "seconds": 0.1}
    text = render_report(summarise(records, spec, meta))
    for heading in ("## Verdict", "## Outcomes", "## Win rate by vendor", "## Stages reached",
                    "## Why vendors lost", "## C931 at the decision", "## Money"):
        assert heading in text
    assert "seeds 5-12" in text


def test_table_pads_columns_to_equal_width() -> None:
    lines = table(["name", "n"], [["a", "1"], ["longer", "10"]]).splitlines()
    assert len({len(line) for line in lines}) == 1
    assert lines[1] == "|--------|---:|"


def test_progress_on_a_pipe_prints_at_most_one_line_per_tenth() -> None:
    stream = io.StringIO()
    bar = Progress(100, stream)
    for _ in range(100):
        bar(1)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1].startswith("[" + "#" * 30 + "] 100/100")


def test_balance_command_prints_and_writes_the_report(tmp_path, capsys) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    out = tmp_path / "report.md"
    args = parser.parse_args(["balance", MINIMAL, "--games", "3", "--jobs", "1", "--quiet",
                              "--out", str(out)])
    assert args.func(args) == 0
    printed = capsys.readouterr().out
    assert "# Balance report: minimal" in printed
    assert out.read_text(encoding="utf-8").startswith("# Balance report: minimal")


def test_balance_command_reports_a_broken_scenario(tmp_path, capsys) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["balance", str(tmp_path / "nope.yaml"), "--quiet"])
    assert args.func(args) == 1
    assert "there is no such file" in capsys.readouterr().err


def test_bench_prints_the_projected_10k_time_last() -> None:
    out = io.StringIO()
    total = bench_balance(games=4, jobs=1, path=MINIMAL, out=out)
    lines = out.getvalue().splitlines()
    assert lines[-2] == "projected from 4 games"
    assert lines[-1] == f"balance_10k_s: {total:.1f}" and total > 0


def _record(winner: str | None, result: str, value: float, margin: float,
            spent: dict[str, float], books: dict[str, str]) -> dict:
    return {"seed": 1, "result": result, "reason": result, "winner": winner, "week": 20,
            "signed": winner is not None, "value": value, "margin": margin,
            "discount": 0.15 if margin < 0.3 else 0.05, "first_payment": 0.3,
            "first_payment_amount": value * 0.3,
            "vendors": {vid: {"playbook": books[vid], "side": "team" if vid == "a" else
                              "rival", "stage": 7, "stage_weeks": {7: 18}, "spent": cost,
                              "cause": None, "c931": None} for vid, cost in spent.items()}}


def test_profit_per_game_weighs_margin_against_how_often_a_playbook_wins() -> None:
    books = [{"a": "price_cutter", "b": "solution"}, {"a": "solution", "b": "price_cutter"}]
    records = [
        _record("a", "won", 900.0, 0.25, {"a": 50.0, "b": 40.0}, books[0]),
        _record("b", "won", 900.0, 0.25, {"a": 30.0, "b": 50.0}, books[1]),
        _record("a", "won", 1100.0, 0.40, {"a": 60.0, "b": 20.0}, books[1]),
        _record("b", "shelved", 1100.0, 0.40, {"a": 10.0, "b": 60.0}, books[0]),
    ]
    assert seat_profit(records[0], "a") == 900.0 * 0.25 - 50.0
    assert seat_profit(records[3], "b") == -60.0  # shelved: the contract earned nothing
    spec = load_scenario(MINIMAL)
    s = summarise(records, spec, {"file": MINIMAL, "games": 4, "jobs": 1, "seed": 1,
                                  "mode": "rotate", "agents": "playbooks", "by_playbook": True,
                                  "seconds": 0.1})
    by = {p["playbook"]: p for p in s["playbooks"]}
    assert by["price_cutter"]["margin"] == 0.25 and by["solution"]["margin"] == 0.40
    # The discount each playbook gave at the table, over its wins.
    assert by["price_cutter"]["discount"] == 0.15 and by["solution"]["discount"] == 0.05
    assert "discount given" in render_report(s)
    # price_cutter: won twice at 225 less 50 each, lost twice having spent 20 and 10
    assert by["price_cutter"]["profit"] == pytest.approx((175.0 + 175.0 - 20.0 - 10.0) / 4)
    # solution: won once at 440 less 60, lost twice (40, 30 spent), shelved once (60 spent)
    assert by["solution"]["profit"] == pytest.approx((-40.0 - 30.0 + 380.0 - 60.0) / 4)
    team = {p["playbook"]: p for p in s["team_playbooks"]}
    assert team["solution"]["profit"] == pytest.approx((-30.0 + 380.0) / 2)
