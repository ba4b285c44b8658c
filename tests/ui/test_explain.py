"""The game explains itself: each C931 item says what it means and what would meet it, the
week says which items changed and why, an event's answers say what they are likely to do."""

from __future__ import annotations

import copy

from game.core.health import C_KEYS, F_KEYS, W_KEYS
from game.scenario.loader import load_scenario
from game.ui.i18n import Translator
from game.ui.session import Session
from game.ui.setup import GameSetup
from game.ui.week.choice_effects import choice_lines
from game.ui.words import c931_changes, c931_html

from .big_buying_centre import HOSPITAL


def _view() -> dict:
    spec = load_scenario(HOSPITAL)
    return Session.start(spec, GameSetup.default_for(spec, HOSPITAL, seed=1)).view


def test_every_item_explains_itself_in_both_languages() -> None:
    import pygame

    from game.ui import theme

    pygame.font.init()
    theme.font.cache_clear()  # fonts from an earlier pygame session are dead
    for lang in ("zh", "en"):
        tr = Translator(lang)
        for key in (*C_KEYS, *F_KEYS, *W_KEYS):
            for part in ("what", "how"):
                assert tr.has(f"glossary.c931.{key}.{part}"), (lang, key, part)
        health = _view()["health"]
        flat = "".join(c931_html(health, tr, 400).replace("<br>", "").split())
        for key in C_KEYS:  # an item not met yet says how to meet it
            how = "".join(tr(f"glossary.c931.{key}.how").split())
            assert (how in flat) != health["clear"][key], (lang, key)


def test_the_week_says_which_items_changed_and_why() -> None:
    tr = Translator("en")
    before = _view()
    after = copy.deepcopy(before)
    after["health"]["clear"]["c_budget"] = True
    after["health"]["first"]["f_value"] = False
    before["health"]["first"]["f_value"] = True
    after["rivals"][0]["status"] = "lost"
    lines = c931_changes(before, after, tr)
    text = " | ".join(t for t, _tone in lines)
    assert tr("ui.c931.gained", item=tr("c931.c_budget")) in text
    assert tr("glossary.c931.f_value.how") in text, "a lost item says how to win it back"
    assert tr.pick(after["rivals"][0]["name"]) in text
    assert [tone for _t, tone in lines] == ["good", "bad", "good"]


def test_event_answers_show_their_likely_effect() -> None:
    spec = load_scenario(HOSPITAL)
    view = _view()
    tr = Translator("en")
    ev = next(e for e in spec.events if any(
        any(x.type == "support" and x.stakeholder != "all" for x in c.effects)
        for c in e.choices))
    choice = next(c for c in ev.choices if any(x.type == "support" for x in c.effects))
    eff = next(x for x in choice.effects if x.type == "support" and x.stakeholder != "all")
    name = next(p.name.en for p in spec.stakeholders if p.id == eff.stakeholder)
    lines = choice_lines(view, spec, ev.id, choice.id, tr)
    assert any(name in line and f"{round(eff.change * 100):+d}" in line for line in lines)
