from game.ai.policy cimport Plan
from game.ai.basic cimport plan_moves
from game.core.state cimport GameState, Vendor
from game.core.views cimport VendorView
from game.core.views cimport vendor_view
