cimport cython
from game.ai.context cimport Context, Info, focus_of
from game.ai.criteria_value cimport Offer, bonus_into, criterion_bonus, qualify_value, touches_open
from game.ai.playbooks cimport Style
from game.core.actions cimport ActionDef
from game.core.effects cimport kdm_phase
from game.core.ids cimport *
from game.core.views cimport MeView, PersonView, VendorView

cpdef double support_gain(Context ctx, ActionDef d, int p)
cpdef list values_of(Context ctx, ActionDef d, list targets)
cpdef double value_of(Context ctx, ActionDef d, int target)
cpdef int project(Context ctx, ActionDef d, int p)
cpdef double access_value(Context ctx, ActionDef d, int target)

@cython.final
cdef class KindTerms:
    cdef public double bias, money, intel, shape, warm, early_kdm, follow_m
    cdef public double reveal_position, reveal_personal
    cdef public bint has_intel, criteria, follow, newcomer, late, access
    cdef public long gen
cimport game.ai.knowledge as K

cdef KindTerms terms_of(Context ctx, ActionDef d)
cdef double untargeted_at(Context ctx, ActionDef d, KindTerms t)
cdef double value_at(Context ctx, ActionDef d, KindTerms t, int target)
