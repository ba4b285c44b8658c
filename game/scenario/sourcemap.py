"""Where each key and value of a scenario file was written, for pointing at mistakes.

The YAML reader records a 1-based (line, column) for every key and value by its path, e.g.
``('stakeholders', 2, 'influence')``; later checks look positions up by the same paths that
pydantic and the cross-reference checks use, and quote the source line in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.scenario.issues import Issue

Path = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based (line, column)

LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
"""Line breaks as YAML 1.1 counts them, so quoted lines match the parser's line numbers."""


@dataclass
class SourceMap:
    """Positions of keys and values by path, plus the text to quote source lines from."""

    filename: str
    text: str
    keys: dict[Path, Mark] = field(default_factory=dict)
    values: dict[Path, Mark] = field(default_factory=dict)
    _lines: list[str] | None = None

    def line_text(self, line: int | None) -> str | None:
        """The source line (1-based) as YAML counts lines, or None when out of range."""
        if line is None:
            return None
        if self._lines is None:
            self._lines = LINE_BREAK.split(self.text)
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return None

    def value_mark(self, path: Path) -> Mark:
        """Where the value at `path` starts, or where its nearest recorded ancestor starts."""
        for i in range(len(path), -1, -1):
            mark = self.values.get(path[:i])
            if mark is not None:
                return mark
        return (1, 1)

    def key_mark(self, path: Path) -> Mark:
        """Where the key of `path` is written; list items and the root fall back to the value."""
        mark = self.keys.get(path)
        return mark if mark is not None else self.value_mark(path)

    def issue(
        self,
        path: Path,
        message: str,
        *,
        hint: str | None = None,
        code: str = "scenario/invalid",
        at_key: bool = False,
        mark: Mark | None = None,
    ) -> Issue:
        """Build an Issue located at `path`'s value (or key), quoting the source line."""
        if mark is None:
            mark = self.key_mark(path) if at_key else self.value_mark(path)
        line, column = mark
        return Issue(
            file=self.filename,
            line=line,
            column=column,
            field=format_path(path),
            message=message,
            hint=hint,
            code=code,
            source_line=self.line_text(line),
        )


def format_path(path: Path) -> str:
    """`('stakeholders', 2, 'influence')` -> `stakeholders[2].influence`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
