from game.core.actions cimport ActionDef
from game.core.ids cimport *
from game.core.num cimport cared_fit, clamp, fround
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor
from game.core.preference cimport best_other, court, leads, nudge_support, nudge_trust
from game.core.informants cimport informants

cpdef double person_fit(GameState state, Vendor v, Person p)
cpdef int motive_hit(ActionDef d, Person p, Relation r)
cpdef dict apply_move(GameState state, Vendor v, int kind, int target, int option, Rng rng,
                      bint rec)
cpdef int reported_stage(Vendor o, bint lone, Rng rng)
cpdef double kdm_phase(int phase)
