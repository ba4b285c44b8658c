"""Dealcraft, a key-account sales sandbox; the version is read by the build and the saves."""

__version__ = "0.1.0"
