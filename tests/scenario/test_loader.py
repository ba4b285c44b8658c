"""The scenario loader: good files load, every bad file fails with the promised message.

Bad fixtures live in bad/ beside `.expected` sidecars (as ansible-lint keeps them): each
non-empty line of a sidecar must appear in the rendered error, and each line that starts
with the fixture's file name stands for exactly one issue, so a fixture cannot silently grow
a second fault.
"""

from __future__ import annotations

import io
import pickle
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import yamlsource
from game.scenario.commands import run_validate
from game.scenario.loader import (
    Issue,
    ScenarioError,
    load_scenario,
    load_scenario_bytes,
    load_scenario_text,
)
from game.scenario.models import ScenarioSpec

HERE = Path(__file__).parent
GOOD = HERE / "good" / "minimal.yaml"
BAD = sorted((HERE / "bad").glob("*.yaml"))
MINIMAL = GOOD.read_text(encoding="utf-8")


def _raises(fn, *args) -> ScenarioError:
    """Call and return the ScenarioError; any other exception fails the test as it is."""
    with pytest.raises(ScenarioError) as info:
        fn(*args)
    return info.value


def _variant(*pairs: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# ---- the good file ------------------------------------------------------------------------


def test_minimal_scenario_loads() -> None:
    spec = load_scenario(GOOD)
    assert isinstance(spec, ScenarioSpec)
    assert spec.id == "minimal"
    assert [s.id for s in spec.stakeholders] == ["cio", "president", "buyer"]
    assert [(v.id, v.side) for v in spec.vendors] == [("team_a", "team"), ("rival_b", "rival")]
    assert [n.id for n in spec.customer.needs] == ["integration", "price"]
    assert len(spec.events) == 1


def test_minimal_scenario_loads_with_pure_python_parser(monkeypatch) -> None:
    monkeypatch.setattr(yamlsource, "_HAS_C", False)
    assert load_scenario(GOOD) == load_scenario_text(MINIMAL, "x.yaml")


def test_loading_is_fast() -> None:
    start = time.perf_counter()
    for _ in range(20):
        load_scenario(GOOD)
    assert (time.perf_counter() - start) / 20 < 0.05


# ---- bad fixtures -------------------------------------------------------------------------


def test_there_are_enough_bad_fixtures_each_with_a_sidecar() -> None:
    assert len(BAD) >= 24
    missing = [p.name for p in BAD if not p.with_suffix(".expected").exists()]
    assert not missing, f"bad fixtures without .expected: {missing}"


@pytest.mark.parametrize("parser", ["libyaml", "python"])
@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_reports_expected_messages(path: Path, parser: str, monkeypatch) -> None:
    if parser == "python":
        monkeypatch.setattr(yamlsource, "_HAS_C", False)
    elif not yamlsource._HAS_C:
        pytest.skip("PyYAML was built without libyaml")
    error = _raises(load_scenario, path)
    text = str(error)
    expected = [
        line for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for line in expected:
        assert line in text, f"{path.name}: expected {line!r} in:\n{text}"
    located = [line for line in expected if line.startswith(path.name + ":")]
    assert len(error.issues) == len(located), text
    for issue in error.issues:
        assert issue.file == str(path)
        assert issue.line is not None and issue.line >= 1
        assert issue.column is not None and issue.column >= 1
        assert issue.message and issue.code.startswith("scenario/")


def test_alias_bomb_fails_fast() -> None:
    start = time.perf_counter()
    error = _raises(load_scenario, HERE / "bad" / "alias_bomb.yaml")
    assert time.perf_counter() - start < 2.0
    assert error.issues[0].code == "scenario/too_many_values"


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    padding = "# " + "x" * 97 + "\n"
    path.write_text(MINIMAL + padding * (2 * 1024 * 1024 // len(padding) + 10), encoding="utf-8")
    start = time.perf_counter()
    error = _raises(load_scenario, path)
    assert time.perf_counter() - start < 1.0
    assert re.search(r"huge\.yaml: the file is too large \(2\.\d\d MB\); the limit is 2 MB",
                     str(error))
    assert error.issues[0].code == "scenario/too_large"
    text_error = _raises(load_scenario_text, path.read_text(encoding="utf-8"), "huge.yaml")
    assert text_error.issues[0].code == "scenario/too_large"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = _raises(load_scenario, tmp_path / "nope.yaml")
    assert "there is no such file" in str(missing)
    folder = _raises(load_scenario, tmp_path)
    assert "this is a folder, not a scenario file" in str(folder)


# ---- message details ----------------------------------------------------------------------


def test_issue_fields_and_rendering() -> None:
    text = _variant(("    influence: 0.4\n", "    influance: 0.4\n"))
    error = _raises(load_scenario_text, text, "s.yaml")
    (issue,) = error.issues
    line = MINIMAL.splitlines().index("    influence: 0.4") + 1
    assert issue == Issue(
        file="s.yaml", line=line, column=5, field="stakeholders[0].influance",
        message="unknown field 'influance'", hint="did you mean 'influence'?",
        code="scenario/unknown_field", source_line="    influance: 0.4",
    )
    rendered = str(error).splitlines()
    assert rendered[0] == (
        f"s.yaml:{line}:5: stakeholders[0].influance: unknown field 'influance' "
        "(did you mean 'influence'?)"
    )
    assert rendered[1].endswith("|     influance: 0.4")
    assert rendered[2].index("^") == rendered[1].index("influance")


def test_scenario_error_survives_pickling_for_worker_processes() -> None:
    error = _raises(load_scenario, HERE / "bad" / "unknown_key.yaml")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.issues == error.issues
    assert str(copy) == str(error)


def test_caret_accounts_for_wide_characters() -> None:
    text = _variant(("name: {zh: 王明, en: Wang Ming}", "name: {zh: 王明, en: [Wang Ming]}"))
    rendered = str(_raises(load_scenario_text, text, "s.yaml")).splitlines()
    # 王明 takes four terminal columns, so the caret sits two columns right of its index.
    assert rendered[2].index("^") == rendered[1].index("[") + 2


def test_all_errors_are_reported_at_once_in_file_order() -> None:
    text = _variant(
        ("  budget: 300", "  budget: lots"),
        ("roles: [decision_maker]", "roles: [decider]"),
        ("    side: team", "    side: teem"),
    )
    error = _raises(load_scenario_text, text, "s.yaml")
    assert [i.code for i in error.issues] == [
        "scenario/wrong_type", "scenario/not_allowed", "scenario/not_allowed",
    ]
    lines = [i.line for i in error.issues]
    assert lines == sorted(lines)


def test_cross_reference_errors_are_reported_together() -> None:
    text = _variant(
        ("      - who: president", "      - who: presidnet"),
        ("stakeholder: buyer", "stakeholder: buyr"),
        ("fit: {integration: 0.7, price: 0.5}", "fit: {integration: 0.7}"),
    )
    error = _raises(load_scenario_text, text, "s.yaml")
    assert {i.code for i in error.issues} == {
        "scenario/unknown_stakeholder", "scenario/missing_fit",
    }
    assert len(error.issues) == 3


def test_checks_beyond_the_brief_payment_criteria_reserved_ids_late_vendor() -> None:
    text = _variant(
        ("  budget: 300\n", "  budget: 300\n  criteria: {technical: 0, price: 0, service: 0}\n"
         "  payment: {first_payment_max: 0.1, first_payment_min: 0.2}\n"),
        ("  - id: buyer", "  - id: all"),
        ("stakeholder: buyer", "stakeholder: all"),
        ("    playbook: incumbent", "    playbook: incumbent\n    enters_week: 13"),
    )
    error = _raises(load_scenario_text, text, "s.yaml")
    assert [i.code for i in error.issues] == [
        "scenario/zero_criteria", "scenario/payment_range", "scenario/reserved_id",
        "scenario/after_last_week",
    ]


def test_every_kind_of_reference_is_checked() -> None:
    effects = """    effects:
      - type: need_weight
        need: integraton
        weight: 3
      - type: trust
        vendor: team_b
        stakeholder: cfo
        change: 0.1
      - type: reveal
        stakeholder: ceo
      - type: replace_stakeholder
        stakeholder: buyer
        new:
          name: {zh: 新人, en: Newcomer}
          cares_about: [prices]
          favours: rival_c
          position_motive: {kind: cost, text: {zh: 省钱, en: Save money}}
          personal_motive: {kind: career, text: {zh: 升职, en: Promotion}}
    choices:
      - id: yes_pay
        label: {zh: 付, en: Pay}
        effects: [{type: vendor_budget, vendor: leadr, change: -5}]
      - id: yes_pay
        label: {zh: 付, en: Pay}
"""
    text = _variant(
        ("""    effects:
      - type: budget
        change: -0.1
      - type: support
        stakeholder: buyer
        change: -0.05
""", effects),
        ("        - type: phase\n          phase: solution",
         "        - {type: contact, stakeholder: cto, vendor: any, at_least: met}\n"
         "        - {type: stage, vendor: rivals, at_least: 2}"),
    )
    error = _raises(load_scenario_text, text, "s.yaml")
    found = [
        (i.field, i.code, i.hint.split("?")[0] if i.hint and "?" in i.hint else None)
        for i in error.issues
    ]
    assert found == [
        ("events[0].trigger.conditions[0].stakeholder", "scenario/unknown_stakeholder",
         "did you mean 'cio'"),
        ("events[0].effects[0].need", "scenario/unknown_need", "did you mean 'integration'"),
        ("events[0].effects[1].vendor", "scenario/unknown_vendor", "did you mean 'team_a'"),
        ("events[0].effects[1].stakeholder", "scenario/unknown_stakeholder",
         "did you mean 'cio'"),
        ("events[0].effects[2].stakeholder", "scenario/unknown_stakeholder",
         "did you mean 'cio'"),
        ("events[0].effects[3].new.cares_about[0]", "scenario/unknown_need",
         "did you mean 'price'"),
        ("events[0].effects[3].new.favours", "scenario/unknown_vendor",
         "did you mean 'rival_b'"),
        ("events[0].choices[0].effects[0].vendor", "scenario/unknown_vendor",
         "did you mean 'leader'"),
        ("events[0].choices[1].id", "scenario/duplicate_id", None),
    ]


def test_yes_and_no_stay_text_but_booleans_still_accept_them() -> None:
    text = _variant(
        ("industry: {zh: 医疗, en: Healthcare}", "industry: {zh: 医疗, en: no}"),
        ("    senior: true", "    senior: yes"),
    )
    spec = load_scenario_text(text, "s.yaml")
    assert spec.customer.industry.en == "no"
    assert spec.stakeholders[1].senior is True


def test_a_text_field_given_true_gets_a_quoting_hint() -> None:
    text = _variant(("industry: {zh: 医疗, en: Healthcare}", "industry: {zh: 医疗, en: true}"))
    (issue,) = _raises(load_scenario_text, text, "s.yaml").issues
    assert issue.message == "expected text, found the yes/no value true"
    assert "quotes" in (issue.hint or "")


def test_merge_keys_and_aliases_load() -> None:
    text = _variant(
        ("    title: {zh: 信息中心主任, en: Head of IT}",
         "    title: &it {zh: 信息中心主任, en: Head of IT}"),
        ("    title: {zh: 采购科长, en: Head of Purchasing}", "    title: {<<: *it, en: Buyer}"),
    )
    spec = load_scenario_text(text, "s.yaml")
    assert spec.stakeholders[2].title.zh == "信息中心主任"
    assert spec.stakeholders[2].title.en == "Buyer"


def test_utf8_bom_is_accepted_and_utf16_refused() -> None:
    assert load_scenario_bytes(b"\xef\xbb\xbf" + MINIMAL.encode(), "s.yaml").id == "minimal"
    error = _raises(load_scenario_bytes, MINIMAL.encode("utf-16"), "s.yaml")
    assert "UTF-16" in str(error)


def test_windows_line_endings_keep_lines_and_quotes_right() -> None:
    text = _variant(("  budget: 300", "  budget: lots")).replace("\n", "\r\n")
    (issue,) = _raises(load_scenario_text, text, "s.yaml").issues
    assert issue.line == MINIMAL.splitlines().index("  budget: 300") + 1
    assert issue.source_line == "  budget: lots"


def test_an_empty_value_is_reported_at_its_key() -> None:
    text = _variant(("  budget: 300", "  budget:"))
    (issue,) = _raises(load_scenario_text, text, "s.yaml").issues
    assert (issue.column, issue.message) == (3, "expected a number, found nothing (an empty value)")


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "---\n", "--- \n...\n"])
def test_empty_documents_are_reported_as_empty(text: str) -> None:
    (issue,) = _raises(load_scenario_text, text, "s.yaml").issues
    assert issue.code == "scenario/empty"


def test_non_finite_numbers_are_refused() -> None:
    error = _raises(load_scenario_text, _variant(("  budget: 300", "  budget: .inf")), "s.yaml")
    assert "'.inf' is not a finite number" in str(error)


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, "- " * 60_000 + "x", "{a: " * 30_000, "k: " + "[" * 50 + "]" * 50],
    ids=["brackets", "compact_lists", "flow_maps", "shallow_but_not_a_scenario"],
)
def test_deep_or_odd_nesting_fails_cleanly(text: str) -> None:
    assert _raises(load_scenario_text, text, "deep.yaml").issues


# ---- robustness ---------------------------------------------------------------------------


def _load_or_error(text: str) -> None:
    try:
        load_scenario_text(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.issues
        str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _load_or_error(text)


_LINES = MINIMAL.splitlines(keepends=True)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_LINES) - 1),
            st.sampled_from(["drop", "dup", "indent", "dedent", "garble"]),
            st.text(max_size=5),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_minimal_scenario_never_crashes(edits: list[tuple[int, str, str]]) -> None:
    lines = list(_LINES)
    for index, how, junk in edits:
        index %= len(lines)
        if how == "drop":
            del lines[index]
        elif how == "dup":
            lines.insert(index, lines[index])
        elif how == "indent":
            lines[index] = "  " + lines[index]
        elif how == "dedent":
            lines[index] = lines[index][2:]
        else:
            cut = len(lines[index]) // 2
            lines[index] = lines[index][:cut] + junk + lines[index][cut:]
        if not lines:
            break
    _load_or_error("".join(lines))


# ---- the validate command -----------------------------------------------------------------


def _validate(*paths: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_validate([str(p) for p in paths], out=out)
    return code, out.getvalue()


def test_validate_reports_ok_and_exit_zero() -> None:
    code, output = _validate(GOOD)
    assert code == 0
    assert output.startswith(f"ok      {GOOD}  (minimal: 3 stakeholders, 2 vendors, 1 events)")


def test_validate_reports_every_problem_and_exit_one(tmp_path: Path) -> None:
    code, output = _validate(GOOD, HERE / "bad" / "unknown_key.yaml", tmp_path / "gone.yaml")
    assert code == 1
    assert "ok      " in output
    assert re.search(r"unknown_key\.yaml:\d+:5: stakeholders\[0\]\.influance", output)
    assert "gone.yaml: there is no such file" in output
    assert "3 file(s) checked: 1 valid, 2 with problems" in output
    assert "Traceback" not in output


def test_validate_expands_folders_and_rejects_empty_input(tmp_path: Path) -> None:
    code, output = _validate(HERE / "bad")
    assert code == 1
    assert f"{len(BAD)} file(s) checked: 0 valid, {len(BAD)} with problems" in output
    assert _validate(tmp_path)[0] == 1
    assert "no .yaml files in this folder" in _validate(tmp_path)[1]
    assert _validate()[0] == 1
