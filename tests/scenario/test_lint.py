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
from game.scenario.loader import load_scenario_text

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


# ---- the new rules: the KDM's door, procurement, personnel changes --------------------------


def _clean_with(*pairs: tuple[str, str]) -> str:
    text = (LINT / "clean.yaml").read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _codes(text: str) -> list[str]:
    return [render_warning(i).split("\n")[0] for i in lint_text(text, "x.yaml")]


def test_a_kdm_a_vendor_starts_introduced_to_is_reachable() -> None:
    text = (LINT / "unreachable.yaml").read_text(encoding="utf-8")
    assert any("nobody can reach plant_manager, the KDM" in w for w in _codes(text))
    start = "      it_head: {support: 0.2, trust: 0.3, contact: relationship}\n"
    met = start + "      plant_manager: {support: 0.1, trust: 0.2, contact: met}\n"
    assert not any("nobody can reach plant_manager" in w
                   for w in _codes(text.replace(start, met, 1)))


def test_without_a_sponsor_visit_an_insider_still_opens_the_door() -> None:
    # The team has no executive: no sponsor visit, but its rep can win an insider and ask
    # for an introduction, so the only criterion blocked is the coach the executive develops.
    found = _codes(_clean_with(("    sales_budget: 30\n", "    sales_budget: 30\n"
                                "    time: {exec: 0}\n")))
    assert len(found) == 1 and "'A coach at middle/senior level' can never be met" in found[0]


def test_a_public_tender_with_evaluators_carrying_the_weight_is_clean() -> None:
    assert _codes(_clean_with(("  calendar:\n", "  procurement: public\n  calendar:\n"))) == []


@pytest.mark.parametrize(("chance", "warned"), [(0.008, False), (0.1, False), (0.12, True)])
def test_personnel_warning_starts_where_most_deals_see_a_change(chance: float,
                                                                warned: bool) -> None:
    # clean.yaml awards in week 9: six weekly draws, so 0.12 is 54% and 0.1 is 47%.
    text = _clean_with(("  calendar:\n", f"  personnel: {{weekly_chance: {chance}}}\n"
                        "  calendar:\n"))
    assert any("[lint/personnel]" in w for w in _codes(text)) == warned


def test_the_personnel_share_counts_the_weeks_the_engine_draws_in() -> None:
    from game.core.engine import end_week, new_game
    from game.scenario.lint_customer import FIRST_DRAW, change_share

    spec = load_scenario_text(_clean_with(
        ("  calendar:\n", "  personnel: {weekly_chance: 0.2, rumour_weeks: 0}\n  calendar:\n")),
        "x.yaml")
    award = spec.customer.calendar.award
    weeks = set()
    for seed in range(40):
        state = new_game(spec, seed)
        while not state.over:
            end_week(state, {vid: [] for vid in state.vendors}, {})
        weeks |= {e["week"] for e in state.log if e.get("event") == "personnel_change"}
    assert min(weeks) == FIRST_DRAW and max(weeks) == award - 1
    assert change_share(0.2, award) == (pytest.approx(1 - 0.8 ** (award - FIRST_DRAW)),
                                        award - FIRST_DRAW)
