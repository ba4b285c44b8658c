from game.core.ids cimport *
cimport cython

@cython.final
cdef class ActionDef:
    cdef readonly str id
    cdef readonly int kind
    cdef readonly tuple roles
    cdef readonly int role_a, role_b
    cdef readonly bint joint
    cdef readonly int days
    cdef readonly double cost
    cdef readonly bint target
    cdef readonly tuple stages, best
    cdef readonly int stage_lo, stage_hi, best_lo, best_hi
    cdef readonly object phases
    cdef readonly int phase_mask
    cdef readonly int min_contact, max_contact
    cdef readonly double min_trust
    cdef readonly bint senior_only
    cdef readonly tuple requires, forbids
    cdef readonly list requires_ids
    cdef readonly bint once
    cdef readonly double support, trust
    cdef readonly int contact_to
    cdef readonly double contact_trust, reveal_needs, reveal_position, reveal_personal
    cdef readonly bint reveal_roles
    cdef readonly tuple addresses
    cdef readonly int addr_mask, n_addresses
    cdef readonly dict traits
    cdef readonly double trait_mult[8]
    cdef readonly bint has_traits
    cdef readonly tuple facts
    cdef readonly list fact_ids
    cdef readonly bint fit_scaled
    cdef readonly object special
    cdef readonly int special_id
    cdef readonly tuple options
    cdef public int reach
    cdef readonly bint vendor_special, person_special, opens_doors
