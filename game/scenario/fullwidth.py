"""Full-width (Chinese) punctuation typed where YAML needs the ASCII character.

A designer writing Chinese text keeps the Chinese input method on, and `：` after a key or `，`
between list items looks right but is not YAML: the parser then reports something a line later
("a key here has no ':' after it") or validation sees one odd word ("did you mean
'ambitious'?"). These helpers find the full-width character behind such an error, name it,
point at it and say what to type instead. They are consulted only when something already
failed, so full-width punctuation inside Chinese text, where it belongs, is never reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NAMES: dict[str, tuple[str, str]] = {
    "：": ("full-width colon", ":"),
    "，": ("full-width comma", ","),
    "、": ("Chinese enumeration comma", ","),
    "；": ("full-width semicolon", ","),
    "［": ("full-width bracket", "["),
    "］": ("full-width bracket", "]"),
    "｛": ("full-width brace", "{"),
    "｝": ("full-width brace", "}"),
    "“": ("Chinese quotation mark", '"'),
    "”": ("Chinese quotation mark", '"'),
    "‘": ("Chinese quotation mark", "'"),
    "’": ("Chinese quotation mark", "'"),
    "－": ("full-width hyphen", "-"),
    "＃": ("full-width number sign", "#"),
    "\u3000": ("full-width space", " "),
}
"""Each character a Chinese input method types in place of YAML punctuation, with its name
and the ASCII character to type instead."""

KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_KEY_COLON = re.compile(rf"(?:^[ \t]*(?:-[ \t]+)*|[{{,][ \t]*)({KEY})[ \t]*(：)")
_INDENT_SPACE = re.compile(r"^[ \t]*(?:-[ \t]*)*(\u3000)")
_QUOTE_START = re.compile(r"(?:^[ \t]*-|:)[ \t]+([“‘])")
_FLOW_SEPARATOR = re.compile(r"[，、；［］｛｝]")


@dataclass(frozen=True)
class Found:
    """A full-width character at a 1-based column of a line, and what it stands for."""

    char: str
    column: int
    key: str | None = None

    @property
    def name(self) -> str:
        return NAMES[self.char][0]

    @property
    def ascii(self) -> str:
        return NAMES[self.char][1]

    def describe(self) -> str:
        """"the full-width colon '：' (U+FF1A)"."""
        shown = "　" if self.char == "\u3000" else self.char
        return f"the {self.name} '{shown}' (U+{ord(self.char):04X})"


def _blank_quotes(line: str) -> str:
    """The line with ASCII-quoted text and a trailing comment blanked out (same length), so
    punctuation inside quotes is never mistaken for structure."""
    out: list[str] = []
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
                out.append(ch)
            else:
                out.append(" ")
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t[{,:-"):
            quote = ch
            out.append(ch)
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            out.append(" " * (len(line) - i))
            break
        else:
            out.append(ch)
    return "".join(out)


def structural(line: str) -> Found | None:
    """The first full-width character in a place where YAML needs punctuation: a colon after
    a key, a full-width space in the indentation, a Chinese quotation mark opening a value."""
    plain = _blank_quotes(line)
    hits: list[Found] = []
    if m := _KEY_COLON.search(plain):
        hits.append(Found("：", m.start(2) + 1, m.group(1)))
    if m := _INDENT_SPACE.search(plain):
        hits.append(Found("\u3000", m.start(1) + 1))
    if m := _QUOTE_START.search(plain):
        hits.append(Found(m.group(1), m.start(1) + 1))
    return min(hits, key=lambda f: f.column) if hits else None


def in_value(value: str) -> Found | None:
    """The full-width character that most likely broke a value which failed validation: a
    colon right after a leading key, else the first full-width separator, bracket or space.
    The column is relative to the value's first character (1-based)."""
    if m := re.match(rf"[ \t]*({KEY})[ \t]*(：)", value):
        return Found("：", m.start(2) + 1, m.group(1))
    if m := _FLOW_SEPARATOR.search(value):
        return Found(m.group(), m.start() + 1)
    if "\u3000" in value:
        return Found("\u3000", value.index("\u3000") + 1)
    return None


def fixed(text: str) -> str:
    """The text as it should be typed: full-width punctuation and digits in ASCII, a space
    after each colon that follows a key."""
    out = unicodedata.normalize("NFKC", text)
    for ch, (_, ascii_char) in NAMES.items():
        out = out.replace(ch, ascii_char)
    out = re.sub(rf"({KEY}):(?=\S)", r"\1: ", out)
    return re.sub(r",(?=[^\s\d])", ", ", out)


def has_fullwidth(text: str) -> bool:
    """Whether NFKC would change the text: full-width digits, letters or punctuation."""
    return any(ch in NAMES for ch in text) or unicodedata.normalize("NFKC", text) != text


def column_in_line(line: str | None, start: int, char: str) -> int | None:
    """The 1-based column of `char` in `line` at or after column `start`, if it is there."""
    if line is None:
        return None
    i = line.find(char, max(0, start - 1))
    return i + 1 if i >= 0 else None
