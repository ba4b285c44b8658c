"""A small seeded RNG whose whole state is one 64-bit integer, so it lives inside the game.

SplitMix64: trivially serialisable and hashable, identical on every platform and in compiled
and interpreted runs, which keeps replays and saves exact. The game's dice are the state's own
`Rng`; an AI that needs randomness of its own (sampling hidden worlds, clumsy judgement) holds
a separate one seeded from its view, so it can never move the game's dice.
"""

from __future__ import annotations

import math
from typing import TypeVar

import cython

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_G = cython.declare(cython.ulonglong, _GOLDEN)
_M1 = cython.declare(cython.ulonglong, 0xBF58476D1CE4E5B9)
_M2 = cython.declare(cython.ulonglong, 0x94D049BB133111EB)
_INV_2_53 = cython.declare(cython.double, 1.0 / 9007199254740992.0)
_TWO_PI = cython.declare(cython.double, 2.0 * math.pi)
_T = TypeVar("_T")


def seed_state(seed: int) -> int:
    """Spread a user seed so that nearby seeds give unrelated streams."""
    return mix(seed & MASK64)


def world_seed(seed: int) -> int:
    """The customer's own stream (events, people moving on), apart from the vendors' dice."""
    return mix((seed ^ 0x5EED_C0FFEE_D1CE) & MASK64)


def mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


@cython.cclass
class Rng:
    """Draws from and advances its one 64-bit word `s`. (Tests may subclass it to fix the
    outcome of chances; the rules call it through the state's `dice`.)"""

    def __init__(self, s: int = 0) -> None:
        self.s = s & MASK64

    @cython.ccall
    def next64(self) -> cython.ulonglong:
        z: cython.ulonglong
        if cython.compiled:
            self.s += _G
            z = self.s
            z = (z ^ (z >> 30)) * _M1
            z = (z ^ (z >> 27)) * _M2
            return z ^ (z >> 31)
        self.s = (self.s + _GOLDEN) & MASK64
        return mix(self.s)

    @cython.ccall
    def random(self) -> cython.double:
        """A float in [0, 1) with 53 random bits."""
        return (self.next64() >> 11) * _INV_2_53

    @cython.ccall
    def chance(self, p: cython.double) -> cython.bint:
        return self.random() < p

    @cython.ccall
    def uniform(self, lo: cython.double, hi: cython.double) -> cython.double:
        return lo + (hi - lo) * self.random()

    @cython.ccall
    def randint(self, n: cython.longlong) -> cython.longlong:
        """A whole number in [0, n)."""
        if n <= 0:
            return 0
        return cython.cast(cython.longlong, self.next64() % cython.cast(cython.ulonglong, n))

    @cython.ccall
    def gauss(self, mu: cython.double, sigma: cython.double) -> cython.double:
        """A normal draw (Box-Muller, one value per call so a copy of the RNG stays exact)."""
        a: cython.double = self.random() * _TWO_PI
        r: cython.double = math.sqrt(-2.0 * math.log(1.0 - self.random()))
        return mu + math.cos(a) * r * sigma

    def shuffle(self, items: list) -> None:
        i: cython.Py_ssize_t
        j: cython.Py_ssize_t
        for i in range(len(items) - 1, 0, -1):
            j = self.randint(i + 1)
            items[i], items[j] = items[j], items[i]

    def choice(self, items: list[_T] | tuple[_T, ...]) -> _T:
        return items[self.randint(len(items))]

    def sample(self, items: list | tuple, k: int) -> list:
        """`k` distinct items in random order (a partial Fisher-Yates shuffle)."""
        pool = list(items)
        n: cython.Py_ssize_t = len(pool)
        i: cython.Py_ssize_t
        j: cython.Py_ssize_t
        for i in range(min(k, n)):
            j = i + self.randint(n - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def copy(self) -> Rng:
        return Rng(self.s)
