"""The week's countdown, kept on the host: an absolute deadline while it runs, the time left
while it is paused (so a pause really holds the time), and nothing at all without a limit.

Clients are sent the seconds left and draw their own countdown from it; they never decide
when the week ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RoundClock:
    now: Callable[[], float] = field(default=time.monotonic, repr=False)
    deadline: float | None = None  # monotonic time the week ends, while running
    left: float | None = None  # seconds left, while paused
    limit: float | None = None  # seconds per week (None: no countdown)

    @property
    def running(self) -> bool:
        return self.deadline is not None

    @property
    def paused(self) -> bool:
        return self.left is not None

    def start(self, seconds: float | None) -> None:
        """A new week: the full time again (or no countdown)."""
        self.limit = seconds if seconds else None
        self.deadline = None if self.limit is None else self.now() + self.limit
        self.left = None

    def remaining(self) -> float | None:
        if self.deadline is not None:
            return max(0.0, self.deadline - self.now())
        return self.left

    def expired(self) -> bool:
        return self.deadline is not None and self.now() >= self.deadline

    def pause(self) -> bool:
        if self.deadline is None:
            if self.left is None and self.limit is None:
                self.left = float("inf")  # a pause without a countdown still holds the week
                return True
            return False
        self.left = max(0.0, self.deadline - self.now())
        self.deadline = None
        return True

    def resume(self) -> bool:
        if self.left is None:
            return False
        if self.left == float("inf"):
            self.left = None
            return True
        self.deadline = self.now() + self.left
        self.left = None
        return True

    def extend(self, seconds: float) -> None:
        """More time this week (a week without a countdown gets one)."""
        if self.deadline is not None:
            self.deadline += seconds
        elif self.left is not None and self.left != float("inf"):
            self.left += seconds
        elif self.left is None:
            self.deadline = self.now() + seconds

    def state(self) -> dict[str, Any]:
        left = self.remaining()
        return {
            "limit_s": self.limit,
            "left_s": None if left is None or left == float("inf") else round(left, 1),
            "paused": self.paused,
        }

    def freeze(self) -> dict[str, Any]:
        """What the session log keeps: the seconds left and whether it was paused."""
        left = self.remaining()
        return {"limit": self.limit, "paused": self.paused,
                "left": None if left is None or left == float("inf") else left}

    def thaw(self, d: dict[str, Any]) -> None:
        """Back from the log after a restart: a countdown comes back paused with the time it
        had, so the trainer decides when the room goes on; a week without one just goes on."""
        self.limit = d.get("limit")
        self.deadline = None
        left = d.get("left")
        self.left = None if left is None else float(left)
