"""The CJK font for charts and the HTML report, found without importing pygame.

pygame_gui ships Noto Sans SC (OFL) and the window already uses it; the report uses the
same file so Chinese draws the same everywhere. A font in assets/fonts wins if the project
ever ships its own. For the HTML the font is cut down to the characters the page uses
(fontTools, a matplotlib dependency) and embedded, so a projector laptop without Chinese
fonts still shows the report correctly.
"""

from __future__ import annotations

import base64
import importlib.util
import io
from functools import cache
from pathlib import Path

FONT_FILES = ("NotoSansSC-Regular.otf", "NotoSansSC-Regular.ttf", "NotoSansCJKsc-Regular.otf")
ASSETS = Path(__file__).resolve().parents[2] / "assets" / "fonts"


@cache
def cjk_font_path() -> Path | None:
    """The first Noto Sans SC file found in assets/fonts or pygame_gui's data, else None."""
    places = [ASSETS]
    spec = importlib.util.find_spec("pygame_gui")  # finds the package without importing it
    if spec is not None and spec.origin:
        places.append(Path(spec.origin).parent / "data")
    for place in places:
        for name in FONT_FILES:
            path = place / name
            if path.is_file():
                return path
    return None


@cache
def matplotlib_family() -> str | None:
    """Register the CJK font with matplotlib and return its family name (None if absent)."""
    path = cjk_font_path()
    if path is None:
        return None
    from matplotlib import font_manager

    try:
        for name in (path.name, path.name.replace("Regular", "Bold")):
            if (path.parent / name).is_file():
                font_manager.fontManager.addfont(str(path.parent / name))
        return font_manager.FontProperties(fname=str(path)).get_name()
    except (OSError, RuntimeError, ValueError):
        return None


def embedded_font_css(text: str, family: str = "DealcraftCJK") -> str:
    """An @font-face rule carrying just the glyphs of `text`, or "" when it cannot be made."""
    path = cjk_font_path()
    if path is None:
        return ""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        return ""
    try:
        font = TTFont(str(path))
        opts = subset.Options()
        opts.flavor = "woff"
        opts.layout_features = ["*"]
        sub = subset.Subsetter(opts)
        sub.populate(text="".join(sorted(set(text))))
        sub.subset(font)
        out = io.BytesIO()
        font.flavor = "woff"
        font.save(out)
    except Exception:  # noqa: BLE001 - a broken font file degrades to system fonts
        return ""
    data = base64.b64encode(out.getvalue()).decode("ascii")
    return (f"@font-face{{font-family:'{family}';"
            f"src:url(data:font/woff;base64,{data}) format('woff');}}")
