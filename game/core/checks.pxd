cimport cython
from game.core.actions cimport ActionDef
from game.core.ids cimport *
from game.core.num cimport same
from game.core.views cimport MeView, PersonView, VendorView

@cython.final
cdef class Move:
    cdef public int kind, target, option

@cython.final
cdef class Budget:
    cdef public int left[4]
    cdef public double money

cdef Move new_move(int kind, int target, int option)
cpdef double choice_cost(VendorView vv, Move m)
cpdef int choice_reason(VendorView vv, Move m)
cpdef int vendor_reason(VendorView vv, ActionDef d)
cpdef int person_reason(VendorView vv, ActionDef d, PersonView p)
cpdef int check_move(VendorView vv, Move m, list plan, Budget b)
cpdef Budget usage(VendorView vv, list plan)
cpdef int check_one(VendorView vv, Move m, list plan)
cpdef tuple first_refusal(VendorView vv, list plan)
cpdef list groups(VendorView vv, list plan)

@cython.final
cdef class Legal:
    cdef public int n
    cdef int kind[64]
    cdef char targeted[64]
    cdef unsigned long long mask[64]
    cdef int contact[64]  # the people's fields `legal_into` reads, by index
    cdef double trust[64]
    cdef int free_week[64]
    cdef char needs_intro[64]

cpdef void legal_into(VendorView vv, list plan, Legal out)
