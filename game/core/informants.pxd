cimport cython
from game.core.ids cimport *
from game.core.state cimport GameState, Person, Relation

cpdef int informants(GameState state, int vi)
cpdef bint has_coach_anywhere(GameState state, int vi)
cpdef bint knows_favourite(GameState state, int vi, Person p, bint coach)
cpdef bint hears_rumours(GameState state, int vi)
