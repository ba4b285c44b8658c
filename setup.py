"""The package list: every game.* package found in the tree, plus game.scenarios, which
pyproject.toml maps onto the top-level scenarios/ folder (a mapped folder is not found by
setuptools' own discovery). Everything else about the build is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["game", "game.*"]), "game.scenarios"])
