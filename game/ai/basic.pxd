from game.ai.policy cimport Plan
from game.ai.queue cimport Marks, Queue
from game.core.actions cimport ActionDef
from game.core.checks cimport Legal, Move
from game.core.ids cimport *
from game.core.views cimport MeView, PersonView, VendorView

cimport cython

cpdef Plan plan_moves(VendorView vv, int limit=*, bint explain=*)
from game.core.checks cimport legal_into, new_move

@cython.final
cdef class Wants:
    cdef double w[64]
