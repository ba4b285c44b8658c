"""Lint: each rule fires on its fixture at the promised line, and stays quiet on clean files.

Fixtures live in lint/ beside `.expected` sidecars, as the loader's bad/ fixtures do: every
line of a sidecar must appear in the output, and the sidecar lists every warning, so a rule
that starts firing somewhere new fails a test.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.scenario import lint
from game.scenario.issues import ScenarioError
from game.scenario.lint import RULES, lint_file, lint_text, render_warning, run_lint

HERE = Path(__file__).parent
LINT = HERE / "lint"
FIXTURES = sorted(p for p in LINT.glob("*.yaml") if p.stem != "clean")
SCENARIOS = HERE.parents[1] / "scenarios"
NEW_SCENARIOS = ("mes_factory", "logistics_tms", "telecom_network")


def _warnings(path: Path) -> list[str]:
    found = lint_text(path.read_text(encoding="utf-8"), path.name)
    return [render_warning(i).split("\n")[0] for i in found]


def test_every_fixture_has_expected_warnings() -> None:
    missing = [p.name for p in FIXTURES if not p.with_suffix(".expected").exists()]
    assert not missing, f"lint fixtures without .expected: {missing}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_gives_exactly_the_expected_warnings(path: Path) -> None:
    expected = [line for line in path.with_suffix(".expected").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    assert _warnings(path) == expected


def test_clean_fixture_has_no_warnings() -> None:
    assert _warnings(LINT / "clean.yaml") == []


def test_every_rule_has_a_fixture_and_every_warning_a_rule() -> None:
    codes = set()
    for path in FIXTURES:
        codes |= {i.code for i in lint_file(str(path))}
    # Every motive kind has an action today, so only a changed catalogue can trigger this one
    # (tested below by taking an action away).
    assert codes | {"lint/motive_unaddressed"} == set(RULES)


def test_a_motive_kind_no_action_addresses_is_reported(monkeypatch) -> None:
    monkeypatch.setattr(lint, "ADDRESSED", lint.ADDRESSED - {"risk"})
    found = _warnings(LINT / "clean.yaml")
    assert found == [
        "clean.yaml:88:13: warning: no action addresses a 'risk' motive, so discovering "
        "finance's position motive cannot help (pick a kind some action addresses: career, "
        "control, cost, efficiency, innovation, quality, recognition, relationship) "
        "[lint/motive_unaddressed]"]


@pytest.mark.parametrize("name", NEW_SCENARIOS)
def test_new_shipped_scenarios_lint_clean(name: str) -> None:
    path = SCENARIOS / f"{name}.yaml"
    assert lint_file(str(path)) == [], "\n".join(render_warning(i) for i in lint_file(str(path)))


def test_warning_quotes_the_line_with_a_caret() -> None:
    issue = lint_file(str(LINT / "floor_over_budget.yaml"))[0]
    lines = render_warning(issue).splitlines()
    assert lines[1].endswith("floor_price: 320")
    assert lines[2].index("^") == lines[1].index("320")


def test_invalid_file_raises_the_loader_error() -> None:
    with pytest.raises(ScenarioError):
        lint_text("format: 1\nid: x\n", "x.yaml")


def test_run_lint_exit_codes(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_lint([str(LINT / "clean.yaml")], out) == 0
    assert "ok" in out.getvalue() and "no warnings" in out.getvalue()
    out = io.StringIO()
    assert run_lint([str(LINT / "role_unheld.yaml")], out) == 1
    assert "role_unheld.yaml: 1 warning; 1 note\n" in out.getvalue()
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    out = io.StringIO()
    assert run_lint([str(broken)], out) == 1
    assert "not a valid scenario" in out.getvalue()
    assert run_lint([], io.StringIO()) == 1


def test_run_lint_reads_every_file_of_a_folder(tmp_path: Path) -> None:
    for name in ("clean.yaml", "role_unheld.yaml"):
        (tmp_path / name).write_text((LINT / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    out = io.StringIO()
    assert run_lint([str(tmp_path)], out) == 1
    text = out.getvalue()
    assert "clean.yaml  (no warnings; 1 note)" in text and "role_unheld.yaml: 1 warning" in text


def test_notes_say_what_relative_weights_become_without_failing_lint() -> None:
    found = lint_file(str(LINT / "clean.yaml"), notes=True)
    assert [render_warning(i).split("\n")[0] for i in found] == [
        f"{LINT / 'clean.yaml'}:18:3: note: need weights are relative (they sum to 3); the "
        "game uses them as shares: traceability 67%, scheduling 33% [note/weights]"]
    assert lint_file(str(LINT / "clean.yaml")) == []
    out = io.StringIO()
    assert run_lint([str(LINT / "clean.yaml")], out) == 0
    assert "note: need weights are relative" in out.getvalue()


def test_every_code_is_in_the_guide() -> None:
    from game.scenario.guide import lint_block

    block = lint_block()
    for code in [*RULES, *lint.NOTES]:
        assert f"`{code}`" in block


@pytest.mark.parametrize("name", ["city_hospital", *NEW_SCENARIOS])
def test_shipped_scenarios_have_nothing_inert_or_too_late(name: str) -> None:
    found = lint_file(str(SCENARIOS / f"{name}.yaml"))
    assert [i for i in found if i.code in ("lint/inert_value", "lint/event_moot",
                                           "lint/lineup", "lint/weights")] == []
