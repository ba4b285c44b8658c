"""Determinisation keeps what the view shows and samples what it hides; the expert's look-ahead
plays real engine weeks in those samples and prices its bid against sampled rivals."""

from __future__ import annotations

import copy

import pytest

from game.ai import search
from game.ai.search import ExpertAgent, best_bid, bid_value, tender_outlook
from game.ai.tactics import bid_price
from game.ai.world import clone, determinise
from game.core.checks import as_view
from game.core.engine import end_week
from game.core.rng import Rng
from game.core.views import VendorView, view
from tests.ai.conftest import CITY, play_weeks, spec_of, team_id


def _state_and_view(weeks: int, seed: int = 3):
    spec = spec_of(CITY)
    state = play_weeks(spec, seed, weeks)
    me = team_id(spec)
    return state, me, view(state, me, with_log=False)


def test_a_sample_shows_us_exactly_what_the_view_shows() -> None:
    _, me, v = _state_and_view(9)
    world = determinise(as_view(v), Rng(1))
    again = view(world, me, with_log=False)
    for key in ("week", "phase", "calendar", "checklist"):
        assert again[key] == v[key], key
    for key in ("stage", "budget", "facts", "spec_bias", "fit", "time", "list_price"):
        assert again["me"][key] == v["me"][key], key
    for p, q in zip(v["people"], again["people"], strict=True):
        for key in ("support", "trust", "contact_level", "roles", "key", "cares_about",
                    "traits", "position_motive", "personal_motive", "availability",
                    "met_week", "free_week", "last_move", "introduced", "needs_introduction",
                    "favours_left", "favourite"):
            assert p.get(key) == q.get(key), (p["id"], key)
    assert [r["id"] for r in again["rivals"]] == [r["id"] for r in v["rivals"]]


def test_a_sample_keeps_the_favourites_the_view_knows() -> None:
    """Whom a person favours, told by an insider or a coach, is part of the view: a sampled
    world must agree with it (the rivals' support is drawn around it, not against it)."""
    known = agreed = 0
    for weeks, seed in ((6, 3), (9, 4), (12, 5), (14, 3), (12, 4), (14, 5)):
        _, me, v = _state_and_view(weeks, seed)
        told = {p["id"]: p["favourite"] for p in v["people"] if p["favourite"] is not None}
        for s in range(4):
            again = view(determinise(as_view(v), Rng(s)), me, with_log=False)["people"]
            for p in again:
                if p["id"] in told:
                    known += 1
                    agreed += p["favourite"] == told[p["id"]]
    assert known > 10, "the games give the team too few informants to test this"
    assert agreed == known, f"{known - agreed} of {known} known favourites differ in samples"


def test_hidden_parts_are_sampled_not_copied() -> None:
    state, me, v = _state_and_view(5)
    hidden = [p["id"] for p in v["people"] if "personal_motive" not in p]
    assert hidden
    worlds = [determinise(as_view(v), Rng(s)) for s in range(12)]
    kinds = {w.people[hidden[0]].personal_motive["kind"] for w in worlds}
    assert len(kinds) > 1
    rival = next(r["id"] for r in v["rivals"])
    supports = {round(w.relations[rival][hidden[0]].support, 6) for w in worlds}
    assert len(supports) > 1
    prices = {round(w.vendor_spec(rival).list_price, 2) for w in worlds}
    assert len(prices) > 1
    assert all(w.rng != state.rng for w in worlds)
    assert not any(w.vendor_spec(rival).fit == state.vendor_spec(rival).fit for w in worlds)


def test_a_sample_plays_real_engine_weeks_and_clones_do_not_share_state() -> None:
    _, me, v = _state_and_view(6)
    world = determinise(as_view(v), Rng(2))
    a, b = clone(world), clone(world)
    plan, _ = ExpertAgent("basic", seed=1).decide(v)
    end_week(a, {me: [x for x in plan if x.kind != "choose"]})
    assert a.week == world.week + 1 and b.week == world.week
    assert a.vendors[me].spent > b.vendors[me].spent
    assert [r.to_dict() for r in b.relations[me].values()] == \
        [r.to_dict() for r in world.relations[me].values()]


def test_outlook_is_a_probability_and_rises_with_support() -> None:
    _, me, v = _state_and_view(10)
    world = determinise(as_view(v), Rng(4))
    base = tender_outlook(world, me)
    assert 0.0 <= base <= 1.0
    better = clone(world)
    for r in better.relations[me].values():
        r.support = min(1.0, r.support + 0.3)
    assert tender_outlook(better, me) > base


def test_expert_bid_stays_within_a_known_budget() -> None:
    _, me, v = _state_and_view(12)
    v = copy.deepcopy(v)
    v["customer"]["budget"] = v["me"]["list_price"] * 0.93
    vv: VendorView = as_view(v)
    worlds = [determinise(vv, Rng(s)) for s in range(4)]
    opt = best_bid(vv, worlds, Rng(0))
    assert bid_price(vv, opt) <= v["customer"]["budget"]


def test_the_expert_bids_for_margin_not_for_the_last_point_of_win_chance() -> None:
    """Expected margin: a floor bid a little likelier to win is worth less than a list bid
    that keeps three times the margin; a much likelier win is worth the cut."""
    cost = 500.0
    assert bid_value(0.50, 800.0, cost) > bid_value(0.60, 620.0, cost)
    assert bid_value(0.90, 620.0, cost) > bid_value(0.20, 800.0, cost)
    assert bid_value(0.9, 450.0, cost) == 0.0  # below cost: worth nothing


def test_a_leading_expert_keeps_to_its_playbook(monkeypatch) -> None:
    """When the playbook's own week leaves the expert ahead (outlook at LEAD_OUTLOOK or
    more), it takes that week without rolling out the other candidates; behind, it
    compares them all. (A rival's limit: on the team's side the expert searches every
    week, as the coach does.)"""
    state, _, _ = _state_and_view(6)
    rival = next(x.id for x in state.spec.vendors if x.side == "rival")
    vv = as_view(view(state, rival, with_log=False))
    agent = ExpertAgent("basic", seed=1)
    assert len(search.candidates(vv, agent.style, False)) > 1
    for outlook, rolled_all in ((search.LEAD_OUTLOOK, False), (0.1, True)):
        calls = []

        def fake(self, vv, worlds, plan, rng, outlook=outlook, calls=calls):
            calls.append(plan)
            return (0.0 if calls[1:] else 1.0), outlook

        monkeypatch.setattr(ExpertAgent, "_value", fake)
        plan = agent.plan(vv)
        assert (len(calls) > 1) == rolled_all
        assert plan.moves == search.candidates(vv, agent.style, False)[0].moves


def test_the_outlook_counts_the_kdms_override(monkeypatch) -> None:
    """In a tender the KDM may settle (city_hospital is invited), the vendor the KDM backs
    clearly (W) gets the override's gap in the expert's outlook."""
    _, me, v = _state_and_view(10)
    world = determinise(as_view(v), Rng(4))
    kdm = next(p for p in world.plist if p.key_mask & 4)
    for rels in world.relations.values():
        rels[kdm.id].support = 0.0
    r = world.relations[me][kdm.id]
    r.support, r.contact = 0.25, 2  # W: at least 0.2, 0.1 ahead, a relationship
    assert search.OVERRIDE_GAP[world.procurement] > 0
    backed = tender_outlook(world, me)
    monkeypatch.setattr(search, "OVERRIDE_GAP", (0.0, 0.0, 0.0))
    assert tender_outlook(world, me) < backed


def test_an_expert_rival_shapes_in_proportion_to_its_playbook_and_the_coach_in_full() -> None:
    """An expert incumbent tries shaping the criteria at most one and a half times again as
    hard as its playbook does, a solution seller more than an incumbent; the coach (`full`)
    always tries the full push, since it advises whatever wins."""
    from game.ai.playbooks import style_for

    def shapes(playbook: str, full: bool) -> list[float]:
        style = style_for(playbook)
        return [st.shape - style.shape for st, _ in search.variants(style, full)]

    incumbent = style_for("incumbent").shape
    assert max(shapes("incumbent", False)) == pytest.approx(1.5 * incumbent)
    assert 1.5 * incumbent < 2.0
    assert max(shapes("price_cutter", False)) < max(shapes("incumbent", False))
    assert max(shapes("solution", False)) > max(shapes("incumbent", False))
    for playbook in ("incumbent", "price_cutter", "solution"):
        assert max(shapes(playbook, True)) == pytest.approx(2.0)
    assert ExpertAgent("incumbent").full is False


def test_the_coach_searches_with_the_full_candidate_set(monkeypatch) -> None:
    """The coach's recommendation comes from the expert search with `full` set."""
    from game.ai import coach

    made = []
    real = coach.ExpertAgent

    def spy(*a, **kw):
        agent = real(*a, **kw)
        made.append(agent)
        return agent

    monkeypatch.setattr(coach, "ExpertAgent", spy)
    coach._CACHE.clear()
    _, _, v = _state_and_view(6)
    coach.recommended(v, seed=2)
    assert made and all(a.full for a in made)


def test_a_rival_late_in_the_deal_is_sampled_with_the_criteria_shaped() -> None:
    """The prior for a rival's criteria shaping follows what vendors do: one estimated in P5
    a few weeks before the bid deadline has shaped them in nine samples of ten, by about
    half on average; one in P4 in about half; the same rival ten weeks out much less."""
    from game.ai import world as W

    _, me, v = _state_and_view(12)
    vv = as_view(v)
    rival = vv.rivals[0]

    def shaping(stage: int, weeks_left: int) -> tuple[float, float]:
        r = copy.copy(rival)
        r.stage_estimate, r.estimate_week = stage, vv.week
        late = copy.copy(vv)
        late.cal_bid_deadline = vv.week + weeks_left
        biases = [W._rival(late, r, Rng(s))[1].spec_bias for s in range(400)]
        return sum(b > 0 for b in biases) / len(biases), sum(biases) / len(biases)

    shaped, mean = shaping(5, 2)
    assert shaped > 0.85 and 0.4 < mean < 0.65
    shaped4, mean4 = shaping(4, 2)
    assert 0.4 < shaped4 < 0.6 and mean4 < mean
    assert shaping(5, 10)[1] < 0.5 * mean


def test_an_expert_on_the_teams_side_plays_at_the_coachs_strength() -> None:
    """The limits that keep an expert rival fair in a line-up are a rival's: on the team's
    side the same agent plans exactly as the coach's search does."""
    spec = spec_of(CITY)
    me = team_id(spec)
    rival = next(x.id for x in spec.vendors if x.side == "rival")
    coachlike = dict(full=True, lead=search.COACH_LEAD, win_worth=search.COACH_WIN_WORTH)
    differs = 0
    for weeks in (3, 6, 9, 11, 13):
        state = play_weeks(spec, 3, weeks)
        team_view = as_view(view(state, me, with_log=False))
        assert ExpertAgent("basic", seed=5).plan(team_view).moves == \
            ExpertAgent("basic", seed=5, **coachlike).plan(team_view).moves
        rival_view = as_view(view(state, rival, with_log=False))
        differs += ExpertAgent("incumbent", seed=5).plan(rival_view).moves != \
            ExpertAgent("incumbent", seed=5, **coachlike).plan(rival_view).moves
    assert differs > 0, "a rival keeps its limits"
