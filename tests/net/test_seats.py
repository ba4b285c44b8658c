"""Team codes, seat tokens and the lobby's rules for taking and retaking a seat."""

from __future__ import annotations

import pytest

from game.net.protocol import Refusal
from game.net.seats import CODE_ALPHABET, Lobby, new_code, new_pin, token_hash


def lobby():
    return Lobby.create(["ruiyi", "hengtai", "guorui"], ["ruiyi", "hengtai"])


def test_codes_are_short_distinct_and_unambiguous():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OI") & set(CODE_ALPHABET)
    lb = lobby()
    assert len({t.code for t in lb.teams.values()}) == 3
    assert len(new_pin()) == 6 and new_pin().isdigit()


def test_joining_hands_out_a_token_and_keeps_only_its_hash():
    lb = lobby()
    seat, token = lb.join(lb.teams["ruiyi"].code.lower(), "team", " Wang Fang ")
    assert seat.name == "Wang Fang" and seat.token_hash == token_hash(token)
    assert token not in repr(lb.teams) and lb.resume(token) is seat


@pytest.mark.parametrize(("code_of", "role", "want"), [
    ("guorui", "team", "join/ai_seat"),
    (None, "team", "join/bad_code"),
])
def test_codes_that_cannot_seat_anyone(code_of, role, want):
    lb = lobby()
    code = lb.teams[code_of].code if code_of else "ZZZZZZ"
    with pytest.raises(Refusal) as err:
        lb.join(code, role, "x")
    assert err.value.code == want


def test_a_taken_seat_needs_the_trainer_before_someone_else_takes_it():
    lb = lobby()
    code = lb.teams["ruiyi"].code
    first, old_token = lb.join(code, "rep", "Li")
    with pytest.raises(Refusal) as err:
        lb.join(code, "rep", "Zhao")
    assert err.value.code == "join/taken" and "Li" in err.value.text
    first.released = True
    second, _ = lb.join(code, "rep", "Zhao")
    assert second.taken_from == "Li"
    with pytest.raises(Refusal):
        lb.resume(old_token)  # the old token no longer opens the seat


def test_one_laptop_and_laptop_per_role_do_not_mix():
    lb = lobby()
    lb.join(lb.teams["ruiyi"].code, "team", "All of us")
    with pytest.raises(Refusal) as err:
        lb.join(lb.teams["ruiyi"].code, "pm", "Sun")
    assert err.value.code == "join/team_mode"
    lb.join(lb.teams["hengtai"].code, "pm", "Sun")
    with pytest.raises(Refusal) as err:
        lb.join(lb.teams["hengtai"].code, "team", "Zhou")
    assert err.value.code == "join/roles_mode" and "rep" in err.value.text


def test_human_roles_follow_cover_and_absence():
    lb = lobby()
    pm, _ = lb.join(lb.teams["hengtai"].code, "pm", "Sun")
    rep, _ = lb.join(lb.teams["hengtai"].code, "rep", "Qian")
    team = lb.teams["hengtai"]
    assert team.human_roles() == ("rep", "pm")
    pm.cover = True
    assert team.human_roles() == ("rep",) and [s.role for s in team.active_seats()] == ["rep"]
    rep.absent = True
    assert team.human_roles() == ()
