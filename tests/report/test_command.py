"""`report SAVE --out FILE`: a clean file for a good save, one clear line for a bad one."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from game.core.state import GameState
from game.report.command import register, run_report
from game.save import save_game


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    register(p.add_subparsers(dest="command"))
    return p


def _run(*argv: str) -> int:
    args = _parser().parse_args(["report", *argv])
    assert args.func is run_report
    return run_report(args)


@pytest.fixture(scope="module")
def team_save(lost_game: GameState, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saves") / "team.json"
    save_game(lost_game, path, {"kind": "test", "players": {"rep": "Li Lei", "pm": "Han Mei"}})
    return path


def test_writes_a_report_with_the_players(team_save: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "deep" / "report.html"
    assert _run(str(team_save), "--out", str(out), "--lang", "en") == 0
    page = out.read_text(encoding="utf-8")
    assert "Li Lei" in page and "Han Mei" in page
    assert page.count("data:image/png;base64,") == 5
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("case", ["missing", "directory", "not_json", "not_a_save", "empty"])
def test_bad_saves_exit_1_with_one_line(case: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "save.json"
    if case == "directory":
        path.mkdir()
    elif case == "not_json":
        path.write_text("{ this is not json", encoding="utf-8")
    elif case == "not_a_save":
        path.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    elif case == "empty":
        path.write_bytes(b"")
    out = tmp_path / "r.html"
    assert _run(str(path), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.startswith("report: ") and str(path) in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not out.exists()


def test_unknown_vendor(team_save: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(team_save), "--out", str(tmp_path / "r.html"), "--vendor", "nobody") == 1
    err = capsys.readouterr().err
    assert "nobody" in err and "ruiyi" in err


def test_another_vendor_and_unwritable_output(team_save: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert _run(str(team_save), "--out", str(blocker / "r.html"), "--vendor", "guorui") == 1
    assert "cannot write" in capsys.readouterr().err


def test_the_cli_has_the_command() -> None:
    from game.cli import build_parser

    args = build_parser().parse_args(["report", "x.json", "--out", "y.html"])
    assert args.func is run_report and args.lang == "zh"
