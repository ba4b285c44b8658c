"""Field paths for sweeps and tuning: resolved as a designer reads the file, wrong parts named."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.knobs import KnobError, parse_values, resolve, with_values
from game.scenario.loader import load_scenario

HOSPITAL = Path(__file__).resolve().parents[2] / "scenarios" / "city_hospital.yaml"


@pytest.fixture(scope="module")
def spec():
    return load_scenario(HOSPITAL)


@pytest.mark.parametrize(("path", "kind", "current"), [
    ("vendors.hengtai.fit.emr_level", "number", 0.5),
    ("vendors.hengtai.difficulty", "word", "normal"),
    ("vendors.1.time.rep", "whole number", 5),
    ("customer.budget", "number", 1200.0),
    ("customer.needs.integration.weight", "number", 2.0),
    ("events.cio_seconded.trigger.chance", "number", 0.2),
    ("events.cio_seconded.trigger.weeks.0", "whole number", 7),
])
def test_paths_resolve_by_id_field_and_key(spec, path: str, kind: str, current) -> None:
    knob = resolve(spec, path)
    assert (knob.kind, knob.current) == (kind, current)


@pytest.mark.parametrize(("path", "message"), [
    ("vendors.hengtia.fit.emr_level",
     "vendors.hengtia.fit.emr_level: 'vendors' has no item with the id 'hengtia'; did you "
     "mean 'hengtai'?"),
    ("vendors.hengtai.fitt.emr_level",
     "vendors.hengtai.fitt.emr_level: 'vendors.hengtai' has no field 'fitt'; did you mean "
     "'fit'?"),
    ("vendors.hengtai.fit.emr_levle",
     "vendors.hengtai.fit.emr_levle: 'vendors.hengtai.fit' has no entry 'emr_levle'; did you "
     "mean 'emr_level'?"),
    ("vendors.hengtai", "vendors.hengtai: names a part of the scenario, not a number"),
    ("customer.budget.cut", "customer.budget.cut: 'customer.budget' is a single value; 'cut' "
     "cannot follow it"),
    ("vendors..fit", "'vendors..fit' is not a field path"),
])
def test_a_bad_path_names_the_part_and_what_would_be_right(spec, path: str,
                                                           message: str) -> None:
    with pytest.raises(KnobError) as info:
        resolve(spec, path)
    assert str(info.value).startswith(message), str(info.value)


def test_values_from_ranges_and_lists(spec) -> None:
    fit = resolve(spec, "vendors.hengtai.fit.emr_level")
    assert parse_values(fit, "0.4:0.7:0.05") == [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
    assert parse_values(fit, "0.3, 0.6") == [0.3, 0.6]
    assert parse_values(resolve(spec, "vendors.hengtai.references"), "2:10:4") == [2, 6, 10]
    words = resolve(spec, "vendors.hengtai.difficulty")
    assert parse_values(words, "easy,normal,expert") == ["easy", "normal", "expert"]


@pytest.mark.parametrize(("path", "values", "message"), [
    ("vendors.hengtai.fit.emr_level", "0.4:1.2:0.2", "1.2 is outside what the field allows "
     "(0 to 1)"),
    ("vendors.hengtai.fit.emr_level", "0.7:0.4:0.1", "FROM (0.7) must not be above TO (0.4)"),
    ("vendors.hengtai.fit.emr_level", "0.4:0.7:0", "the step must be above 0"),
    ("vendors.hengtai.fit.emr_level", "0.4:0.7", "should be FROM:TO:STEP"),
    ("vendors.hengtai.fit.emr_level", "high", "'high' is not a number"),
    ("vendors.hengtai.references", "1.5,2", "'1.5' is not a whole number"),
    ("vendors.hengtai.difficulty", "easy,hard", "'hard' is not allowed here"),
    ("vendors.hengtai.difficulty", "0:2:1", "list its values as a,b,c"),
    ("customer.budget", "100:10000:1", "too many for one sweep"),
])
def test_bad_values_are_refused_with_the_reason(spec, path: str, values: str,
                                                message: str) -> None:
    with pytest.raises(KnobError) as info:
        parse_values(resolve(spec, path), values)
    assert message in str(info.value)


def test_changed_copies_are_validated_like_files(spec) -> None:
    fit = resolve(spec, "vendors.hengtai.fit.emr_level")
    changed = with_values(spec, [(fit, 0.9)])
    assert changed.vendors[1].fit["emr_level"] == 0.9 and spec.vendors[1].fit["emr_level"] == 0.5
    floor = resolve(spec, "vendors.hengtai.floor_price")
    with pytest.raises(KnobError) as info:
        with_values(spec, [(floor, 99999.0)])
    assert "floor_price must not exceed list_price" in str(info.value)
