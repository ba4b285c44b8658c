"""The debrief window on a recorded game, headless: the outcome screen leads into it, every
tab shows its section of the record, the timeline explains each entry, the charts load, the
HTML export lands in the data folder, the language switch relabels it, and a what-if
restart rebuilds exactly the game as it stood at the chosen week."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.replay import replay
from game.core.serialize import state_hash
from game.report.charts import render_charts
from game.report.debrief import build_debrief
from game.save import autosave_path, load_game, load_meta, read_info, save_text
from game.scenario.loader import load_scenario
from game.sim.play import play_game
from game.ui.board.scene import BoardScene
from game.ui.catalog import team_vendor
from game.ui.debrief.doc import Doc, TextOp
from game.ui.debrief.outcome import OutcomeScene
from game.ui.debrief.scene import TABS, DebriefScene
from game.ui.debrief.timeline import WEEK_W
from game.ui.menu.load import LoadScene
from game.ui.menu.menu import MenuScene
from game.ui.menu.new_game import NewGameScene
from game.ui.scene import Push
from game.ui.session import Session, open_save, saves_dir, setup_from_meta
from game.ui.setup import GameSetup

from .conftest import SCENARIOS
from .helpers import click, find_button, press, settle, texts

SCENARIO = SCENARIOS / "city_hospital.yaml"
SEED = 3


@cache
def recorded_game() -> tuple[Any, str]:
    """City hospital, seed 3, every vendor played by the AI to the end, and its save as the
    game writes it (with its setup in the meta); played once per test run."""
    spec = load_scenario(SCENARIO)
    state = play_game(spec, SEED)
    assert state.over
    setup = GameSetup(scenario_path=str(SCENARIO), scenario_id=spec.id, seed=SEED)
    session = Session(state, setup, team_vendor(spec).id)
    return state, save_text(state, session.meta(), game_id=session.game_id, language="en")


@cache
def chart_pngs(lang: str) -> dict[str, bytes]:
    """The recorded game's charts in one language, drawn once per test run (seconds each)."""
    return render_charts(build_debrief(recorded_game()[0], None, lang))


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("recorded") / "finished.json"
    path.write_text(recorded_game()[1], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pngs() -> dict[str, dict[str, bytes]]:
    return {lang: chart_pngs(lang) for lang in ("zh", "en")}


def open_debrief(make_app: Any, recorded: Path, lang: str = "en",
                 size: tuple[int, int] = (1280, 720),
                 pngs: dict[str, dict[str, bytes]] | None = None) -> tuple[Any, DebriefScene]:
    """Open the save as the Load screen does, then click the outcome's Debrief button."""
    app = make_app(lang, "menu", size)
    app.apply(open_save(app, recorded))
    app.step(0.016, [])
    assert isinstance(app.stack.top, OutcomeScene)
    click(app, find_button(app, app.tr("ui.outcome.debrief")))
    scene = app.stack.top
    assert isinstance(scene, DebriefScene)
    if pngs:
        scene.pngs.update(pngs)
    return app, scene


def squash(text: str) -> str:
    return "".join(text.split())


def doc_text(doc: Doc) -> str:
    """All the words on a page, without the spaces and line breaks wrapping put in."""
    return "".join(squash(op.text) for op in doc.ops if isinstance(op, TextOp))


def shows(doc: Doc, *items: str) -> None:
    page = doc_text(doc)
    for item in items:
        assert squash(item) in page, f"{item!r} is not on the page"


def to_tab(app: Any, scene: DebriefScene, tab: str) -> None:
    click(app, scene.tab_buttons[tab])
    assert scene.tab == tab


def test_load_game_opens_a_finished_save_into_outcome_and_debrief(make_app, recorded: Path,  # type: ignore[no-untyped-def]
                                                                  private_dirs: Path) -> None:
    folder = saves_dir(private_dirs / "data")
    folder.mkdir(parents=True)
    (folder / "finished.json").write_bytes(recorded.read_bytes())
    app = make_app("en", "load")
    assert isinstance(app.stack.top, LoadScene)
    click(app, find_button(app, app.tr("ui.load.load")))
    outcome = app.stack.top
    assert isinstance(outcome, OutcomeScene)
    d = outcome.data
    shows(outcome.docs[0], d["outcome"]["banner"], d["outcome"]["winner_name"])
    shows(outcome.docs[1], *[m["title"] for m in d["moments"]])
    press(app, pygame.K_RETURN)  # Enter is the Debrief button
    assert isinstance(app.stack.top, DebriefScene)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is outcome
    click(app, find_button(app, app.tr("ui.outcome.again")))
    assert isinstance(app.stack.top, NewGameScene)
    assert [type(s) for s in app.stack.scenes] == [MenuScene, NewGameScene]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_tab_shows_its_section(make_app, recorded: Path, lang: str,  # type: ignore[no-untyped-def]
                                     pngs: dict[str, dict[str, bytes]]) -> None:
    app, scene = open_debrief(make_app, recorded, lang, pngs=pngs)
    d = scene.data
    assert d["lang"] == lang and d["outcome"]["verdict"] == "lost"
    to_tab(app, scene, "outcome")
    dec = d["decision"]
    shows(scene.docs["outcome"], d["outcome"]["banner"], *[b["price_text"] for b in dec["bids"]],
          *[e["sway_text"] for e in dec["evaluators"]])
    to_tab(app, scene, "motives")
    shows(scene.docs["motives"], *[m["text"] for p in d["motives"] for m in p["motives"]],
          *[m["found_text"] for p in d["motives"] for m in p["motives"]])
    to_tab(app, scene, "coordination")
    shows(scene.docs["coordination"], *[r["role_name"] for r in d["coordination"]["roles"]],
          *[b for p in d["ledger"] for b in p["best"]])
    to_tab(app, scene, "lost")
    lo = d["lost_order"]
    shows(scene.docs["lost"], lo["title"], *[c["text"] for c in lo["causes"]],
          lo["winner"]["price"], lo["ours"]["price"])
    to_tab(app, scene, "moments")
    shows(scene.docs["moments"], *[m["title"] for m in d["moments"]],
          *[m["text"] for m in d["moments"]])
    assert [w for _, w in scene.moment_buttons] == [m["week"] for m in d["moments"]]
    to_tab(app, scene, "charts")
    assert set(scene.images) == {"support", "funnel", "c931", "spend", "timeline"}
    assert scene.page is not None and scene.page.get_width() <= scene.view.width
    to_tab(app, scene, "timeline")
    timeline_holds_every_entry(scene, d)
    to_tab(app, scene, "whatif")
    row = d["timeline"][scene.whatif_week - 1]
    shows(scene.docs["whatif"], *[a["effect_text"] for a in row["ours"]])


def timeline_holds_every_entry(scene: DebriefScene, d: dict[str, Any]) -> None:
    """Each move appears once per role that made it, each event once, in its week's column."""
    grid = scene.grid
    assert grid is not None
    expected = sum(len(w["events"]) + len(w["intel"])
                   + sum(max(1, len(a["roles"])) for a in w["ours"])
                   + sum(len(a["roles"]) for a in w["rivals"]) for w in d["timeline"])
    assert len(grid.entries) == expected
    rows = {r.key: r for r in grid.rows}
    for e in grid.entries:
        assert e.rect.left // WEEK_W == e.week - 1
        key = next(k for k, r in rows.items() if r.top <= e.rect.top < r.top + r.height)
        if e.kind == "rival":
            assert key.startswith(f"rival:{e.item['vendor']}:")
        elif e.kind == "ours" and e.item["roles"]:
            assert key.split(":")[1] in e.item["roles"]


def test_timeline_points_and_clicks_explain_entries(make_app, recorded: Path) -> None:  # type: ignore[no-untyped-def]
    app, scene = open_debrief(make_app, recorded, "en")
    to_tab(app, scene, "timeline")
    grid = scene.grid
    assert grid is not None
    shows(scene.docs["detail"], app.tr("ui.debrief.detail.hint"))

    def point(index: int, kind: int = pygame.MOUSEMOTION) -> None:
        rect = grid.entries[index].rect
        scene.scroll.x, scene.scroll.y = rect.left - 20, rect.top - 20
        scene.scroll.clamp()
        body = scene._grid_body()
        pos = (body.left + rect.centerx - scene.scroll.x, body.top + rect.centery - scene.scroll.y)
        settle(app)
        if kind == pygame.MOUSEMOTION:
            app.step(0.016, [pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
        else:
            app.step(0.016, [pygame.event.Event(kind, pos=pos, button=1)])

    rival = next(i for i, e in enumerate(grid.entries) if e.kind == "rival"
                 and e.item["reason_text"])
    point(rival)
    assert scene.focus == rival
    item = grid.entries[rival].item
    shows(scene.docs["detail"], item["reason_text"], item["effect_text"], item["vendor_name"])
    ours = next(i for i, e in enumerate(grid.entries) if e.kind == "ours")
    point(ours, pygame.MOUSEBUTTONDOWN)
    assert scene.pinned == ours
    shows(scene.docs["detail"], grid.entries[ours].item["effect_text"])
    app.step(0.016, [pygame.event.Event(pygame.MOUSEMOTION, pos=(2, 2), rel=(0, 0),
                                        buttons=(0, 0, 0))])
    assert scene.focus == ours, "the clicked entry stays in the strip"


def test_scrolling_by_wheel_keys_and_scrollbar(make_app, recorded: Path) -> None:  # type: ignore[no-untyped-def]
    app, scene = open_debrief(make_app, recorded, "en")
    to_tab(app, scene, "motives")
    scroll = scene.scroll
    assert scroll.max_y > 0 and scroll.y == 0
    settle(app)
    app.step(0.016, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False)])
    assert scroll.y == 120
    press(app, pygame.K_END)
    assert scroll.y == scroll.max_y
    press(app, pygame.K_HOME)
    assert scroll.y == 0
    track = scene._v_track()
    thumb = scroll.v_thumb(track)
    assert thumb is not None
    settle(app)
    app.step(0.016, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=thumb.center, button=1),
                     pygame.event.Event(pygame.MOUSEMOTION, pos=(thumb.centerx, track.bottom),
                                        rel=(0, 0), buttons=(1, 0, 0)),
                     pygame.event.Event(pygame.MOUSEBUTTONUP, pos=thumb.center, button=1)])
    assert scroll.y == scroll.max_y
    to_tab(app, scene, "timeline")
    settle(app)
    app.step(0.016, [pygame.event.Event(pygame.MOUSEWHEEL, x=3, y=0, flipped=False)])
    assert scene.scroll.x == 180
    to_tab(app, scene, "motives")
    assert scene.scroll.y == scroll.max_y, "each tab keeps its own place"


def test_tabs_by_keyboard(make_app, recorded: Path) -> None:  # type: ignore[no-untyped-def]
    app, scene = open_debrief(make_app, recorded, "en")
    press(app, pygame.K_4)
    assert scene.tab == TABS[3]
    press(app, pygame.K_TAB)
    assert scene.tab == TABS[4]
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert scene.tab == TABS[2]


@pytest.mark.parametrize("start", ["zh", "en"])
def test_language_switch_relabels_the_debrief(make_app, recorded: Path, start: str) -> None:  # type: ignore[no-untyped-def]
    other = "en" if start == "zh" else "zh"
    app, scene = open_debrief(make_app, recorded, start)
    to_tab(app, scene, "motives")
    before = doc_text(scene.docs["motives"])
    click(app, scene.w["lang"])
    assert app.tr.language == other and app.stack.top is scene and scene.tab == "motives"
    assert scene.data["lang"] == other
    assert scene.tab_buttons["motives"].text == app.tr("ui.debrief.tab.motives")
    shows(scene.docs["motives"], scene.data["motives"][0]["motives"][0]["text"])
    assert doc_text(scene.docs["motives"]) != before
    assert app.tr("ui.debrief.export") in texts(app)


def test_charts_render_off_the_frame_path(make_app, recorded: Path) -> None:  # type: ignore[no-untyped-def]
    app, scene = open_debrief(make_app, recorded, "en")
    assert not scene.chart_jobs, "no chart is drawn before the tab is opened"
    to_tab(app, scene, "charts")
    assert "en" in scene.chart_jobs and app.tr("ui.debrief.charts_drawing") in texts(app)
    scene.finish_jobs()
    app.step(0.016, [])
    assert set(scene.pngs) == {"en"} and not scene.chart_jobs
    sizes = set()
    for name in ("support", "funnel", "c931", "spend", "timeline"):
        click(app, scene.chart_buttons[name])
        assert scene.chart == name and scene.page is not None
        assert scene.page.get_width() <= scene.view.width
        sizes.add(scene.page.get_size())
    assert len(sizes) > 1, "each button shows its own chart"


def test_export_writes_the_report_into_the_data_folder(make_app, recorded: Path,  # type: ignore[no-untyped-def]
                                                       private_dirs: Path,
                                                       pngs: dict[str, dict[str, bytes]]) -> None:
    app, scene = open_debrief(make_app, recorded, "en", pngs=pngs)
    click(app, scene.w["export"])
    assert not scene.w["export"].is_enabled
    scene.finish_jobs()
    app.step(0.016, [])
    reports = list((private_dirs / "data" / "reports").glob("debrief-*.html"))
    assert len(reports) == 1
    page = reports[0].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and scene.data["outcome"]["banner"] in page
    assert reports[0].stat().st_mode & 0o044 == 0o044
    assert scene.status == app.tr("ui.debrief.exported", path=str(reports[0]))
    assert any(reports[0].name in t for t in texts(app)), "the window says where it went"


def test_whatif_restart_is_the_game_as_it_stood(make_app, recorded: Path,  # type: ignore[no-untyped-def]
                                                private_dirs: Path) -> None:
    app, scene = open_debrief(make_app, recorded, "en")
    to_tab(app, scene, "moments")
    button, week = scene.moment_buttons[1]
    click(app, button)
    assert scene.tab == "whatif" and scene.whatif_week == week
    click(app, scene.w["plus"])
    click(app, scene.w["minus"])
    click(app, scene.w["minus"])
    week -= 1
    assert scene.whatif_week == week
    click(app, find_button(app, app.tr("ui.debrief.whatif.restart", week=week)))
    board = app.stack.top
    assert isinstance(board, BoardScene)
    state = board.session.state
    original = load_game(recorded)
    assert state.week == week and not state.over
    assert state_hash(state) == state_hash(replay(original.spec, original.seed, original.plans,
                                                  weeks=week - 1))
    assert scene.kept is not None and scene.kept.parent == saves_dir(private_dirs / "data")
    assert state_hash(load_game(scene.kept)) == state_hash(original), "the finished game is kept"
    autosave = autosave_path(board.session.game_id, saves_dir(private_dirs / "data"))
    assert load_meta(autosave)["week"] == week and load_meta(autosave)["in_progress"]
    assert board.session.game_id != read_info(scene.kept).game_id, "a what-if is its own game"


def test_whatif_refuses_a_save_that_no_longer_replays(make_app, recorded: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    state = load_game(recorded)
    team = load_meta(recorded)["team"]
    state.plans[0][team] = []  # the record no longer leads to its own history
    session = Session(state, setup_from_meta(load_meta(recorded), state), team)
    scene = DebriefScene(app, session, tab="whatif")
    app.apply(Push(scene))
    app.step(0.016, [])
    scene.pick_week(6)
    app.step(0.016, [])
    click(app, scene.w["restart"])
    assert app.stack.top is scene
    assert scene.error == app.tr("report.whatif.diverged")
    shows(scene.docs["whatif_note"], scene.error)
