"""`main.py simulate` end to end in a subprocess: the same seed prints the same game, and the
printout has a line per week and an outcome block a trainer can read.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CMD = [sys.executable, "main.py", "simulate", "scenarios/city_hospital.yaml", "--seed", "3"]


def run(*extra: str) -> str:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([*CMD, *extra], cwd=REPO, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_simulate_is_deterministic_and_readable():
    first, second = run(), run()
    assert first == second
    lines = first.splitlines()
    weeks = [ln for ln in lines if re.match(r"^W\d{2}  ", ln)]
    assert len(weeks) >= 8
    assert [int(ln[1:3]) for ln in weeks] == list(range(1, len(weeks) + 1))
    assert all(re.search(r"\w+:P[1-7]", ln) for ln in weeks)
    outcome = first[first.index("Outcome"):]
    for label in (r"Result: \w+", r"Winner: \S+", r"Contract value: [\d.]+ 万元",
                  r"Margin: -?[\d.]+%", r"First payment: \d+%", r"C931 at the decision:",
                  r"\dC \dF \dW"):
        assert re.search(label, outcome), f"missing {label!r} in:\n{outcome}"


def test_the_scenarios_line_up_is_the_default_and_basic_keeps_the_old_game():
    first = run("--lang", "zh")
    assert first == run("--ai", "scenario", "--lang", "zh")
    assert "结果" in first and "定标时的C931" in first
    assert first != run("--ai", "basic", "--lang", "zh")


def test_each_event_choice_taken_is_shown_under_its_week():
    from game.scenario.loader import load_scenario

    spec = load_scenario(REPO / "scenarios" / "city_hospital.yaml")
    labels = {c.label.en: ev.title.en for ev in spec.events for c in ev.choices}
    lines = run().splitlines()
    shown = [ln for ln in lines if ln.startswith("     \u21b3 ")]
    assert shown, "seed 3 answers at least one event"
    vendors = {v.id for v in spec.vendors}
    for ln in shown:
        m = re.match(r"^     \u21b3 (\w+) chose \u201c(.+)\u201d \u2014 (.+?)( \(no answer, so "
                     r"the default\))?$", ln)
        assert m, ln
        assert m.group(1) in vendors and labels[m.group(2)] == m.group(3)
        # The answer follows the week line of the week it was taken in.
        assert re.match(r"^W\d{2}  |^     \u21b3 ", lines[lines.index(ln) - 1])
