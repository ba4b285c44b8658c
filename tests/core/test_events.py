"""Scenario events: all twelve effect types, all six condition types, vendor references,
triggers (window, chance, once) and choices, including the default when nobody answers.

Each test writes a small event into the lab scenario, plays the week it may fire, and looks
at the state.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.core.actions import Action
from game.core.errors import IllegalAction
from game.core.events import condition_holds
from game.core.views import view
from game.scenario.models import EffectSpec, ScenarioSpec

from .conftest import ME, RIVAL, at_stage, lab_state, make_spec, play, rel, relate

TEXT = {"zh": "事件", "en": "Event"}


def event(eid: str = "probe", effects: list[dict] | None = None,
          conditions: list[dict] | None = None, affects: str = "all",
          weeks: tuple[int, int] = (1, 1), chance: float = 1.0,
          choices: list[dict] | None = None) -> dict[str, Any]:
    return {"id": eid, "title": {"zh": eid, "en": eid}, "text": TEXT, "affects": affects,
            "trigger": {"weeks": list(weeks), "chance": chance,
                        "conditions": conditions or []},
            "effects": effects or [], "choices": choices or []}


def spec_with(*events: dict[str, Any], edit=None) -> ScenarioSpec:
    def build(d):
        d["events"] = list(events)
        if edit:
            edit(d)
    return make_spec(build)


def fired(state) -> bool:
    return "probe" in state.fired


# ---- effects --------------------------------------------------------------------------------

def test_every_effect_type_is_tested_here():
    from typing import get_args

    union = get_args(EffectSpec)[0]
    types = {get_args(m.model_fields["type"].annotation)[0] for m in get_args(union)}
    tested = {name.removeprefix("test_effect_") for name in globals()
              if name.startswith("test_effect_")}
    assert types == tested


NEW_PERSON = {
    "name": {"zh": "何斌", "en": "He Bin"},
    "position_motive": {"kind": "risk", "text": {"zh": "上线别出事", "en": "No failed go-live"}},
    "personal_motive": {"kind": "recognition", "text": {"zh": "站稳脚跟", "en": "Find his feet"}},
    "leaning": 0.1,
    "favours": RIVAL,
}


def test_effect_replace_stakeholder():
    spec = spec_with(event(effects=[{"type": "replace_stakeholder", "stakeholder": "cio",
                                     "new": NEW_PERSON}]))
    state = lab_state(spec=spec)
    relate(state, "cio", contact=3, support=0.6, trust=0.7, known_roles=True,
           known_needs=True, known_position=True, known_personal=True)
    old = state.people["cio"]
    play(state)
    p = state.people["cio"]
    assert p.name["en"] == "He Bin" and p.generation == old.generation + 1
    assert p.position_motive["text"]["en"] == "No failed go-live"
    # The seat stays; what was not given carries over.
    assert (p.roles, p.key, p.influence, p.traits, p.cares_about) == \
        (old.roles, old.key, old.influence, old.traits, old.cares_about)
    mine, theirs = rel(state, "cio"), rel(state, "cio", RIVAL)
    assert (mine.contact, mine.trust, mine.known_position, mine.known_personal,
            mine.known_roles) == (0, 0.0, False, False, False)
    assert mine.support == pytest.approx(0.1)
    assert theirs.support == pytest.approx(0.4) and theirs.contact == 1 and theirs.trust == 0.2
    seen = str(view(state, ME))
    assert "No failed go-live" not in seen and "Hopes to become vice president" not in seen


def test_effect_budget():
    state = lab_state(spec=spec_with(event(effects=[{"type": "budget", "change": -0.1}])))
    play(state)
    assert state.budget == pytest.approx(270.0)


def test_effect_calendar():
    spec = spec_with(event(effects=[{"type": "calendar", "milestone": "bid_deadline",
                                     "shift": 2}]))
    state = lab_state(spec=spec)
    before = dict(state.calendar)
    play(state)
    assert state.calendar["initiation"] == before["initiation"]
    assert state.calendar["tender_issue"] == before["tender_issue"]
    for m in ("bid_deadline", "award", "contract"):
        assert state.calendar[m] == before[m] + 2


def test_calendar_effect_stays_inside_the_season():
    early = lab_state(spec=spec_with(event(effects=[
        {"type": "calendar", "milestone": "award", "shift": -8}])))
    play(early)
    assert early.calendar["award"] == 2 and early.calendar["contract"] == 2  # next week
    assert early.calendar["initiation"] == 2 and early.calendar["tender_issue"] == 4
    late = lab_state(spec=spec_with(event(effects=[
        {"type": "calendar", "milestone": "contract", "shift": 12}])))
    play(late)
    assert late.calendar["contract"] == late.spec.last_week


def test_effect_need_weight():
    spec = spec_with(event(effects=[{"type": "need_weight", "need": "price", "weight": 6}]))
    state = lab_state(spec=spec)
    before = dict(state.need_weights)
    play(state)
    assert sum(state.need_weights.values()) == pytest.approx(1.0)
    assert state.need_weights["price"] == pytest.approx(6 / 8)
    assert state.need_weights["price"] > before["price"]


def _relation_effect(kind: str, change: float) -> None:
    spec = spec_with(event(affects="teams", effects=[{"type": kind, "stakeholder": "cio",
                                                      "change": change}]))
    state = lab_state(spec=spec)
    for vid in (ME, RIVAL):
        relate(state, "cio", vid=vid, support=0.1, trust=0.5)
    play(state)
    start = 0.1 if kind == "support" else 0.5
    after = getattr(rel(state, "cio"), kind)
    assert after > start if change > 0 else after < start
    assert getattr(rel(state, "cio", RIVAL), kind) == start  # the rival is not a team
    assert getattr(rel(state, "president"), kind) == 0.0  # only the named stakeholder


@pytest.mark.parametrize("change", [0.2, -0.2])
def test_effect_support(change: float):
    _relation_effect("support", change)


@pytest.mark.parametrize("change", [0.2, -0.2])
def test_effect_trust(change: float):
    _relation_effect("trust", change)


def test_support_effect_on_everyone():
    spec = spec_with(event(effects=[{"type": "support", "vendor": "all", "stakeholder": "all",
                                     "change": -0.1}]))
    state = lab_state(spec=spec)
    play(state)
    assert all(r.support < 0 for rels in state.relations.values() for r in rels.values())


def test_effect_vendor_budget():
    spec = spec_with(event(affects=RIVAL, effects=[{"type": "vendor_budget", "change": -5}]))
    state = lab_state(spec=spec)
    play(state)
    assert state.vendors[RIVAL].budget == pytest.approx(10.0)
    assert state.vendors[ME].budget == pytest.approx(20.0)


def _with_late_rival(d):
    late = dict(d["vendors"][1], id="gamma", by_event=True,
                name={"zh": "丙公司", "en": "Gamma Inc"})
    d["vendors"].append(late)


def test_effect_new_rival():
    spec = spec_with(event(weeks=(2, 2), effects=[{"type": "new_rival", "vendor": "gamma"}]),
                     edit=_with_late_rival)
    state = lab_state(spec=spec)
    assert not state.vendors["gamma"].active
    assert "gamma" not in {r["id"] for r in view(state, ME)["rivals"]}
    play(state)
    assert not state.vendors["gamma"].active
    play(state)
    assert state.vendors["gamma"].active and state.vendors["gamma"].joined_week == 3
    assert "gamma" in {r["id"] for r in view(state, ME)["rivals"]}
    play(state, {"gamma": [Action("research_account")]})
    assert "profiled" in state.vendors["gamma"].facts


def test_effect_criteria():
    spec = spec_with(event(effects=[{"type": "criteria", "criterion": "price",
                                     "change": 0.2}]))
    state = lab_state(spec=spec)
    before = state.criteria["price"]
    play(state)
    assert state.criteria["price"] > before
    assert sum(state.criteria.values()) == pytest.approx(1.0, abs=1e-3)


def test_effect_first_payment():
    spec = spec_with(event(effects=[{"type": "first_payment", "change": -0.15}]),
                     event("big", effects=[{"type": "first_payment", "change": 1.0}],
                           weeks=(2, 2)))
    state = lab_state(spec=spec)
    play(state)
    assert state.first_payment_max == pytest.approx(0.15)
    play(state)
    assert state.first_payment_max == pytest.approx(0.6)  # capped


def test_effect_shelve_risk():
    spec = spec_with(event(effects=[{"type": "shelve_risk", "change": 0.05}]))
    state = lab_state(spec=spec)
    play(state)
    assert state.shelve_risk == pytest.approx(0.05)


@pytest.mark.parametrize(("which", "position", "personal"), [
    ("position", True, False), ("personal", False, True), ("both", True, True)])
def test_effect_reveal(which: str, position: bool, personal: bool):
    spec = spec_with(event(affects=ME, effects=[{"type": "reveal", "stakeholder": "president",
                                                 "motive": which}]))
    state = lab_state(spec=spec)
    play(state)
    r = rel(state, "president")
    assert (r.known_position, r.known_personal) == (position, personal)
    assert not rel(state, "president", RIVAL).known_position
    seen = str(view(state, ME))
    assert ("Keep costs down" in seen) == position
    assert ("Build a showcase smart hospital" in seen) == personal


# ---- conditions -----------------------------------------------------------------------------

def _fires(cond: dict, prepare=None, weeks=(1, 1)) -> bool:
    state = lab_state(spec=spec_with(event(conditions=[cond], weeks=weeks,
                                           effects=[{"type": "shelve_risk", "change": 0.01}])))
    if prepare:
        prepare(state)
    play(state)
    return fired(state)


def test_condition_phase():
    assert _fires({"type": "phase", "phase": "early"})
    assert not _fires({"type": "phase", "phase": "solution"})


def test_condition_event_fired():
    first = event("first", effects=[])
    for want, expect in ((True, True), (False, False)):
        probe = event(conditions=[{"type": "event_fired", "event": "first", "fired": want}])
        state = lab_state(spec=spec_with(first, probe))
        play(state)
        assert fired(state) == expect
    probe = event(conditions=[{"type": "event_fired", "event": "first", "fired": False}])
    state = lab_state(spec=spec_with(probe, event("first", weeks=(2, 2))))
    play(state)
    assert fired(state)


def test_condition_awarded():
    def award(state):
        state.award = {"vendor": ME, "week": 1, "notice_end": 2, "complaints": []}
    assert _fires({"type": "awarded", "awarded": False})
    assert not _fires({"type": "awarded", "awarded": True})
    assert _fires({"type": "awarded", "awarded": True}, prepare=award)


def test_condition_stage():
    cond = {"type": "stage", "vendor": ME, "at_least": 3}
    assert not _fires(cond)
    assert _fires(cond, prepare=lambda s: at_stage(s, 3))
    assert not _fires(cond, prepare=lambda s: at_stage(s, 3, RIVAL))
    every = {"type": "stage", "vendor": "all", "at_least": 3}
    assert not _fires(every, prepare=lambda s: at_stage(s, 3))
    assert _fires(every, prepare=lambda s: (at_stage(s, 3), at_stage(s, 4, RIVAL)))


def test_condition_support():
    above = {"type": "support", "stakeholder": "cio", "vendor": RIVAL, "above": 0.3}
    assert not _fires(above)
    assert _fires(above, prepare=lambda s: relate(s, "cio", vid=RIVAL, support=0.5))
    below = {"type": "support", "stakeholder": "cio", "vendor": ME, "below": -0.2}
    assert not _fires(below)
    assert _fires(below, prepare=lambda s: relate(s, "cio", support=-0.5))


def test_condition_contact():
    cond = {"type": "contact", "stakeholder": "president", "vendor": "teams",
            "at_least": "insider"}
    assert not _fires(cond, prepare=lambda s: relate(s, "president", contact=2))
    assert _fires(cond, prepare=lambda s: relate(s, "president", contact=3))
    assert not _fires(cond, prepare=lambda s: relate(s, "president", vid=RIVAL, contact=4))


def test_every_condition_type_is_tested_here():
    from typing import get_args

    from game.scenario.models import ConditionSpec

    union = get_args(ConditionSpec)[0]
    types = {get_args(m.model_fields["type"].annotation)[0] for m in get_args(union)}
    tested = {name.removeprefix("test_condition_") for name in globals()
              if name.startswith("test_condition_")}
    assert types <= tested


def test_unknown_condition_type_is_an_error_not_silence():
    class Bogus:
        type = "moon_phase"
        vendor = "any"
    with pytest.raises(ValueError):
        condition_holds(lab_state(), Bogus(), [])


# ---- who is affected ------------------------------------------------------------------------

@pytest.mark.parametrize(("ref", "hit"), [
    ("all", {ME, RIVAL}), ("teams", {ME}), ("rivals", {RIVAL}), (RIVAL, {RIVAL}),
    ("leader", {RIVAL}),
])
def test_vendor_references(ref: str, hit: set[str]):
    spec = spec_with(event(affects=ref, effects=[{"type": "vendor_budget", "change": 1}]))
    state = lab_state(spec=spec)
    at_stage(state, 2, RIVAL)  # the rival leads
    play(state)
    grew = {vid for vid, v in state.vendors.items()
            if v.budget > state.vendor_spec(vid).sales_budget}
    assert grew == hit


def test_an_event_for_the_leader_follows_the_award():
    spec = spec_with(event(affects="leader", weeks=(1, 2),
                           conditions=[{"type": "awarded"}],
                           effects=[{"type": "vendor_budget", "change": 1}]))
    state = lab_state(spec=spec)
    at_stage(state, 3, RIVAL)
    play(state)
    assert not fired(state)
    state.award = {"vendor": ME, "week": 2, "notice_end": 3, "complaints": []}
    play(state)
    assert state.vendors[ME].budget == pytest.approx(21.0)
    assert state.vendors[RIVAL].budget == pytest.approx(15.0)


# ---- triggers -------------------------------------------------------------------------------

def test_an_event_fires_only_inside_its_window_and_only_once():
    state = lab_state(spec=spec_with(event(weeks=(3, 5),
                                           effects=[{"type": "shelve_risk", "change": 0.01}])))
    play(state)
    play(state)
    assert not fired(state)
    play(state)
    assert fired(state) and state.fired.count("probe") == 1
    for _ in range(3):
        play(state)
    assert state.shelve_risk == pytest.approx(0.01)


def test_chance_decides_per_seed():
    spec = spec_with(event(chance=0.5))
    hits = {fired(s) for s in (_play1(spec, seed) for seed in range(30))}
    assert hits == {True, False}
    never = spec_with(event(chance=0.0, weeks=(1, 5)))
    state = lab_state(spec=never)
    for _ in range(5):
        play(state)
    assert not fired(state)


def _play1(spec: ScenarioSpec, seed: int):
    state = lab_state(seed, spec)
    play(state)
    return state


# ---- choices --------------------------------------------------------------------------------

CHOICES = [
    {"id": "cheap", "label": {"zh": "省钱", "en": "Cheap"},
     "effects": [{"type": "support", "stakeholder": "president", "change": -0.1}]},
    {"id": "generous", "label": {"zh": "大方", "en": "Generous"}, "cost": 3,
     "effects": [{"type": "support", "stakeholder": "president", "change": 0.3},
                 {"type": "shelve_risk", "change": -0.01}]},
]


def _choice_state():
    spec = spec_with(event(affects="teams", choices=CHOICES))
    state = lab_state(spec=spec)
    play(state)
    return state


def test_choices_wait_for_the_affected_team_only():
    state = _choice_state()
    assert state.pending == {ME: ["probe"]}
    mine = view(state, ME)["pending"]
    assert [c["id"] for c in mine[0]["choices"]] == ["cheap", "generous"]
    assert mine[0]["choices"][1]["cost"] == 3
    assert view(state, RIVAL)["pending"] == []


def test_an_answered_choice_applies_its_effects_and_cost():
    state = _choice_state()
    report = play(state, {ME: [Action("choose", "probe", "generous")]})
    assert state.pending[ME] == []
    assert rel(state, "president").support > 0.2
    assert state.vendors[ME].spent == pytest.approx(3.0)
    entry = next(e for e in report["entries"] if e.get("kind") == "choose")
    assert entry["option"] == "generous" and entry["effects"]["default"] is False


def test_an_unanswered_choice_takes_the_first_option_by_default():
    state = _choice_state()
    report = play(state)
    assert state.pending[ME] == []
    assert rel(state, "president").support < 0
    entry = next(e for e in report["entries"] if e.get("kind") == "choose")
    assert entry["option"] == "cheap" and entry["effects"]["default"] is True


@pytest.mark.parametrize(("action", "key"), [
    (Action("choose", "nothing_pending", "cheap"), "why.no_choice"),
    (Action("choose", "probe", "ignore_it"), "why.option"),
])
def test_an_impossible_choice_is_refused(action: Action, key: str):
    state = _choice_state()
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [action]})
    assert err.value.message_key == key
    assert state.pending == {ME: ["probe"]}


def test_the_rival_cannot_answer_for_the_team():
    state = _choice_state()
    with pytest.raises(IllegalAction) as err:
        play(state, {RIVAL: [Action("choose", "probe", "cheap")]})
    assert err.value.message_key == "why.no_choice"


COSTLY = [
    {"id": "flagship", "label": {"zh": "旗舰", "en": "Flagship"}, "cost": 12,
     "effects": [{"type": "support", "stakeholder": "president", "change": 0.2}]},
    {"id": "video", "label": {"zh": "视频", "en": "Video"}, "effects": []},
]


def _broke_state():
    state = lab_state(spec=spec_with(event(affects="teams", choices=COSTLY)))
    play(state)
    state.vendors[ME].budget = 5.0
    state.touch()
    return state


def test_a_choice_the_team_cannot_afford_is_refused():
    state = _broke_state()
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [Action("choose", "probe", "flagship")]})
    assert err.value.message_key == "why.no_budget"


def test_the_default_choice_does_not_overdraw_the_budget():
    state = _broke_state()
    play(state)
    assert state.vendors[ME].budget >= 0
