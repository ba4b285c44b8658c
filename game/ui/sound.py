"""Small synthesised interface sounds (no asset files); silent when audio is unavailable."""

from __future__ import annotations

import math
from array import array
from typing import Any

SAMPLE_RATE = 44100


def _tone(freqs: tuple[float, ...], ms: int, volume: float) -> bytes:
    """Interleaved 16-bit stereo samples of a short chord with a soft attack and decay.
    Plain Python (a few thousand samples, made once at the first sound, a few ms): no
    array library kept in memory for three beeps."""
    n = int(SAMPLE_RATE * ms / 1000)
    sin, exp, decay = math.sin, math.exp, (1000 / ms) * 4
    times = [i / SAMPLE_RATE for i in range(n)]
    wave = [0.0] * n
    for f in freqs:
        w = 2 * math.pi * f
        wave = [a + sin(w * t) for a, t in zip(wave, times, strict=True)]
    scale = volume * 32767 / len(freqs)
    mono = array("h", [int(a * scale * min(1.0, t / 0.004) * exp(-t * decay))
                       for a, t in zip(wave, times, strict=True)])
    out = array("h", bytes(4 * n))
    out[0::2] = mono
    out[1::2] = mono
    return out.tobytes()


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
        self._tried = False  # an audio device that failed once is not asked again

    def prepare(self) -> None:
        """Make the sounds now rather than at the first one played (the window calls it
        once its first frame is on screen, so neither the start nor a click waits)."""
        if self.enabled:
            self._init()

    def _init(self) -> bool:
        if self._ready or self._tried:
            return self._ready
        self._tried = True
        try:
            import pygame

            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=2)
            freq, _size, channels = pygame.mixer.get_init()
            if freq != SAMPLE_RATE or channels != 2:
                return False
            for name, (freqs, ms) in RECIPES.items():
                self._sounds[name] = pygame.mixer.Sound(buffer=_tone(freqs, ms, 0.25))
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
