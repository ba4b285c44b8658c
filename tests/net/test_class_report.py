"""The trainer's evidence: every person's moves in the CSV under their name for the weeks
they played, the debrief's ledger naming people, the room's debrief side by side."""

from __future__ import annotations

import csv
import io

from game.ai.agents import make_agent
from game.core.engine import end_week, new_game
from game.core.views import view
from game.net.class_report import actions_csv, class_html, players_of, room_debrief

from .conftest import spec


def played(weeks: int):  # type: ignore[no-untyped-def]
    state = new_game(spec("workshop_hospital"), 2)
    agents = {vid: make_agent(v.playbook, "normal", 1) for vid, v in state.vendors.items()}
    for _ in range(weeks):
        plans = {vid: agents[vid].decide(view(state, vid, with_log=False))[0]
                 for vid, v in state.vendors.items() if v.active}
        end_week(state, plans, {vid: [None] * len(p) for vid, p in plans.items()})
    return state


def test_every_move_is_filed_under_the_person_who_made_it() -> None:
    state = played(3)
    people = {1: {"ruiyi": {"rep": "Li"}}, 2: {"ruiyi": {"rep": "Li"}},
              3: {"ruiyi": {"rep": "Wang"}}}
    rows = list(csv.DictReader(io.StringIO(actions_csv(state, people, "en"))))
    ruiyi = state.vendors["ruiyi"].name["en"]
    reps = [r for r in rows if r["team"] == ruiyi and r["role"] == "Sales rep"]
    assert reps, "the rep's moves are in the file"
    assert {r["person"] for r in reps if r["week"] in ("1", "2")} <= {"Li"}
    assert {r["person"] for r in reps if r["week"] == "3"} <= {"Wang"}
    assert all(r["person"] == "AI" for r in rows if r["team"] != ruiyi)
    assert players_of(people, "ruiyi") == {"rep": "Li / Wang"}


def test_the_room_debrief_names_people_and_sets_teams_side_by_side() -> None:
    state = played(3)
    room = room_debrief(state, "zh", {1: {"ruiyi": {"rep": "李伟", "pm": "王芳"}}}, {"ruiyi"})
    assert [t["vendor"] for t in room["teams"]] == list(state.vendors)
    ruiyi = next(t for t in room["teams"] if t["vendor"] == "ruiyi")
    assert {p["player"] for p in ruiyi["ledger"]} >= {"李伟", "王芳"}
    page = class_html(room)
    assert "李伟" in page and state.vendors["hengtai"].name["zh"] in page
