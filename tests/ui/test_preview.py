"""The effect preview says what an action would do from the view alone, never from hidden
state, and in both languages."""

from __future__ import annotations

import copy

from game.core.actions import CATALOG, Action
from game.core.checks import legal_actions
from game.core.engine import new_game
from game.core.state import Person
from game.core.views import view
from game.ui.catalog import list_scenarios, team_vendor
from game.ui.i18n import Translator
from game.ui.preview import preview, preview_text

from .conftest import SCENARIOS


def _state(seed: int = 4):  # type: ignore[no-untyped-def]
    entry = next(e for e in list_scenarios(SCENARIOS) if e.spec and e.spec.id == "city_hospital")
    assert entry.spec is not None
    return new_game(entry.spec, seed), team_vendor(entry.spec).id


def _keys(v: dict, a: Action) -> list[str]:  # type: ignore[type-arg]
    return [ln.key for ln in preview(v, a)]


def test_hidden_state_never_changes_the_preview() -> None:
    """Two worlds that differ only in what our team has not learned (a person's hidden
    motives and traits, a rival's standing) give the same preview for every action."""
    state, team = _state()
    before = view(state, team, with_log=False)
    hidden = next(p for p in before["people"] if "position_motive" not in p
                  and "traits" not in p)
    other = copy.deepcopy(state)
    fields = other.people[hidden["id"]].to_dict()
    fields["position_motive"] = {**fields["position_motive"], "kind": "relationship"}
    fields["personal_motive"] = {**fields["personal_motive"], "kind": "career"}
    fields["traits"] = ["relational", "ambitious"]
    other.people[hidden["id"]] = Person(**fields)  # people are replaced, never edited
    other.relink()
    rival = next(vid for vid in other.vendors if vid != team)
    other.relations[rival][hidden["id"]].support = 0.9
    after = view(other, team, with_log=False)
    assert after["people"] == before["people"]
    for o in legal_actions(before):
        assert preview(before, o.action) == preview(after, o.action), o.action


def test_a_known_motive_shows_as_a_hit_and_an_unknown_one_as_a_maybe() -> None:
    state, team = _state()
    v = view(state, team, with_log=False)
    p = next(x for x in v["people"] if "position_motive" not in x)
    kind = "quality"
    action = Action("reference_visit", p["id"])
    assert kind in CATALOG["reference_visit"].addresses
    keys = _keys(v, action)
    assert "motive_maybe" in keys and "motive_hit" not in keys
    known = copy.deepcopy(v)
    q = next(x for x in known["people"] if x["id"] == p["id"])
    q["position_motive"] = {"kind": kind, "text": {"zh": "质量", "en": "quality"}}
    assert "motive_hit" in _keys(known, action)


def test_contact_needs_trust_and_open_criteria_are_named() -> None:
    state, team = _state()
    v = view(state, team, with_log=False)
    stranger = next(p for p in v["people"] if p["contact_level"] == 0)
    low = copy.deepcopy(v)
    q = next(x for x in low["people"] if x["id"] == stranger["id"])
    q["contact_level"], q["trust"] = 1, 0.0
    assert "contact_trust" in _keys(low, Action("visit", stranger["id"]))
    q["trust"] = 0.9
    assert "contact" in _keys(low, Action("visit", stranger["id"]))
    open_items = {c["key"] for c in v["checklist"] if not c["done"]}
    research = [ln for ln in preview(v, Action("research_account")) if ln.key == "criterion"]
    assert {ln.params["criterion"] for ln in research} == {"profiled"} & open_items


def test_every_preview_line_reads_in_both_languages() -> None:
    state, team = _state()
    v = view(state, team, with_log=False)
    for lang in ("zh", "en"):
        tr = Translator(lang)
        for o in legal_actions(v):
            for text, tone in preview_text(v, o.action, tr):
                assert "ui.preview" not in text and "{" not in text, text
                assert tone in ("good", "bad", "info") and text[0] in "+−·"
