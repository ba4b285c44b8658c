"""Safe YAML reading that remembers where every key and value came from.

PyYAML's own loaders either forget positions (safe_load) or build arbitrary objects (full
load). We compose the node tree with a safe parser, then build plain Python data ourselves so
that we can (a) record the line and column of every key and value by its path, which the
validator needs to point at mistakes, (b) refuse tags that construct objects, (c) stop alias
bombs after a fixed number of expanded values, and (d) report duplicate keys, which YAML
silently resolves by keeping the last one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.issues import Issue, ScenarioError
from game.scenario.sourcemap import LINE_BREAK, Mark, Path, SourceMap
from game.scenario.syntax import syntax_issue

MAX_BYTES = 2 * 1024 * 1024
"""Largest scenario file we read; real scenarios are tens of kilobytes."""
MAX_VALUES = 100_000
"""Most values (after expanding aliases) a file may hold; stops alias bombs early."""
MAX_DEPTH = 64
"""Deepest nesting allowed; a scenario nests about eight levels."""

_TAG = "tag:yaml.org,2002:"
# The characters YAML 1.1 refuses (PyYAML's Reader.NON_PRINTABLE), checked up front so the
# C and Python parsers report them the same way.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_SCALARS = yaml.constructor.SafeConstructor()
"""Used only for its int and float parsing (hex, underscores, .inf), never for objects."""
_HAS_C = bool(getattr(yaml, "__with_libyaml__", False))


def decode(data: bytes, filename: str) -> str:
    """Bytes -> text, refusing oversized files and non-UTF-8 bytes with their position."""
    if len(data) > MAX_BYTES:
        raise ScenarioError([too_large_issue(filename, len(data))])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScenarioError(
            [
                Issue(
                    filename, 1, 1, "", "the file is saved as UTF-16, not UTF-8",
                    hint="save it again with UTF-8 encoding", code="scenario/encoding",
                )
            ]
        )
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line_start = body.rfind(b"\n", 0, start) + 1
        line_end = body.find(b"\n", start)
        line = body.count(b"\n", 0, start) + 1
        column = len(body[line_start:start].decode("utf-8", "replace")) + 1
        offset = start + (len(data) - len(body))
        raw = body[line_start : line_end if line_end >= 0 else len(body)]
        issue = Issue(
            filename,
            line,
            column,
            "",
            f"the file is not valid UTF-8: byte 0x{body[start]:02X} at byte offset {offset} "
            "cannot be read",
            hint="save the file with UTF-8 encoding; GBK or Latin-1 files look like this",
            code="scenario/encoding",
            source_line=raw.decode("utf-8", "replace"),
        )
        raise ScenarioError([issue]) from None


def too_large_issue(filename: str, size: int) -> Issue:
    """The file-level issue for a file over MAX_BYTES."""
    return Issue(
        filename, None, None, "",
        f"the file is too large ({size / 1024 / 1024:.2f} MB); the limit is "
        f"{MAX_BYTES // (1024 * 1024)} MB",
        hint="a scenario needs a few dozen kilobytes; is this the right file?",
        code="scenario/too_large",
    )


def parse(text: str, filename: str) -> tuple[Any, SourceMap, list[Issue]]:
    """Parse one YAML document into plain data and a SourceMap.

    Raises ScenarioError for problems that leave no usable data (syntax errors, refused tags,
    alias bombs). Returns non-fatal issues (duplicate keys) for the caller to merge with later
    findings, so the designer still sees everything at once.
    """
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ScenarioError([too_large_issue(filename, len(text.encode("utf-8", "surrogatepass")))])
    source = SourceMap(filename, text)
    bad_chars = list(_control_characters(text, source))
    if bad_chars:
        raise ScenarioError(bad_chars)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise ScenarioError([syntax_issue(exc, source)]) from None
    except RecursionError:
        raise ScenarioError(
            [source.issue((), "the file is nested too deeply to read", code="scenario/too_deep")]
        ) from None
    if node is None or (isinstance(node, ScalarNode) and node.tag == _TAG + "null"
                        and not node.value):
        raise ScenarioError(
            [
                source.issue(
                    (), "the file is empty", hint="start from tests/scenario/good/minimal.yaml",
                    code="scenario/empty",
                )
            ]
        )
    builder = _Builder(source)
    data = builder.build(node)
    if builder.fatal:
        raise ScenarioError(builder.fatal + builder.issues)
    return data, source, builder.issues


def _compose(text: str) -> Node | None:
    """Compose the node tree, with libyaml when the text cannot nest deep enough to crash it.

    libyaml's composer recurses in C and segfaults somewhere past 20,000 nested brackets, so
    it only sees text whose nesting is provably shallow: block nesting needs indentation, so
    short lines and few brackets bound the depth. Python's composer raises RecursionError.
    """
    shallow = (
        text.count("[") + text.count("{") < 2000
        and max(map(len, LINE_BREAK.split(text))) <= 1000
    )
    loader_cls = yaml.CSafeLoader if (_HAS_C and shallow) else yaml.SafeLoader
    loader = loader_cls(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _control_characters(text: str, source: SourceMap) -> Iterator[Issue]:
    for count, match in enumerate(_NON_PRINTABLE.finditer(text)):
        if count == 5:
            return
        line, column = _position(text, match.start())
        ch = match.group()
        yield Issue(
            source.filename, line, column, "",
            f"the file contains the invisible control character U+{ord(ch):04X}, "
            "which YAML does not allow",
            hint="delete it; it often comes from copying text out of a PDF or spreadsheet",
            code="scenario/control_character",
            source_line=source.line_text(line),
        )


def _position(text: str, index: int) -> Mark:
    """1-based line and column of a character index, counting line breaks as YAML does."""
    breaks = list(LINE_BREAK.finditer(text, 0, index))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, index - line_start + 1


def _mark(node: Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain dicts, lists and scalars, recording positions."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.count = 0
        self.seen: set[int] = set()
        self.aliased = False
        self.stack: set[int] = set()
        self.issues: list[Issue] = []
        self.fatal: list[Issue] = []

    def build(self, node: Node) -> Any:
        if not isinstance(node, MappingNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a single value"
            self.fatal.append(
                self.source.issue(
                    (), f"the file must be a mapping of keys like 'id:' and 'title:', "
                    f"but it is {kind}", hint="start from tests/scenario/good/minimal.yaml",
                    code="scenario/not_a_mapping", mark=_mark(node),
                )
            )
            return None
        try:
            return self._node(node, (), 0)
        except _Abort:
            return None

    def _fail(self, node: Node, path: Path, message: str, hint: str | None, code: str) -> None:
        self.fatal.append(self.source.issue(path, message, hint=hint, code=code, mark=_mark(node)))

    def _node(self, node: Node, path: Path, depth: int) -> Any:
        self.count += 1
        if id(node) in self.seen:
            self.aliased = True
        self.seen.add(id(node))
        if self.count > MAX_VALUES:
            if self.aliased:
                msg = (f"the file expands to more than {MAX_VALUES:,} values through aliases "
                       "(*name); this looks like an 'alias bomb'")
                hint = "use aliases only for small repeated pieces"
            else:
                msg = f"the file holds more than {MAX_VALUES:,} values"
                hint = "a scenario needs far fewer; is this the right file?"
            # Point at the top-level key whose value explodes, not deep inside the expansion.
            self.fatal.append(self.source.issue(path[:1], msg, hint=hint,
                                                code="scenario/too_many_values", at_key=True))
            raise _Abort
        if depth > MAX_DEPTH:
            self._fail(node, path, f"values are nested more than {MAX_DEPTH} levels deep",
                       None, "scenario/too_deep")
            raise _Abort
        self.source.values[path] = _mark(node)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.stack:
            self._fail(node, path, "an alias refers to the list or mapping that contains it",
                       "a value cannot contain itself", "scenario/recursive_alias")
            raise _Abort
        self.stack.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != _TAG + "seq":
                    self._refuse_tag(node, path)
                    return None
                return [
                    self._node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)
                ]
            if node.tag != _TAG + "map":
                self._refuse_tag(node, path)
                return None
            return self._mapping(node, path, depth)
        finally:
            self.stack.discard(id(node))

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        explicit: dict[str, Mark] = {}
        merges = [v for k, v in node.value if k.tag == _TAG + "merge"]
        for merged in merges:
            sources = merged.value if isinstance(merged, SequenceNode) else [merged]
            for src in sources:
                if not isinstance(src, MappingNode):
                    self._fail(src, path, "'<<' must merge a mapping or a list of mappings",
                               None, "scenario/yaml_merge")
                    continue
                built = self._node(src, path, depth)
                if isinstance(built, dict):
                    for key, value in built.items():
                        result.setdefault(key, value)
        self.source.values[path] = _mark(node)
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                continue
            if not isinstance(key_node, ScalarNode):
                self._fail(key_node, path, "a key must be a plain word, not a list or mapping",
                           None, "scenario/complex_key")
                continue
            # Keys stay text: YAML 1.1 would read a need called `on` or `no` as a boolean.
            key = key_node.value
            key_mark = _mark(key_node)
            if key in explicit:
                first = explicit[key]
                self.issues.append(
                    self.source.issue(
                        (*path, key), f"the key '{key}' appears twice in this mapping",
                        hint=f"the first one is at line {first[0]}; YAML would silently keep "
                        "only the last", code="scenario/duplicate_key", mark=key_mark,
                    )
                )
                continue
            explicit[key] = key_mark
            self.source.keys[(*path, key)] = key_mark
            result[key] = self._node(value_node, (*path, key), depth + 1)
            if isinstance(value_node, ScalarNode) and value_node.value == "" and (
                not value_node.style  # plain: None from PyYAML, "" from libyaml
            ):
                # An empty value has no position of its own; point at its key instead.
                self.source.values[(*path, key)] = key_mark
        return result

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        tag = node.tag
        if tag in (_TAG + "str", _TAG + "timestamp", _TAG + "value"):
            return node.value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            # YAML 1.2 booleans only: under YAML 1.1 `en: no` or a need called `on` would turn
            # into false/true. Boolean fields still accept yes/no, which pydantic reads.
            if node.value.lower() in ("true", "false"):
                return node.value.lower() == "true"
            return node.value
        if tag == _TAG + "int":
            try:
                return _SCALARS.construct_yaml_int(node)
            except ValueError:
                self._fail(node, path, f"'{node.value}' is not a whole number", None,
                           "scenario/yaml_value")
                return None
        if tag == _TAG + "float":
            try:
                number = _SCALARS.construct_yaml_float(node)
            except ValueError:
                self._fail(node, path, f"'{node.value}' is not a number", None,
                           "scenario/yaml_value")
                return None
            if not math.isfinite(number):
                self._fail(node, path, f"'{node.value}' is not a finite number",
                           "use an ordinary number", "scenario/not_finite")
            return number
        self._refuse_tag(node, path)
        return None

    def _refuse_tag(self, node: Node, path: Path) -> None:
        tag = node.tag
        shown = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
        if "python" in tag:
            msg = f"the tag '{shown}' would run Python code; scenario files hold only data"
        else:
            msg = f"the tag '{shown}' is not allowed; scenario files hold only plain data"
        self._fail(node, path, msg, "remove the tag", "scenario/yaml_tag")


class _Abort(Exception):
    """Stops building when continuing could take unbounded time or memory."""
