"""Authoring problems found in a scenario file, and how they are shown to a course designer.

Every check (YAML reading, schema validation, cross-references) produces `Issue`s instead of
raising at the first problem, so a designer sees all their mistakes in one run, each with its
file, line and column, like Ren'Py and RenderCV do (architecture habit 7).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a scenario file.

    `line` and `column` are 1-based and point at the character to fix; they are None only
    when the problem concerns the whole file (missing, too large). `field` is the path inside
    the scenario, e.g. ``stakeholders[2].influence``, empty for file-level problems. `code` is
    a stable `scenario/snake_case` id so tools and tests need not match on English text.
    """

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    hint: str | None = None
    code: str = "scenario/invalid"
    source_line: str | None = None

    def headline(self) -> str:
        """The one-line form `file:line:col: field: message (hint)`, as compilers print."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        text = self.message
        if self.hint:
            text += f" ({self.hint})"
        parts.append(text)
        return ": ".join(parts)

    def render(self) -> str:
        """The headline, then the offending source line with a caret under the column."""
        out = [self.headline()]
        if self.source_line is not None and self.line is not None:
            gutter = f"{self.line:>5} | "
            shown = _visible(self.source_line.rstrip("\r\n"))
            out.append(gutter + shown)
            if self.column is not None:
                prefix = _visible(self.source_line[: self.column - 1])
                out.append(" " * 5 + " | " + " " * display_width(prefix) + "^")
        return "\n".join(out)


def _visible(text: str) -> str:
    """Tabs as spaces and invisible control characters as U+FFFD, so the caret lines up."""
    text = text.expandtabs(4)
    return "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def display_width(text: str) -> int:
    """Terminal columns taken by `text`: CJK characters are two columns wide.

    Scenario texts are largely Chinese, so a caret placed by character count would drift.
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


class ScenarioError(Exception):
    """Raised by the loader with every issue it found, never with only the first one."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: list[Issue] = sort_issues(issues)
        super().__init__(self.render())

    def __reduce__(self) -> tuple[type[ScenarioError], tuple[list[Issue]]]:
        # Batch tools load scenarios in worker processes; the default pickling would rebuild
        # the error from its message string instead of its issues.
        return (type(self), (self.issues,))

    def render(self) -> str:
        """Every issue rendered with its source line, separated by blank lines."""
        return "\n\n".join(issue.render() for issue in self.issues)

    def __str__(self) -> str:
        return self.render()


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Order issues as they appear in the file, file-level ones first, dropping repeats."""
    seen: set[tuple[object, ...]] = set()
    unique: list[Issue] = []
    for issue in issues:
        key = (issue.file, issue.line, issue.column, issue.field, issue.message)
        if key not in seen:
            seen.add(key)
            unique.append(issue)
    return sorted(
        unique,
        key=lambda i: (i.file, i.line or 0, i.column or 0),
    )
