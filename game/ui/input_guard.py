"""No input carries into the next scene, and nothing is confirmed unseen.

A person's rhythm meets a changing screen in three ways: a key held down repeats into the
scene that its first press opened; a second press or click of a quick pair (a double click,
Enter pressed twice) lands on a dialog the first one opened before anyone could read it;
and a slow rebuild queues presses that the new scene would then receive. The guard sits in
front of every scene and drops:

- a key's repeats for Enter, keypad Enter, Space and Esc (each press acts once);
- any key that was already down when the scene changed, until it is released;
- key presses and mouse buttons until the new scene has been on screen for ``settle_s``
  (counted from its first drawn frame, so a slow rebuild does not eat into it);
- a mouse release whose press belonged to the scene before.

Time is the frames' own ``dt`` plus the time a frame spent before showing a new scene, so
headless tests can play a person's rhythm exactly and a slow frame still counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

#: seconds a new scene must have been visible before a key or click counts
SETTLE_S = 0.3
#: keys that confirm, cancel or plan: one press, one action, never a repeat
ONCE_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE})


@dataclass
class InputGuard:
    settle_s: float = SETTLE_S
    now: float = 0.0
    #: when the current scene was first drawn; None while it has not been yet
    shown_at: float | None = 0.0
    held: set[int] = field(default_factory=set)
    stale: set[int] = field(default_factory=set)  # held since before the scene appeared
    mouse_down: bool = False
    mouse_stale: bool = False
    dropped: int = 0  # for tests and the curious

    def tick(self, dt: float) -> None:
        self.now += max(0.0, dt)

    def scene_changed(self) -> None:
        """The top scene changed: what is held now belongs to the old one."""
        self.shown_at = None
        self.stale |= self.held
        if self.mouse_down:
            self.mouse_stale = True

    def shown(self, busy: float = 0.0) -> None:
        """A frame was drawn: the first one after a change starts the settling time.

        ``busy`` is how long this frame took before its flip (building a scene can take a
        while on a busy machine): the settling time starts when the player could see it,
        so the presses queued while it was being built are dropped too.
        """
        if self.shown_at is None:
            self.shown_at = self.now + max(0.0, busy)

    def settled(self) -> None:
        """Let the settling time pass at once (a person who has looked at the screen:
        headless tests and scripted tours)."""
        start = self.now if self.shown_at is None else self.shown_at
        self.shown_at = start
        self.now = max(self.now, start + self.settle_s)

    def settling(self) -> bool:
        return self.shown_at is None or self.now - self.shown_at < self.settle_s

    def drops(self, event: Any) -> bool:
        """Whether ``event`` must not reach the GUI or the scene (and remember why)."""
        kind = event.type
        if kind == pygame.KEYUP:
            self.held.discard(event.key)
            self.stale.discard(event.key)
            return False
        if kind == pygame.KEYDOWN:
            key = event.key
            repeat = key in self.held
            self.held.add(key)
            drop = key in self.stale or (repeat and key in ONCE_KEYS)
            if not drop and self.settling():
                self.stale.add(key)
                drop = True
            self.dropped += drop
            return drop
        if kind == pygame.MOUSEBUTTONDOWN:
            self.mouse_down = True
            self.mouse_stale = self.settling()
            self.dropped += self.mouse_stale
            return self.mouse_stale
        if kind == pygame.MOUSEBUTTONUP:
            drop = self.mouse_stale
            self.mouse_down = self.mouse_stale = False
            self.dropped += drop
            return drop
        if kind == pygame.MOUSEWHEEL:
            return self.settling()
        return False
