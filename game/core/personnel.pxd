from game.core.ids cimport *
from game.core.informants cimport hears_rumours
from game.core.num cimport fround
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor
