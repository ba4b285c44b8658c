"""Dealcraft, a key-account sales sandbox. The version is read by the build and the saves;
importing the package decides, once, whether the compiled rules match their sources (see
`game.native`)."""

__version__ = "0.3.0"

from game.native import install as _install_native  # noqa: E402

NATIVE = _install_native()
