from game.core.ids cimport *
from game.core.num cimport fround
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor
from game.core.preference cimport nudge_support, nudge_trust
from game.core.health cimport Health, health_all
