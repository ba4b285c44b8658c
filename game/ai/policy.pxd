cimport cython
from game.ai.context cimport Context, Info, fill_context
from game.ai.playbooks cimport Style
from game.ai.queue cimport Marks, Queue
from game.core.actions cimport ActionDef
from game.core.checks cimport Legal, Move
from game.core.rng cimport Rng
from game.core.ids cimport *
from game.core.views cimport MeView, PersonView, VendorView

@cython.final
cdef class Plan:
    cdef public list moves, reasons
    cdef public bint checked

cpdef list _fill(VendorView vv, Context ctx, Style style, object skill, object rng, object roles,
                 list fixed_acts, list days, double budget, double cap, bint explain)
cdef list _take(VendorView vv, Context ctx, Style style, object skill, object rng, Queue queue,
                list fixed_acts, list days, double budget, double cap, bint explain, bint quick)
from game.core.checks cimport choice_cost, first_refusal, legal_into, new_move
from game.ai.value cimport KindTerms, project, support_gain, terms_of, value_at
