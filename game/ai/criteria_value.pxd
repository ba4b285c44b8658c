cimport cython
from game.ai.context cimport Context, Info
from game.core.actions cimport ActionDef
from game.core.ids cimport *
from game.core.views cimport PersonView

@cython.final
cdef class Offer:
    cdef public double best
    cdef public int key

cpdef bint touches_open(Context ctx, ActionDef d)
cpdef Offer criterion_bonus(Context ctx, ActionDef d, int p)
cdef int bonus_into(Offer o, Context ctx, ActionDef d, int p)
cpdef double qualify_value(Context ctx)
