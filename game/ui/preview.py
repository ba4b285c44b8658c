"""What a planned action is likely to do, said before the player commits to it.

Everything here is derived from the action's catalogue entry (``ActionDef``) and from our own
view: the multipliers the rules apply (right stage, a discovered motive, the person's traits
and how much they take part now, our product's fit, and the reasons a move lands weaker or
stronger that `game.core.landing` names: the same move twice running, the KDM early, a joint
move, reaching out to a rival's backer) are only shown when the view already holds the fact
they depend on. A motive we have not discovered stays a "maybe"; nothing is
read from hidden state, so the preview can never leak what the team has not learned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.core.actions import CATALOG, Action, ActionDef
from game.core.effects import JOINT_PREMIUM, MOTIVE_FOUND, MOTIVE_LUCKY
from game.core.landing import PART_FLOOR, STAGE_OFF, Factor, landing
from game.ui.words import short_label

CONTACT_NAMES = ("unknown", "met", "relationship", "insider", "coach")
SPECIAL_TEXT = ("qualify", "intel", "bid", "negotiate", "shape", "proposal", "delivery_plan",
                "confirm", "approve_discount", "complaint", "sign", "collect", "bid_defense",
                "coach", "introduce", "ask_coach", "discredit")


@dataclass(frozen=True)
class Line:
    """One preview line: an i18n key under ``ui.preview.`` (or a ``landing.*`` key of the
    rules, under ``core.``) with its values, and a tone (``good``, ``bad`` or ``info``) that
    the board shows with a mark as well as a colour."""

    key: str
    params: dict[str, Any]
    tone: str = "info"


def _chance_word(p: float) -> str:
    return "likely" if p >= 0.6 else "maybe" if p >= 0.3 else "unlikely"


def _person(view: dict[str, Any], pid: str | None) -> dict[str, Any] | None:
    return next((p for p in view["people"] if p["id"] == pid), None)


def _fit(view: dict[str, Any], p: dict[str, Any] | None) -> float:
    """Our product's fit to what this person cares about (all needs when we do not know)."""
    needs = {n["id"]: n["weight"] for n in view["customer"]["needs"]}
    fit = view["me"]["fit"]
    wanted = (p or {}).get("cares_about") or list(needs)
    total = sum(needs.get(n, 0.0) for n in wanted) or 1.0
    return sum(needs.get(n, 0.0) * fit.get(n, 0.0) for n in wanted) / total


def _motive_lines(d: ActionDef, p: dict[str, Any]) -> tuple[list[Line], float]:
    lines: list[Line] = []
    best = 1.0
    hidden = 0
    for which in ("position_motive", "personal_motive"):
        m = p.get(which)
        if m is None:
            hidden += 1
            continue
        if m["kind"] in d.addresses:
            best = MOTIVE_FOUND
            lines.append(Line("motive_hit", {"which": which, "kind": m["kind"],
                                             "x": MOTIVE_FOUND}, "good"))
    if best == 1.0 and d.addresses:
        if hidden:
            lines.append(Line("motive_maybe", {"x": MOTIVE_LUCKY}))
        else:
            lines.append(Line("motive_miss", {}, "bad"))
    return lines, best


def landing_line(f: Factor, view: dict[str, Any]) -> Line:
    """A reason the move lands weaker or stronger, as a preview line with its factor (a
    rival named by the short form of its name, so the factor at the end still fits)."""
    params = {**f.params, "x": round(f.factor, 2)}
    if "rival" in params:
        rival = next((r for r in view["rivals"] if r["id"] == params["rival"]), None)
        params["rival"] = short_label(rival["name"]) if rival else params["rival"]
    return Line(f.key, params, "bad" if f.factor < 1 else "good")


def _person_lines(view: dict[str, Any], d: ActionDef, p: dict[str, Any]) -> list[Line]:
    """Effects on one person: support, trust, contact, what we may learn, multipliers."""
    out: list[Line] = []
    land = landing(view, d.id, p["id"])
    absent = any(f.key == "landing.absent" for f in land)
    mult = 1.0
    for f in land:  # participation is counted whole below, not only when it is low
        if f.key != "landing.absent":
            mult *= f.factor
    motive_lines, motive_x = _motive_lines(d, p)
    mult *= motive_x
    traits = p.get("traits")
    trait_x = 1.0
    for t in traits or ():
        trait_x *= d.traits.get(t, 1.0)
    mult *= trait_x
    part = p.get("participation_now")
    if part is not None:
        mult *= PART_FLOOR + (1 - PART_FLOOR) * part
    if d.fit_scaled:
        mult *= 0.4 + 1.2 * _fit(view, p)
    if d.special == "needs_references":
        mult *= min(1.0, 0.4 + 0.15 * view["me"]["references"])
    if d.support:
        room = 1 - max(p["support"], 0.0)
        gain = d.support * mult * (0.6 + 0.4 * p["trust"]) * room
        out.append(Line("support", {"delta": round(gain * 100), "base": round(d.support * 100)},
                        "good"))
    if d.trust:
        out.append(Line("trust", {}, "good"))
    level = p["contact_level"]
    if d.contact_to > level:
        name = CONTACT_NAMES[d.contact_to]
        if p["trust"] + 1e-9 >= d.contact_trust:
            out.append(Line("contact_call" if d.id == "call" else "contact", {"level": name},
                            "good"))
        else:
            out.append(Line("contact_trust", {"level": name,
                                              "pct": round(d.contact_trust * 100)}, "bad"))
    depth = 1.5 if level >= 3 else 1.0
    if d.reveal_roles and "roles" not in p:
        out.append(Line("learn_roles", {}, "good"))
    if d.reveal_needs and "cares_about" not in p:
        chance = d.reveal_needs * (0.6 + 0.4 * p["trust"]) * depth
        out.append(Line("learn_needs", {"chance": _chance_word(chance)}))
    for which, amount, base in (("position_motive", d.reveal_position, 0.5),
                                ("personal_motive", d.reveal_personal, 0.4)):
        if amount and which not in p:
            chance = amount * (base + p["trust"]) * depth
            out.append(Line("learn_motive", {"which": which, "chance": _chance_word(chance)}))
    out += motive_lines
    out += [landing_line(f, view) for f in land if f.key != "landing.joint"]  # joint: said above
    if trait_x >= 1.05:
        out.append(Line("traits_good", {"traits": list(traits or ()), "x": round(trait_x, 2)},
                        "good"))
    elif trait_x <= 0.95:
        out.append(Line("traits_bad", {"traits": list(traits or ()), "x": round(trait_x, 2)},
                        "bad"))
    if part is None:
        out.append(Line("participation_unknown", {}))
    elif not absent:
        out.append(Line("participation", {"pct": round(part * 100)}, "info"))
    if d.fit_scaled:
        out.append(Line("fit", {"pct": round(_fit(view, p) * 100)}))
    if d.special == "meet_kdm" and "KDM" in p.get("key", ()):
        out.append(Line("meets_kdm", {}, "good"))
    if d.opens_doors and p.get("needs_introduction"):
        out.append(Line("opens_door", {}, "good"))
    return out


def preview(view: dict[str, Any], action: Action) -> list[Line]:
    """The lines that describe what ``action`` would do this week, from the view alone."""
    d = CATALOG[action.kind]
    out: list[Line] = []
    p = _person(view, action.target) if d.target else None
    if d.joint:  # the premium applies to a move on a person; every joint move shares days
        key = "joint" if p is not None else "joint_days"
        x = {"x": round(JOINT_PREMIUM, 2)} if p is not None else {}
        out.append(Line(key, {"roles": list(d.roles), **x}, "good"))
    if p is not None:
        out += _person_lines(view, d, p)
    elif d.special not in SPECIAL_TEXT:
        stage = view["me"]["stage"]
        if not d.best[0] <= stage <= d.best[1]:
            out.append(Line("stage_off", {"a": d.best[0], "b": d.best[1], "x": STAGE_OFF}, "bad"))
    special = d.special if d.special in SPECIAL_TEXT else None
    if special:
        out.append(Line("special." + special, {}, "info"))
    open_items = {c["key"] for c in view["checklist"] if not c["done"]}
    for fact in d.facts:
        if fact in open_items:
            out.append(Line("criterion", {"criterion": fact}, "good"))
    if d.once:
        out.append(Line("once", {}))
    return sorted(out, key=priority)


# what a player reads first when only a few lines fit: what it does, then why it lands (a
# reason it lands much weaker or stronger before the finer points)
PRIORITY = {"joint": 0, "joint_days": 0, "support": 1, "special": 1, "opens_door": 1,
            "landing": 2, "criterion": 2, "meets_kdm": 2, "contact": 3, "contact_call": 3,
            "contact_trust": 3, "trust": 4, "learn_roles": 5, "learn_needs": 5,
            "learn_motive": 5, "motive_hit": 6, "motive_maybe": 6, "motive_miss": 6,
            "landing.stage_good": 7, "landing.stage_off": 7, "traits_good": 8,
            "traits_bad": 8, "participation": 8, "participation_unknown": 9, "fit": 9,
            "once": 10}


def priority(line: Line) -> int:
    return PRIORITY.get(line.key, PRIORITY.get(line.key.split(".")[0], 9))


def render(line: Line, tr: Any) -> str:
    """One line as text in the current language (names of motives, traits and levels too)."""
    params = dict(line.params)
    if "which" in params:
        params["which"] = tr("ui.preview.which." + params["which"])
    if "kind" in params:
        params["kind"] = tr("motive." + params["kind"])
    if "level" in params:
        params["level"] = tr("contact." + params["level"])
    if "chance" in params:
        params["chance"] = tr("ui.preview.chance." + params["chance"])
    if "traits" in params:
        params["traits"] = ", ".join(tr("ui.trait." + t) for t in params["traits"])
    if "roles" in params:
        params["roles"] = " + ".join(tr("ui.role_short." + r) for r in params["roles"])
    if "criterion" in params:
        params["criterion"] = tr("criterion." + params["criterion"])
    if "rival" in params:
        params["rival"] = tr.pick(params["rival"])
    if "x" in params:
        params["x"] = f"×{params['x']:.2f}".rstrip("0").rstrip(".")
    if "delta" in params:
        params["delta"] = f"{params['delta']:+d}"
    if line.key.startswith("landing."):  # the rules' own keys (core.landing.*)
        return tr(line.key, **params)
    return tr("ui.preview." + line.key, **params)


MARKS = {"good": "+", "bad": "−", "info": "·"}


def preview_text(view: dict[str, Any], action: Action, tr: Any) -> list[tuple[str, str]]:
    """(text, tone) for each line, the mark (+, −, ·) in front so tone never rests on colour."""
    return [(f"{MARKS[ln.tone]} {render(ln, tr)}", ln.tone) for ln in preview(view, action)]
