"""The look of the game: one palette, one font family, one pygame_gui theme.

The theme is a JSON-shaped dict handed to ``pygame_gui.UIManager``; ``python -m
game.ui.theme`` prints it. Every element type gets its own font entry (pygame_gui does not
inherit fonts from ``defaults``), always Noto Sans SC from pygame_gui's data, which also
covers Latin text, so Chinese never falls back to boxes. The font is named by file path under
a name of our own: pygame_gui loads its own "noto_sans_sc" from package data into memory once
per size and weight (about 9 MB each), while a path lets FreeType read the file on demand.
Colours follow the Okabe-Ito colour-blind-safe set: blue is always "us", rivals are orange,
reddish purple and grey; support runs from vermillion (against) through grey to blue (for),
never red/green.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from game import palette

FONT_PACKAGE = "pygame_gui.data"
FONT_REGULAR = "NotoSansSC-Regular.otf"
FONT_BOLD = "NotoSansSC-Bold.otf"
FONT_NAME = "dealcraft_sans"

# sizes in px; nothing smaller than LABEL anywhere (ui.md: body >= 16, labels >= 14)
BODY = 17
LABEL = 15
BUTTON = 17
HEADING = 22
TITLE = 40
SUBTITLE = 20

# --- palette ------------------------------------------------------------------------------
BG = "#F2EFE8"  # warm paper
BG_DEEP = "#E7E2D8"
SURFACE = "#FFFFFF"
SURFACE_ALT = "#F8F6F1"
BORDER = "#D6D0C4"
BORDER_STRONG = "#B9B1A2"
INK = "#1F2A36"  # body text, 13:1 on paper
# Secondary text meets WCAG AA (4.5:1) on every background it is drawn on, selected cards
# and the deep bands included (tests/ui/test_scale.py computes it)
INK_MUTED = "#4B5560"  # secondary text, >= 5.7:1
INK_FAINT = "#5A636C"  # hints and "not yet known", >= 4.6:1
ACCENT = "#0B5E91"  # primary buttons, "us"
ACCENT_HOVER = "#0A6FAB"
ACCENT_SOFT = "#DCEAF4"
DANGER = "#A0400A"  # vermillion-dark, for destructive actions (paired with an icon/word)
SELECTED = "#CFE3F1"

US = palette.US  # one palette with the debrief and the report (game/palette.py)
RIVALS = palette.RIVALS
SUPPORT_AGAINST = "#D55E00"  # vermillion
SUPPORT_NEUTRAL = "#BDBDBD"
SUPPORT_FOR = "#0072B2"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


#: backgrounds that text is drawn on
TEXT_BACKGROUNDS = (BG, BG_DEEP, SURFACE, SURFACE_ALT, SELECTED, ACCENT_SOFT)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    def lum(colour: str) -> float:
        def channel(c: int) -> float:
            v = c / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b_ = (channel(c) for c in rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def support_colour(value: float) -> tuple[int, int, int]:
    """Diverging colour for a support level in -1..1 (vermillion - grey - blue)."""
    value = max(-1.0, min(1.0, value))
    end = rgb(SUPPORT_FOR if value >= 0 else SUPPORT_AGAINST)
    mid = rgb(SUPPORT_NEUTRAL)
    t = abs(value)
    return tuple(round(m + (e - m) * t) for m, e in zip(mid, end, strict=True))  # type: ignore[return-value]


def _font(size: int, bold: bool = False) -> dict[str, Any]:
    return {
        "name": FONT_NAME,
        "size": str(size),
        "bold": "1" if bold else "0",
        "regular_path": font_path(False),
        "bold_path": font_path(True),
        "italic_path": font_path(False),
        "bold_italic_path": font_path(True),
    }


def _colours(**overrides: str) -> dict[str, str]:
    return dict(overrides)


# element types that draw text; each needs its own font entry
TEXT_ELEMENTS: dict[str, int] = {
    "button": BUTTON,
    "label": LABEL,
    "text_box": BODY,
    "text_entry_line": BODY,
    "text_entry_box": BODY,
    "drop_down_menu": BODY,
    "selection_list": BODY,
    "tool_tip": LABEL,
    "window": BODY,
    "check_box": BODY,
    "panel": BODY,
    "tab_container": BODY,
    "status_bar": LABEL,
    "progress_bar": LABEL,
    "horizontal_slider": LABEL,
    "message_window": BODY,
    "confirmation_dialog": BODY,
}


def build_theme() -> dict[str, Any]:
    """The pygame_gui theme as a dict (JSON-ready)."""
    theme: dict[str, Any] = {
        "defaults": {
            "colours": {
                "normal_bg": SURFACE,
                "hovered_bg": ACCENT_SOFT,
                "disabled_bg": BG_DEEP,
                "selected_bg": SELECTED,
                "active_bg": SELECTED,
                "dark_bg": SURFACE,
                "disabled_dark_bg": BG_DEEP,
                "normal_text": INK,
                "hovered_text": INK,
                "disabled_text": INK_FAINT,
                "selected_text": INK,
                "active_text": INK,
                "normal_text_shadow": "#00000000",
                "hovered_text_shadow": "#00000000",
                "disabled_text_shadow": "#00000000",
                "selected_text_shadow": "#00000000",
                "active_text_shadow": "#00000000",
                "normal_border": BORDER,
                "hovered_border": ACCENT,
                "disabled_border": BORDER,
                "selected_border": ACCENT,
                "active_border": ACCENT,
                "link_text": ACCENT,
                "link_hover": ACCENT_HOVER,
                "link_selected": ACCENT_HOVER,
                "text_shadow": "#00000000",
                "filled_bar": US,
                "unfilled_bar": BG_DEEP,
                "text_cursor": INK,
            }
        }
    }
    rounded = {
        "shape": "rounded_rectangle",
        "shape_corner_radius": "8",
        "border_width": "1",
        "shadow_width": "0",
        "text_horiz_alignment_padding": "14",
    }
    for element, size in TEXT_ELEMENTS.items():
        theme[element] = {"font": _font(size)}
    theme["button"]["misc"] = dict(rounded)
    theme["drop_down_menu"]["misc"] = {"shape": "rectangle", "border_width": "1",
                                       "shadow_width": "0", "expand_direction": "down"}
    theme["drop_down_menu"]["colours"] = _colours(normal_border=BORDER_STRONG)
    flat = {"shape": "rectangle", "border_width": "0", "shadow_width": "0"}
    theme["drop_down_menu.#selected_option"] = {
        "font": _font(BODY),
        "misc": {**flat, "text_horiz_alignment": "left", "text_horiz_alignment_padding": "12"},
    }
    theme["drop_down_menu.#expand_button"] = {"misc": flat}
    theme["drop_down_menu.selection_list"] = {"font": _font(BODY)}
    theme["selection_list"]["misc"] = {**rounded, "list_item_height": "36"}
    theme["selection_list.button"] = {
        "font": _font(BODY),
        "misc": {"shape": "rectangle", "border_width": "0", "shadow_width": "0",
                 "text_horiz_alignment": "left", "text_horiz_alignment_padding": "12"},
        "colours": _colours(normal_bg=SURFACE, hovered_bg=ACCENT_SOFT, selected_bg=SELECTED,
                            active_bg=SELECTED, selected_text=INK),
    }
    theme["drop_down_menu.selection_list.button"] = {
        "font": _font(BODY),
        "misc": {"shape": "rectangle", "border_width": "0", "shadow_width": "0",
                 "text_horiz_alignment": "left", "text_horiz_alignment_padding": "12"},
    }
    theme["label"]["colours"] = _colours(dark_bg="#00000000", normal_text=INK)
    theme["label"]["misc"] = {"text_horiz_alignment": "left"}
    theme["text_box"]["colours"] = _colours(dark_bg=SURFACE, normal_border=BORDER)
    theme["text_box"]["misc"] = {
        "shape": "rounded_rectangle", "shape_corner_radius": "8", "border_width": "1",
        "shadow_width": "0", "padding": "14,10", "line_spacing": "1.35",
    }
    theme["text_entry_line"]["misc"] = {**rounded, "padding": "10,6"}
    theme["tool_tip"]["colours"] = _colours(dark_bg=INK, normal_text="#FFFFFF",
                                            normal_border=INK)
    theme["tool_tip"]["misc"] = {"rect_width": "320", "shape": "rounded_rectangle",
                                 "shape_corner_radius": "6", "shadow_width": "0"}
    theme["tool_tip.text_box"] = {
        "font": _font(LABEL),
        "colours": _colours(dark_bg=INK, normal_text="#F4F4F4", normal_border=INK),
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "6", "shadow_width": "0",
                 "border_width": "0", "padding": "10,8"},
    }
    theme["panel"]["colours"] = _colours(dark_bg=SURFACE, normal_border=BORDER)
    theme["panel"]["misc"] = {"shape": "rounded_rectangle", "shape_corner_radius": "10",
                              "border_width": "1", "shadow_width": "0"}
    theme["check_box"]["misc"] = {"shape": "rounded_rectangle", "shape_corner_radius": "4"}
    theme["horizontal_slider"]["misc"] = {**rounded, "sliding_button_width": "24",
                                          "enable_arrow_buttons": "0"}
    theme["horizontal_slider.#sliding_button"] = {
        "colours": _colours(normal_bg=ACCENT, hovered_bg=ACCENT_HOVER, active_bg=ACCENT),
    }
    # The scroll bar's thumb is a button of its own: without this entry it takes the white
    # button look and shows as a white square on the light track.
    for name in ("vertical_scroll_bar", "horizontal_scroll_bar"):
        theme[name] = {"colours": _colours(dark_bg=BG_DEEP, normal_bg=BG_DEEP,
                                           normal_border=BG_DEEP),
                       "misc": {"border_width": "0", "shadow_width": "0",
                                "enable_arrow_buttons": "0"}}
        theme[f"{name}.#sliding_button"] = {
            "colours": _colours(normal_bg=BORDER_STRONG, hovered_bg=INK_FAINT,
                                active_bg=INK_MUTED, normal_border=BORDER_STRONG,
                                hovered_border=INK_FAINT, active_border=INK_MUTED),
            "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "4",
                     "border_width": "0", "shadow_width": "0"},
        }
    # object ids ----------------------------------------------------------------------------
    white = "#FFFFFF"
    theme["#primary"] = {
        "font": _font(BUTTON, bold=True),
        "colours": _colours(normal_bg=ACCENT, hovered_bg=ACCENT_HOVER, active_bg=ACCENT,
                            normal_text=white, hovered_text=white, active_text=white,
                            normal_border=ACCENT, hovered_border=ACCENT_HOVER,
                            disabled_bg=BG_DEEP, disabled_text=INK_FAINT),
    }
    theme["#menu_button"] = {
        "font": _font(19),
        "misc": {**rounded, "text_horiz_alignment": "left",
                 "text_horiz_alignment_padding": "22"},
    }
    theme["#menu_primary"] = {**theme["#primary"], "font": _font(19, bold=True),
                              "misc": theme["#menu_button"]["misc"]}
    theme["#toggle_on"] = {
        "font": _font(BUTTON, bold=True),
        "colours": _colours(normal_bg=ACCENT_SOFT, hovered_bg=SELECTED, normal_border=ACCENT,
                            hovered_border=ACCENT, normal_text=ACCENT, hovered_text=ACCENT),
    }
    theme["#quiet"] = {
        "font": _font(BUTTON),
        "colours": _colours(normal_bg="#00000000", normal_border="#00000000",
                            hovered_bg=BG_DEEP, hovered_border=BORDER),
    }
    theme["#lang"] = {
        "font": _font(BUTTON),
        "colours": _colours(normal_bg="#00000000", normal_border=BORDER_STRONG,
                            hovered_bg=SURFACE, hovered_border=ACCENT),
        "misc": {**rounded, "shape_corner_radius": "20"},
    }
    theme["#action"] = {
        "font": _font(16),
        "misc": {**rounded, "shape_corner_radius": "6", "text_horiz_alignment": "left",
                 "text_horiz_alignment_padding": "12"},
        "colours": _colours(disabled_bg=SURFACE_ALT, disabled_text=INK_FAINT,
                            disabled_border=BORDER),
    }
    theme["#card_hit"] = {
        "font": _font(LABEL),
        "colours": _colours(normal_bg="#00000000", hovered_bg="#0B5E9114",
                            active_bg="#0B5E9128", selected_bg="#00000000",
                            normal_border="#00000000", hovered_border=ACCENT,
                            active_border=ACCENT),
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "10",
                 "border_width": "1", "shadow_width": "0"},
    }
    theme["#action_on"] = {  # the action whose preview is shown (same font: same fit)
        "font": _font(16),
        "misc": theme["#action"]["misc"],
        "colours": _colours(normal_bg=SELECTED, hovered_bg=SELECTED, normal_border=ACCENT,
                            hovered_border=ACCENT, disabled_bg=BG_DEEP,
                            disabled_text=INK_MUTED, disabled_border=ACCENT),
    }
    theme["#add"] = {
        "font": _font(HEADING, bold=True),
        "misc": {**rounded, "shape_corner_radius": "6", "text_horiz_alignment_padding": "0"},
        "colours": _colours(normal_bg=ACCENT_SOFT, hovered_bg=ACCENT, normal_text=ACCENT,
                            hovered_text="#FFFFFF", normal_border=ACCENT,
                            hovered_border=ACCENT, disabled_bg=SURFACE_ALT,
                            disabled_text=BORDER_STRONG, disabled_border=BORDER),
    }
    theme["#warning_button"] = {  # something waits for the player (an event to answer)
        "font": _font(BUTTON, bold=True),
        "colours": _colours(normal_bg="#FBE9DD", hovered_bg="#F6D5BF", normal_text=DANGER,
                            hovered_text=DANGER, normal_border=DANGER, hovered_border=DANGER),
    }
    theme["#hit"] = {  # an invisible area that only carries a tooltip
        "font": _font(LABEL),
        "colours": _colours(normal_bg="#00000000", hovered_bg="#00000000",
                            active_bg="#00000000", normal_border="#00000000",
                            hovered_border="#00000000", active_border="#00000000"),
        "misc": {"shape": "rectangle", "border_width": "0", "shadow_width": "0"},
    }
    theme["#title"] = {"font": _font(TITLE, bold=True), "colours": _colours(normal_text=INK)}
    theme["#subtitle"] = {"font": _font(SUBTITLE), "colours": _colours(normal_text=INK_MUTED)}
    theme["#heading"] = {"font": _font(HEADING, bold=True), "colours": _colours(normal_text=INK)}
    theme["#section"] = {"font": _font(LABEL, bold=True),
                         "colours": _colours(normal_text=INK_MUTED)}
    theme["#muted"] = {"font": _font(LABEL), "colours": _colours(normal_text=INK_MUTED)}
    theme["#body"] = {"font": _font(BODY), "colours": _colours(normal_text=INK)}
    theme["#warning"] = {"font": _font(LABEL, bold=True), "colours": _colours(normal_text=DANGER)}
    theme["#dense_text"] = {  # long lists (the MPC review): tighter lines, same type size
        "font": _font(BODY),
        "colours": _colours(dark_bg="#00000000", normal_border="#00000000"),
        "misc": {"shape": "rectangle", "border_width": "0", "padding": "0,0",
                 "line_spacing": "1.12"},
    }
    theme["#card"] = {"colours": _colours(dark_bg=SURFACE, normal_border=BORDER)}
    theme["#plain_text"] = {  # text on a card we paint ourselves: no shape of its own
        "font": _font(BODY),
        "colours": _colours(dark_bg="#00000000", normal_border="#00000000"),
        "misc": {"shape": "rectangle", "border_width": "0", "padding": "0,0",
                 "line_spacing": "1.35"},
    }
    return theme


# --- fonts for text drawn outside pygame_gui ---------------------------------------------------


def font_path(bold: bool = False) -> str:
    return str(resources.files(FONT_PACKAGE).joinpath(FONT_BOLD if bold else FONT_REGULAR))


@cache
def font(size: int, bold: bool = False) -> Any:
    """A ``pygame.font.Font`` with the theme's face (pygame must be initialised)."""
    import pygame

    return pygame.font.Font(font_path(bold), size)


if __name__ == "__main__":
    print(json.dumps(build_theme(), ensure_ascii=False, indent=2))
