from game.core.ids cimport *
cimport cython

@cython.final
cdef class Style:
    cdef readonly str name
    cdef readonly dict kind_bias, kind_reason, focus
    cdef readonly double frugality, pace, keep_warm, early_kdm, shape, bid_discount
    cdef readonly bint bid_floor
    cdef readonly double war_chest, late_attack
    cdef readonly str choice
    cdef readonly list bias
    cdef readonly bint has_focus
    cdef readonly list focus_of
