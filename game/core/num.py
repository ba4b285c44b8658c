"""Numbers the rules need exactly as Python computes them, compiled or not.

`cared_fit` is a product's fit weighted by the needs a person cares about: the rules read it
from the state and the AI from its view, so both must add up in the same order.

`fround` is Python's `round(x, n)` (correctly rounded, ties to even on the exact binary value)
without a call into the interpreter in the common case, so a compiled game rounds scores,
prices and shares exactly as an interpreted one does and their state hashes agree.
"""

from __future__ import annotations

import builtins

import cython

if cython.compiled:
    from cython.cimports.libc.math import floor, rint

_py_round = builtins.round
_POW10 = cython.declare(cython.double[7],
                        [1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0])


@cython.ccall
@cython.cdivision(True)
def fround(x: cython.double, n: cython.int) -> cython.double:
    """`round(x, n)` for 0 <= n <= 6."""
    if not cython.compiled:
        return _py_round(x, n)
    scale: cython.double = _POW10[n]
    y: cython.double = x * scale
    if y - floor(y) == 0.5 or not (-9.0e15 < y < 9.0e15):
        return _py_round(x, n)  # a tie or a huge value: let Python decide exactly
    return rint(y) / scale


@cython.ccall
@cython.exceptval(check=False)
def same(a: str, b: str) -> cython.bint:
    """`a == b` for two strings. A status or an id mostly differs from the one it is held
    against in length, which settles it without comparing characters (Cython compares two
    different strings through `PyUnicode_Compare`)."""
    if a is b:
        return True
    if a is None or b is None:
        return False
    return len(a) == len(b) and a == b


@cython.ccall
def clamp(x: cython.double, lo: cython.double, hi: cython.double) -> cython.double:
    return lo if x < lo else hi if x > hi else x


@cython.ccall
def cared_fit(nw: list, fit: list, care_ids: list) -> cython.double:
    """Fit on the needs in `care_ids`, weighted by the needs' weights (all needs if none)."""
    total: cython.double = 0.0
    acc: cython.double = 0.0
    n: cython.Py_ssize_t
    if care_ids:
        for n in care_ids:
            total += cython.cast(cython.double, nw[n])
        if total == 0.0:
            total = 1.0
        for n in care_ids:
            acc += cython.cast(cython.double, nw[n]) * cython.cast(cython.double, fit[n])
    else:
        for n in range(len(nw)):
            total += cython.cast(cython.double, nw[n])
        if total == 0.0:
            total = 1.0
        for n in range(len(nw)):
            acc += cython.cast(cython.double, nw[n]) * cython.cast(cython.double, fit[n])
    return acc / total
