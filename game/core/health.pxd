cimport cython
from game.core.ids cimport *
from game.core.num cimport fround
from game.core.resolve cimport Panel, Scores, panel, projected
from game.core.state cimport GameState, Person, Relation, Vendor

@cython.final
cdef class Health:
    cdef public list clear, first, win, c, f, w, forecast

cpdef double strength(int c, int f, int w)
cpdef Health health_all(GameState state)
