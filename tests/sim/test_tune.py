"""tune: the greedy search finds the knob values a known answer needs, proposes without editing,
and the tune: section is checked like the rest of the file."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.scenario.knobs import resolve
from game.scenario.loader import ScenarioError, load_scenario, load_scenario_text
from game.scenario.models import TuneSpec
from game.scenario.starter import starter_text
from game.sim.tune import Search, groups, members, miss, register

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "scenario" / "good" / "minimal.yaml"


def _rate(r: float) -> dict:
    return {"rate": r, "n": 100, "wins": round(r * 100), "lo": r - 0.1, "hi": r + 0.1}


def _tune(**kw) -> TuneSpec:
    base = {"knobs": [{"path": "vendors.rival_b.fit.price", "range": [0.3, 0.9], "step": 0.1},
                      {"path": "vendors.rival_b.list_price", "range": [200, 280], "step": 20}],
            "targets": [{"who": "rival_b", "win": [0.25, 0.35]}]}
    return TuneSpec.model_validate({**base, **kw})


def test_miss_sums_the_distance_outside_each_wanted_range() -> None:
    spec = load_scenario(MINIMAL)
    rates = {"team_a": _rate(0.6), "rival_b": _rate(0.1), "playbook:basic": _rate(0.6),
             "playbook:incumbent": _rate(0.1)}
    tune = _tune(targets=[{"who": "rival_b", "win": [0.25, 0.35]},
                          {"who": "every_vendor", "win": [0.2, 0.5]},
                          {"who": "every_playbook", "win": [0.0, 1.0]}])
    assert miss(tune, rates, spec) == pytest.approx(0.15 + 0.1 + 0.1)
    assert members("incumbent", rates, spec) == ["playbook:incumbent"]
    assert members("every_playbook", rates, spec) == ["playbook:basic", "playbook:incumbent"]


def test_groups_name_vendors_and_playbooks_of_the_mode() -> None:
    summary = {"vendors": [dict(_rate(0.4), id="a"), dict(_rate(0.0), id="late", n=0)],
               "playbooks": [dict(_rate(0.3), playbook="solution")],
               "team_playbooks": [dict(_rate(0.5), playbook="basic")]}
    assert set(groups(summary, "scenario")) == {"a", "playbook:solution"}
    assert set(groups(summary, "rotate")) == {"a", "playbook:basic"}


def test_the_search_finds_a_known_answer_with_few_tries() -> None:
    """A fake game whose rival wins 30% exactly when its price fit is 0.5 and its list
    price 240: the search must change both, and nothing else."""
    spec = load_scenario(MINIMAL)
    tune = _tune()
    knobs = [resolve(spec, k.path) for k in tune.knobs]

    def play(changed, _n):
        v = next(x for x in changed.vendors if x.id == "rival_b")
        r = 0.3 + abs(v.fit["price"] - 0.5) + abs(v.list_price - 240) / 200
        return {"rival_b": _rate(min(r, 1.0)), "team_a": _rate(0.5)}

    search = Search(spec, tune, knobs, play)
    best = search.run()
    assert best.changes == {0: 0.5, 1: 240}
    assert best.miss == pytest.approx(0.0)
    assert len(search.tries) <= search.planned_tries()
    one = Search(spec, _tune(max_changes=1), knobs, play)
    assert len(one.run().changes) == 1


def test_no_change_is_proposed_when_none_helps() -> None:
    spec = load_scenario(MINIMAL)
    tune = _tune()
    search = Search(spec, tune, [resolve(spec, k.path) for k in tune.knobs],
                    lambda changed, _n: {"rival_b": _rate(0.3), "team_a": _rate(0.5)})
    assert search.run().changes == {}


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(["tune", *argv])


def test_tune_proposes_without_editing_the_file(tmp_path, capsys) -> None:
    path = tmp_path / "water.yaml"
    path.write_text(starter_text("water", path), encoding="utf-8")
    before = path.read_bytes()
    args = _args(str(path), "--games", "3", "--confirm-games", "3", "--jobs", "1", "--quiet",
                 "--out", str(tmp_path))
    assert args.func(args) == 0
    out = capsys.readouterr()
    assert path.read_bytes() == before
    for heading in ("# Tune: water", "## Proposal", "## Evidence on fresh seeds",
                    "## Every try"):
        assert heading in out.out
    assert "was not changed" in out.out and "tries of 3 games" in out.err
    assert len(list(tmp_path.glob("tune-water-*.md"))) == 1


def test_tune_without_a_tune_section_says_what_to_add(capsys) -> None:
    args = _args(str(MINIMAL), "--quiet")
    assert args.func(args) == 1
    assert "has no 'tune:' section" in capsys.readouterr().err


@pytest.mark.parametrize(("old", "new", "said"), [
    ("path: vendors.incumbent.fit.billing", "path: vendors.incumbant.fit.billing",
     "tune.knobs[0].path: 'vendors' has no item with the id 'incumbant'; did you mean "
     "'incumbent'?"),
    ("range: [850, 1000]", "range: [-50, 1000]",
     "tune.knobs[1].range: [-50, 1000] goes outside what customer.budget allows"),
    ("who: every_playbook", "who: every_playbok",
     "tune.targets[0].who: 'every_playbok' is not a vendor, a playbook, every_vendor or "
     "every_playbook (did you mean 'every_playbook'?"),
    ("range: [0.8, 0.95]\n      step: 0.05", "range: [0.8, 0.95]\n      step: 0.5",
     "tune.knobs[0].step: a step of 0.5 leaves one value in [0.8, 0.95]"),
])
def test_a_bad_tune_section_is_a_clear_error(old: str, new: str, said: str) -> None:
    text = starter_text("water", Path("water.yaml"))
    assert old in text
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text.replace(old, new, 1), "water.yaml")
    assert said in info.value.render()
