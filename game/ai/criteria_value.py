"""What a move is worth for the current stage's exit criteria (seed 004's success markers).

The planner's scorer (`value`) adds the bonus named here to an option's support gain: the
largest of the open criteria this kind of move, with this person, could close or bring
closer. `CRITERIA_OF` lists per kind every criterion it could ever name, so a kind whose
criteria are all met is skipped without looking at its targets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.core.actions import CATALOG, ActionDef

if TYPE_CHECKING:
    from game.ai.value import Context


def criterion(ctx: Context, d: ActionDef, p: dict[str, Any] | None) -> tuple[float, str | None]:
    """Bonus for moving an unmet exit criterion of the current stage (or the next one)."""
    if CRITERIA_OF[d.id].isdisjoint(ctx.unmet):
        return 0.0, None  # nothing this kind could move is still open
    return criterion_bonus(ctx, d, p)


def _criteria_of(d: ActionDef) -> frozenset[str]:
    """Every criterion `criterion_bonus` may name for this kind, whatever the person."""
    kind = d.id
    keys: set[str] = set()
    if d.target:
        if kind == "call":
            keys |= {"lead_contact", "org_mapped", "insider_ki_ku", "insider_ki", "insider_ku",
                     "kdm_met"}
        if kind in ("visit", "joint_visit"):
            keys |= {"first_visit", "willing"}
        if kind in ("needs_research", "joint_visit", "site_survey", "visit"):
            keys.add("need_heard")
        if kind == "entertain":
            keys.add("willing")
        if kind == "gather_intel":
            keys.add("org_mapped")
        if kind == "develop_insider" or d.trust or d.contact_to >= 2:
            keys |= {"insider_ki", "insider_ku", "insider_ki_ku"}
        if kind == "develop_coach" or d.trust or d.support:
            keys.add("coach")
        if kind in ("sponsor_visit", "exec_visit") or d.special == "meet_kdm":
            keys.add("kdm_met")
        if kind in ("demo", "solution_workshop", "pilot"):
            keys |= {"demo_done", "product_presented"}
        if kind in ("implementation_reference", "reference_visit"):
            keys.add("references_presented")
        if d.support:
            keys |= {"support_ku", "support_ki", "support_kdm"}
        if kind == "shape_criteria":
            keys.add("criteria_shaped")
        if kind in ("visit", "sponsor_visit"):
            keys.add("el_budget")
    else:
        keys |= {"profiled", "pursue", "product_presented", "references_presented"}
    return frozenset(keys)


CRITERIA_OF = {d.id: _criteria_of(d) for d in CATALOG.values()}


def criterion_bonus(ctx: Context, d: ActionDef, p: dict[str, Any] | None
                     ) -> tuple[float, str | None]:
    u = ctx.unmet
    kind = d.id
    best, key = 0.0, None

    def offer(v: float, k: str) -> None:
        nonlocal best, key
        if k in u and v > best:
            best, key = v, k

    if p is None:
        if kind == "research_account":
            offer(2.0, "profiled")
        elif kind == "decide_pursue":
            offer(2.0, "pursue")
        elif kind == "proposal":
            offer(1.5, "product_presented")
        elif kind == "delivery_plan":
            offer(1.3, "references_presented")
        return best, key
    roles_known = "roles" in p
    lvl = p["contact_level"]
    trust = p["trust"]
    i = ctx.person(p["id"])
    tags = {"KDM": i.kdm, "KI": i.ki, "KU": i.ku}
    if kind == "call" and not roles_known:
        offer(0.9, "lead_contact")
        offer(0.5, "org_mapped")
        for k in ("insider_ki_ku", "insider_ki", "insider_ku", "kdm_met"):
            offer(0.3, k)
    if kind in ("visit", "joint_visit") and lvl >= 1:
        offer(1.2, "first_visit")
        offer(0.6, "willing")
    if kind in ("needs_research", "joint_visit", "site_survey", "visit") and \
            "cares_about" not in p:
        offer(1.0 if kind != "visit" else 0.6, "need_heard")
    if kind == "entertain":
        offer(0.5, "willing")
    if kind == "gather_intel":
        offer(1.2, "org_mapped")
    for tag, crit in (("KI", "insider_ki"), ("KU", "insider_ku")):
        for c in (crit, "insider_ki_ku"):
            if tags[tag] and lvl < 3:
                if kind == "develop_insider":
                    offer(2.2, c)
                elif lvl == 2 and trust < 0.45 and d.trust:
                    offer(0.4 + 1.2 * d.trust / max(0.45 - trust, 0.05), c)
                elif lvl < 2 and d.contact_to >= 2:
                    offer(0.6, c)
    if "coach" in u and (p["senior"] or i.kdm) and lvl < 4:
        if kind == "develop_coach":
            offer(2.4, "coach")
        elif lvl >= 2 and (trust < 0.55 or p["support"] < 0.3) and (d.trust or d.support):
            offer(0.5, "coach")
    if i.kdm and kind in ("sponsor_visit", "exec_visit"):
        offer(2.2, "kdm_met")
    if not ctx.kdm_known and p["senior"] and not roles_known and d.special == "meet_kdm":
        offer(0.6, "kdm_met")
    if kind in ("demo", "solution_workshop", "pilot"):
        offer(1.2, "demo_done")
        offer(1.0, "product_presented")
    if kind in ("implementation_reference", "reference_visit"):
        offer(1.0, "references_presented")
    for tag, crit in (("KU", "support_ku"), ("KI", "support_ki"), ("KDM", "support_kdm")):
        if tags[tag] and p["support"] < 0.2 and d.support:
            offer(0.8, crit)
    if kind == "shape_criteria":
        offer(1.6, "criteria_shaped")
    if kind in ("visit", "sponsor_visit") and i.buyer and lvl < 2:
        offer(0.7, "el_budget")
    return best, key


def qualify_value(ctx: Context) -> float:
    """Which of the five elements a qualifying pass would confirm now."""
    u = ctx.unmet
    if not u & {"el_lead", "el_need", "el_fit", "el_budget", "el_timeline"}:
        return 0.0 if "el_budget" in ctx.facts or ctx.stage >= 5 else 0.2
    people = list(ctx.people.values())
    new = 0
    roles = [(set(p.get("roles", ())), p["contact_level"]) for p in people]
    if "el_lead" in u and any(lvl >= 1 and r & {"initiator", "user"} for r, lvl in roles):
        new += 1
    if "el_need" in u and any("cares_about" in p for p in people):
        new += 2  # need and usually fit
    if "el_budget" in u and any(lvl >= 2 and r & {"budget_holder", "purchaser"}
                                for r, lvl in roles):
        new += 1
    if "el_timeline" in u and any(lvl >= 1 and r & {"purchaser", "initiator"}
                                  for r, lvl in roles):
        new += 1
    return 0.9 * new
