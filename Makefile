PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SDL_AUDIODRIVER ?= dummy

.PHONY: play test lint sysdeps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
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

test: $(STAMP) sysdeps
	$(BIN)/ruff check game tests main.py
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check game tests main.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
