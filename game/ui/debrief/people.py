"""The debrief's people tabs as pages: the buying centre revealed, and the team's
coordination with its contribution ledger.

During play motives are hidden and the team sees only its own moves; here every motive is
laid open beside the week it was found (or "never"), and the team's time is measured role by
role, so a trainer can point at the person nobody understood or the role that sat idle.
"""

from __future__ import annotations

from typing import Any

from game.i18n import support as signed
from game.ui import theme
from game.ui.debrief.doc import BODY, SMALL, Cell, Doc

FOUND = "●"  # a filled mark: found; hollow: never found (a shape, not only a colour)
NEVER = "○"


def _person_cell(p: dict[str, Any], tr: Any) -> Cell:
    facts = [p["title"], p["department"], ", ".join(p["roles"]),
             f"{tr('report.motives.influence')} {p['influence']:.2f}",
             f"{tr('report.motives.support_end')} {signed(p['support_end'])}", p["contact_text"]]
    if not p["current"]:
        facts.append(tr("report.motives.replaced", week=p["replaced_week"]))
    name = " ".join([p["name"], *p["key"]])
    return Cell(name, " · ".join(f for f in facts if f and f != "-"), bold=True)


def motives_doc(d: dict[str, Any], tr: Any, width: int) -> Doc:
    """Every hidden motive of every person who held a seat, and when we found it."""
    doc = Doc(width)
    s = d["motives_summary"]
    doc.para(tr("report.motives.summary", **s), BODY + 2, bold=True)
    doc.para(tr("ui.debrief.motives_legend", found=FOUND, never=NEVER), SMALL,
             theme.INK_MUTED)
    rows: list[list[Cell | str]] = []
    tints: list[str | None] = []
    for n, p in enumerate(d["motives"]):
        tint = theme.SURFACE_ALT if n % 2 else None
        for i, m in enumerate(p["motives"]):
            found = m["found"]
            when = Cell(f"{FOUND if found else NEVER} {m['found_text']}", m["how"],
                        theme.US if found else theme.DANGER, bold=not found)
            rows.append([
                _person_cell(p, tr) if i == 0 else "",
                Cell(m["text"], head=f"{m['label']} · {m['kind_text']}"),
                when,
                tr("report.motives.acted", n=m["addressed"], after=m["addressed_after_found"]),
                ", ".join(m["rivals_knew"]) or "-",
            ])
            tints.append(tint)
    doc.table([tr("report.motives.person"), tr("report.motives.motive"),
               tr("report.motives.when"), tr("report.motives.used"),
               tr("report.motives.rivals")],
              [2.2, 4.2, 1.7, 1.3, 1.7], rows, tints, size=SMALL + 1)
    return doc


def coordination_doc(d: dict[str, Any], tr: Any, width: int) -> Doc:
    """Joint moves, the right role at the right stage, idle time, and who did what."""
    c = d["coordination"]
    doc = Doc(width)
    doc.para(tr("report.coord.summary", actions=c["actions"], joint=len(c["joint"]),
                joint_share=f"{c['joint_share']:.0%}", placed=f"{c['placed_share']:.0%}",
                weeks=c["active_weeks"]), BODY + 2, bold=True)
    rows: list[list[Cell | str]] = []
    for r in c["roles"]:
        idle_weeks = ", ".join(str(w) for w in r["idle_weeks"])
        rows.append([
            Cell(r["role_name"], r["player"] if r["player"] != r["role_name"] else "",
                 bold=True),
            str(r["actions"]),
            f"{r['well_placed']} ({r['placed_share']:.0%})",
            str(r["joint"]),
            f"{r['used']:g} / {r['available']:g}",
            Cell(f"{r['idle']:g} ({r['idle_share']:.0%})",
                 tr("ui.debrief.idle_weeks", weeks=idle_weeks) if idle_weeks else ""),
            "\n".join(r["misplaced"]) or "-",
        ])
    doc.table([tr("report.coord.role"), tr("report.coord.actions"), tr("report.coord.placed"),
               tr("report.coord.joint"), tr("report.coord.days"), tr("report.coord.idle"),
               tr("report.coord.examples")],
              [1.5, 0.9, 1.2, 0.9, 1.3, 1.5, 3.4], rows, size=SMALL + 1)
    doc.heading(tr("report.coord.by_stage"))
    roles = c["roles"]
    doc.table([tr("report.coord.stage")] + [r["role_name"] for r in roles],
              [1] + [1.4] * len(roles),
              [[f"P{st}"] + [f"{row[r['role']]:g}" for r in roles]
               for st, row in c["days_by_stage"].items()])
    doc.heading(tr("report.coord.joint_list"))
    joint = [tr("ui.debrief.joint_line", week=tr("report.fmt.week", week=j["week"]),
                players=" + ".join(j["players"]), name=j["name"],
                target=j["target_name"] or "-", support=signed(j['support']))
             for j in c["joint"]]
    doc.bullets(joint or ["-"], SMALL + 1)
    doc.heading(tr("report.h.ledger"))
    ledger(doc, d, tr)
    return doc


def ledger(doc: Doc, d: dict[str, Any], tr: Any) -> None:
    """One row per player: what each person did, found and gained for the team."""
    rows: list[list[Cell | str]] = []
    for p in d["ledger"]:
        roles = ", ".join(p["roles"])
        rows.append([
            Cell(p["player"], roles if p["roles"] != [p["player"]] else "", bold=True),
            str(p["actions"]), str(p["joint"]), f"{p['days']:g}", f"{p['cost']:.1f}",
            signed(p['support_gained']), str(p["motives_found"]),
            f"{p['placed_share']:.0%}", "\n".join(p["best"]) or "-",
        ])
    doc.table([tr("report.ledger.player"), tr("report.coord.actions"),
               tr("report.coord.joint"), tr("report.coord.days"), tr("report.ledger.cost"),
               tr("report.ledger.support"), tr("report.ledger.motives"),
               tr("report.coord.placed"), tr("report.ledger.best")],
              [1.5, 0.9, 0.9, 0.9, 1, 1.1, 1.1, 1, 3.6], rows, size=SMALL + 1)
