"""The authoring guide's reference sections, generated from the models and the rules.

scenarios/README.md is written for course designers; its field tables, word lists and lint
codes are produced here, between marker comments, from the same pydantic models the loader
validates against, the action catalogue, and the lint rules. A test regenerates them and
fails when the committed README differs, so the guide cannot drift from the code. Examples
come from the shipped scenarios and the starter, so they are real values that load.
"""

from __future__ import annotations

import argparse
import re
import sys
import types
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.core import resolve as R
from game.core.actions import CATALOG
from game.core.ids import PROCUREMENTS
from game.core.resolve import EXPERTS, KDM_WEIGHT, OVERRIDE_GAP
from game.i18n import tr
from game.scenario import models as m
from game.scenario.difficulty import LEVELS, MEASURED, level_line
from game.scenario.lint import NOTES, ROLE_USE, RULES
from game.scenario.schema import SCHEMA_PATH
from game.scenario.thresholds import caps

README = SCHEMA_PATH.parent / "README.md"
BLOCKS = ("fields", "words", "lint", "caps", "actions", "difficulty", "negotiation")
ENUMS = (m.BuyingRole, m.KeyTag, m.Trait, m.MotiveKind, m.ContactLevel, m.Phase, m.Playbook,
         m.Difficulty, m.Procurement)
MEANING: dict[str, str] = {
    "ScenarioSpec.customer": "The customer: who it is, what it needs, its budget and calendar.",
    "ScenarioSpec.events": "Things that may happen during the game.",
    "ScenarioSpec.title": "The scenario's name in the library.",
    "EventSpec.title": "The event's headline.",
    "EventSpec.effects": "What happens to everyone affected as soon as it fires.",
    "ChoiceSpec.effects": "What happens when the team picks this choice.",
    "TimeSpec.rep": "Days the sales rep gives this deal each week.",
    "TimeSpec.presales": "Days the presales consultant gives this deal each week.",
    "TimeSpec.pm": "Days the project manager gives this deal each week.",
    "TimeSpec.exec": "Days the executive gives this deal each week.",
    "EventSpec.trigger": "When the event may fire.",
    "ReplaceStakeholderEffect.new": "The newcomer; every vendor starts over with them.",
    "CalendarEffect.milestone": "The milestone to move; every later milestone moves with it.",
    "NeedWeightEffect.weight": "The need's new relative weight; weights are normalised again.",
    "SupportEffect.change": "Change of support, -1 to 1; smaller near the ends of the scale.",
    "TrustEffect.change": "Change of trust, -1 to 1.",
    "CriteriaEffect.criterion": "The tender weight to change.",
    "CriteriaEffect.change": "Added to that weight, then the weights are normalised again.",
    "RevealEffect.motive": "Which motive the vendor learns.",
    "SupportCondition.above": "Holds while support is above this (give above, below or both).",
    "SupportCondition.below": "Holds while support is below this.",
    "ContactCondition.at_least": "The contact level the vendor must have reached.",
    "PhaseCondition.phase": "The customer phase the week must be in.",
    "EventFiredCondition.fired": "true: the other event has fired; false: it has not.",
    "AwardedCondition.awarded": "true: the tender has been awarded; false: not yet.",
    "NewPersonSpec.name": "The newcomer's full name.",
    "NewPersonSpec.title": "Their job title, if it differs from the old one.",
    "NewPersonSpec.traits": "Their traits (omit to keep the old person's).",
    "NewPersonSpec.cares_about": "The needs they care about (omit to keep the old ones).",
    "NewPersonSpec.position_motive": "Their hidden KPI.",
    "NewPersonSpec.personal_motive": "Their hidden personal interest.",
    "NewPersonSpec.leaning": "Their starting attitude to every vendor, -1 to 1.",
}
"""Meanings for fields whose model has no description (a test keeps this list minimal)."""
EXAMPLES: dict[str, Any] = {
    "ContactCondition.stakeholder": "qian_weidong",
    "ContactCondition.vendor": "teams",
    "ContactCondition.at_least": "insider",
    "VendorBudgetEffect.vendor": "affected",
    "VendorBudgetEffect.change": 10,
    "TimeSpec.rep": 5,
    "TimeSpec.presales": 4,
    "TimeSpec.pm": 3,
    "TimeSpec.exec": 2,
    "NewPersonSpec.title": {"zh": "信息中心主任", "en": "Head of IT"},
    "VendorSpec.enters_week": 6,
    "VendorSpec.time": {"presales": 3, "exec": 1},
    "EventFiredCondition.fired": False,
    "TrustEffect.vendor": "affected",
    "RevealEffect.vendor": "affected",
}
"""Examples for fields no shipped scenario sets (a test keeps this list minimal)."""


# ---- reading types ----------------------------------------------------------------------


def _unwrap(tp: Any, meta: list[Any]) -> tuple[Any, list[Any]]:
    """Strip Annotated (collecting its constraints) and `| None`."""
    while True:
        if get_origin(tp) is Annotated:
            base, *extra = get_args(tp)
            for x in extra:
                meta += x.metadata if isinstance(x, FieldInfo) else [x]
            tp = base
        elif get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp, meta


def _range(meta: list[Any]) -> str:
    lo = next((f">= {x.ge:g}" for x in meta if isinstance(x, at.Ge)), None)
    lo = lo or next((f"> {x.gt:g}" for x in meta if isinstance(x, at.Gt)), None)
    hi = next((x.le for x in meta if isinstance(x, at.Le)), None)
    if lo and hi is not None and lo.startswith(">="):
        return f" {lo[3:]} to {hi:g}"
    return "".join(f" {s}" for s in (lo, f"<= {hi:g}" if hi is not None else None) if s)


def _variants(tp: Any) -> list[type[BaseModel]]:
    tp, _ = _unwrap(tp, [])
    if get_origin(tp) in (Union, types.UnionType):
        return [a for a in get_args(tp) if isinstance(a, type) and issubclass(a, BaseModel)]
    return []


def type_text(tp: Any, meta: list[Any] | None = None) -> str:
    """A field's type in the guide's words, with links to model sections."""
    tp, meta = _unwrap(tp, list(meta or []))
    origin = get_origin(tp)
    if tp is m.TextSpec:  # the commonest type gets plain words instead of a link
        return "text (`zh` and `en`)"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    if _variants(tp):
        kind = "condition" if "Condition" in _variants(tp)[0].__name__ else "effect"
        return f"a [{kind}](#{kind}s)"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"one of the [{tp.__name__}](#{tp.__name__.lower()}) words"
    if origin is Literal:
        return "exactly " + " or ".join(f"`{a}`" for a in get_args(tp))
    if origin is list:
        return "list of " + type_text(get_args(tp)[0])
    if origin is tuple:
        return "[first, last]: two " + type_text(get_args(tp)[0]).replace("whole number",
                                                                           "whole numbers")
    if origin is dict:
        key, value = get_args(tp)
        return f"mapping of id → {type_text(value)}"
    if tp is bool:
        return "true or false"
    if tp is int:
        return "whole number" + _range(meta)
    if tp is float:
        return "number" + _range(meta)
    if tp is str:
        return "id" if any(getattr(x, "pattern", None) for x in meta) else "text or id"
    return str(tp)


# ---- examples from real files -----------------------------------------------------------


def _collect(value: Any, tp: Any, out: dict[str, Any]) -> None:
    tp, _ = _unwrap(tp, [])
    if variants := _variants(tp):
        if isinstance(value, dict):
            for v in variants:
                if value.get("type") in get_args(v.model_fields["type"].annotation):
                    _collect(value, v, out)
        return
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(value, dict):
        for name, f in tp.model_fields.items():
            if name in value:
                out.setdefault(f"{tp.__name__}.{name}", value[name])
                _collect(value[name], f.annotation, out)
    elif get_origin(tp) is list and isinstance(value, list):
        for item in value:
            _collect(item, get_args(tp)[0], out)
    elif get_origin(tp) is dict and isinstance(value, dict):
        for item in value.values():
            _collect(item, get_args(tp)[1], out)


def examples() -> dict[str, Any]:
    """The first value each field has in the shipped scenarios (then the starter)."""
    from game.scenario.starter import starter_text

    out: dict[str, Any] = {}
    texts = [p.read_text(encoding="utf-8") for p in sorted(SCHEMA_PATH.parent.glob("*.yaml"))]
    texts.append(starter_text("starter", SCHEMA_PATH.parent / "starter.yaml"))
    for text in texts:
        _collect(yaml.safe_load(text), m.ScenarioSpec, out)
    return out


def _short(value: Any) -> Any:
    if isinstance(value, str):
        return value if len(value) <= 24 else value[:22] + "…"
    if isinstance(value, dict):
        return {k: _short(v) for k, v in list(value.items())[:6]}
    if isinstance(value, list):
        return [_short(v) for v in value[:4]]
    return value


def example_text(model: type[BaseModel], name: str, found: dict[str, Any]) -> str:
    key = f"{model.__name__}.{name}"
    tp, _ = _unwrap(model.model_fields[name].annotation, [])
    inner = get_args(tp)[0] if get_origin(tp) is list else tp
    if (isinstance(inner, type) and issubclass(inner, BaseModel) and inner is not m.TextSpec
            or _variants(inner)) and key not in EXAMPLES:
        return "see its section"
    value = EXAMPLES.get(key, found.get(key))
    if name == "type" and get_origin(tp) is Literal:
        value = get_args(tp)[0]
    if value is None:
        return ""
    return f"`{_inline({name: _short(value)})[1:-1]}`".replace("|", "\\|")


# ---- the generated blocks ---------------------------------------------------------------


def models_in_order() -> Iterator[tuple[type[BaseModel], str]]:
    """Every authored model once, in the order a designer meets it, with where it appears."""
    seen: set[type] = set()
    queue: list[tuple[type[BaseModel], str]] = [(m.ScenarioSpec, "the top level of the file")]
    while queue:
        model, where = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        yield model, where
        for name, f in model.model_fields.items():
            tp, _ = _unwrap(f.annotation, [])
            for inner in (tp, *get_args(tp)):
                inner, _ = _unwrap(inner, [])
                for sub in _variants(inner) or [inner]:
                    if isinstance(sub, type) and issubclass(sub, BaseModel):
                        queue.append((sub, f"`{name}` of {model.__name__}"))


def meaning(model: type[BaseModel], name: str) -> str:
    if name == "type" and get_origin(model.model_fields[name].annotation) is Literal:
        return "Which kind of condition or effect this is; the other fields depend on it."
    return model.model_fields[name].description or MEANING.get(f"{model.__name__}.{name}", "")


def _default(f: FieldInfo) -> str:
    if f.is_required():
        return "**required**"
    value = f.default_factory() if f.default_factory else f.default  # type: ignore[call-arg]
    if isinstance(value, BaseModel):
        return "all its defaults"
    if isinstance(value, Enum):
        value = value.value
    if value is None:
        return "omitted"
    return f"`{_inline(value)}`"


def _inline(value: Any) -> str:
    """A value as YAML on one line, the way a designer would type it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6,
                          sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def fields_block() -> str:
    found = examples()
    out: list[str] = []
    groups = {"Condition": "conditions", "Effect": "effects"}
    for model, where in models_in_order():
        doc = " ".join((model.__doc__ or "").split())
        for suffix in list(groups):
            if model.__name__.endswith(suffix):  # the first of a kind anchors "a condition"
                out.append(f'<a id="{groups.pop(suffix)}"></a>')
        out += [f'<a id="{model.__name__.lower()}"></a>', f"### {model.__name__}", "",
                f"Appears as {where}." + (f" {doc}" if doc and "Base for" not in doc else ""),
                "", "| field | type | default | meaning | example |", "|---|---|---|---|---|"]
        for name, f in model.model_fields.items():
            cells = [f"`{name}`", type_text(f.annotation, f.metadata), _default(f),
                     meaning(model, name), example_text(model, name, found)]
            out.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def words_block() -> str:
    """Every word list, with what the engine does with each word where that is data."""
    out: list[str] = []
    for enum in ENUMS:
        doc = " ".join((enum.__doc__ or "").split())
        out += [f'<a id="{enum.__name__.lower()}"></a>', f"### {enum.__name__}", ""]
        if doc and not doc.startswith("An enumeration") and "str(object" not in doc:
            out += [doc, ""]
        out += _word_rows(enum) or [", ".join(f"`{w.value}`" for w in enum)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _word_rows(enum: type[Enum]) -> list[str]:
    """A table for the word lists whose meaning the engine's data spells out."""
    if enum is m.MotiveKind:
        rows = [(w.value, _actions(lambda d, w=w: w.value in d.addresses,
                                   "none: finding this motive does not help (lint warns)"))
                for w in enum]
        head = "actions that address it"
    elif enum is m.Trait:
        rows = [(w.value, _actions(lambda d, w=w: d.traits.get(w.value, 1) > 1) + " | "
                 + _actions(lambda d, w=w: d.traits.get(w.value, 1) < 1)) for w in enum]
        head = "actions that land better | actions that land worse"
    elif enum is m.BuyingRole:
        rows, head = [(w.value, ROLE_USE[w.value]) for w in enum], "what the engine uses it for"
    elif enum is m.ContactLevel:
        levels = list(enum)
        rows = [(w.value, _actions(lambda d, i=i: 0 < i == d.contact_to, "where vendors start"))
                for i, w in enumerate(levels)]
        head = "actions that raise contact to it"
    elif enum is m.Procurement:
        rows = [(w.value, f"×{KDM_WEIGHT[i]:g} | "
                 + (f"{EXPERTS[i]:g} × the buying centre's weight, merit only" if EXPERTS[i]
                    else "none") + " | "
                 + (f"a lead under {OVERRIDE_GAP[i]:.2f} (scores run 0 to 1)" if OVERRIDE_GAP[i]
                    else "none: the scores decide"))
                for w in enum for i in [PROCUREMENTS.index(w.value)]]
        head = ("the KDM's weight among the evaluators | drawn expert panel | what the "
                "KDM's choice (W) overturns")
    elif enum is m.Phase:
        fields = m.ParticipationSpec.model_fields
        rows, head = [(w.value, fields[w.value].description) for w in enum], "when"
    else:
        return []
    sep = "|---" * (head.count("|") + 2) + "|"
    return [f"| word | {head} |", sep, *(f"| `{w}` | {text} |" for w, text in rows)]


def _actions(test: Any, none: str = "-") -> str:
    hits = [f"`{d.id}`" for d in CATALOG.values() if test(d)]
    return ", ".join(hits) if hits else none


def lint_block() -> str:
    rows = [f"| `{code}` | {text} |" for code, text in {**RULES, **NOTES}.items()]
    return "\n".join(["| code | what it warns about |", "|---|---|", *rows]) + "\n"


def caps_block() -> str:
    """Every point past which a number stops changing the game (game.scenario.thresholds)."""
    rows = [f"| {c.field} | {c.point} | {c.rule} |" for c in caps()]
    return "\n".join(["| field | stops mattering at | why |", "|---|---|---|", *rows]) + "\n"


def actions_block() -> str:
    """The action catalogue as a table: who, how many days, what it costs, when."""
    rows = []
    for d in CATALOG.values():
        who = " + ".join(tr(f"role.{r}") for r in d.roles)
        lo, hi = d.stages
        stages = "any" if (lo, hi) == (1, 7) else f"P{lo}" if lo == hi else f"P{lo}-P{hi}"
        phases = ", ".join(d.phases) if d.phases else "any"
        notes = []
        if d.once:
            notes.append("once a game")
        if d.senior_only:
            notes.append("senior or KDM only")
        if d.target:
            notes.append("on one person")
        rows.append(f"| `{d.id}` | {tr(f'action.{d.id}.name')} | {who} | {d.days} | "
                    f"{d.cost:g} | {stages} | {phases} | {'; '.join(notes)} |")
    head = ["| action | name | role | days | cost (万元) | stages | phases | notes |",
            "|---|---|---|---:|---:|---|---|---|"]
    return "\n".join([*head, *rows]) + "\n"


def difficulty_block() -> str:
    """What each difficulty level does, as measured (game.scenario.difficulty)."""
    return "\n".join([f"Measured {MEASURED}:", "",
                      *(f"- {level_line(w)}." for w in LEVELS)]) + "\n"


def negotiation_block() -> str:
    """What the buyers ask at the table, from the rule's own constants (resolve.terms_asked)."""
    def pts(x: float) -> str:
        return f"{x * 100:g} points"

    rows = [
        ("where they start", f"{pts(R.ASK_BASE)} off our bid", "a clear winner, neutral buyers"),
        ("a price-sensitive budget holder or purchaser", f"+{pts(R.ASK_SENSITIVE)}", ""),
        ("our bid above 95% of the budget", f"+{pts(R.ASK_NEAR_BUDGET)}", ""),
        ("the runner-up close behind on score", f"up to +{pts(R.ASK_RIVAL)}",
         f"in full when it scored level with us (or the KDM chose us over a better score), "
         f"nothing once we lead by {R.CLEAR_LEAD:.2f} (scores run 0 to 1), in between in "
         "proportion; a bidder passed over for not signing no longer counts"),
        ("... and it bid less than us", f"+{R.ASK_MATCH:g} × the price gap",
         "the gap as a share of our price, scaled like the line above"),
        ("the buyers' average support for us", f"−{pts(R.ASK_SUPPORT)} per +1",
         "support runs -1 to +1: hostile buyers ask more"),
        ("the executive at the table (`negotiation_team`)", f"−{pts(R.ASK_JOINT)}", ""),
    ]
    out = ["| what | discount asked | notes |", "|---|---|---|",
           *(f"| {a} | {b} | {c} |" for a, b, c in rows)]
    out += ["", f"The discount asked is never below 0 nor above {R.MAX_DISCOUNT:.0%} (what an "
            "executive can approve; without `approve_discount` a vendor may give "
            "10%). The first payment they accept is `first_payment_max`, "
            f"{R.PAY_SUPPORT:+g} per +1 of the buyers' support and {R.PAY_JOINT:+g} with "
            "the executive at the table, never under `first_payment_min` nor above 0.5. "
            "The contract value is the bid less the discount, never under `floor_price`."]
    return "\n".join(out) + "\n"


def render_readme(text: str) -> str:
    """`text` with every generated block replaced by its current contents."""
    makers = {"fields": fields_block, "words": words_block, "lint": lint_block,
              "caps": caps_block, "actions": actions_block, "difficulty": difficulty_block,
              "negotiation": negotiation_block}
    for name in BLOCKS:
        begin, end = _markers(name)
        pattern = re.compile(re.escape(begin) + r"\n.*?" + re.escape(end), re.S)
        if not pattern.search(text):
            raise ValueError(f"README has no '{begin}' ... '{end}' block")
        body = makers[name]()
        text = pattern.sub(lambda _m, new=f"{begin}\n{body}{end}": new, text)
    return text


def _markers(name: str) -> tuple[str, str]:
    return (f"<!-- BEGIN GENERATED {name}: run `python main.py guide`; do not edit -->",
            f"<!-- END GENERATED {name} -->")


def run_guide(check: bool = False, path: Path = README) -> int:
    """Regenerate the README's reference blocks (or, with check, report whether stale)."""
    text = path.read_text(encoding="utf-8")
    new = render_readme(text)
    if check:
        stale = new != text
        print(f"{path}: {'stale; run python main.py guide' if stale else 'up to date'}")
        return 1 if stale else 0
    path.write_text(new, encoding="utf-8", newline="\n")
    print(f"wrote {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `guide [--check]`: regenerate the authoring guide's reference sections."""
    p = sub.add_parser("guide", help="regenerate the field tables in scenarios/README.md")
    p.add_argument("--check", action="store_true", help="only report whether it is stale")
    p.set_defaults(func=lambda args: run_guide(args.check))


if __name__ == "__main__":
    sys.exit(run_guide("--check" in sys.argv))
