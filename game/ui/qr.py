"""A QR code of the workshop's address, drawn for the projector and the console.

segno (pure Python, no dependencies, BSD) makes the code's modules; they are painted here as
black squares on white with the quiet zone the standard asks for, so a phone's camera reads
the address off the wall and the people at each table can copy it.
"""

from __future__ import annotations

import pygame


def qr_matrix(text: str) -> list[list[bool]]:
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(c) for c in row] for row in code.matrix]


def qr_surface(text: str, size: int) -> pygame.Surface:
    """``text`` as a square QR code ``size`` pixels wide (modules of whole pixels, centred)."""
    rows = qr_matrix(text)
    n = len(rows) + 8  # four modules of quiet zone on each side
    module = max(1, size // n)
    surface = pygame.Surface((size, size))
    surface.fill((255, 255, 255))
    offset = (size - module * n) // 2 + 4 * module
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), (offset + x * module, offset + y * module, module,
                                         module))
    return surface
