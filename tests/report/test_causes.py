"""The debrief's cause analysis reads the counterfactual: decisive factors first, the lesson
"you lost earlier than the price" when price alone would have won, in both languages, and
nothing before the game is over."""

from __future__ import annotations

import re

import pytest

from game.core.causes import analyse
from game.i18n import table
from game.report.causes import causes
from game.report.common import Ctx
from game.report.trace import Trace
from tests.core.conftest import ME, RIVAL
from tests.core.test_causes import backed, case, finish, scored_loss

FACTOR_KEYS = ("price", "support", "support_one", "kdm_w", "fit", "shaping", "preparation",
               "replaced", "kdm_override")


def _causes(state, lang: str = "en") -> list[dict]:
    return causes(Ctx.make(state, ME, lang, Trace()))


def test_every_factor_has_its_words_both_ways() -> None:
    for lang in ("zh", "en"):
        for side in ("us", "them"):
            for key in FACTOR_KEYS:
                assert f"report.cause.cf.{side}.{key}" in table(lang), (lang, side, key)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_price_lost_earlier(lang: str) -> None:
    state = finish(scored_loss({ME: 270.0, RIVAL: 240.0}, prep=backed("cio", 0.31)), RIVAL)
    c = analyse(state, ME)
    assert c.price_decided and c.earlier
    items = _causes(state, lang)
    assert items[0]["key"] == "scored"
    lesson = [i for i in items if i["kind"] == "lesson"]
    assert [i["key"] for i in lesson] == ["earlier"]
    name = state.people[c.earlier[0]].name[lang]
    assert name in lesson[0]["text"]
    price = next(i for i in items if i["key"] == "price")
    assert price["wins"] and price["text"].startswith("Would have won" if lang == "en" else "能赢")
    for i in items:
        assert not re.search(r"\{[a-z_]+\}|report\.", i["text"]), i["text"]


def test_the_first_item_after_the_result_is_the_primary_cause() -> None:
    state = finish(case("shaping"), RIVAL)
    items = _causes(state)
    assert items[1]["key"] == analyse(state, ME).primary == "shaping"
    assert "Beta" in items[0]["text"]


def test_nothing_is_worked_out_before_the_game_ends() -> None:
    state = case("price")  # past the award, not over: the rival's support stays hidden
    items = _causes(state)
    assert [i["key"] for i in items] == ["after_game"]
