"""The window, the main loop and the scene stack: ``run_app`` is what ``play`` calls."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from game.ui.i18n import Translator
from game.ui.input_guard import InputGuard
from game.ui.options import AppOptions
from game.ui.scene import Command, Quit, SceneStack
from game.ui.settings import MIN_SIZE, Settings, load_settings, save_settings
from game.ui.sound import SoundBoard

#: ``--start`` names that open a registered scene with arguments
START: dict[str, tuple[str, dict[str, Any]]] = {
    "new_game": ("new_game", {"mode": "solo"}),
    "new_team_game": ("new_game", {"mode": "team"}),
}


_INPUT: set[int] = set()  # the player's events that widgets answer by posting their own
_WIDGET_EVENTS: list[int] = []  # pygame_gui's event types (its ``UI_*`` constants)


def _widget_events() -> list[int]:
    if not _WIDGET_EVENTS:
        import pygame
        import pygame_gui

        _INPUT.update({pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.KEYDOWN,
                       pygame.KEYUP, pygame.MOUSEWHEEL, pygame.TEXTINPUT})
        _WIDGET_EVENTS.extend(sorted({value for name, value in vars(pygame_gui).items()
                                      if name.startswith("UI_") and isinstance(value, int)}))
    return _WIDGET_EVENTS


class App:
    """Owns pygame, the GUI manager and the scene stack; scenes see it as a ``UIContext``."""

    def __init__(self, options: AppOptions | None = None) -> None:
        import pygame

        from game.ui import theme
        from game.ui.gui_manager import Manager
        from game.ui.widgets import clear_text_caches

        self.options = options or AppOptions()
        if self.options.config_dir is not None:
            os.environ["DEALCRAFT_CONFIG_DIR"] = str(self.options.config_dir)
        if self.options.data_dir is not None:
            os.environ["DEALCRAFT_DATA_DIR"] = str(self.options.data_dir)
        self.settings: Settings = load_settings()
        if self.options.lang:
            self.settings.language = self.options.lang
        if self.options.text_size:
            self.settings.text_size = self.options.text_size
        if self.options.fullscreen is not None:
            self.settings.fullscreen = bool(self.options.fullscreen)
        if self.options.width and self.options.height:
            self.settings.width, self.settings.height = self.options.width, self.options.height
        self.settings.normalised()
        self.tr = Translator(self.settings.language)

        pygame.init()
        _widget_events()
        theme.font.cache_clear()  # fonts from an earlier pygame session are dead
        clear_text_caches()
        pygame.key.set_repeat(400, 40)
        self._windowed_size = (self.settings.width, self.settings.height)
        self.window = self._open_window(self.settings.fullscreen)
        self.scale = 1.0
        self.screen = self.window  # what scenes draw on: the window, or a smaller canvas
        self._fit_canvas()
        # Every text element names the theme's own CJK font, and the scenes pass text already
        # translated, so pygame_gui's locale only picks its fallback font: keep it Latin (0.6
        # MB) instead of loading its 9 MB Chinese face from package data a second time.
        self.manager = Manager(self.screen.get_size(), theme.build_theme(),
                               starting_language="en")
        self.manager.mouse_pos_scale_factor = [1 / self.scale, 1 / self.scale]
        self.clock = pygame.time.Clock()
        self.sounds = SoundBoard()
        self._sync_sound()
        self.stack = SceneStack()
        # long-lived network services a scene started (a workshop's host, a team's link):
        # each has ``async aclose()``, awaited when the window closes
        self.services: list[Any] = []
        #: a scene to open over the menu at start (``host`` and ``join`` open their window)
        self.first: tuple[str, tuple[Any, ...], dict[str, Any]] | None = None
        self._posted: list[Command] = []
        self.guard = InputGuard()
        self._rebuild = False
        self.frame = 0

    # --- UIContext -------------------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    @property
    def scenarios_dir(self) -> Path:
        from game.ui.catalog import SCENARIO_DIR

        return self.options.scenarios or SCENARIO_DIR

    @property
    def data_dir(self) -> Path:
        from game.ui.settings import data_dir

        return data_dir()

    def set_language(self, language: str) -> None:
        if language == self.tr.language:
            return
        self.tr.set_language(language)
        self.settings.language = language
        self.save_settings()
        self.request_rebuild()

    def set_fullscreen(self, on: bool) -> None:
        if on == self.settings.fullscreen:
            return
        self.settings.fullscreen = on
        self.window = self._open_window(on)
        self._fit_canvas()
        self.save_settings()
        self.request_rebuild()

    def set_text_size(self, value: str) -> None:
        """Normal, large, or the projector preset (see ``settings.ui_scale``)."""
        if value == self.settings.text_size:
            return
        self.settings.text_size = value
        self.settings.normalised()
        self._fit_canvas()
        self.save_settings()
        self.request_rebuild()

    def _fit_canvas(self) -> None:
        """Scenes lay out for the canvas; a scale above 1 draws the canvas smaller than the
        window and enlarges it on the way out, so every text and control grows alike and a
        layout that fits 1280x720 fits a projector at 1.5x without a line of its own."""
        import pygame

        from game.ui.settings import ui_scale

        size = self.window.get_size()
        self.scale = ui_scale(self.settings.text_size, size)
        if self.scale == 1.0:
            self.screen = self.window
        else:
            logical = (round(size[0] / self.scale), round(size[1] / self.scale))
            if self.screen is self.window or self.screen.get_size() != logical:
                self.screen = pygame.Surface(logical).convert()
        manager = getattr(self, "manager", None)
        if manager is not None:
            manager.set_window_resolution(self.screen.get_size())
            manager.mouse_pos_scale_factor = [1 / self.scale, 1 / self.scale]

    def save_settings(self) -> None:
        self._sync_sound()
        try:
            save_settings(self.settings)
        except OSError as error:  # a read-only home must not stop the game
            print(f"dealcraft: settings not saved: {error}", file=sys.stderr)

    def play_sound(self, name: str) -> None:
        self.sounds.play(name)

    def request_rebuild(self) -> None:
        self._rebuild = True

    def post(self, command: Command) -> None:
        """A scene command from outside the scenes (a message from the workshop's host:
        the week resolved, the game ended), applied at the start of the next frame."""
        self._posted.append(command)

    def autosave(self, session: Any) -> None:
        """Save the game in progress to its own slot in the user's data folder (every week)."""
        try:
            session.autosave(self.data_dir, self.tr.language)
        except OSError as error:
            print(f"dealcraft: autosave failed: {error}", file=sys.stderr)

    # --- window ----------------------------------------------------------------------------
    def _open_window(self, fullscreen: bool) -> Any:
        import pygame

        if fullscreen:
            sizes = pygame.display.get_desktop_sizes() or [self._windowed_size]
            screen = pygame.display.set_mode(sizes[0], pygame.FULLSCREEN)
        else:
            screen = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        pygame.display.set_caption(self.tr("ui.app.title"))
        return screen

    def _resized(self, width: int, height: int) -> None:
        import pygame

        width, height = max(MIN_SIZE[0], width), max(MIN_SIZE[1], height)
        if self.settings.fullscreen:
            return
        self._windowed_size = (width, height)
        if self.window.get_size() != (width, height):
            self.window = pygame.display.set_mode((width, height), pygame.RESIZABLE)
        self._fit_canvas()
        self.settings.width, self.settings.height = width, height
        self.request_rebuild()

    def _sync_sound(self) -> None:
        self.sounds.enabled = self.settings.sound
        self.sounds.volume = self.settings.volume

    # --- scenes ----------------------------------------------------------------------------
    def apply(self, command: Command | None) -> None:
        if command is None:
            return
        if isinstance(command, Quit):
            self.save_settings()
        if self.stack.apply(command):
            self.guard.scene_changed()
            self.request_rebuild()

    def rebuild(self) -> None:
        import pygame

        self._rebuild = False
        self.manager.clear_and_reset()
        top = self.stack.top
        if top is not None:
            top.build()
            pygame.display.set_caption(f"{self.tr('ui.app.title')} · {self.tr(top.title_key)}")

    def push_start(self) -> None:
        """The main menu, with the ``--start`` scene on top of it when one is asked for."""
        from game.ui import router

        self.apply(router.push("menu", self))
        if self.first is not None:
            name, args, kwargs = self.first
            self.apply(router.push(name, self, *args, **kwargs))
        elif self.options.start != "menu":
            name, kwargs = START.get(self.options.start, (self.options.start, {}))
            self.apply(router.push(name, self, **kwargs))

    # --- loop ------------------------------------------------------------------------------
    def process_event(self, event: Any) -> None:
        import pygame

        if event.type == pygame.QUIT:
            self.apply(Quit(0))
            return
        if event.type == pygame.VIDEORESIZE:
            self._resized(event.w, event.h)
            return
        if self.guard.drops(event):
            return  # held from the scene before, or the new scene not yet seen long enough
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.set_fullscreen(not self.settings.fullscreen)
            return
        self.manager.process_events(event)  # pygame_gui scales mouse positions itself
        top = self.stack.top
        if top is not None and not self._rebuild:
            self.apply(top.handle_event(self._on_canvas(event)))

    def _on_canvas(self, event: Any) -> Any:
        """The event with its mouse position in canvas pixels (scenes lay out on the canvas)."""
        if self.scale == 1.0 or not hasattr(event, "pos"):
            return event
        import pygame

        data = dict(event.dict)
        data["pos"] = (int(event.pos[0] / self.scale), int(event.pos[1] / self.scale))
        if "rel" in data:
            data["rel"] = (int(event.rel[0] / self.scale), int(event.rel[1] / self.scale))
        return pygame.event.Event(event.type, data)

    def step(self, dt: float, events: list[Any] | None = None) -> None:
        """One frame: events, update, rebuild if needed, draw."""
        import pygame

        self._frame_start = time.perf_counter()
        if self.frame == 1:  # the first frame is on screen: make the sounds before a click
            self.sounds.prepare()
        self.guard.tick(dt)
        while self._posted:
            self.apply(self._posted.pop(0))
        for event in pygame.event.get() if events is None else events:
            self.process_event(event)
            if self.stack.quit_code is not None:
                return
            if event.type in _INPUT and self._answer_widgets():
                return
        top = self.stack.top
        if top is not None:
            self.apply(top.update(dt))
        if self._rebuild:
            self.rebuild()
        self.manager.update(dt)
        self.draw()
        self.frame += 1

    def _answer_widgets(self) -> bool:
        """What a widget posted in answer to an input event (a button's press, a list's
        pick), handled at once: the click's effect is drawn in the frame that read the
        click, not a frame later (pygame_gui posts it to the event queue, which the next
        frame would read, a whole frame period after the click). One event at a time, so a
        press that opens a dialog has opened it before the next click of a quick pair
        arrives, which the input guard then drops. Returns whether the game quits."""
        import pygame

        for _round in range(4):  # what answering posts in turn (bounded: never a loop)
            posted = pygame.event.get(eventtype=_widget_events(), pump=False)
            if not posted:
                break
            for event in posted:
                self.process_event(event)
                if self.stack.quit_code is not None:
                    return True
        return False

    def draw(self) -> None:
        import pygame

        from game.ui import theme

        top = self.stack.top
        if top is None or not top.opaque:
            self.screen.fill(theme.rgb(theme.BG))
        if top is not None and top.overlay and len(self.stack) > 1:
            self.stack.scenes[-2].draw(self.screen)
            self.screen.blit(self._veil(), (0, 0))
        if top is not None:
            top.draw(self.screen)
        self.manager.draw_ui(self.screen)
        self._draw_banner()
        if self.screen is not self.window:
            pygame.transform.smoothscale(self.screen, self.window.get_size(), self.window)
        pygame.display.flip()
        self.guard.shown(time.perf_counter() - getattr(self, "_frame_start", time.perf_counter()))

    def _draw_banner(self) -> None:
        """A service's one-line news over every scene (the connection to the workshop
        is lost and being retried; the trainer's message), so no scene has to know."""
        from game.ui import theme
        from game.ui.widgets import draw_text

        for service in self.services:
            banner = getattr(service, "banner", None)
            text = banner() if banner is not None else None
            if not text:
                continue
            import pygame

            from game.ui.widgets import fit, text_width

            w = self.screen.get_width()
            shown = fit(text.lstrip("!"), w - 120, theme.LABEL, True)
            width = text_width(shown, theme.LABEL, True) + 40
            rect = pygame.Rect((w - width) // 2, 4, width, 28)
            pygame.draw.rect(self.screen, theme.rgb(theme.DANGER if text.startswith("!")
                                                    else theme.ACCENT), rect, border_radius=14)
            draw_text(self.screen, shown, rect.center, theme.LABEL, "#FFFFFF", bold=True,
                      anchor="center")
            return

    def _veil(self) -> Any:
        """A translucent sheet that dims the scene under a dialog (kept per window size)."""
        import pygame

        from game.ui import theme

        size = self.screen.get_size()
        if getattr(self, "_veil_surface", None) is None or self._veil_surface.get_size() != size:
            self._veil_surface = pygame.Surface(size, pygame.SRCALPHA)
            self._veil_surface.fill((*theme.rgb(theme.INK), 90))
        return self._veil_surface

    def run(self) -> int:
        """The window's loop inside an asyncio loop, so a workshop's host and a team's
        connection run beside the frames in one thread (no locks around the game)."""
        import asyncio

        return asyncio.run(self.run_async())

    async def run_async(self) -> int:
        import asyncio

        import pygame

        if self.stack.top is None:
            self.push_start()
        period = 1.0 / max(1, self.options.fps)
        last = time.perf_counter()
        try:
            while self.stack.quit_code is None:
                now = time.perf_counter()
                dt, last = now - last, now
                self.step(dt)
                if self.options.frames is not None and self.frame >= self.options.frames:
                    break
                # the rest of the frame's time goes to the network (never less than a yield)
                await asyncio.sleep(max(0.0, period - (time.perf_counter() - now)))
            if self.options.screenshot is not None:
                self.screenshot(self.options.screenshot)
        finally:
            await self.close_services()
            self.save_settings()
            pygame.quit()
        return self.stack.quit_code or 0

    async def close_services(self) -> None:
        """Stop every service a scene started (each is told once, newest first)."""
        while self.services:
            service = self.services.pop()
            try:
                await service.aclose()
            except Exception as error:  # noqa: BLE001 - closing must reach every service
                print(f"dealcraft: closing {service!r}: {error!r}", file=sys.stderr)

    def screenshot(self, path: Path) -> None:
        import pygame

        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))


def run_app(argv_options: Any = None,
            first: tuple[str, tuple[Any, ...], dict[str, Any]] | None = None) -> int:
    """Open the game window and play until the player quits; returns the exit code.

    ``argv_options`` is the CLI's ``argparse.Namespace``, a dict, a list of command-line
    strings, or None; see ``game.ui.options`` for the fields. ``first`` names a scene to
    open over the menu (name, args, kwargs), as ``host`` and ``join`` do.
    """
    app = App(AppOptions.from_any(argv_options))
    app.first = first
    return app.run()


if __name__ == "__main__":
    sys.exit(run_app(sys.argv[1:]))
