PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.build-installed
# The compiled rules: rebuilt in place whenever one of their sources changed (game/native.py
# lists them; the game itself refuses a build that does not match its sources).
NATIVE := game/_native.json
NATIVE_SOURCES := $(wildcard game/core/*.py game/core/*.pxd game/ai/*.py game/ai/*.pxd \
	game/sim/batch.py game/sim/batch.pxd) setup.py game/native.py
export SDL_AUDIODRIVER ?= dummy

.PHONY: play test lint sysdeps dist clean native

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml Makefile
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77" "Cython>=3.1"
	DEALCRAFT_NO_BUILD=1 $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NATIVE): $(STAMP) $(NATIVE_SOURCES)
	@echo "compiling the rules (Cython + gcc); they run uncompiled if this fails"
	@$(BIN)/python setup.py --quiet build_ext --inplace -j 2 >/dev/null 2>build_ext.log \
	  || { cat build_ext.log; echo "note: could not compile the rules"; }
	@rm -f build_ext.log

native: $(NATIVE)

play: $(STAMP) $(NATIVE)
	$(BIN)/python main.py play

# The end-to-end window test needs a virtual X server and xdotool; install them when missing
# and allowed (CI runs as root on Debian), otherwise that one test skips and says why.
sysdeps:
	@if ! command -v Xvfb >/dev/null 2>&1 || ! command -v xdotool >/dev/null 2>&1 \
	   || ! command -v import >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing xvfb, xdotool, imagemagick for the window test"; \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xdotool imagemagick >/dev/null \
	    || echo "note: could not install xvfb/xdotool; the window test will skip"; \
	  else echo "note: xvfb/xdotool missing; the window test will skip"; fi; \
	fi

test: $(STAMP) $(NATIVE) sysdeps
	$(BIN)/ruff check game tests main.py
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check game tests main.py

# The wheel (dist/dealcraft-*.whl, for pip or pipx) and a one-folder app for this platform
# (dist/dealcraft/dealcraft, no Python needed). PyInstaller comes from the "build" extra.
PYINSTALLER_OPTS := --noconfirm --clean --log-level ERROR --name dealcraft --onedir \
	--distpath dist --workpath build/pyinstaller --specpath build/pyinstaller \
	--collect-submodules game --collect-data game --collect-data pygame_gui \
	--add-data "$(CURDIR)/scenarios:game/scenarios" \
	--exclude-module tkinter --exclude-module _tkinter --exclude-module mypy \
	--exclude-module hypothesis --exclude-module pytest --exclude-module IPython

$(BUILD_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(BUILD_STAMP)

dist: $(BUILD_STAMP)
	rm -rf dist build
	$(BIN)/python -m pip wheel --no-deps --quiet -w dist .
	$(BIN)/pyinstaller $(PYINSTALLER_OPTS) main.py
	SDL_VIDEODRIVER=dummy dist/dealcraft/dealcraft scenarios >/dev/null
	@ls dist/*.whl && du -sh dist/dealcraft

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist $(NATIVE)
	find game -name '*.so' -delete -o -name '*.c' -path 'game/*' -delete
