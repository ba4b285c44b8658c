from game.core.ids cimport *
from game.core.state cimport GameState, Person, Relation, Vendor

cpdef bint criterion_met(GameState state, Vendor v, int cr)
cpdef bint exit_met(GameState state, Vendor v)
cpdef bint known_key(GameState state, Vendor v, int tag, int min_contact)
cpdef bint key_support(GameState state, Vendor v, int tag)
cpdef bint lead_contact(GameState state, Vendor v)
cpdef bint willing(GameState state, Vendor v)
cpdef bint org_mapped(GameState state, Vendor v)
cpdef bint has_coach(GameState state, Vendor v)
cpdef bint majority_evaluators(GameState state, Vendor v)
