"""A priority queue of a planner's options, smallest key first (ties: the earlier listed).

The planners list their options once with a key (minus the option's value), then take them
best first; some are valued again and put back when an earlier pick changed the person they
work on. A binary heap over the option numbers, compared by key then number, hands them out
in exactly the order a sort of (key, number) pairs would. The options live in typed arrays
(key, kind, target, and a tag per option the planner may use, zero to start), so a compiled
planner never boxes a number.
"""

from __future__ import annotations

import cython

if cython.compiled:
    from cython.cimports.libc.stdlib import calloc, free, malloc


@cython.final
@cython.cclass
class Queue:
    """Options `add`ed in listing order; `start` makes the heap, then `pop` and `push`."""

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
            if not (self.keys and self.kinds and self.targets and self.heap and self.tags):
                raise MemoryError()
        else:
            self.keys = [0.0] * capacity
            self.kinds = [0] * capacity
            self.targets = [0] * capacity
            self.heap = [0] * capacity
            self.tags = [0] * capacity
        self.capacity = capacity
        self.n = 0
        self.size = 0

    def __dealloc__(self) -> None:
        if cython.compiled:
            free(self.keys)
            free(self.kinds)
            free(self.targets)
            free(self.heap)
            free(self.tags)

    @cython.ccall
    def add(self, key: cython.double, kind: cython.int, target: cython.int) -> cython.void:
        i: cython.Py_ssize_t = self.n
        if i >= self.capacity:
            raise IndexError("queue full")
        self.keys[i] = key
        self.kinds[i] = kind
        self.targets[i] = target
        self.n = i + 1

    @cython.ccall
    def start(self) -> cython.void:
        """Order every option added so far."""
        i: cython.Py_ssize_t
        for i in range(self.n):
            self.heap[i] = i
        self.size = self.n
        for i in range(self.size // 2 - 1, -1, -1):
            self._down(i)

    @cython.cfunc
    @cython.inline
    def _less(self, a: cython.int, b: cython.int) -> cython.bint:
        ka: cython.double = self.keys[a]
        kb: cython.double = self.keys[b]
        return ka < kb or (ka == kb and a < b)

    @cython.cfunc
    def _down(self, i: cython.Py_ssize_t) -> cython.void:
        n: cython.Py_ssize_t = self.size
        item: cython.int = self.heap[i]
        child: cython.Py_ssize_t
        while True:
            child = 2 * i + 1
            if child >= n:
                break
            if child + 1 < n and self._less(self.heap[child + 1], self.heap[child]):
                child += 1
            if not self._less(self.heap[child], item):
                break
            self.heap[i] = self.heap[child]
            i = child
        self.heap[i] = item

    @cython.ccall
    def push(self, option: cython.int) -> cython.void:
        """Put a popped option back (after changing its key)."""
        i: cython.Py_ssize_t = self.size
        parent: cython.Py_ssize_t
        self.size = i + 1
        while i > 0:
            parent = (i - 1) // 2
            if not self._less(option, self.heap[parent]):
                break
            self.heap[i] = self.heap[parent]
            i = parent
        self.heap[i] = option

    @cython.ccall
    def pop(self) -> cython.int:
        """The option with the smallest key, taken out; -1 when none is left."""
        if self.size == 0:
            return -1
        top: cython.int = self.heap[0]
        self.size -= 1
        if self.size > 0:
            self.heap[0] = self.heap[self.size]
            self._down(0)
        return top


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

