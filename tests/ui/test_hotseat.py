"""Hotseat weeks on the board: a joint move waits for the partner's answer on their turn,
never uses their days unasked and cannot be deleted by them; a late proposal to a player
who has committed brings the screen back to them before the week resolves."""

from __future__ import annotations

import pygame

from game.core.actions import CATALOG
from game.ui.week.dialogs import ConfirmEndScene, EventScene, HandoverScene
from game.ui.week.review import ResolveScene

from .helpers import board_at, click, press, top


def _plan_kind(app, board, role: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    """On ``role``'s tab, plan the first enabled ``kind`` for any person who allows it."""
    board.role = role
    for pid in list(board.cards):
        board.person = pid
        app.request_rebuild()
        app.step(0.016, [])
        for btn, row in board.w.adds:
            if row.action.kind == kind and btn.is_enabled:
                board.plan_row(row)
                app.step(0.016, [])
                return
    raise AssertionError(f"{role} cannot plan {kind} this week")


def _done(app) -> None:  # type: ignore[no-untyped-def]
    """End this player's turn through the confirmation if asked, stopping at the curtain."""
    press(app, pygame.K_RETURN)
    while isinstance(top(app), EventScene):
        press(app, pygame.K_ESCAPE)
        press(app, pygame.K_RETURN)
    if isinstance(top(app), ConfirmEndScene):
        click(app, top(app).buttons["go"])


def _joint_open(view) -> bool:  # type: ignore[no-untyped-def]
    """Someone will see the rep and presales together this week (people see a vendor only
    so often)."""
    from game.core.actions import Action
    from game.core.checks import check

    return any(check(view, Action("joint_visit", p["id"])) is None for p in view["people"])


def test_joint_move_waits_for_the_partner_on_their_turn(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 4, lambda v: v["week"] >= 2 and _joint_open(v),
                     mode="team")
    s = board.session
    presales_days = s.view["me"]["time"]["presales"]
    _plan_kind(app, board, "rep", "joint_visit")
    entry = s.week.entries[-1]
    assert entry.status == "proposed" and entry.partner == "presales"
    assert s.time_left()["presales"] == presales_days, "the partner's days are not taken"
    _done(app)
    handover = top(app)
    assert isinstance(handover, HandoverScene) and handover.role == "presales"
    from game.ui.words import action_name

    body = handover.content()[1]
    assert action_name(entry.action, s.view, app.tr) in body, "the curtain names the proposal"
    assert app.tr("ui.handover.done", roles=app.tr("ui.role.rep")) in body
    click(app, handover.buttons["reveal"])
    assert [i for _b, i in board.w.accepts] == [entry.id]
    assert entry.id not in [i for _b, i in board.w.removes], "the partner cannot delete it"
    # ending the turn without answering is refused with the reason
    press(app, pygame.K_RETURN)
    assert top(app) is board and board.status == app.tr("team.answer_first")
    click(app, board.w.accepts[0][0])
    assert s.week.entry(entry.id).status == "accepted"
    assert s.time_left()["presales"] == presales_days - CATALOG["joint_visit"].days


def test_late_proposal_to_a_committed_player_is_answered_before_the_week_ends(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 4, lambda v: v["week"] >= 2 and _joint_open(v),
                     mode="team")
    s = board.session
    for role in ("rep", "presales", "pm"):
        assert board.role == role
        _done(app)
        assert isinstance(top(app), HandoverScene)
        click(app, top(app).buttons["reveal"])
    assert board.role == "exec"
    _plan_kind(app, board, "exec", "sponsor_visit")
    assert s.week.entries[-1].status == "proposed"
    _done(app)
    handover = top(app)
    assert isinstance(handover, HandoverScene) and handover.role == "rep", \
        "the rep must answer the executive's proposal before the week resolves"
    click(app, handover.buttons["reveal"])
    assert board.role == "rep" and board.w.declines
    click(app, board.w.declines[0][0])
    _done(app)
    assert isinstance(top(app), ResolveScene)
    assert not [a for a in s.plan if a.kind == "sponsor_visit"]
