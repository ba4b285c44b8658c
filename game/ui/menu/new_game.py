"""New game: scenario, mode, who plays each role, the rivals and the seed."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIDropDownMenu, UITextEntryLine

from game.scenario.models import Difficulty, Playbook
from game.ui import router
from game.ui.catalog import ScenarioEntry, list_scenarios
from game.ui.scene import Command, Pop, Scene
from game.ui.setup import MAX_SEED, ROLES, GameSetup, Mode, parse_seed
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    fit,
    is_pressed,
    label,
    page_header,
    para,
    text_box,
    toggle_row,
)


class NewGameScene(Scene):
    title_key = "ui.new_game.title"

    def __init__(self, ctx, mode: Mode = "solo", scenario: Path | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.entries: list[ScenarioEntry] = [e for e in list_scenarios(ctx.scenarios_dir) if e.ok]
        self.index = 0
        if scenario is not None:
            self.index = next(
                (i for i, e in enumerate(self.entries) if e.path == Path(scenario)), 0
            )
        self.setup: GameSetup | None = None
        self.mode: Mode = mode
        self._reset_setup()
        self.widgets: dict[str, object] = {}
        self.scenario_menu: UIDropDownMenu | None = None
        self.mode_buttons: dict[str, UIButton] = {}
        self.role_buttons: dict[tuple[str, str], UIButton] = {}
        self.rival_menus: dict[tuple[int, str], UIDropDownMenu] = {}
        self.seed_entry: UITextEntryLine | None = None
        self.problem_label = None
        self.cards: list[pygame.Rect] = []

    def _reset_setup(self) -> None:
        if not self.entries:
            self.setup = None
            return
        entry = self.entries[self.index]
        assert entry.spec is not None
        seed = self.setup.seed if self.setup is not None else None
        self.setup = GameSetup.default_for(entry.spec, entry.path, self.mode, seed)

    # layout ------------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.role_buttons.clear()
        self.rival_menus.clear()
        self.widgets["back"] = page_header(ctx, tr(f"ui.new_game.title_{self.mode}"))
        area = content_rect(ctx.size, bottom=84)
        if self.setup is None:
            self.cards = [area]
            label(ctx, (area.left + 32, area.top + 32, area.width - 64, 30),
                  tr("ui.library.empty"), "#body")
            return
        left_w = int(area.width * 0.46)
        left = pygame.Rect(area.left, area.top, left_w, area.height)
        right = pygame.Rect(area.left + left_w + 20, area.top, area.width - left_w - 20,
                            area.height)
        self.cards = [left, right]
        self._build_left(left)
        self._build_right(right)
        self._build_footer(area)

    def _build_left(self, card: pygame.Rect) -> None:
        ctx, tr, setup = self.ctx, self.ctx.tr, self.setup
        assert setup is not None
        x, w = card.left + 24, card.width - 48
        y = card.top + 16
        label(ctx, (x, y, w, 24), tr("ui.new_game.scenario"), "#section")
        options = [(fit(tr.pick(e.spec.title) if e.spec else e.path.name, w - 60), str(i))
                   for i, e in enumerate(self.entries)]
        self.scenario_menu = UIDropDownMenu(
            options, options[self.index], pygame.Rect(x, y + 28, w, BUTTON_H), ctx.manager,
            expansion_height_limit=260,
        )
        self.scenario_menu.set_tooltip(tr("ui.new_game.scenario_tip"))
        spec = self.entries[self.index].spec
        assert spec is not None
        brief_h = max(90, card.height - 340)
        text_box(ctx, (x, y + 82, w, brief_h), para(tr.pick(spec.summary), w - 32),
                 "#plain_text")
        y += 90 + brief_h
        label(ctx, (x, y, w, 24), tr("ui.new_game.mode"), "#section")
        self.mode_buttons = toggle_row(ctx, x, y + 28, [
            ("solo", tr("ui.new_game.mode_solo"), tr("ui.new_game.mode_solo_tip")),
            ("team", tr("ui.new_game.mode_team"), tr("ui.new_game.mode_team_tip")),
        ], setup.mode, width=min(200, (w - 8) // 2))
        label(ctx, (x, y + 76, w, 24), tr(f"ui.new_game.mode_{setup.mode}_hint"), "#muted")
        y += 116
        label(ctx, (x, y, w, 24), tr("ui.new_game.seed"), "#section")
        self.seed_entry = UITextEntryLine(pygame.Rect(x, y + 28, 150, BUTTON_H), ctx.manager,
                                          initial_text=str(setup.seed))
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.length_limit = 10
        self.seed_entry.set_tooltip(tr("ui.new_game.seed_tip"))
        self.widgets["reroll"] = button(ctx, (x + 160, y + 28, 130, BUTTON_H),
                                        tr("ui.new_game.reroll"), tr("ui.new_game.reroll_tip"))

    def _build_right(self, card: pygame.Rect) -> None:
        ctx, tr, setup = self.ctx, self.ctx.tr, self.setup
        assert setup is not None
        x, w = card.left + 24, card.width - 48
        y = card.top + 16
        rows = len(ROLES) + 1 + len(setup.rivals)
        step = max(40, min(BUTTON_H + 4, (card.height - 16 - 30 - 14 - 8) // rows))
        bh = step - 4
        label(ctx, (x, y, w, 24), tr("ui.new_game.roles"), "#section")
        y += 30
        toggle_w = 96
        for role in ROLES:
            label(ctx, (x, y + (bh - 28) // 2, w - 2 * toggle_w - 20, 28), tr(f"ui.role.{role}"),
                  "#body", tip=tr(f"ui.role.{role}_tip"))
            human = setup.humans[role]
            for k, (value, text_key) in enumerate((("human", "ui.new_game.human"),
                                                   ("ai", "ui.new_game.ai"))):
                on = (value == "human") == human
                btn = button(ctx, (x + w - 2 * toggle_w - 8 + k * (toggle_w + 8), y,
                                   toggle_w, bh), tr(text_key),
                             tr(f"ui.new_game.{value}_tip"), "#toggle_on" if on else None)
                self.role_buttons[(role, value)] = btn
            y += step
        y += 14
        label(ctx, (x, y + (bh - 24) // 2, w - 200, 24), tr("ui.new_game.rivals"), "#section")
        self.widgets["fewer"] = button(ctx, (x + w - 150, y, 44, bh), "−",
                                       tr("ui.new_game.fewer_tip"))
        label(ctx, (x + w - 100, y + (bh - 32) // 2, 50, 32), str(setup.rival_count),
              "#heading")
        self.widgets["more"] = button(ctx, (x + w - 44, y, 44, bh), "+",
                                      tr("ui.new_game.more_tip"))
        if setup.rival_count <= 1:
            self.widgets["fewer"].disable()  # type: ignore[attr-defined]
        if setup.rival_count >= len(setup.rivals):
            self.widgets["more"].disable()  # type: ignore[attr-defined]
        y += step
        spec = self.entries[self.index].spec
        assert spec is not None
        names = {v.id: tr.pick(v.name) for v in spec.vendors}
        pw, dw = 160, 124
        name_w = max(120, w - pw - dw - 8)
        play_opts = [(tr(f"ui.playbook.{p.value}"), p.value) for p in Playbook]
        diff_opts = [(tr(f"ui.difficulty.{d.value}"), d.value) for d in Difficulty]
        for i, rival in enumerate(setup.rivals):
            if not rival.enabled:
                continue
            label(ctx, (x, y + (bh - 28) // 2, name_w - 8, 28),
                  names.get(rival.vendor_id, rival.vendor_id), "#body")
            start = next(o for o in play_opts if o[1] == rival.playbook)
            menu = UIDropDownMenu(play_opts, start, pygame.Rect(x + name_w, y, pw, bh),
                                  ctx.manager)
            menu.set_tooltip(tr("ui.new_game.playbook_tip"))
            self.rival_menus[(i, "playbook")] = menu
            start = next(o for o in diff_opts if o[1] == rival.difficulty)
            menu = UIDropDownMenu(diff_opts, start, pygame.Rect(x + name_w + pw + 8, y, dw, bh),
                                  ctx.manager)
            menu.set_tooltip(tr("ui.new_game.difficulty_tip"))
            self.rival_menus[(i, "difficulty")] = menu
            y += step

    def _build_footer(self, area: pygame.Rect) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        y = area.bottom + 20
        self.widgets["start"] = button(ctx, (area.right - 240, y, 240, BUTTON_H + 4),
                                       tr("ui.new_game.start"), tr("ui.new_game.start_tip"),
                                       "#primary")
        self.problem_label = label(ctx, (area.left, y + 10, area.width - 260, 28), "",
                                   "#warning")
        self._show_problems()

    def _show_problems(self) -> None:
        if self.setup is None or self.problem_label is None:
            return
        problems = self.setup.problems()
        text = " · ".join(self.ctx.tr(p) for p in problems)
        self.problem_label.set_text(text)
        start = self.widgets.get("start")
        if isinstance(start, UIButton):
            if problems:
                start.disable()
            else:
                start.enable()

    # input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        ctx = self.ctx
        if is_pressed(event, self.widgets.get("back")) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        ):
            ctx.play_sound("back")
            return Pop()
        setup = self.setup
        if setup is None:
            return None
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            return self._dropdown(event)
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.seed_entry:
            value = parse_seed(event.text)
            setup.seed = value if value is not None else -1
            self._show_problems()
            return None
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if not setup.problems() and not (self.seed_entry and self.seed_entry.is_focused):
                return self.start()
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        for value, widget in self.mode_buttons.items():
            if event.ui_element is widget:
                self.mode = setup.mode = value  # type: ignore[assignment]
                if value == "team":
                    setup.humans = dict.fromkeys(ROLES, True)
                return self._changed()
        for (role, value), widget in self.role_buttons.items():
            if event.ui_element is widget and (value == "human") != setup.humans[role]:
                setup.toggle_human(role)
                return self._changed()
        if is_pressed(event, self.widgets.get("fewer")):
            setup.set_rival_count(setup.rival_count - 1)
            return self._changed()
        if is_pressed(event, self.widgets.get("more")):
            setup.set_rival_count(setup.rival_count + 1)
            return self._changed()
        if is_pressed(event, self.widgets.get("reroll")):
            setup.seed = random.randint(1, MAX_SEED)
            return self._changed()
        if is_pressed(event, self.widgets.get("start")) and not setup.problems():
            return self.start()
        return None

    def _dropdown(self, event: pygame.event.Event) -> Command | None:
        assert self.setup is not None
        option = str(event.selected_option_id)
        if event.ui_element is self.scenario_menu and option.isdigit():
            self.index = int(option)
            self._reset_setup()
            return self._changed()
        for (i, kind), menu in self.rival_menus.items():
            if event.ui_element is menu:
                setattr(self.setup.rivals[i], kind, option)
                return self._changed()
        return None

    def _changed(self) -> None:
        self.ctx.play_sound("click")
        self.ctx.request_rebuild()
        return None

    def start(self) -> Command | None:
        if self.setup is None:
            return None
        entry = self.entries[self.index]
        assert entry.spec is not None
        self.ctx.play_sound("confirm")
        return router.push("briefing", self.ctx, entry.spec, self.setup)

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)
