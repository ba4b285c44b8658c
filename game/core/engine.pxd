from game.core.actions cimport ActionDef
from game.core.checks cimport Move
from game.core.ids cimport *
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor
from game.core.views cimport VendorView
from game.core.checks cimport first_refusal
from game.core.effects cimport apply_move, reported_stage
from game.core.informants cimport informants
from game.core.preference cimport nudge_support
from game.core.health cimport Health, health_all
from game.core.views cimport vendor_view
from game.core.num cimport fround, same

cimport cython

@cython.final
cdef class Sways:
    cdef public list src, who, k
    cdef int n
    cdef int *csrc
    cdef int *cwho
    cdef double *ck
    cdef int seal(self)
