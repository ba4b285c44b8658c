"""Views carry only what their vendor knows: secrets are absent, not hidden.

The unit tests pin each rule of `view` (motives, roles, needs, budget, bids, log, contract).
The leak test plays many seeded games over every shipped scenario with random and built-in
agents and, at a sample of weeks, searches every vendor's serialised view for any motive
text the vendor has not discovered, and checks that rival entries hold public keys only.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from game.ai.agents import make_agent
from game.ai.random_agent import RandomAgent
from game.core.actions import Action
from game.core.engine import new_game
from game.core.ids import C_COACH, C_INSIDER, KINDS, PH_DECISION
from game.core.informants import COACH_FAVOURS
from game.core.preference import FAV_LEAD, FAV_MIN
from game.core.state import GameState
from game.core.views import PUBLIC_VENDOR_KEYS, VendorView, trainer_view, typed_view, view
from game.scenario.models import ScenarioSpec
from game.sim.play import play_week

from .conftest import (
    ME,
    RIVAL,
    SCENARIOS,
    awarded_state,
    give,
    lab_state,
    play,
    relate,
    shipped,
    tender_state,
)


def person(vw: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in vw["people"] if p["id"] == pid)


def test_motives_appear_only_once_discovered():
    state = lab_state()
    text = json.dumps(view(state, ME), ensure_ascii=False)
    for p in state.people.values():
        for m in (p.position_motive, p.personal_motive):
            assert m["text"]["en"] not in text and m["text"]["zh"] not in text
    relate(state, "president", known_position=True)
    vw = view(state, ME)
    assert person(vw, "president")["position_motive"]["text"]["en"] == "Keep costs down"
    assert "personal_motive" not in person(vw, "president")
    assert "Keep costs down" not in json.dumps(view(state, RIVAL), ensure_ascii=False)


def test_roles_and_needs_appear_once_learned():
    state = lab_state()
    p = person(view(state, ME), "cio")
    assert not {"roles", "key", "influence", "cares_about", "traits"} & set(p)
    relate(state, "cio", known_roles=True)
    p = person(view(state, ME), "cio")
    assert p["roles"] == ["user", "influencer"] and p["key"] == ["KI"]
    assert "cares_about" not in p
    relate(state, "cio", known_needs=True)
    assert person(view(state, ME), "cio")["traits"] == ["technical", "cautious"]


def test_a_person_shows_my_relation_never_the_rivals():
    state = lab_state()
    relate(state, "cio", support=0.1, trust=0.2)
    relate(state, "cio", vid=RIVAL, support=0.77, trust=0.66)
    p = person(view(state, ME), "cio")
    assert (p["support"], p["trust"]) == (0.1, 0.2)
    assert "0.77" not in json.dumps(view(state, ME))


def test_budget_and_criteria_wait_for_what_the_vendor_verified():
    state = lab_state()
    cust = view(state, ME)["customer"]
    assert cust["budget"] is None and cust["criteria"] is None
    give(state, "el_budget", "criteria_known")
    cust = view(state, ME)["customer"]
    assert cust["budget"] == 300 and cust["criteria"] == state.criteria


def test_rivals_show_public_keys_and_their_bid_only_once_opened():
    state = lab_state()
    state.vendors[RIVAL].bid = {"price": 250.0, "week": 5, "option": "m5"}
    state.vendors[RIVAL].facts.add("done:hq_visit")
    state.touch()
    rival = view(state, ME)["rivals"][0]
    assert set(rival) == set(PUBLIC_VENDOR_KEYS)
    assert rival["bid_price"] is None and rival["stage_estimate"] is None
    assert "done:hq_visit" not in json.dumps(view(state, ME))
    opened = tender_state({ME: 260.0, RIVAL: 250.0})
    assert view(opened, ME)["rivals"][0]["bid_price"] == 250.0


def test_rival_stage_is_an_estimate_from_intel():
    state = lab_state()
    state.vendors[RIVAL].stage = 3
    state.vendors[ME].intel[RIVAL] = {"stage": 2, "week": 1}
    state.touch()
    rival = view(state, ME)["rivals"][0]
    assert (rival["stage_estimate"], rival["estimate_week"]) == (2, 1)


def test_the_log_shows_my_moves_and_public_events_not_the_rivals_moves():
    state = lab_state()
    play(state, {ME: [Action("research_account")], RIVAL: [Action("research_account"),
                                                          Action("call", "buyer")]})
    mine = view(state, ME)["log"]
    assert [e["kind"] for e in mine] == ["research_account"]
    assert all(e.get("vendor") in (ME, None) for e in mine)
    theirs = view(state, RIVAL)["log"]
    assert sorted(e["kind"] for e in theirs) == ["call", "research_account"]


def test_public_events_are_shown_without_their_effects():
    state = awarded_state(ME)
    state.log.append({"week": 7, "event": "secret_shuffle", "affects": "all", "affected": [],
                      "title": {"en": "t"}, "text": {"en": "x"},
                      "effects": [{"hidden": "rival internals"}]})
    state.touch()
    entry = view(state, RIVAL)["log"][-1]
    assert entry["event"] == "secret_shuffle" and "effects" not in entry


def test_the_contract_is_shown_to_its_vendor_only():
    state = awarded_state(ME)
    state.vendors[ME].terms = {"discount": 0.05, "first_payment": 0.3, "value": 247.0}
    give(state, "terms_agreed", "notice_survived")
    play(state, {ME: [Action("sign_contract")]})
    assert view(state, ME)["contract"]["value"] == 247.0
    assert view(state, RIVAL)["contract"] is None


def test_the_cached_view_is_fresh_after_a_week():
    state = lab_state()
    before = view(state, ME, with_log=False)
    play(state, {ME: [Action("research_account")]})
    after = view(state, ME, with_log=False)
    assert "profiled" not in before["me"]["facts"] and "profiled" in after["me"]["facts"]
    assert after["week"] == before["week"] + 1


def test_the_access_and_informant_fields_survive_the_dict_form():
    """The window and the network hold views as dicts; the rules read them back typed: every
    new field (availability, meetings, introductions, favourites, favours, rumours, the
    procurement mode) must come back the same."""
    state = lab_state()
    relate(state, "cio", contact=4, met_week=1, last_kind=3, favours=1)
    relate(state, "nurse", support=0.4, contact=3)
    relate(state, "president", known_roles=True)
    state.rumours["nurse"] = 5
    state.touch()
    vw = view(state, ME, with_log=False)
    assert VendorView.from_dict(vw).to_dict() == vw
    p = {q["id"]: q for q in vw["people"]}
    assert p["cio"]["favours_left"] == 2 and p["cio"]["last_move"] == KINDS[3]
    assert p["nurse"]["rumour"] == 5 and p["nurse"]["favourite"] == ME
    assert p["president"]["needs_introduction"] and p["president"]["favourite"] == ""
    assert vw["customer"]["procurement"] == "invited"


def test_the_trainer_sees_everything():
    state = lab_state()
    tv = trainer_view(state)
    assert tv["people"]["cio"]["position_motive"]["text"]["en"] == "A smooth go-live"
    assert set(tv["views"]) == {ME, RIVAL}


# ---- the leak test over many games --------------------------------------------------------

LEAK_GAMES = 200
CHECK_EVERY = 4  # weeks; the final week is always checked too


def _waiting_texts(spec: ScenarioSpec) -> set[str]:
    """Motive texts of people who may take a seat later (replace_stakeholder events)."""
    out: set[str] = set()
    for ev in spec.events:
        for eff in [*ev.effects, *(e for c in ev.choices for e in c.effects)]:
            if eff.type == "replace_stakeholder":
                for m in (eff.new.position_motive, eff.new.personal_motive):
                    out.update((m.text.zh, m.text.en))
    return out


def _secrets(state: GameState, vid: str, waiting: set[str]) -> set[str]:
    out = set(waiting)
    for p in state.people.values():
        out -= {p.position_motive["text"]["zh"], p.position_motive["text"]["en"],
                p.personal_motive["text"]["zh"], p.personal_motive["text"]["en"]}
    known: set[str] = set()
    for p in state.people.values():
        r = state.relations[vid][p.id]
        for found, m in ((r.known_position, p.position_motive),
                         (r.known_personal, p.personal_motive)):
            (known if found else out).update(m["text"].values())
    # A text the vendor has discovered somewhere (a newcomer's two motives may read alike)
    # cannot leak anything.
    return out - known


def _favourite(state: GameState, pid: str) -> str:
    """Whom the person favours, worked out here from the rule ("" when undecided)."""
    field = sorted(((state.relations[vid][pid].support, vid) for vid, v in state.vendors.items()
                    if v.active and v.status != "lost"), reverse=True)
    if not field:
        return ""
    top, vid = field[0]
    second = field[1][0] if len(field) > 1 else -2.0
    return vid if top >= FAV_MIN and top - second >= FAV_LEAD else ""


def _check_informants(state: GameState, vid: str, pv: Any, where: str) -> None:
    """What insiders and coaches tell: favourites only where the rules allow, rumours only
    to a vendor with an insider or a coach, favours only of a coach."""
    rels = state.relations[vid]
    r = rels[pv.id]
    p = state.people[pv.id]
    coach = any(x.contact >= C_COACH for x in rels.values())
    informed = any(x.contact >= C_INSIDER for x in rels.values())
    decides = "KDM" in p.key or p.influence * p.part[PH_DECISION] > 0.02
    may_know = r.contact >= C_INSIDER or (coach and decides)
    if may_know:
        assert pv.favourite == _favourite(state, pv.id), f"{where}: {vid} {pv.id} favourite"
    else:
        assert pv.favourite is None, f"{where}: {vid} sees {pv.id}'s favourite"
    due = state.rumours.get(pv.id, 0) if informed else 0
    assert pv.rumour == due, f"{where}: {vid} {pv.id} rumour"
    favours = COACH_FAVOURS - r.favours if r.contact >= C_COACH else 0
    assert pv.favours_left == favours, f"{where}: {vid} {pv.id} favours"
    # A coach naming the KDM's or an evaluator's favourite has placed them for us.
    placed = r.known_roles or (coach and decides and r.contact < C_INSIDER)
    assert pv.roles_known == placed, f"{where}: {vid} {pv.id} roles placed"
    assert pv.needs_intro == ("KDM" in p.key and placed and not r.introduced), \
        f"{where}: {vid} {pv.id} introduction"
    assert "KDM" not in p.key or r.contact < C_COACH, f"{where}: {vid} made the KDM a coach"


def _check_typed(state: GameState, where: str) -> None:
    """The typed view holds nothing of what it does not know (not merely hides it)."""
    for vid, v in state.vendors.items():
        tv = typed_view(state, vid)
        for pv in tv.people:
            _check_informants(state, vid, pv, where)
            r = state.relations[vid][pv.id]
            assert (pv.position_motive is None and pv.pos_kind == -1) == \
                (not r.known_position), f"{where}: {vid} {pv.id} position motive"
            assert (pv.personal_motive is None and pv.pers_kind == -1) == \
                (not r.known_personal), f"{where}: {vid} {pv.id} personal motive"
            assert (pv.roles is None) == (not pv.roles_known), f"{where}: {vid} {pv.id} roles"
            assert (pv.traits is None) == (not r.known_needs), f"{where}: {vid} {pv.id} traits"
        assert all(not hasattr(rv, "relations") for rv in tv.rivals)
        assert tv.vendor == vid and tv.me.id == vid and v.index == tv.vi


def _check_views(state: GameState, waiting: set[str], where: str, log: bool = True) -> None:
    _check_typed(state, where)
    for vid in state.vendors:
        vw = view(state, vid, with_log=log)
        blob = json.dumps(vw, ensure_ascii=False)
        leaked = [t for t in _secrets(state, vid, waiting) if t in blob]
        assert not leaked, f"{where}: {vid} sees undiscovered motive text {leaked[0]!r}"
        for r in vw["rivals"]:
            extra = set(r) - set(PUBLIC_VENDOR_KEYS)
            assert not extra, f"{where}: {vid} sees rival {r['id']} keys {sorted(extra)}"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_no_view_leaks_a_secret_in_random_and_ai_games(path):
    spec = shipped(path)
    waiting = _waiting_texts(spec)
    checked = 0
    for game in range(LEAK_GAMES):
        pick = random.Random(game)
        state = new_game(spec, game)
        planners = {v.id: RandomAgent(game * 31 + i) if pick.random() < 0.5
                    else make_agent(v.playbook.value, "normal", game)
                    for i, v in enumerate(spec.vendors)}
        while not state.over:
            if state.week % CHECK_EVERY == 1 or state.rumours:  # the log: whole at the end
                _check_views(state, waiting, f"{spec.id} seed {game} week {state.week}",
                             log=False)
                checked += 1
            report = play_week(state, planners)
            for e in report["entries"]:
                if e.get("event") == "rumour":  # heard by the vendors with informants only
                    assert set(e["affected"]) == {
                        vid for vid, rels in state.relations.items()
                        if any(r.contact >= C_INSIDER for r in rels.values())}
        _check_views(state, waiting, f"{spec.id} seed {game} final week {state.week}")
    assert checked >= LEAK_GAMES * 3
