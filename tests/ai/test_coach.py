"""The coach: legal, explained, bilingual advice per role, and warnings when a stage is at risk."""

from __future__ import annotations

import copy

from game.ai.coach import advise, describe, follow_coach, recommended, render, starred
from game.core.actions import CATALOG
from game.core.checks import check, check_plan
from game.core.state import ROLES
from game.core.views import view
from game.i18n import tr
from tests.ai.conftest import CITY, SCENARIOS, play_weeks, spec_of, team_id


def _view(weeks: int, path=CITY, seed: int = 7):
    spec = spec_of(path)
    state = play_weeks(spec, seed, weeks)
    return view(state, team_id(spec), with_log=False)


def _texts(item) -> list[str]:
    return [render(item, lang) for lang in ("en", "zh")]


def test_advice_per_role_is_legal_explained_and_bilingual() -> None:
    for path in SCENARIOS:
        for weeks in (0, 5, 10):
            v = _view(weeks, path)
            adv = advise(v, seed=1)
            assert set(ROLES) <= set(adv)
            assert any(adv[r] for r in ROLES)
            stars = starred(adv)
            for role in ROLES:
                assert len(adv[role]) <= 3
                for s in adv[role]:
                    assert role in s["roles"]
                    before = stars[:stars.index(s["action"])] if s["recommended"] else []
                    assert check(v, s["action"], before) is None
                    assert s["reasons"]
                    for r in s["reasons"]:
                        assert tr(r["key"], "en") != r["key"] and tr(r["key"], "zh") != r["key"]
                        for text in _texts(r):
                            assert "{" not in text and "key" not in text
                    en, zh = describe(v, s, "en"), describe(v, s, "zh")
                    assert en != zh


def test_reasons_name_the_criterion_motive_or_c931_item() -> None:
    seen: set[str] = set()
    for weeks in (0, 3, 6, 9, 12):
        adv = advise(_view(weeks), seed=2)
        for role in ROLES:
            for s in adv[role]:
                seen.update(r["key"] for r in s["reasons"])
    assert "coach.why.criterion" in seen
    assert "coach.why.c931" in seen
    assert "coach.why.motive" in seen


def test_follow_up_advice_accounts_for_the_plan_so_far() -> None:
    v = _view(6)
    first = advise(v, seed=3)
    role = next(r for r in ROLES if first[r])
    taken = [first[role][0]["action"]]
    again = advise(v, taken, seed=3)
    assert all(s["action"] != taken[0] for s in again[role])
    for r in ROLES:
        for s in again[r]:
            assert check(v, s["action"], taken) is None


def test_following_the_coach_gives_a_legal_full_week() -> None:
    for weeks in (2, 8, 13):
        v = _view(weeks)
        plan, why = follow_coach(v, seed=4)
        assert plan and len(plan) == len(why)
        assert check_plan(v, plan) is None
        assert {a.target for a in plan if a.kind == "choose"} == \
            {p["event"] for p in v["pending"]}


def test_following_the_coach_plans_the_experts_week_in_the_experts_order() -> None:
    """A week resolves each vendor's moves in the order planned, so the coach-following
    player (and "Plan every ★") keeps the expert's order, not the roles' order."""
    reordered = 0
    for path in SCENARIOS:
        for weeks in (2, 6, 10):
            v = _view(weeks, path)
            rec, _ = recommended(v, seed=5)
            moves = [a for a in rec if a.kind != "choose"]
            plan, _ = follow_coach(v, seed=5)
            assert [a for a in plan if a.kind != "choose"][:len(moves)] == moves
            adv = advise(v, seed=5)
            assert starred(adv) == moves
            ranks = {s["action"]: s["rank"] for r in ROLES for s in adv[r] if s["recommended"]}
            assert all(moves[k] == a for a, k in ranks.items())
            by_role = []
            for r in ROLES:
                by_role += [s["action"] for s in adv[r]
                            if s["recommended"] and s["action"] not in by_role]
            reordered += by_role != [a for a in moves if a in by_role]
            one = starred(adv, ROLES[:1])
            assert one and one == [a for a in moves if ROLES[0] in CATALOG[a.kind].roles]
    assert reordered, "the roles' order differs from the expert's in some week"


def test_warns_when_the_kdm_has_never_been_met_before_the_tender() -> None:
    v = copy.deepcopy(_view(8))
    v["me"]["facts"] = [f for f in v["me"]["facts"] if f != "kdm_met"]
    v["week"] = v["calendar"]["tender_issue"] - 3
    v["phase"] = "solution"
    keys = [w["key"] for w in advise(v, seed=0)["warnings"]]
    assert keys[0] in ("coach.warn.kdm_not_met", "coach.warn.kdm_unknown")
    warn = advise(v, seed=0)["warnings"][0]
    en, zh = _texts(warn)
    assert "3" in en and "3" in zh
    v["me"]["facts"].append("kdm_met")
    assert not any(w["key"].startswith("coach.warn.kdm")
                   for w in advise(v, seed=0)["warnings"])


def test_warns_when_the_tender_comes_before_we_reach_p5() -> None:
    """The evaluators judge preparation by the stage held when the tender is issued."""
    v = copy.deepcopy(_view(8))
    v["week"] = v["calendar"]["tender_issue"] - 2
    v["phase"] = "solution"
    v["me"]["stage"] = 4
    warn = [w for w in advise(v, seed=0)["warnings"] if w["key"] == "coach.warn.unprepared"]
    assert len(warn) == 1
    en, zh = _texts(warn[0])
    assert "P4" in en and "P4" in zh and "2" in en and "2" in zh
    v["me"]["stage"] = 5
    assert not any(w["key"] == "coach.warn.unprepared" for w in advise(v, seed=0)["warnings"])


def test_warns_about_a_stage_too_low_to_bid_and_an_unknown_budget() -> None:
    v = copy.deepcopy(_view(2))
    v["week"] = v["calendar"]["bid_deadline"] - 2
    v["phase"] = "tender"
    v["me"]["stage"] = 2
    v["customer"]["budget"] = None
    keys = {w["key"] for w in advise(v, seed=0)["warnings"]}
    assert {"coach.warn.cannot_bid", "coach.warn.budget_unknown"} <= keys


def test_no_warnings_and_no_advice_once_the_game_is_over() -> None:
    spec = spec_of(CITY)
    state = play_weeks(spec, 1, 40)
    assert state.over
    adv = advise(view(state, team_id(spec), with_log=False))
    assert adv["warnings"] == [] and all(adv[r] == [] for r in ROLES)
