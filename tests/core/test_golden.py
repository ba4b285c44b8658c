"""A golden trace: the `simulate` printout of city_hospital with seed 7, kept in the repo.

It pins the rules' behaviour as a whole (OpenSpiel keeps "playthrough" files for the same
reason): any change to the engine, the built-in AI or the scenario that alters play shows up
here as a readable diff of week lines and the outcome.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os

import pytest

from game.cli import main

from .conftest import REPO

GOLDEN = REPO / "tests" / "core" / "golden" / "city_hospital_seed7.txt"
ARGS = ["simulate", str(REPO / "scenarios" / "city_hospital.yaml"), "--seed", "7",
        "--ai", "basic"]
REGEN = "DEALCRAFT_REGEN_GOLDEN"


def simulate() -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(ARGS) == 0
    return out.getvalue()


def test_simulate_seed_7_matches_the_golden_trace():
    got = simulate()
    if os.environ.get(REGEN) == "1":
        GOLDEN.write_text(got, encoding="utf-8")
        pytest.skip(f"regenerated {GOLDEN.relative_to(REPO)}; review the diff and commit it")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(
            want.splitlines(keepends=True), got.splitlines(keepends=True),
            "golden", "now", n=1))
        pytest.fail(
            "the simulate trace of city_hospital seed 7 changed.\n"
            "If the rules (or the AI, or the scenario) changed on purpose, regenerate it with\n"
            f"  {REGEN}=1 .venv/bin/pytest tests/core/test_golden.py\n"
            "and commit the new file after reading the diff; otherwise this is a regression.\n"
            + diff)
