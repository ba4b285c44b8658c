"""Field paths into a scenario ("knobs"), as `balance --sweep` and the `tune:` section use them.

A designer names a number the way they read the file: `vendors.ruiyin.fit.risk` is the
`risk` entry of the `fit` of the vendor whose id is `ruiyin`; `customer.needs.security.weight`
and `events.budget_cut.trigger.chance` work the same way (items of a list by their id, or by
their position from 0). A path is checked against the models and the scenario itself, and
a wrong part is named with what would be right. Changed copies of a scenario are validated
by the same models as a file, so a sweep can never play a scenario the loader would refuse.
"""

from __future__ import annotations

import math
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

import annotated_types
from pydantic import BaseModel, ValidationError

from game.scenario.messages import did_you_mean, issues_from_validation
from game.scenario.models import ScenarioSpec
from game.scenario.sourcemap import SourceMap

Path = tuple[str | int, ...]


class KnobError(ValueError):
    """A path or value a designer gave that cannot be used; the message says why and what
    would be right."""


@dataclass(frozen=True)
class Knob:
    """A resolved path: where it points in the scenario's data and what it may hold."""

    text: str
    path: Path
    kind: str  # "number", "whole number", "yes/no" or "word"
    current: Any
    low: float | None = None
    high: float | None = None
    words: tuple[str, ...] = ()

    def convert(self, raw: str) -> Any:
        """A value typed on the command line, as this field holds it (or KnobError)."""
        raw = raw.strip()
        if self.kind == "word":
            if raw not in self.words:
                raise KnobError(f"{self.text}: '{raw}' is not allowed here; "
                                + (did_you_mean(raw, self.words) or ""))
            return raw
        if self.kind == "yes/no":
            if raw.lower() not in ("true", "false"):
                raise KnobError(f"{self.text}: '{raw}' is not true or false")
            return raw.lower() == "true"
        try:
            number = float(raw)
        except ValueError:
            raise KnobError(f"{self.text}: '{raw}' is not a number") from None
        if not math.isfinite(number):
            raise KnobError(f"{self.text}: '{raw}' is not an ordinary number")
        if self.kind == "whole number":
            if not number.is_integer():
                raise KnobError(f"{self.text}: '{raw}' is not a whole number")
            return int(number)
        return number

    def bounds(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"at least {self.low:g}"
        return "any value"


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    meta: list[Any] = []
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            base, *extra = typing.get_args(tp)
            for x in extra:
                meta += list(getattr(x, "metadata", [x]))
            tp = base
        elif typing.get_origin(tp) in (typing.Union, types.UnionType) and \
                type(None) in typing.get_args(tp):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp, meta


def _leaf(text: str, path: Path, tp: Any, meta: list[Any], value: Any) -> Knob:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return Knob(text, path, "word", value, words=tuple(str(w.value) for w in tp))
    if typing.get_origin(tp) is typing.Literal:
        return Knob(text, path, "word", value, words=tuple(str(a) for a in typing.get_args(tp)))
    if tp is bool:
        return Knob(text, path, "yes/no", value)
    if tp in (int, float):
        low = high = None
        for x in meta:
            if isinstance(x, annotated_types.Ge | annotated_types.Gt):
                low = float(x.ge if isinstance(x, annotated_types.Ge) else x.gt)
            elif isinstance(x, annotated_types.Le | annotated_types.Lt):
                high = float(x.le if isinstance(x, annotated_types.Le) else x.lt)
        return Knob(text, path, "whole number" if tp is int else "number", value, low, high)
    raise KnobError(f"{text}: names a part of the scenario, not a number or a word; "
                    "continue the path to one field")


def resolve(spec: ScenarioSpec, text: str) -> Knob:
    """The knob at `text` in `spec`, or KnobError naming the first part that is wrong."""
    parts = [p for p in text.strip().split(".")]
    if not text.strip() or any(not p for p in parts):
        raise KnobError(f"'{text}' is not a field path; write it like "
                        "vendors.ruiyin.fit.risk")
    data: Any = spec.model_dump(mode="json")
    tp: Any = ScenarioSpec
    meta: list[Any] = []
    path: Path = ()
    where = "the scenario"
    for depth, part in enumerate(parts):
        tp, meta = _unwrap(tp)
        shown = ".".join(parts[: depth + 1])
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            fields = list(tp.model_fields)
            if part not in fields:
                raise KnobError(f"{text}: {where} has no field '{part}'; "
                                + (did_you_mean(part, fields) or ""))
            info = tp.model_fields[part]
            tp, meta = info.annotation, list(info.metadata)
            data = data.get(part) if isinstance(data, dict) else None
            path = (*path, part)
            where = f"'{shown}'"
            continue
        origin = typing.get_origin(tp)
        if origin in (list, tuple):
            items = data if isinstance(data, list) else []
            args = typing.get_args(tp)
            inner = args[0]
            ids = [x.get("id") for x in items if isinstance(x, dict) and "id" in x]
            if part.isdigit() and int(part) < len(items):
                index = int(part)
                if origin is tuple and len(args) > index:
                    inner = args[index]
            elif part in ids:
                index = ids.index(part)
            else:
                if ids:
                    hint = did_you_mean(part, [str(i) for i in ids]) or ""
                    raise KnobError(f"{text}: {where} has no item with the id '{part}'; {hint}")
                raise KnobError(f"{text}: {where} has no item {part}; it holds {len(items)} "
                                f"(number them from 0)")
            tp, meta = inner, []
            data = items[index]
            path = (*path, index)
            where = f"'{shown}'"
            continue
        if origin is dict:
            keys = list(data) if isinstance(data, dict) else []
            if part not in keys:
                hint = did_you_mean(part, keys) if keys else "it is empty"
                raise KnobError(f"{text}: {where} has no entry '{part}'; {hint} (a sweep "
                                "changes values the file has; write the entry first)")
            tp, meta = typing.get_args(tp)[1], []
            data = data[part]
            path = (*path, part)
            where = f"'{shown}'"
            continue
        raise KnobError(f"{text}: {where} is a single value; '{part}' cannot follow it")
    tp, more = _unwrap(tp)
    return _leaf(text, path, tp, [*meta, *more], data)


def parse_values(knob: Knob, spec_text: str) -> list[Any]:
    """`FROM:TO:STEP` (both ends included) or `a,b,c`, as values of the knob's kind."""
    text = spec_text.strip()
    if ":" in text:
        parts = text.split(":")
        if len(parts) != 3:
            raise KnobError(f"{knob.text}: '{text}' should be FROM:TO:STEP, e.g. 0.4:0.7:0.05")
        if knob.kind not in ("number", "whole number"):
            raise KnobError(f"{knob.text}: holds a {knob.kind}; list its values as a,b,c")
        start, stop, step = (knob.convert(p) for p in parts)
        if step <= 0:
            raise KnobError(f"{knob.text}: the step must be above 0, not {step:g}")
        if stop < start:
            raise KnobError(f"{knob.text}: FROM ({start:g}) must not be above TO ({stop:g})")
        count = math.floor((stop - start) / step + 1e-9) + 1
        if count > 50:
            raise KnobError(f"{knob.text}: {count} values is too many for one sweep; use a "
                            "larger step (at most 50 values)")
        digits = max(_decimals(parts[0]), _decimals(parts[2]))
        values = [round(start + i * step, digits) for i in range(count)]
        return _within(knob, [int(v) for v in values] if knob.kind == "whole number"
                       else values)
    values = [knob.convert(p) for p in text.split(",") if p.strip()]
    if not values:
        raise KnobError(f"{knob.text}: no values given")
    return _within(knob, values)


def _within(knob: Knob, values: list[Any]) -> list[Any]:
    """The values, or KnobError naming the first outside what the field allows."""
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float):
            continue
        if (knob.low is not None and v < knob.low) or (knob.high is not None and v > knob.high):
            raise KnobError(f"{knob.text}: {v:g} is outside what the field allows "
                            f"({knob.bounds()})")
    return values


def _decimals(raw: str) -> int:
    raw = raw.strip()
    return len(raw.split(".", 1)[1]) if "." in raw else 0


def with_values(spec: ScenarioSpec, changes: list[tuple[Knob, Any]]) -> ScenarioSpec:
    """A copy of `spec` with each knob set to its value, validated as a file would be."""
    data = spec.model_dump(mode="json")
    for knob, value in changes:
        target = data
        for part in knob.path[:-1]:
            target = target[part]
        target[knob.path[-1]] = value
    try:
        return ScenarioSpec.model_validate(data)
    except ValidationError as exc:
        issue = issues_from_validation(exc, data, SourceMap("", ""))[0]
        said = ", ".join(f"{k.text}={v}" for k, v in changes)
        hint = f" ({issue.hint})" if issue.hint else ""
        raise KnobError(f"{said}: {issue.field}: {issue.message}{hint}") from None
