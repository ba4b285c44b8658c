from game.core.checks cimport Move
from game.core.ids cimport *
from game.core.rng cimport Rng
from game.core.state cimport GameState, Person, Relation, Vendor
from game.core.views cimport VendorView
from game.core.resolve cimport judge, kdm_choice
