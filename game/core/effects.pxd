from game.core.actions cimport ActionDef
from game.core.ids cimport *
from game.core.num cimport clamp, fround
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor

cpdef double person_fit(GameState state, Vendor v, Person p)
cpdef int motive_hit(ActionDef d, Person p, Relation r)
cpdef double nudge_support(Relation r, double delta)
cpdef double nudge_trust(Relation r, double delta)
cpdef dict apply_move(GameState state, Vendor v, int kind, int target, int option, Rng rng,
                      bint rec)
