from game.core.actions cimport ActionDef
from game.core.ids cimport *
from game.core.num cimport cared_fit
from game.core.views cimport MeView, PersonView, VendorView

cpdef double influence(PersonView p)
cpdef double decision_share(PersonView p)
cpdef double role_share(int roles_mask, int key_mask)
cpdef double decision_weight(PersonView p)
cpdef double participation_now(PersonView p)
cpdef bint is_buyer(PersonView p)
cpdef int unknown_motives(PersonView p)
cpdef int weeks_left_to_bid(VendorView vv)
cpdef list unmet(VendorView vv)
cpdef double total_budget(VendorView vv)
cpdef bint selling(VendorView vv)
cpdef double endgame_reserve(VendorView vv)
cpdef double weekly_allowance(VendorView vv, double reserve)
cpdef double war_chest(VendorView vv, double share)
cpdef double person_fit(VendorView vv, PersonView p)
