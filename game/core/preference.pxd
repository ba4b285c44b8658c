cimport cython
from game.core.ids cimport *
from game.core.num cimport clamp, same
from game.core.state cimport GameState, Person, Relation, Vendor

cpdef double nudge_support(Relation r, double delta)
cpdef double nudge_trust(Relation r, double delta)
cpdef int best_other(GameState state, int vi, int pi)
cpdef int leader(GameState state, int pi, double least, double lead)
cpdef int chosen(GameState state, int pi)
cpdef double court(GameState state, Vendor v, int pi, double delta)
cpdef int favourite(GameState state, int pi)
cpdef bint leads(GameState state, int vi, int pi)
