"""Numbers the rules need exactly as Python computes them, compiled or not.

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
def clamp(x: cython.double, lo: cython.double, hi: cython.double) -> cython.double:
    return lo if x < lo else hi if x > hi else x
