"""Small synthesised interface sounds (no asset files); silent when audio is unavailable."""

from __future__ import annotations

from typing import Any

import numpy as np

SAMPLE_RATE = 44100


def _tone(freqs: tuple[float, ...], ms: int, volume: float) -> np.ndarray:
    n = int(SAMPLE_RATE * ms / 1000)
    t = np.arange(n) / SAMPLE_RATE
    wave = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs)
    envelope = np.minimum(1.0, t / 0.004) * np.exp(-t * (1000 / ms) * 4)
    mono = (wave * envelope * volume * 32767).astype(np.int16)
    return np.column_stack([mono, mono])


RECIPES: dict[str, tuple[tuple[float, ...], int]] = {
    "click": ((880.0,), 60),
    "confirm": ((660.0, 990.0), 160),
    "back": ((520.0,), 70),
}


class SoundBoard:
    def __init__(self) -> None:
        self._sounds: dict[str, Any] = {}
        self.enabled = True
        self.volume = 0.6
        self._ready = False

    def _init(self) -> bool:
        if self._ready:
            return True
        try:
            import pygame

            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=2)
            freq, _size, channels = pygame.mixer.get_init()
            if freq != SAMPLE_RATE or channels != 2:
                return False
            for name, (freqs, ms) in RECIPES.items():
                self._sounds[name] = pygame.sndarray.make_sound(_tone(freqs, ms, 0.25))
            self._ready = True
        except Exception:  # noqa: BLE001 - no audio device is not an error for a game
            self._ready = False
        return self._ready

    def play(self, name: str) -> None:
        if not self.enabled or self.volume <= 0 or not self._init():
            return
        sound = self._sounds.get(name)
        if sound is not None:
            sound.set_volume(self.volume)
            sound.play()
