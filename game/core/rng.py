"""A small seeded RNG whose whole state is one integer, so it lives inside GameState.

SplitMix64: fast in pure Python, trivially serialisable and hashable, and identical on every
platform, which keeps replays and saves exact.
"""

from __future__ import annotations

from typing import Protocol

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_INV_2_53 = 1.0 / 9007199254740992.0


def seed_state(seed: int) -> int:
    """Spread a user seed so that nearby seeds give unrelated streams."""
    return mix(seed & MASK64)


def mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


class _Holder(Protocol):
    rng: int


class Rng:
    """Draws from and advances `holder.rng`; the holder is the game state."""

    __slots__ = ("holder",)

    def __init__(self, holder: _Holder) -> None:
        self.holder = holder

    def next64(self) -> int:
        s = (self.holder.rng + _GOLDEN) & MASK64
        self.holder.rng = s
        return mix(s)

    def random(self) -> float:
        # next64 and mix written out: the engine draws tens of thousands of times a game
        holder = self.holder
        z = (holder.rng + _GOLDEN) & MASK64
        holder.rng = z
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return ((z ^ (z >> 31)) >> 11) * _INV_2_53

    def chance(self, p: float) -> bool:
        return self.random() < p

    def uniform(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self.random()

    def randint(self, n: int) -> int:
        """A whole number in [0, n)."""
        return self.next64() % n if n > 0 else 0

    def shuffle(self, items: list) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self.randint(i + 1)
            items[i], items[j] = items[j], items[i]

    def choice(self, items: list):
        return items[self.randint(len(items))]
