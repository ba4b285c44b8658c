cimport cython
from game.core.ids cimport *
from game.core.num cimport clamp, fround
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor

@cython.final
cdef class Panel:
    cdef public list people, weight, tech, price_w, service_w, total, fits, service

@cython.final
cdef class Scores:
    cdef public list vendors, totals, merit, rows, values

cpdef Panel panel(GameState state)
cpdef Scores judge(GameState state, list vendors, list prices, list technical, list service,
                   bint want_rows)
cpdef int prepared_stage(GameState state, Vendor v)
cpdef Scores projected(GameState state, bint want_rows=*)
cpdef int kdm_choice(GameState state, list vendors)
