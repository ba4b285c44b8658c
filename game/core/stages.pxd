from game.core.ids cimport *
from game.core.state cimport GameState, Person, Relation, Vendor

cpdef bint criterion_met(GameState state, Vendor v, int cr)
cpdef bint exit_met(GameState state, Vendor v)
