cimport cython
from game.core.ids cimport *
from game.core.num cimport fround
from game.core.stages cimport criterion_met
from game.core.state cimport GameState, Person, Relation, Vendor
from game.core.preference cimport chosen, favourite
from game.core.informants cimport has_coach_anywhere, hears_rumours, knows_favourite

@cython.final
cdef class PersonView:
    cdef public str id
    cdef public int index
    cdef public object name, title, department
    cdef public bint senior
    cdef public int generation
    cdef public double support, trust
    cdef public int contact, last_touch
    cdef public bint roles_known, needs_known, pos_known, pers_known
    cdef public object roles, key, sways
    cdef public double influence, part_now
    cdef public int roles_mask, key_mask
    cdef public object cares_about, traits
    cdef public int traits_mask
    cdef public list trait_ids, care_ids
    cdef public object position_motive, personal_motive
    cdef public int pos_kind, pers_kind
    cdef public int gap, met_week, free_week, last_kind, favours_left, rumour
    cdef public bint introduced, needs_intro, committed
    cdef public object favourite

@cython.final
cdef class MeView:
    cdef public str id, side, playbook, difficulty, status
    cdef public object name, product
    cdef public bint active
    cdef public int stage
    cdef public double budget, spent, spec_bias, max_discount
    cdef unsigned char flags[80]
    cdef public object bid, terms
    cdef public dict intel, stage_weeks, fit_dict
    cdef public int time[4]
    cdef public list fit
    cdef public double list_price, floor_price, delivery_cost, brand, delivery
    cdef public int references
    cpdef bint has(self, int fact)

@cython.final
cdef class RivalView:
    cdef public str id
    cdef public object name, product, brand, references, active, status
    cdef public object stage_estimate, estimate_week, bid_price

@cython.final
cdef class VendorView:
    cdef public str vendor
    cdef public int vi, week, last_week, phase
    cdef public bint over
    cdef public str procurement
    cdef public dict calendar
    cdef public int cal_initiation, cal_tender_issue, cal_bid_deadline, cal_award
    cdef public int cal_contract, cal_notice
    cdef public dict texts
    cdef public list need_ids, need_names, nw
    cdef public bint budget_known
    cdef public double cust_budget, first_payment_max
    cdef public object criteria
    cdef public MeView me
    cdef public list rivals, people, pending, check_ids, check_done
    cdef public object tender, award, contract, outcome, health, log

cpdef VendorView build_view(GameState state, int vi, bint full)
cpdef VendorView vendor_view(GameState state, int vi)
