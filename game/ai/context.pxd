from game.core.ids cimport *
cimport cython
from game.ai.playbooks cimport Style
from game.core.views cimport MeView, PersonView, VendorView

@cython.final
cdef class Info:
    cdef public double w, focus, part, fit, support, trust
    cdef public bint buyer, kdm, ki, ku, senior, skeptical, roles_known, needs_known
    cdef public bint position_known, personal_known, replaced
    cdef public list trait_ids, motives
    cdef public int motives_mask, hidden, lvl, last_touch

@cython.final
cdef class Context:
    cdef public VendorView vv
    cdef public Style style
    cdef public bint use_motives, kdm_known, bid_now, has_follow
    cdef public list unmet, unmet_ids, emph_tags, emph_weights, follow, follow_on, infos
    cdef public long gen
    cdef public int stage, phase
    cdef public double lam, cap, reserve, max_w
    cdef public dict emphasis
    cdef public unsigned long long unmet_bits

cpdef double focus_of(Context ctx, PersonView p, double support)
cpdef Context make_context(VendorView vv, Style style, bint use_motives=*, dict emphasis=*,
                           dict follow=*)
cpdef void fill_context(Context ctx, VendorView vv, Style style, bint use_motives, dict emphasis,
                        dict follow)
cimport game.ai.knowledge as K
