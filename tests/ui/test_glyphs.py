"""Every symbol the window draws is in its font (a missing glyph shows as an empty box)."""

from __future__ import annotations


def test_every_symbol_the_ui_draws_exists_in_the_font() -> None:
    """A glyph missing from Noto Sans SC shows as an empty box: every non-letter symbol in
    the window's code and its texts must be in the font (regular and bold)."""
    import json
    import re
    from pathlib import Path

    import pygame

    from game.ui import theme

    root = Path(__file__).resolve().parents[2]
    text = "".join(p.read_text(encoding="utf-8") for p in (root / "game" / "ui").rglob("*.py"))
    for lang in ("zh", "en"):
        data = json.loads((root / "game" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        text += json.dumps(data["ui"], ensure_ascii=False)
    symbols = set(re.findall(r"[\u2000-\u2bff\u3000-\u303f\uff00-\uffef]", text))
    pygame.font.init()
    theme.font.cache_clear()  # fonts made before an earlier pygame.quit() are dead
    missing = []
    for bold in (False, True):
        face = theme.font(theme.LABEL, bold)
        tofu = pygame.image.tobytes(face.render("\ue000", True, (0, 0, 0), (255, 255, 255)),
                                    "RGB")
        missing += [ch for ch in sorted(symbols) if pygame.image.tobytes(
            face.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB") == tofu]
    assert not missing, f"not in the font: {sorted(set(missing))}"
