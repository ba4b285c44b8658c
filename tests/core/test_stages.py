"""Stage exit criteria: a stage advances only when every one of its criteria holds.

For P1..P4 each test builds a state where exactly one criterion is missing, plays a week and
sees the vendor stay, then supplies the criterion and sees it move up. P5..P7 end with the
award, the signature and the first payment, which `resolve` carries out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.core import resolve, stages
from game.core.actions import Action
from game.core.errors import IllegalAction
from game.core.ids import CRITERIA
from game.core.state import GameState

from .conftest import ME, at_stage, awarded_state, give, lab_state, play, relate, take

Edit = Callable[[GameState], None]


def _fact(name: str) -> tuple[Edit, Edit]:
    return (lambda s: give(s, name)), (lambda s: take(s, name))


def _contact(pid: str, on: int, off: int) -> tuple[Edit, Edit]:
    return (
        (lambda s: relate(s, pid, contact=on, known_roles=True)),
        (lambda s: relate(s, pid, contact=off)),
    )


def _org_on(s: GameState) -> None:
    give(s, "org_mapped")


def _org_off(s: GameState) -> None:
    # Only the insider's role is known: 1 of 4 people, below the 70% that maps the org.
    take(s, "org_mapped")
    for pid in ("president", "buyer", "nurse"):
        relate(s, pid, known_roles=False)


# stage -> criterion -> (satisfy, break); the keys must match stages.CRITERIA exactly.
EDITS: dict[int, dict[str, tuple[Edit, Edit]]] = {
    1: {"profiled": _fact("profiled"), "pursue": _fact("pursue")},
    2: {
        "lead_contact": _contact("nurse", 1, 0),
        "first_visit": _fact("first_visit"),
        "need_heard": _fact("need_heard"),
        "willing": ((lambda s: relate(s, "president", support=0.1)),
                    (lambda s: relate(s, "president", support=0.0))),
    },
    3: {
        **{e: _fact(e) for e in ("el_lead", "el_need", "el_fit", "el_budget", "el_timeline")},
        "org_mapped": (_org_on, _org_off),
        "insider_ki_ku": _contact("cio", 3, 2),
    },
    4: {
        "product_presented": _fact("product_presented"),
        "references_presented": _fact("references_presented"),
        "demo_done": _fact("demo_done"),
        "insider_ki": _contact("cio", 3, 2),
        "insider_ku": _contact("nurse", 3, 2),
        "coach": _contact("buyer", 4, 3),  # never the KDM: the KDM backing us is W
        "kdm_met": _fact("kdm_met"),
    },
}

CASES = [(st, key) for st, keys in EDITS.items() for key in keys]


def test_edit_table_covers_every_criterion_of_p1_to_p4():
    for st in range(1, 5):
        assert list(EDITS[st]) == [CRITERIA[c] for c in stages.STAGE_CRITERIA[st]]


def full_state(stage: int) -> GameState:
    """A vendor at `stage` with every exit criterion of that stage met."""
    state = lab_state()
    at_stage(state, stage)
    for on, _off in EDITS[stage].values():
        on(state)
    return state


def _undone(state: GameState) -> list[str]:
    return [c["key"] for c in stages.checklist(state, ME) if not c["done"]]


@pytest.mark.parametrize(("stage", "key"), CASES, ids=[f"P{s}-{k}" for s, k in CASES])
def test_stage_waits_for_the_missing_criterion_then_advances(stage: int, key: str):
    state = full_state(stage)
    assert _undone(state) == []
    on, off = EDITS[stage][key]
    off(state)
    assert _undone(state) == [key]
    play(state)
    assert state.vendors[ME].stage == stage, f"P{stage} advanced without {key}"
    on(state)
    week = state.week
    report = play(state)
    assert state.vendors[ME].stage == stage + 1
    assert (ME, stage + 1) in report["moved"]
    assert state.vendors[ME].stage_weeks[stage + 1] == week


def test_org_is_mapped_by_knowing_most_roles_without_the_fact():
    state = full_state(3)
    _org_off(state)
    assert not stages.org_mapped(state, state.vendors[ME])
    relate(state, "president", known_roles=True)
    relate(state, "buyer", known_roles=True)
    assert stages.org_mapped(state, state.vendors[ME])  # 3 of 4 roles known


def test_references_criterion_also_accepts_a_delivery_presentation():
    state = full_state(4)
    take(state, "references_presented")
    assert _undone(state) == ["references_presented"]
    give(state, "delivery_presented")
    assert _undone(state) == []


def test_an_insider_must_have_a_known_key_role():
    state = full_state(3)
    relate(state, "cio", known_roles=False)
    assert "insider_ki_ku" in _undone(state)


def test_one_week_moves_a_vendor_one_stage_at_most():
    state = full_state(1)
    for st in (2, 3, 4):
        for on, _off in EDITS[st].values():
            on(state)
    play(state)
    assert state.vendors[ME].stage == 2


# ---- P5..P7: the checklist guides, the award / signature / payment move -------------------

P5_EDITS: dict[str, tuple[Edit, Edit]] = {
    "support_ku": ((lambda s: relate(s, "nurse", support=0.3)),
                   (lambda s: relate(s, "nurse", support=0.15))),
    "support_ki": ((lambda s: relate(s, "cio", support=0.3)),
                   (lambda s: relate(s, "cio", support=0.15))),
    "support_kdm": ((lambda s: relate(s, "president", support=0.3)),
                    (lambda s: relate(s, "president", support=0.15))),
    "el_budget": _fact("el_budget"),
    "criteria_shaped": _fact("criteria_shaped"),
    "bid_submitted": _fact("bid_submitted"),
    "tender_won": _fact("preferred"),
}


def _p5_full() -> GameState:
    state = lab_state()
    at_stage(state, 5)
    for on, _off in P5_EDITS.values():
        on(state)
    return state


@pytest.mark.parametrize("key", list(P5_EDITS))
def test_p5_checklist_item_follows_its_fact(key: str):
    state = _p5_full()
    assert _undone(state) == []
    P5_EDITS[key][1](state)
    assert _undone(state) == [key]


def test_majority_of_evaluators_weighs_influence_in_the_decision():
    state = lab_state()
    v = state.vendors[ME]
    relate(state, "buyer", support=0.5)
    assert not stages.majority_evaluators(state, v)  # 0.05 of 0.65 decision weight
    relate(state, "president", support=0.2)
    relate(state, "cio", support=0.2)
    assert stages.majority_evaluators(state, v)


def test_p5_does_not_advance_on_its_checklist_only_on_the_award():
    state = _p5_full()
    play(state)
    assert state.vendors[ME].stage == 5
    won = awarded_state(ME)
    assert won.vendors[ME].stage == 6
    assert "preferred" in won.vendors[ME].facts


@pytest.mark.parametrize("missing", ["terms_agreed", "notice_survived"])
def test_p6_ends_only_with_a_signature_after_terms_and_notice(missing: str):
    state = awarded_state(ME)
    v = state.vendors[ME]
    v.terms = {"discount": 0.05, "first_payment": 0.3, "value": 250.0}
    give(state, "terms_agreed", "notice_survived")
    take(state, missing)
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [Action("sign_contract")]})
    assert err.value.message_key == f"why.requires.{missing}"
    assert v.stage == 6
    give(state, missing)
    play(state, {ME: [Action("sign_contract")]})
    assert v.stage == 7
    assert "contract_signed" in v.facts


def test_p7_ends_with_the_first_payment(lucky):
    state = awarded_state(ME)
    lucky(state)
    v = state.vendors[ME]
    v.terms = {"discount": 0.05, "first_payment": 0.3, "value": 250.0}
    resolve.sign_contract(state, v)
    state.touch()
    assert [c["key"] for c in stages.checklist(state, ME) if not c["done"]] == ["paid"]
    resolve.collect_payment(state, v, state.dice)
    assert v.status == "won"
    assert all(c["done"] for c in stages.checklist(state, ME))


def test_lost_or_inactive_vendors_do_not_advance():
    state = full_state(1)
    state.vendors[ME].status = "lost"
    state.touch()
    assert stages.advance_stages(state) == []
    state.vendors[ME].status = "active"
    state.vendors[ME].active = False
    assert stages.advance_stages(state) == []
