"""The balance command: runs sized for their intervals, reports filed by id and hash, sweeps."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

import pytest

from game.sim.balance import register
from game.sim.balance_command import DEFAULT_MARGIN, sized_games
from game.sim.report_kit import games_for_margin

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = str(ROOT / "tests" / "scenario" / "good" / "minimal.yaml")


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(["balance", MINIMAL, "--jobs", "1", "--quiet", *argv])


def test_without_games_each_arm_is_sized_for_the_margin() -> None:
    per_arm = games_for_margin(DEFAULT_MARGIN)
    assert sized_games(_args()) == (per_arm, DEFAULT_MARGIN)
    assert sized_games(_args("--mode", "rotate")) == (5 * per_arm, DEFAULT_MARGIN)
    assert sized_games(_args("--margin", "0.1")) == (97, 0.1)
    assert sized_games(_args("--games", "40")) == (40, None)


@pytest.mark.parametrize(("argv", "said"), [
    (("--games", "0"), "--games must be at least 1"),
    (("--margin", "0.9"), "--margin is a half-width"),
])
def test_bad_sizes_are_refused(argv, said, capsys) -> None:
    args = _args(*argv)
    assert args.func(args) == 1
    assert said in capsys.readouterr().err


def test_report_goes_into_the_folder_named_by_id_and_hash(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    args = _args("--games", "3")
    assert args.func(args) == 0
    first = list(tmp_path.glob("balance-minimal-*.md"))
    assert len(first) == 1 and re.fullmatch(r"balance-minimal-[0-9a-f]{8}\.md", first[0].name)
    assert f"wrote {first[0].name}" in capsys.readouterr().out
    # The same run keeps its name; another setting gets its own file beside it.
    assert args.func(args) == 0
    args = _args("--games", "4", "--out", str(tmp_path / "reports"))
    assert args.func(args) == 0
    assert len(list(tmp_path.glob("balance-minimal-*.md"))) == 1
    assert len(list((tmp_path / "reports").glob("balance-minimal-*.md"))) == 1


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can write into a read-only folder")
def test_a_folder_that_cannot_be_written_is_said_first_and_results_still_print(
        tmp_path, capsys) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        args = _args("--games", "3", "--out", str(locked))
        assert args.func(args) == 1
    finally:
        locked.chmod(0o700)
    out, err = capsys.readouterr()
    assert "# Balance report: minimal" in out
    assert f"cannot write the report into {locked}" in err and "printed only" in err


def test_a_file_in_place_of_the_folder_is_said_first_and_results_still_print(
        tmp_path, capsys) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder", encoding="utf-8")
    args = _args("--games", "3", "--out", str(blocker / "reports"))
    assert args.func(args) == 1
    out, err = capsys.readouterr()
    assert "# Balance report: minimal" in out
    assert f"cannot write the report into {blocker / 'reports'}" in err


def test_sweep_plays_each_value_on_the_same_seeds(tmp_path, capsys) -> None:
    args = _args("--games", "6", "--sweep", "vendors.rival_b.fit.price=0.5:0.9:0.2",
                 "--out", str(tmp_path))
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "# Sweep: minimal · vendors.rival_b.fit.price" in out
    rows = [ln for ln in out.splitlines() if re.match(r"^\| 0\.[579]", ln)]
    assert [r.split("|")[1].strip() for r in rows] == ["0.5", "0.7 (now)", "0.9"]
    assert "seeds 1-6, the same at every value" in out and "## What moved" in out
    assert len(list(tmp_path.glob("sweep-minimal-*.md"))) == 1


@pytest.mark.parametrize(("sweep", "said"), [
    ("vendors.rival_c.fit.price=0.5:0.9:0.2",
     "vendors.rival_c.fit.price: 'vendors' has no item with the id 'rival_c'; did you mean "
     "'rival_b'?"),
    ("vendors.rival_b.fit.price", "should be PATH=FROM:TO:STEP or PATH=a,b,c"),
    ("vendors.rival_b.fit.price=0.5:1.5:0.5", "1.5 is outside what the field allows (0 to 1)"),
])
def test_a_bad_sweep_is_a_clear_error_naming_the_path(sweep, said, capsys) -> None:
    args = _args("--games", "2", "--sweep", sweep)
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("balance --sweep: ") and said in err
