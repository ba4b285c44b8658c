"""The window says the new rules (issue 11) in both languages: every new action, refusal,
AI reason, log effect and event has its text; a person's card and panel say when they will
see us again, whether the KDM still needs an introduction, whom they favour, a coach's
favours and a rumour that they may leave; an action row says why it lands weaker or
stronger; the week's summary, the MPC review and the debrief's timeline read the new log."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from game.core.actions import CATALOG, DEFS
from game.core.checks import WHY
from game.core.effects import kdm_phase
from game.core.engine import new_game
from game.core.ids import FACTS, PHASES, PROCUREMENTS, ROLES
from game.core.landing import Factor
from game.core.views import view
from game.ui.board import rows as board_rows
from game.ui.board.access import access_lines, card_tags
from game.ui.catalog import list_scenarios, team_vendor
from game.ui.i18n import Translator
from game.ui.week.review import review_columns, summary_lines
from game.ui.words import describe_entry

from .conftest import SCENARIOS

LANGS = ("zh", "en")
RAW = re.compile(r"(ui|core|why|action|landing|procurement|calendar|report)\.[a-z_]+\.?")


def _game(seed: int = 4):  # type: ignore[no-untyped-def]
    entry = next(e for e in list_scenarios(SCENARIOS) if e.spec and e.spec.id == "city_hospital")
    assert entry.spec is not None
    return new_game(entry.spec, seed), team_vendor(entry.spec).id


def _view() -> dict[str, Any]:
    state, team = _game()
    return view(state, team)


def _clean(text: str) -> None:
    assert text and "{" not in text and not RAW.search(text), text


def _person(v: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """The KDM of the view, with the given fields of the new rules set."""
    p = next(x for x in v["people"] if x["id"] == "zhou_liqun")
    p.update({"key": ["KDM"], "roles": ["decision_maker"], "influence": 0.9,
              "participation_now": 0.1, "sways": [], **fields})
    return p


def test_every_rule_text_exists_in_both_languages() -> None:
    for lang in LANGS:
        tr = Translator(lang)
        needed = [f"action.{d.id}.{part}" for d in DEFS for part in ("name", "desc")]
        needed += [k for k in WHY if k]
        needed += [f"why.no_time.{r}" for r in ROLES]
        needed += [f"why.requires.{FACTS[f]}" for d in DEFS for f in d.requires_ids]
        needed += [f"procurement.{m}.{part}" for m in PROCUREMENTS for part in ("name", "text")]
        needed += [f"landing.kdm_{p}" for i, p in enumerate(PHASES) if kdm_phase(i) < 1]
        needed += [f"landing.{k}" for k in ("repeat", "absent", "stage_good", "stage_off",
                                            "joint", "reach_out_against", "reach_out_rival")]
        needed += [f"ai.reason.access.{k}" for k in ("door", "coach", "discredit")]
        needed += ["calendar.rumour", "calendar.personnel_change"]
        missing = [k for k in needed if not (tr.has(k) or tr.has("core." + k))]
        assert not missing, (lang, missing)


def test_core_and_glossary_texts_have_the_same_keys_in_both_languages() -> None:
    tr = Translator("zh")
    for prefix in ("core.", "glossary.", "ai."):
        zh, en = tr.keys("zh", prefix), tr.keys("en", prefix)
        assert zh == en, (prefix, sorted(zh ^ en))


def test_the_card_says_introduction_rumour_favourite_and_when_free() -> None:
    v = _view()
    v["week"] = 5
    rival = v["rivals"][0]["id"]
    p = _person(v, needs_introduction=True, rumour=9, favourite=rival, met_week=4,
                free_week=7, contact_level=1)
    for lang in LANGS:
        tr = Translator(lang)
        tags = card_tags(v, p, tr)
        assert [tone for _t, tone in tags] == ["block", "risk", "risk", "info"]
        assert "7" in tags[-1][0]
        for text, _tone in tags:
            _clean(text)
    p.update(needs_introduction=False, rumour=0, favourite=v["vendor"], free_week=5)
    assert [tone for _t, tone in card_tags(v, p, Translator("en"))] == ["us"]
    p["favourite"] = None  # nobody told us: no tag rather than a guess
    assert card_tags(v, p, Translator("en")) == []
    p.update(favourite=rival, committed=True)  # the KDM has chosen the rival: said so
    for lang in LANGS:
        tr = Translator(lang)
        (text, tone), = card_tags(v, p, tr)
        assert tone == "risk" and text != tr("ui.board.tag.rival", rival="")
        assert text.startswith(tr("ui.board.tag.chosen", rival="").strip())
        name = tr.pick(v["rivals"][0]["name"])
        assert tr("ui.person.favourite.chosen", rival=name) in access_lines(v, p, tr)


def test_the_panel_says_how_to_reach_them() -> None:
    v = _view()
    v["week"] = 5
    p = _person(v, needs_introduction=True, rumour=9, favourite="", met_week=4, free_week=7,
                availability=3, contact_level=4, favours_left=2, last_move="sponsor_visit")
    for lang in LANGS:
        tr = Translator(lang)
        lines = access_lines(v, p, tr)
        for text in lines:
            _clean(text)
        joined = " ".join(lines)
        assert tr("action.ask_introduction.name") in joined or lang == "en"
        assert "7" in lines[0] and "3" in lines[1]  # free again in week 7; every 3 weeks
        assert tr("ui.person.favourite.undecided") in lines
        assert tr("ui.person.favours_left", n=2, total=3) in lines
        assert tr("action.sponsor_visit.name") in joined
    en = " ".join(access_lines(v, p, Translator("en")))
    assert "introduction" in en and "sponsor visit" in en and "week 9" in en
    p.update(favourite=None, needs_introduction=False, met_week=-99, free_week=-96)
    en = access_lines(v, p, Translator("en"))
    assert en[0] == Translator("en")("ui.person.available")
    assert Translator("en")("ui.person.favourite.unknown") in en


def test_an_action_row_says_when_they_are_free_and_why_it_lands_weaker() -> None:
    v = _view()
    v["week"] = 5
    _person(v, met_week=4, free_week=7, needs_introduction=True, last_move="visit")
    tr = Translator("en")
    row = board_rows.Row(board_rows.Action("exec_visit", "zhou_liqun"), ("exec",), 1, 1.0,
                         "why.unavailable")
    text = board_rows.row_text(row, v, tr)
    assert "week 7" in text and tr("ui.board.tag.intro") in text
    assert not board_rows.plan_dependent("why.unavailable", row, v)
    v["week"] = 7  # free again, but the plan already meets them this week
    assert board_rows.plan_dependent("why.unavailable", row, v)
    assert board_rows.reason_text(row, v, tr) == tr("ui.board.once_a_week")
    early = v["phase"] == "early"
    assert early
    visit = board_rows.Row(board_rows.Action("visit", "zhou_liqun"), ("rep",), 1, 0.3, None)
    assert "▼" in board_rows.row_text(visit, v, tr)  # the same move again, the KDM early
    joint = board_rows.Row(board_rows.Action("joint_visit", "wang_lei"), ("rep", "presales"),
                           1, 0.5, None)
    assert "▲" not in board_rows.row_text(joint, v, tr), "its name already says it is joint"
    backer = next(p for p in v["people"] if p["id"] == "wang_lei")
    backer["favourite"] = v["rivals"][0]["id"]
    reach = board_rows.Row(board_rows.Action("reach_out", "wang_lei"), ("exec",), 1, 1.0, None)
    text = board_rows.row_text(reach, v, tr)
    assert "▲ ×1.5" in text and text.index("▲") < text.index("·"), "the mark is by the name"
    tip = board_rows.row_tip(visit, v, tr)
    assert tr("landing.repeat", x="×0.5") in tip


def test_preview_names_the_landing_factors_in_both_languages() -> None:
    from game.ui.preview import preview, preview_text

    v = _view()
    _person(v, last_move="visit", met_week=0, free_week=3)
    keys = [ln.key for ln in preview(v, board_rows.Action("visit", "zhou_liqun"))]
    assert "landing.repeat" in keys and "landing.kdm_early" in keys
    for lang in LANGS:
        for text, _tone in preview_text(v, board_rows.Action("sponsor_visit", "zhou_liqun"),
                                        Translator(lang)):
            _clean(text)


def _entries(v: dict[str, Any]) -> list[dict[str, Any]]:
    me, rival = v["vendor"], v["rivals"][0]["id"]
    kdm, other = "zhou_liqun", "wang_lei"

    def move(kind: str, target: str | None, **eff: Any) -> dict[str, Any]:
        return {"week": 3, "vendor": me, "roles": list(CATALOG[kind].roles), "kind": kind,
                "target": target, "option": None, "cost": 0.5, "days": 1, "effects": eff}

    return [
        move("ask_introduction", other, person=other, introduced=[kdm]),
        move("ask_introduction", other, person=other, introduced=[]),
        move("ask_coach", other, person=other, kdm_motives=[kdm], criteria=True),
        move("discredit_rival", other, person=other, discredited=rival, rival_support=-0.15),
        move("discredit_rival", other, person=other, backfired=rival, support=-0.12),
        move("discredit_rival", other, person=other, discredited=None),
        move("develop_coach", other, person=other, declined=True),
        move("confirm_opportunity", None, verified=["el_timeline"],
             not_confirmed="no_budget_holder"),
        move("confirm_opportunity", None, verified=[], not_confirmed="budget_unapproved"),
        {"week": 3, "event": "rumour", "affects": "insiders", "calendar": True,
         "effects": {"person": kdm, "due": 5}},
        {"week": 5, "event": "personnel_change", "affects": "all", "calendar": True,
         "effects": {"replaced": kdm, "was": {"zh": "周立群", "en": "Zhou Liqun"},
                     "new": {"zh": "新任院长", "en": "the new President"}, "prepared": [me]}},
    ]


def test_new_log_effects_and_events_read_in_both_languages() -> None:
    v = _view()
    for lang in LANGS:
        tr = Translator(lang)
        lines = [describe_entry(e, v, tr) for e in _entries(v)]
        for line in lines:
            assert line is not None
            _clean(line)
        assert len(set(lines)) == len(lines), "each effect says something of its own"
    en = [describe_entry(e, v, Translator("en")) for e in _entries(v)]
    assert "Zhou Liqun" in en[0] and "backfired" in en[4] and "week 5" in en[9]
    assert en[4].count("support") == 1, "the backfire's cost is said once"
    assert "introduced us in time" in en[10]


def test_the_week_summary_marks_the_new_effects() -> None:
    v = _view()
    before = copy.deepcopy(v)
    report = {"week": 3, "entries": _entries(v), "moved": [], "events": []}
    tones = dict((text, tone) for text, tone in summary_lines(before, v, report,
                                                             Translator("en")))
    en = {describe_entry(e, v, Translator("en")): e for e in _entries(v)}
    bad = [t for t, e in en.items() if tones.get(t) == "bad"]
    good = [t for t, e in en.items() if tones.get(t) == "good"]
    assert any("backfired" in t for t in bad) and any("declined" in t or "would not" in t
                                                      for t in bad)
    assert any("may leave" in t for t in bad)
    assert any("introduced us to" in t for t in good)


def test_the_review_names_a_rumour_and_a_missing_introduction() -> None:
    import pygame

    from game.ui import theme

    pygame.font.init()
    theme.font.cache_clear()  # fonts made before an earlier pygame.quit() are dead
    v = _view()
    _person(v, rumour=9, needs_introduction=True)
    for lang in LANGS:
        tr = Translator(lang)
        cols = review_columns(v, None, tr, ["rep"], [], 3000)
        risks = cols[1]
        name = tr.pick(next(p for p in v["people"] if p["id"] == "zhou_liqun")["name"])
        assert risks.count(name) >= 2
        assert tr(f"procurement.{v['customer']['procurement']}.name") in cols[0]


def test_the_review_names_a_rival_ahead_once() -> None:
    """The coach's warning and the review's own line both spoke of a rival ahead of us."""
    import pygame

    from game.ui import theme

    pygame.font.init()
    theme.font.cache_clear()
    v = _view()
    v["me"]["stage"] = 2
    rival = v["rivals"][0]
    rival["stage_estimate"] = 4
    rival["active"], rival["status"] = True, "active"
    for lang in LANGS:
        tr = Translator(lang)
        risks = "".join(review_columns(v, None, tr, ["rep"], [], 3000)[1])
        assert risks.count(tr.pick(rival["name"])) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_debrief_timeline_reads_the_new_effects(lang: str) -> None:
    from game.report.common import Ctx
    from game.report.timeline import effect_text, event_item
    from game.report.trace import Trace

    state, team = _game()
    ctx = Ctx.make(state, team, lang, Trace())
    v = view(state, team)
    texts = []
    for e in _entries(v):
        if e.get("event"):
            e = {**e, "affected": [team]}
            item = event_item(ctx, e)
            texts += [item["title"], item["text"]]
        else:
            texts.append(effect_text(ctx, e))
    for text in texts:
        _clean(text)
    none = Translator(lang)("report.fx.none")
    assert none not in texts, "every new effect is said"


def test_landing_factor_keys_render_with_their_numbers() -> None:
    from game.ui.preview import landing_line, render
    from game.ui.words import short_label

    v = _view()
    rival = v["rivals"][0]
    for lang in LANGS:
        tr = Translator(lang)
        for f in (Factor("landing.reach_out_rival", 1.5, {"rival": rival["id"]}),
                  Factor("landing.kdm_committed", 0.2, {"rival": rival["id"]}),
                  Factor("landing.absent", 0.46, {"pct": 10}),
                  Factor("landing.joint", 1.3, {"roles": ["rep", "exec"]})):
            text = render(landing_line(f, v), tr)
            _clean(text)
            assert "×" in text
        text = render(landing_line(Factor("landing.reach_out_rival", 1.5,
                                          {"rival": rival["id"]}), v), tr)
        assert tr.pick(short_label(rival["name"])) in text  # short, so the factor fits


def test_a_senior_already_in_the_plan_is_refused_in_the_list_as_on_adding() -> None:
    """The list says what adding would say: someone who sees a vendor less than every week
    is met once in the week's plan at most."""
    from game.core.actions import Action
    from game.core.checks import check, legal_actions

    v = _view()
    kdm = next(p for p in v["people"] if p["id"] == "zhou_liqun")
    assert kdm["availability"] > 1
    plan = [Action("call", "zhou_liqun")]
    options = legal_actions(v, plan, "exec")
    visit = next(o for o in options if o.action == Action("exec_visit", "zhou_liqun"))
    assert visit.reason == check(v, visit.action, plan) == "why.unavailable"
    tr = Translator("en")
    row = board_rows.Row(visit.action, visit.roles, visit.days, visit.cost, visit.reason)
    assert board_rows.reason_text(row, v, tr) == tr("ui.board.once_a_week")
    assert all(o.reason == check(v, o.action, plan) for o in options)


def test_the_commitment_texts_name_the_rules_number() -> None:
    from game.core.preference import KDM_COMMITTED

    words = {0.1: ("十分之一", "a tenth"), 0.2: ("五分之一", "a fifth")}[KDM_COMMITTED]
    for lang, word in zip(LANGS, words, strict=True):
        tr = Translator(lang)
        for key in ("ui.person.favourite.chosen", "glossary.c931.w_kdm.how",
                    "glossary.terms.kdm.text"):
            assert word in tr(key, rival="X"), (lang, key)
