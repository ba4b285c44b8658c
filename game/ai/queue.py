"""A priority queue of a planner's options, smallest key first (ties: the earlier listed).

The planners list their options once with a key (minus the option's value), then take them
best first; some are valued again and put back when an earlier pick changed the person they
work on. The options live in typed arrays (key, kind, target, and a tag per option the
planner may use, zero to start), so a compiled planner never boxes a number.

The options are kept in one binary heap per bucket: the kinds that need the same roles for
the same number of days. `pop` hands out the smallest (key, number) of the buckets' tops, so
the order is exactly a sort of (key, number) pairs. A bucket whose roles have run out of days
can be retired (`retire`): its options are never handed out again, where a single heap would
hand each one out to be refused (most of a week's options end that way).
"""

from __future__ import annotations

import cython

from game.core.actions import DEFS

if cython.compiled:
    from cython.cimports.libc.stdlib import calloc, free, malloc


def _buckets() -> tuple[list[int], list[tuple[int, int, int]]]:
    """Each kind's bucket, and each bucket's (first role, second role or -1, days)."""
    combos: dict[tuple[int, int, int], int] = {}
    of = [combos.setdefault((d.role_a, d.role_b, d.days), len(combos)) for d in DEFS]
    return of, list(combos)


_OF, _COMBOS = _buckets()
assert len(_OF) <= 64 and len(_COMBOS) <= 64
N_BUCKETS = cython.declare(cython.int, len(_COMBOS))
_BUCKET = cython.declare(cython.int[64])
_ROLE_A = cython.declare(cython.int[64])
_ROLE_B = cython.declare(cython.int[64])
_DAYS = cython.declare(cython.int[64])
if not cython.compiled:  # plain lists run faster than the shadow arrays
    _BUCKET, _ROLE_A, _ROLE_B, _DAYS = [0] * 64, [0] * 64, [0] * 64, [0] * 64
for _k in range(64):
    _BUCKET[_k] = _OF[_k] if _k < len(_OF) else 0
    _c = _COMBOS[_k] if _k < len(_COMBOS) else (0, -1, 0)
    _ROLE_A[_k] = _c[0]
    _ROLE_B[_k] = _c[1]
    _DAYS[_k] = _c[2]


@cython.final
@cython.cclass
class Queue:
    """Options `add`ed in listing order; `start` makes the heaps, then `pop` and `push`."""

    def __init__(self, capacity: int) -> None:
        capacity = max(1, capacity)
        if cython.compiled:
            self.keys = cython.cast(cython.p_double,
                                    malloc(capacity * cython.sizeof(cython.double)))
            self.kinds = cython.cast(cython.p_int, malloc(capacity * cython.sizeof(cython.int)))
            self.targets = cython.cast(cython.p_int,
                                       malloc(capacity * cython.sizeof(cython.int)))
            self.heap = cython.cast(cython.p_int, malloc(capacity * cython.sizeof(cython.int)))
            self.tags = cython.cast(cython.p_int, calloc(capacity, cython.sizeof(cython.int)))
            self.saved = cython.NULL
            if not (self.keys and self.kinds and self.targets and self.heap and self.tags):
                raise MemoryError()
        else:
            self.keys = [0.0] * capacity
            self.kinds = [0] * capacity
            self.targets = [0] * capacity
            self.heap = [0] * capacity
            self.tags = [0] * capacity
            self.saved = None
            self.boff = [0] * 64
            self.bsize = [0] * 64
            self.live = [0] * 64
            self.act = [0] * 64
            self.pos = [0] * 64
        self.nact = 0
        self.capacity = capacity
        self.n = 0
        self.size = 0
        self.dead_top = -1

    @cython.ccall
    def reset(self, capacity: cython.Py_ssize_t) -> cython.void:
        """Empty, with room for `capacity` options and every tag zero: a planner keeps one
        queue and starts it again each week instead of making a new one."""
        i: cython.Py_ssize_t
        if capacity > self.capacity:
            if cython.compiled:
                free(self.keys)
                free(self.kinds)
                free(self.targets)
                free(self.heap)
                free(self.tags)
                free(self.saved)
                self.saved = cython.NULL
                self.keys = cython.cast(cython.p_double,
                                        malloc(capacity * cython.sizeof(cython.double)))
                self.kinds = cython.cast(cython.p_int,
                                         malloc(capacity * cython.sizeof(cython.int)))
                self.targets = cython.cast(cython.p_int,
                                           malloc(capacity * cython.sizeof(cython.int)))
                self.heap = cython.cast(cython.p_int,
                                        malloc(capacity * cython.sizeof(cython.int)))
                self.tags = cython.cast(cython.p_int,
                                        calloc(capacity, cython.sizeof(cython.int)))
                if not (self.keys and self.kinds and self.targets and self.heap and self.tags):
                    raise MemoryError()
            else:
                self.keys = [0.0] * capacity
                self.kinds = [0] * capacity
                self.targets = [0] * capacity
                self.heap = [0] * capacity
                self.tags = [0] * capacity
                self.saved = None
            self.capacity = capacity
        else:
            for i in range(self.n):
                self.tags[i] = 0
        self.n = 0
        self.nact = 0
        self.size = 0
        self.dead_top = -1

    def __dealloc__(self) -> None:
        if cython.compiled:
            free(self.keys)
            free(self.kinds)
            free(self.targets)
            free(self.heap)
            free(self.tags)
            free(self.saved)

    @cython.ccall
    def add(self, key: cython.double, kind: cython.int, target: cython.int) -> cython.int:
        """Add an option (0; an int, so Cython checks for an error only on -1)."""
        i: cython.Py_ssize_t = self.n
        if i >= self.capacity:
            raise IndexError("queue full")
        self.keys[i] = key
        self.kinds[i] = kind
        self.targets[i] = target
        self.n = i + 1
        return 0

    @cython.ccall
    @cython.exceptval(check=False)
    def start(self) -> cython.void:
        """Order every option added so far (each bucket's heap; every bucket live)."""
        i: cython.Py_ssize_t
        b: cython.int
        at: cython.int = 0
        for b in range(N_BUCKETS):
            self.bsize[b] = 0
            self.live[b] = 1
        for i in range(self.n):
            b = _BUCKET[self.kinds[i]]
            self.bsize[b] += 1
        for b in range(N_BUCKETS):
            self.boff[b] = at
            at += self.bsize[b]
            self.bsize[b] = 0
        for i in range(self.n):
            b = _BUCKET[self.kinds[i]]
            self.heap[self.boff[b] + self.bsize[b]] = i
            self.bsize[b] += 1
        self.nact = 0
        for b in range(N_BUCKETS):
            for i in range(self.bsize[b] // 2 - 1, -1, -1):
                self._down(b, i)
            self.pos[b] = -1
            if self.bsize[b] > 0:
                self._enter(b)
        self.size = self.n
        self.dead_top = -1

    @cython.cfunc
    @cython.inline
    @cython.exceptval(check=False)
    def _enter(self, b: cython.int) -> cython.void:
        """Bucket `b` joins the ones `pop` looks at (live and not empty)."""
        self.pos[b] = self.nact
        self.act[self.nact] = b
        self.nact += 1

    @cython.cfunc
    @cython.inline
    @cython.exceptval(check=False)
    def _leave(self, b: cython.int) -> cython.void:
        at: cython.int = self.pos[b]
        last: cython.int = self.act[self.nact - 1]
        self.act[at] = last
        self.pos[last] = at
        self.nact -= 1
        self.pos[b] = -1

    @cython.ccall
    def save(self) -> cython.void:
        """Keep the keys as they are now (every option added and none popped), so that
        `rewind` can hand the options out again from the start."""
        i: cython.Py_ssize_t
        if cython.compiled:
            if self.saved == cython.NULL:
                self.saved = cython.cast(cython.p_double,
                                         malloc(self.capacity * cython.sizeof(cython.double)))
                if not self.saved:
                    raise MemoryError()
            for i in range(self.n):
                self.saved[i] = self.keys[i]
        else:
            self.saved = list(self.keys)

    @cython.ccall
    def rewind(self) -> cython.void:
        """Back to the saved keys with every tag zero, in the order `start` gave them."""
        i: cython.Py_ssize_t
        for i in range(self.n):
            self.keys[i] = self.saved[i]
            self.tags[i] = 0
        self.start()

    @cython.cfunc
    @cython.inline
    @cython.exceptval(check=False)
    def _less(self, a: cython.int, b: cython.int) -> cython.bint:
        ka: cython.double = self.keys[a]
        kb: cython.double = self.keys[b]
        return ka < kb or (ka == kb and a < b)

    @cython.cfunc
    @cython.exceptval(check=False)
    def _down(self, b: cython.int, i: cython.Py_ssize_t) -> cython.void:
        base: cython.Py_ssize_t = self.boff[b]
        n: cython.Py_ssize_t = self.bsize[b]
        item: cython.int = self.heap[base + i]
        child: cython.Py_ssize_t
        while True:
            child = 2 * i + 1
            if child >= n:
                break
            if child + 1 < n and self._less(self.heap[base + child + 1],
                                            self.heap[base + child]):
                child += 1
            if not self._less(self.heap[base + child], item):
                break
            self.heap[base + i] = self.heap[base + child]
            i = child
        self.heap[base + i] = item

    @cython.ccall
    @cython.exceptval(check=False)
    def push(self, option: cython.int) -> cython.void:
        """Put a popped option back (after changing its key)."""
        b: cython.int = _BUCKET[self.kinds[option]]
        base: cython.Py_ssize_t = self.boff[b]
        i: cython.Py_ssize_t = self.bsize[b]
        parent: cython.Py_ssize_t
        self.bsize[b] = i + 1
        self.size += 1
        if i == 0 and self.live[b]:
            self._enter(b)
        while i > 0:
            parent = (i - 1) // 2
            if not self._less(option, self.heap[base + parent]):
                break
            self.heap[base + i] = self.heap[base + parent]
            i = parent
        self.heap[base + i] = option

    @cython.ccall
    @cython.exceptval(check=False)
    def pop(self) -> cython.int:
        """The option with the smallest key of the live buckets, taken out; -1 when none
        is left."""
        if self.nact == 0:
            return -1
        at: cython.int = self.act[0]
        top: cython.int = self.heap[self.boff[at]]
        c: cython.int
        b: cython.int
        k: cython.int
        for k in range(1, self.nact):
            b = self.act[k]
            c = self.heap[self.boff[b]]
            if self._less(c, top):
                top = c
                at = b
        n: cython.int = self.bsize[at] - 1
        self.bsize[at] = n
        self.size -= 1
        if n > 0:
            self.heap[self.boff[at]] = self.heap[self.boff[at] + n]
            self._down(at, 0)
        else:
            self._leave(at)
        return top

    @cython.ccall
    @cython.exceptval(check=False)
    def retire(self, d0: cython.int, d1: cython.int, d2: cython.int,
               d3: cython.int) -> cython.void:
        """Retire every bucket whose roles lack its days (days left per role given): its
        options are not handed out again. `dead_top` becomes the best option retired."""
        days: cython.int[4]
        if not cython.compiled:
            days = [0, 0, 0, 0]
        days[0] = d0
        days[1] = d1
        days[2] = d2
        days[3] = d3
        b: cython.int
        t: cython.int
        k: cython.int = self.nact - 1
        # Only the buckets `pop` looks at (live, not empty) hand anything out: an empty one
        # gets an option back only after handing it out, which a bucket out of days never
        # does (its options are refused before they could be valued again).
        while k >= 0:
            b = self.act[k]
            if days[_ROLE_A[b]] < _DAYS[b] or (_ROLE_B[b] >= 0 and days[_ROLE_B[b]] < _DAYS[b]):
                self.live[b] = 0
                self._leave(b)
                t = self.heap[self.boff[b]]
                if self.dead_top < 0 or self._less(t, self.dead_top):
                    self.dead_top = t
            k -= 1

    @cython.ccall
    @cython.exceptval(check=False)
    def retired_before(self, option: cython.int) -> cython.bint:
        """Whether a retired option comes before this one (a single heap would have handed
        it out first)."""
        return self.dead_top >= 0 and self._less(self.dead_top, option)


@cython.final
@cython.cclass
class Marks:
    """What a planner has put into a week's plan so far, by number: per target (index + 1:
    no target is -1) the bits of the kinds taken on it, the people met who see a vendor less
    than weekly, per person how often a pick has worked on them, and the days left per role.
    Compiled, these are C arrays (zeroed with the object); uncompiled, lists. A kind is
    taken on a target when `taken[target + 1] >> kind & 1`."""

    def __init__(self) -> None:
        if not cython.compiled:
            self.taken = [0] * 65
            self.once = [0] * 64
            self.version = [0] * 64
            self.days = [0] * 4

    @cython.ccall
    @cython.exceptval(check=False)
    def clear(self) -> cython.void:
        """All zero again, as new (a planner keeps one and clears it for each plan)."""
        i: cython.Py_ssize_t
        for i in range(65):
            self.taken[i] = 0
        for i in range(64):
            self.once[i] = 0
            self.version[i] = 0
        for i in range(4):
            self.days[i] = 0

