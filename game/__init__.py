"""Dealcraft: a key-account sales sandbox. Importing the package decides, once, whether the
compiled rules match their sources (see `game.native`)."""

from game.native import install as _install_native

NATIVE = _install_native()
