"""Pydantic's validation errors rewritten in plain words, at the YAML line they concern.

Pydantic says "Input should be a valid number, unable to parse string as a number" at
``('events', 0, 'effects', 1, 'support', 'change')``; a course designer needs "expected a
number from -1 to 1, found the text 'high'" at line 48, column 17. RenderCV does the same
rewriting; this module walks the models alongside each error location so that it can name the
allowed keys, values and ranges of the exact field in question.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from game.scenario import fullwidth
from game.scenario.issues import Issue
from game.scenario.models import ID_PATTERN, ScenarioSpec
from game.scenario.sourcemap import Path, SourceMap

ID_RULE = "ids use lower-case letters, digits and _, and start with a letter"


def suggest(word: str, options: Iterable[str]) -> str | None:
    """The closest option to a misspelt `word`, or None when nothing is plausibly meant."""
    options = [o for o in options if o != word]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    # Abbreviations such as 'decider' for 'decision_maker' score low on similarity but share
    # a clear prefix.
    best, best_len = None, 3
    for option in options:
        common = len(_common_prefix(word.lower(), option.lower()))
        if common > best_len or (common == best_len and best is None and common == len(word)):
            best, best_len = option, common
    return best


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def did_you_mean(word: str, options: Sequence[str], *, list_all: bool = True) -> str | None:
    """A hint like "did you mean 'x'? allowed: a, b, c" (or None when there is no options)."""
    guess = suggest(word, options)
    parts = []
    if guess is not None:
        parts.append(f"did you mean '{guess}'?")
    if list_all and options:
        parts.append("allowed: " + ", ".join(options))
    return " ".join(parts) or None


@dataclass
class _Target:
    """What a pydantic error location points at, found by walking the models."""

    data_path: Path = ()
    annotation: Any = ScenarioSpec
    metadata: list[Any] = field(default_factory=list)
    description: str | None = None
    on_key: bool = False


def _unwrap(tp: Any, target: _Target) -> Any:
    """Strip Annotated and Optional layers, collecting constraints and the description."""
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            base, *extras = typing.get_args(tp)
            for extra in extras:
                if isinstance(extra, FieldInfo):
                    target.metadata.extend(extra.metadata)
                    target.description = target.description or extra.description
                    if extra.discriminator is not None:
                        return base
            tp = base
            continue
        if _is_union(tp):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
                continue
        return tp


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _union_tags(tp: Any) -> dict[str, type[BaseModel]]:
    """Discriminator value -> model, for the `type:`-tagged unions of conditions and effects."""
    tags: dict[str, type[BaseModel]] = {}
    for member in typing.get_args(tp):
        type_field = getattr(member, "model_fields", {}).get("type")
        if type_field is not None:
            for value in typing.get_args(type_field.annotation):
                tags[value] = member
    return tags


def _walk(loc: Sequence[str | int]) -> _Target:
    """Follow an error location through the models, dropping union tags from the data path."""
    target = _Target()
    tp: Any = ScenarioSpec
    for part in loc:
        if part == "[key]":
            # pydantic names the offending dict key, then adds '[key]': the key is at fault.
            target.on_key = True
            continue
        tp = _unwrap(tp, target)
        if _is_union(tp):
            member = _union_tags(tp).get(str(part))
            tp = member if member is not None else Any
            continue
        target.metadata, target.description = [], None
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            info = tp.model_fields.get(str(part))
            tp = Any if info is None else info.annotation
            if info is not None:
                target.metadata = list(info.metadata)
                target.description = info.description
        elif origin is list:
            tp = typing.get_args(tp)[0]
        elif origin is tuple:
            args = typing.get_args(tp)
            tp = args[part] if isinstance(part, int) and part < len(args) else Any
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            tp = Any
        target.data_path = (*target.data_path, part)
    target.annotation = _unwrap(tp, target)
    return target


def _describe_value(value: Any) -> str:
    """How the designer's value looks, in words."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return type(value).__name__


def _describe_type(tp: Any) -> str:
    """What the model expects, in words."""
    origin = typing.get_origin(tp)
    if tp is bool:
        return "true or false"
    if tp is int:
        return "a whole number"
    if tp is float:
        return "a number"
    if tp is str:
        return "text"
    if origin is list:
        return "a list"
    if origin is tuple:
        return f"a list of {len(typing.get_args(tp))} values"
    if origin is dict:
        return "a mapping (key: value lines)"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "a mapping (key: value lines)"
    return "a different kind of value"


def _range_hint(target: _Target) -> str | None:
    """"a number from 0 to 1", "a whole number of at least 1", ... from the constraints."""
    low = high = None
    low_strict = high_strict = False
    for item in target.metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low, low_strict = item.gt, True
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            high, high_strict = item.lt, True
    kind = "a whole number" if target.annotation is int else "a number"
    fmt = _fmt_number
    if low is not None and high is not None and not (low_strict or high_strict):
        return f"expected {kind} from {fmt(low)} to {fmt(high)}"
    parts = []
    if low is not None:
        parts.append(f"above {fmt(low)}" if low_strict else f"at least {fmt(low)}")
    if high is not None:
        parts.append(f"below {fmt(high)}" if high_strict else f"at most {fmt(high)}")
    return f"expected {kind} " + " and ".join(parts) if parts else None


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _allowed_values(tp: Any, ctx: dict[str, Any] | None) -> list[str]:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return [str(m.value) for m in tp]
    if typing.get_origin(tp) is typing.Literal:
        return [str(v) for v in typing.get_args(tp)]
    return re.findall(r"'([^']*)'", str((ctx or {}).get("expected", "")))


def _model_fields(tp: Any) -> list[str]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def issues_from_validation(
    exc: ValidationError, data: Any, source: SourceMap
) -> list[Issue]:
    """Every error of `exc` as an Issue at the YAML position of the value it concerns."""
    errors = exc.errors(include_url=False)
    issues: list[Issue] = []
    typo_fixes: set[Path] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            parent = _walk(err["loc"][:-1])
            hit = fullwidth.in_value(str(err["loc"][-1]))
            if hit is not None and hit.key is not None:
                # 'zh：临江' is the key zh typed with a full-width colon: not missing.
                typo_fixes.add((*parent.data_path, hit.key))
                continue
            guess = suggest(str(err["loc"][-1]), _unused_fields(parent, data))
            if guess is not None:
                typo_fixes.add((*parent.data_path, guess))
    for err in errors:
        if err["type"] == "missing" and _walk(err["loc"]).data_path in typo_fixes:
            continue  # reported as "unknown field 'stakholder'; did you mean 'stakeholder'?"
        issues.append(_rewrite(err, data, source))
    return issues


def _unused_fields(parent: _Target, data: Any) -> list[str]:
    """Fields of the mapping's model not written yet: the likely targets of a misspelt key."""
    present = _value_at(data, parent.data_path)
    return [f for f in _model_fields(parent.annotation)
            if not (isinstance(present, dict) and f in present)]


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _rewrite(err: Any, data: Any, source: SourceMap) -> Issue:
    kind: str = err["type"]
    loc = err["loc"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    target = _walk(loc)
    path = target.data_path
    found = _describe_value(value)
    code = f"scenario/{kind}"

    if kind == "missing":
        parent = path[:-1]
        name = path[-1] if path else ""
        if isinstance(name, int):
            expected = _describe_type(_walk(loc[:-1]).annotation)
            msg = f"a value is missing here: expected {expected}"
        else:
            msg = f"the required field '{name}' is missing"
        return source.issue(parent, msg, hint=_described(target), code="scenario/missing",
                            at_key=True)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        if (hit := fullwidth.in_value(name)) is not None:
            return _fullwidth_issue(name, hit, path, source, at_key=True,
                                    shown=(*path[:-1], hit.key or name))
        if value is None and (cut := _cut_text(path, data, source)) is not None:
            return cut
        parent = _walk(loc[:-1])
        allowed = _model_fields(parent.annotation)
        guess = suggest(name, _unused_fields(parent, data))
        hint = (f"did you mean '{guess}'?" if guess
                else "allowed here: " + ", ".join(allowed) if allowed else None)
        return source.issue(path, f"unknown field '{name}'", hint=hint,
                            code="scenario/unknown_field", at_key=True)
    if isinstance(value, str) and kind != "missing" and fullwidth.has_fullwidth(value):
        hit = fullwidth.in_value(value)
        if hit is not None or not (target.annotation is str and not target.on_key):
            return _fullwidth_issue(value, hit, path, source, at_key=target.on_key)
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(target.annotation, ctx)
        shown = f"'{value}'" if isinstance(value, str) else found
        msg = f"{shown} is not an allowed value"
        hint = did_you_mean(str(value), allowed)
        if len(allowed) == 1:
            msg, hint = f"expected {allowed[0]}, found {found}", None
        return source.issue(path, msg, hint=hint, code="scenario/not_allowed",
                            at_key=target.on_key)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        what = _singular(loc)
        tags = list(_union_tags(target.annotation))
        if kind == "union_tag_not_found":
            return source.issue(path, f"this {what} has no 'type:'",
                                hint="add 'type:' with one of: " + ", ".join(tags),
                                code="scenario/missing_type")
        tag = ctx.get("tag", "")
        return source.issue((*path, "type"), f"unknown {what} type '{tag}'",
                            hint=did_you_mean(str(tag), tags), code="scenario/unknown_type")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        what = "key" if target.on_key else "id"
        fixed = re.sub(r"[^a-z0-9_]+", "_", str(value).lower()).strip("_")
        hint = ID_RULE + (f", e.g. '{fixed}'" if re.fullmatch(ID_PATTERN, fixed) else "")
        return source.issue(path, f"'{value}' is not a valid {what}", hint=hint,
                            code="scenario/bad_id", at_key=target.on_key)
    if kind in ("too_short", "too_long"):
        need = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        bound = "at least" if kind == "too_short" else "at most"
        plural = "s" if need != 1 else ""
        msg = f"needs {bound} {need} item{plural}, found {ctx.get('actual_length')}"
        return source.issue(path, msg, hint=_described(target), code=code)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        size = "small" if kind.startswith("greater") else "large"
        return source.issue(path, f"{_fmt_value(value)} is too {size}",
                            hint=_range_hint(target), code="scenario/out_of_range")
    if kind in ("value_error", "assertion_error"):
        msg = re.sub(r"^(Value error|Assertion failed), ", "", err["msg"])
        mapping = _value_at(data, path)
        at_key = False
        if isinstance(mapping, dict):
            # Point at the first field the rule names, e.g. floor_price, not the whole vendor.
            named = [k for k in re.findall(r"[a-z_]+", msg) if k in mapping]
            if named:
                path, at_key = (*path, named[0]), True
        # "calendar: x must ..." at customer.calendar.x: the prefix repeats the field path.
        prefix, sep, rest = msg.partition(": ")
        if sep and set(prefix.split()) <= {p for p in path if isinstance(p, str)}:
            msg = rest
        return source.issue(path, msg, code="scenario/rule", at_key=at_key)
    if kind == "finite_number":
        return source.issue(path, "expected an ordinary number", hint=_range_hint(target),
                            code=code)
    expected = _describe_type(target.annotation)
    if kind.endswith(("_type", "_parsing", "_from_float")) or kind in ("model_attributes_type",):
        msg = f"expected {expected}, found {found}"
        hint = _type_hint(target, value)
        return source.issue(path, msg, hint=hint, code="scenario/wrong_type")
    return source.issue(path, err["msg"], code=code)


def _fullwidth_issue(text: str, hit: fullwidth.Found | None, path: Path, source: SourceMap,
                     at_key: bool, shown: Path | None = None) -> Issue:
    """A value or key that failed because it was typed with full-width characters: name the
    character, point at it and show the text as it should be typed. `shown` is the field
    named in the message when it differs from the path (a key typed as 'zh：...' is 'zh')."""
    line, column = source.key_mark(path) if at_key else source.value_mark(path)
    path = shown or path
    typed = fullwidth.fixed(text)
    if hit is None:  # full-width digits or letters, e.g. ０.４
        first = next(i for i, ch in enumerate(text) if fullwidth.fixed(ch) != ch)
        where = fullwidth.column_in_line(source.line_text(line), column, text[first])
        return source.issue(path, f"'{text}' is typed in full-width characters",
                            hint=f"type it in half-width (ASCII): {typed}",
                            code="scenario/fullwidth", mark=(line, where or column))
    where = fullwidth.column_in_line(source.line_text(line), column, hit.char)
    mark = (line, where or column)
    if hit.char == "：" and hit.key is not None:
        return source.issue(path, f"{hit.describe()} follows '{hit.key}', so '{text}' was "
                            "read as one piece of text", code="scenario/fullwidth",
                            hint=f"type the ASCII colon and a space: {typed}", mark=mark)
    if hit.ascii == ",":
        return source.issue(path, f"'{text}' is one item: {hit.describe()} does not separate "
                            "items in YAML", code="scenario/fullwidth",
                            hint=f"separate them with the ASCII comma: {typed}", mark=mark)
    if hit.char == "\u3000":
        return source.issue(path, f"'{text}' contains {hit.describe()}",
                            code="scenario/fullwidth", mark=mark,
                            hint=f"type an ordinary space, or none: {typed.strip()}")
    return source.issue(path, f"'{text}' contains {hit.describe()}", code="scenario/fullwidth",
                        hint=f"type '{hit.ascii}' instead: {typed}", mark=mark)


def _cut_text(path: Path, data: Any, source: SourceMap) -> Issue | None:
    """'{zh: ..., en: 96 branches, 3 data centres}': inside braces an unquoted comma ends the
    text, and its rest becomes an unknown key with no value. Point at that comma and show the
    text in quotes."""
    parent = _value_at(data, path[:-1])
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    name = path[-1]
    line, column = source.key_mark(path)
    text = source.line_text(line)
    if text is None or name not in keys or keys.index(name) == 0:
        return None
    before = text[: column - 1].rstrip()
    if not before.endswith(","):
        return None
    previous = keys[keys.index(name) - 1]
    start = source.value_mark((*path[:-1], previous))
    if start[0] != line or not isinstance(parent[previous], str):
        return None
    end = column - 1 + len(str(name))
    whole = text[start[1] - 1 : end]
    return source.issue(
        path, f"unknown field '{name}': the text of '{previous}' ends at this comma",
        hint=f"inside {{...}} an unquoted comma ends a text; put it in double quotes: "
        f'{previous}: "{whole}"', code="scenario/unquoted_comma", mark=(line, len(before)))


def _fmt_value(value: Any) -> str:
    return _fmt_number(value) if isinstance(value, int | float) else repr(value)


def _type_hint(target: _Target, value: Any) -> str | None:
    tp = target.annotation
    if isinstance(value, bool) and tp is str:
        return "YAML reads yes/no/on/off/true/false as a yes/no value; put the text in quotes"
    if tp in (int, float):
        return _range_hint(target)
    fields = _model_fields(tp)
    if fields:
        return "write it as indented lines: " + ", ".join(f"{f}: ..." for f in fields[:4])
    if typing.get_origin(tp) in (list, tuple):
        return "write items on lines starting with '- ', or as [a, b]"
    return _described(target)


def _described(target: _Target) -> str | None:
    """The field's description as a hint (without its full stop, as it sits in brackets)."""
    return target.description.rstrip(".") if target.description else None


def _singular(loc: Sequence[str | int]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part[:-1] if part.endswith("s") else part
    return "item"
