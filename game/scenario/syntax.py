"""YAML parser errors rewritten in plain words.

libyaml and PyYAML's pure-Python parser word the same mistake differently ("did not find
expected ',' or ']'" versus "expected ',' or ']', but got ':'"); designers need neither. We
match the problem to a known mistake, say what is wrong in the designer's terms, and name
the line where an unclosed list, mapping or quote began, which is usually the real culprit.
"""

from __future__ import annotations

import yaml

from game.scenario import fullwidth
from game.scenario.issues import Issue
from game.scenario.sourcemap import SourceMap

# (text in the parser's problem, plain message, hint); the first match wins.
_PROBLEMS = (
    ("another document", "a second document starts here",
     "a scenario file holds one document; remove the extra '---'"),
    ("expected ',' or ']'", "a [list] is not closed, or an item in it needs quotes",
     "close the list with ']' and quote items that contain ':' or '#'"),
    ("expected ',' or '}'", "a {mapping} is not closed, or a value in it needs quotes",
     "close the mapping with '}' and quote values that contain ':' or '#'"),
    ("mapping values are not allowed", "a ':' is not allowed here",
     "put a value containing ': ' in quotes, or fix the indentation of this line"),
    ("could not find expected ':'", "a key here has no ':' after it",
     "add the ':' or fix the indentation of this line"),
    ("did not find expected key", "this line is not indented like its neighbours",
     "keys of one mapping must line up exactly"),
    ("expected <block end>", "this line is not indented like its neighbours",
     "keys of one mapping must line up exactly"),
    ("block sequence entries are not allowed", "a '- ' list item is not allowed here",
     "a list under a key starts on the next line, indented"),
    ("undefined alias", "this alias (*name) has no anchor (&name)",
     "an alias *name needs an anchor &name earlier in the file"),
    ("unknown escape character", "a backslash starts an unknown escape in double quotes",
     "write \\\\ for a backslash, or use single quotes"),
    ("end of stream", "the file ends inside a quote, list or mapping",
     "close the quote, ']' or '}' that is still open"),
)

_CONTEXTS = (
    ("flow sequence", "the [list] starts at line {}"),
    ("flow mapping", "the {{mapping}} starts at line {}"),
    ("quoted scalar", "the quote opens at line {}"),
    ("block mapping", "the mapping starts at line {}"),
    ("block collection", "the list or mapping starts at line {}"),
    ("simple key", "the key is on line {}"),
)


def syntax_issue(exc: yaml.MarkedYAMLError, source: SourceMap) -> Issue:
    """One Issue for a YAML syntax error, at the position the parser stopped."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or exc.context or "the file cannot be read"
    message, hint = f"{problem}", None
    for needle, plain, advice in _PROBLEMS:
        if needle in problem:
            message, hint = plain, advice
            break
    if "cannot start any token" in problem:
        text = source.line_text(line) or ""
        if text[column - 1 : column] == "\t":
            message, hint = "a tab is used here, but YAML indents with spaces only", (
                "replace the tab with spaces")
        else:
            message, hint = "this character cannot start a value", "put the value in quotes"
    found = _fullwidth_culprit(source, exc, line, column)
    if found is not None:
        return found
    context_mark = exc.context_mark
    if exc.context and context_mark is not None and context_mark.line + 1 != line:
        where = next((text for needle, text in _CONTEXTS if needle in exc.context), None)
        if where is not None:
            message += f" ({where.format(context_mark.line + 1)})"
    return source.issue((), "YAML syntax error: " + message, hint=hint,
                        code="scenario/yaml_syntax", mark=(line, column))


def _fullwidth_culprit(source: SourceMap, exc: yaml.MarkedYAMLError, line: int,
                       column: int) -> Issue | None:
    """A full-width character typed for YAML punctuation, on the lines where the parser got
    lost: it usually notices a line later, so the lines from the context (or the two lines
    before) up to the error are searched, nearest first."""
    context = exc.context_mark
    first = context.line + 1 if context is not None else max(1, line - 2)
    for number in range(line, max(1, min(first, line - 2)) - 1, -1):
        text = source.line_text(number)
        if text is None:
            continue
        # On the error's own line, only what the parser had read.
        hit = fullwidth.structural(text[:column] if number == line else text)
        if hit is None:
            continue
        if hit.char == "：":
            message = f"{hit.describe()} follows the key '{hit.key}'"
            typed = (text[:hit.column - 1] + ": " + text[hit.column:].lstrip()).strip()
            hint = f"type the ASCII colon and a space: {typed}"
        elif hit.char == "\u3000":
            message = f"{hit.describe()} is used for indentation"
            hint = "indent with ordinary spaces; switch the input method to half-width"
        else:
            message = f"{hit.describe()} does not quote text in YAML"
            hint = "put the text in ASCII double quotes \"...\""
        return source.issue((), "YAML syntax error: " + message, hint=hint,
                            code="scenario/fullwidth", mark=(number, hit.column))
    return None
