from game.core.ids cimport *
cimport cython
from game.core.rng cimport Rng


@cython.final
cdef class Relation:
    cdef public double support, trust
    cdef public int contact, last_touch, met_week, last_kind, favours
    cdef public bint known_position, known_personal, known_needs, known_roles, introduced
    cpdef Relation copy(self)
    cpdef reset(self, double support, double trust, int contact)

@cython.final
cdef class Person:
    cdef readonly str id
    cdef readonly object name, title, department
    cdef readonly list roles, key, traits, cares_about, sways
    cdef readonly double influence, leaning
    cdef readonly dict participation
    cdef readonly bint senior
    cdef readonly object position_motive, personal_motive
    cdef readonly int generation, gap
    cdef readonly object availability
    cdef readonly int index, roles_mask, key_mask, traits_mask, pos_kind, pers_kind
    cdef readonly list trait_ids, care_ids, sway_ids
    cdef readonly double part[5]

@cython.final
cdef class Vendor:
    cdef public str id, side, playbook, difficulty, status
    cdef public object name, product
    cdef public bint active
    cdef public int joined_week, stage
    cdef public double budget, spent, spec_bias, max_discount
    cdef public object bid, terms
    cdef public dict intel, stage_weeks
    cdef unsigned char flags[80]
    cdef public int days[4]
    # what the scenario says the vendor brings (copied at the start)
    cdef readonly int index
    cdef readonly bint team, by_event
    cdef readonly list fit
    cdef readonly double list_price, floor_price, delivery_cost, brand, delivery
    cdef readonly int references, enters_week
    cdef readonly int time[4]
    cpdef bint has(self, int fact)
    cpdef give(self, int fact)
    cpdef drop(self, int fact)
    cpdef Vendor copy(self)

@cython.final
cdef class GameState:
    cdef public object spec, seed
    cdef public Rng dice, world
    cdef public int procurement, rumour_weeks, approved_week
    cdef public double personnel_chance
    cdef public dict rumours
    cdef public list replaced
    cdef public int week, last_week
    cdef public dict calendar, need_weights, criteria, need_raw
    cdef public double budget, first_payment_max, first_payment_min, shelve_risk
    cdef public dict people, vendors, relations, pending, cache
    cdef public list fired, log, plans, history
    cdef public object tender, award, contract, outcome
    cdef public bint recording
    cdef public int turn_id
    cdef public object panel, texts, public
    cdef public list tviews, event_ids, event_lo, event_hi
    cdef public object sways
    cdef public long sways_stamp
    cdef public int tviews_turn, public_turn
    cdef public long panel_stamp, stamp
    cdef public list need_ids, event_specs
    cdef public dict need_index, vendor_specs, event_index
    cdef public list plist, vlist, rels, vorder
    cdef public int n_people, n_vendors, n_needs
    cdef public int cal_initiation, cal_tender_issue, cal_bid_deadline, cal_award
    cdef public int cal_contract, cal_notice
    cdef public list nw
    cdef public double crit_technical, crit_price, crit_service
    cpdef sync(self)
    cpdef int phase_id(self)
    cpdef Relation rel(self, int v, int p)
    cpdef GameState fork(self)
