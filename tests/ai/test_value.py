"""The planner's fast valuation must be exactly the explained one.

`value_of` and the criterion shortcut exist only for speed; the coach and the debrief read
`explain`. These tests value every enabled option of every vendor, week after week, under
every playbook and with emphasis and follow-ups set, and demand equality to the last bit.
"""

from __future__ import annotations

import pytest

from game.ai import criteria_value as CV
from game.ai import value as V
from game.ai.playbooks import PLAYBOOKS, style_for
from game.core.checks import as_view, enabled_moves
from game.core.engine import end_week, new_game
from game.core.ids import CRITERIA, KIND_ID
from game.core.views import view
from tests.ai.conftest import SCENARIOS, normal_planners, spec_of

EMPHASES = ({}, {"kdm": 0.6, "ku": 0.3}, {"ki": 0.5, "bid_now": 1.0})


def _views(path, seed: int):
    spec = spec_of(path)
    state = new_game(spec, seed)
    planners = normal_planners(spec, seed)
    while not state.over:
        plans, reasons = {}, {}
        for vid, v in state.vendors.items():
            if v.active:
                vw = view(state, vid, with_log=False)
                yield vw
                plans[vid], reasons[vid] = planners[vid](vw)
        end_week(state, plans, reasons)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_value_of_is_explain_to_the_last_bit(path) -> None:
    compared = 0
    books = sorted(PLAYBOOKS)
    for n, vw in enumerate(_views(path, 4)):
        style = style_for(books[n % len(books)])
        vv = as_view(vw)
        people = list(range(len(vv.people)))
        ctx = V.make_context(vv, style, n % 5 != 0, EMPHASES[n % len(EMPHASES)],
                             {pi: 0.5 for pi in people[n % 3::3]})
        for d, target in enabled_moves(vv):
            total, why, _, _ = V.explain(ctx, d, target)
            assert V.value_of(ctx, d, V.person_index(ctx, target)) == total, (d.id, target)
            assert V.score(ctx, d, target) == (total, why)
            compared += 1
    assert compared > 1_000


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_criterion_shortcut_never_drops_a_bonus(path) -> None:
    """With each criterion alone left open, any bonus the full rule gives for it must be one
    the shortcut's table lists for that kind."""
    keys = list(range(len(CRITERIA)))
    hits = 0
    for n, vw in enumerate(_views(path, 9)):
        if n % 4:
            continue
        vv = as_view(vw)
        ctx = V.make_context(vv, style_for(sorted(PLAYBOOKS)[n % len(PLAYBOOKS)]))
        for d, target in enabled_moves(vv):
            p = V.person_index(ctx, target)
            for k in keys:
                ctx.unmet_bits = 1 << k
                got = CV.criterion_bonus(ctx, d, p)
                if got.key >= 0:
                    assert k in CV.CRITERIA_OF[KIND_ID[d.id]], (d.id, CRITERIA[k])
                    hits += 1
                assert CV.criterion(ctx, d, p) == (got.best, got.key)
    assert hits > 200

