"""The debrief's reading tabs laid out as pages: outcome and decision, the lost-order (or
won-order) report, the key moments and the what-if preview.

Each function turns the plain data of ``game.report.debrief.build_debrief`` into a ``Doc``
at a given width. All words come from that data (already in the players' language) or from
the i18n tables, mostly the report's own keys, so the window and the HTML export agree.
"""

from __future__ import annotations

from typing import Any

from game.i18n import support as signed
from game.ui import theme
from game.ui.debrief.doc import BIG, BODY, HEAD, SMALL, Cell, Doc

VERDICT_LOOK = {  # colour and a shape, so the verdict never rests on colour alone
    "won": (theme.US, "✓"),
    "shelved": (theme.DANGER, "!"),
    "lost": (theme.DANGER, "×"),
    "no_deal": (theme.INK_MUTED, "–"),
    "in_progress": (theme.INK_MUTED, "…"),
}


def money(tr: Any, value: float | None) -> str:
    """Money as the report and the board write it (``game.i18n.money``)."""
    if value is None:
        return "-"
    from game.i18n import money as fmt_money

    return fmt_money(value, tr.language)


def vendor_names(d: dict[str, Any]) -> dict[str, str]:
    names = {v["id"]: v["name"] for v in d["series"]["vendors"]}
    names.setdefault(d["meta"]["vendor"], d["meta"]["vendor_name"])
    return names


def outcome_facts(d: dict[str, Any], tr: Any) -> list[tuple[str, str]]:
    """The figures of the outcome: the winner's contract, its money, and what the sale cost."""
    o = d["outcome"]
    ours = d["meta"]["vendor"]
    health = o["c931"].get(ours)
    c931 = tr("ui.debrief.c931", c=health["c"], f=health["f"], w=health["w"],
              pct=round(health["forecast"] * 100)) if health else "-"
    return [
        (tr("report.o.winner"), o["winner_name"]),
        (tr("report.o.value"), money(tr, o["value"]) if o["winner"] else "-"),
        (tr("report.o.margin"), f"{o['margin']:.0%}" if o["winner"] else "-"),
        (tr("report.o.first_payment"),
         f"{o['first_payment']:.0%} · {money(tr, o['first_payment_amount'])}"
         if o["winner"] else "-"),
        (tr("report.o.cost_ours"), money(tr, o["cost_of_sale"])),
        (tr("report.o.cost_winner"), money(tr, o["cost_of_sale_winner"])),
        (tr("report.o.rank"), f"{o['our_rank']} / {o['bidders']}" if o["our_rank"] else "-"),
        (tr("ui.debrief.c931_ours"), c931),
    ]


def verdict(doc: Doc, d: dict[str, Any], tr: Any, size: int = BIG) -> None:
    o = d["outcome"]
    colour, mark = VERDICT_LOOK.get(o["verdict"], VERDICT_LOOK["no_deal"])
    doc.y += doc.wrapped(0, doc.y, doc.width, f"{mark} {o['banner']}", size, True, colour)
    doc.para(tr("ui.debrief.ended", week=o["week"], last=d["meta"]["last_week"]), BODY,
             theme.INK_MUTED)


def outcome_doc(d: dict[str, Any], tr: Any, width: int) -> Doc:
    """Outcome and decision: the verdict, the money, C931, the bids and every evaluator."""
    doc = Doc(width)
    verdict(doc, d, tr)
    doc.space(6)
    doc.facts(outcome_facts(d, tr), 4 if width >= 880 else 2)
    names = vendor_names(d)
    ours = d["meta"]["vendor"]
    o = d["outcome"]
    doc.heading(tr("report.o.c931"))
    vids = list(o["c931"])
    doc.table([tr("report.o.vendor"), "C", "F", "W", tr("report.o.forecast")],
              [3, 1, 1, 1, 1.4],
              [[Cell(names.get(v, v), bold=v == ours), str(o["c931"][v]["c"]),
                str(o["c931"][v]["f"]), str(o["c931"][v]["w"]),
                f"{o['c931'][v]['forecast']:.0%}"] for v in vids],
              [theme.ACCENT_SOFT if v == ours else None for v in vids])
    decision(doc, d, tr, names)
    if not d["meta"]["replay_exact"]:
        doc.para(tr("report.inexact"), SMALL, theme.INK_MUTED)
    return doc


def decision(doc: Doc, d: dict[str, Any], tr: Any, names: dict[str, str]) -> None:
    dec = d["decision"]
    doc.heading(tr("report.h.decision"))
    if dec is None:
        doc.para(tr("report.decision.no_tender"))
        return
    ours = d["meta"]["vendor"]
    doc.para(tr("report.decision.how", us=names.get(ours, ours)), SMALL, theme.INK_MUTED)
    notes = [tr("report.decision.criteria", text=dec["criteria_text"])]
    if dec["override"]:
        notes.append(tr("report.decision.override", kdm=dec["kdm"] or "KDM"))
    if dec["complaints"]:
        notes.append(tr("report.decision.complaints", who=", ".join(dec["complaints"])))
    if dec["overturned"]:
        notes.append(tr("report.decision.overturned", who=dec["overturned_by"]))
    if not dec["merit_exact"]:
        notes.append(tr("report.decision.estimate"))
    doc.bullets(notes)
    doc.heading(tr("report.decision.bids", week=dec["opened_week"]), BODY + 2)
    yes, no = tr("ui.debrief.yes"), tr("ui.debrief.no")
    doc.table(
        [tr("report.o.vendor"), tr("report.decision.price"), tr("report.decision.tech"),
         tr("report.decision.service"), tr("report.decision.total")],
        [3, 2, 1.4, 1.4, 1.4],
        [[Cell(b["name"], tr("report.lost.over_budget") if b["disqualified"] else "",
               bold=b["ours"]), b["price_text"], yes if b["technical"] else no,
          yes if b["service"] else no,
          f"{dec['totals'][b['vendor']]:.3f}" if b["vendor"] in dec["totals"] else "-"]
         for b in dec["bids"]],
        [theme.ACCENT_SOFT if b["ours"] else None for b in dec["bids"]])
    doc.heading(tr("report.decision.evaluators", week=dec["award_week"] or "-"), BODY + 2)
    doc.para(tr("ui.debrief.favourite_legend"), SMALL, theme.INK_MUTED)
    vids = list(dec["ranking"])
    rows: list[list[Cell | str]] = []
    for ev in dec["evaluators"]:
        who = " ".join([ev["name"], *ev["key"]])
        sub = " · ".join(x for x in (ev["title"], ", ".join(ev["cares_about"])) if x)
        row: list[Cell | str] = [Cell(who, sub, bold=True), f"{ev['weight_share']:.0%}"]
        for v in vids:
            fav = v == ev["favourite"]
            split = tr("report.decision.split", merit=f"{ev['merit'].get(v, 0):.3f}",
                       support=signed(ev['support'].get(v, 0)))
            row.append(Cell(("★ " if fav else "") + f"{ev['scores'].get(v, 0):.3f}", split,
                            theme.US if fav and v == ours else theme.INK, bold=fav))
        row.append(ev["sway_text"])
        rows.append(row)
    doc.table([tr("report.decision.evaluator"), tr("report.decision.weight"),
               *[names.get(v, v) for v in vids], tr("report.decision.swayed")],
              [2.4, 0.9, *[1.5] * len(vids), 2.8], rows)


def causes_doc(doc: Doc, items: list[dict[str, Any]]) -> None:
    """The counterfactual causes: what decided it (bold), each factor marked by whether it
    alone would have won (a shape as well as a colour), the lesson, then the record's notes."""
    if not items:
        doc.bullets(["-"], mark="")
    for c in items:
        kind = c["kind"]
        if kind == "result":
            doc.para(c["text"], BODY, theme.INK, bold=True)
        elif kind == "factor":
            doc.bullets([c["text"]], BODY, "✓" if c["wins"] else "–",
                        theme.US if c["wins"] else theme.INK)
        elif kind == "held":  # a won tender: would the runner-up have won with it?
            doc.bullets([c["text"]], BODY, "!" if c["wins"] else "✓",
                        theme.DANGER if c["wins"] else theme.US)
        elif kind == "lesson":
            doc.para(c["text"], BODY, theme.DANGER, bold=True)
        else:
            doc.bullets([c["text"]], SMALL, "•", theme.INK_MUTED)


def lost_order_doc(d: dict[str, Any], tr: Any, width: int) -> Doc:
    """The lost-order (or won-order) report in the course's form: header, products, causes."""
    lo = d["lost_order"]
    doc = Doc(width)
    doc.y += doc.wrapped(0, 0, width, lo["title"], BIG, True) + 8
    head = lo["header"]
    rows: list[list[Cell | str]] = []
    for i in range(0, len(head), 2):
        pair = head[i:i + 2]
        row: list[Cell | str] = []
        for h in pair:
            row += [Cell(h["label"], colour=theme.INK_MUTED, bold=True), h["value"]]
        row += [""] * (4 - len(row))
        rows.append(row)
    if width >= 800:
        doc.table(["", "", "", ""], [1, 2.2, 1, 2.2], rows)
    else:
        doc.table(["", ""], [1, 2.4], [r for row in rows for r in (row[:2], row[2:]) if r[0]])
    sides = [(tr("report.lost.r.winner"), lo["winner"]), (tr("report.lost.r.ours"), lo["ours"])]
    sides += [(tr("report.lost.r.other"), o) for o in lo["others"]]
    sides = [(label, row) for label, row in sides if row is not None]
    fields = ("product", "config", "price", "payment", "score", "status", "cost_of_sale")
    labels = {k: tr(f"report.lost.c.{'cost' if k == 'cost_of_sale' else k}") for k in fields}
    table_rows: list[list[Cell | str]] = [
        [Cell(labels[k], colour=theme.INK_MUTED, bold=True)] + [row[k] for _, row in sides]
        for k in fields]
    doc.heading(tr("ui.debrief.products"), BODY + 2)
    doc.table([""] + [tr("ui.debrief.side", side=label, maker=row["maker"])
                      for label, row in sides],
              [1.3] + [2] * len(sides), table_rows)
    doc.heading(tr("report.lost.causes"))
    causes_doc(doc, lo["causes"])
    if lo["note"]:
        doc.para(lo["note"], SMALL, theme.INK_MUTED)
    return doc


def moments_doc(d: dict[str, Any], tr: Any, width: int) -> Doc:
    """The coach's three key moments, in week order, one card each."""
    doc = Doc(width)
    doc.para(tr("ui.debrief.moments_intro"), BODY, theme.INK_MUTED)
    for m in d["moments"]:
        doc.space(8)
        top = doc.y
        inner = width - 150
        h = doc.wrapped(140, top + 14, inner, m["title"], HEAD, True)
        h += doc.wrapped(140, top + 18 + h, inner, m["text"], BODY)
        card_h = max(h + 32, 84)
        doc.box((0, top, width, card_h), None, theme.BORDER, 10)
        doc.box((12, top + 14, 112, 40), theme.ACCENT_SOFT, None, 8)
        doc.line(12, top + 20, 112, tr("report.fmt.week", week=m["week"]), BODY, True,
                 theme.ACCENT, "center")
        doc.y = top + card_h
    if not d["moments"]:
        doc.para("-")
    return doc


def week_moves(row: dict[str, Any] | None, tr: Any) -> list[str]:
    """Our moves in one week of the original game, one line each with its effect."""
    if row is None:
        return []
    out = []
    for a in row["ours"]:
        who = " + ".join(a["players"] or a["role_names"]) or a["vendor_name"]
        target = f" → {a['target_name']}" if a["target_name"] else ""
        option = f" ({a['option_text']})" if a["option_text"] else ""
        out.append(tr("ui.debrief.whatif.move", who=who, what=f"{a['name']}{target}{option}",
                      effect=a["effect_text"]))
    return out


def whatif_doc(d: dict[str, Any], tr: Any, width: int, week: int) -> Doc:
    """What the team stood in at the start of ``week``, and what it did then the first time."""
    doc = Doc(width)
    rows = {r["week"]: r for r in d["timeline"]}
    point = next((p for p in d["whatif"] if p["week"] == week), None)
    us = d["meta"]["vendor"]
    if point is not None:
        title, label = point["text"], point["label"]
    else:
        before = rows.get(week - 1)
        stage = before["stages"][us] if before else "-"
        title, label = tr("report.whatif.point", week=week, stage=stage), ""
    doc.y += doc.wrapped(0, 0, width, title, HEAD, True)
    row = rows.get(week)
    sub = " · ".join(x for x in (label, row["phase_text"] if row else "") if x)
    doc.para(sub, BODY, theme.INK_MUTED)
    doc.heading(tr("ui.debrief.whatif.original"), BODY + 2)
    doc.bullets(week_moves(row, tr) or [tr("ui.debrief.whatif.no_moves")], SMALL + 1)
    events = row["events"] if row else []
    if events:
        doc.heading(tr("ui.debrief.whatif.events"), BODY + 2)
        doc.bullets([f"{e['title']}" + (f" — {e['effects_text']}" if e["effects_text"] else "")
                     for e in events], SMALL + 1)
    doc.space(10)
    doc.para(tr("ui.debrief.whatif.restart_tip"), SMALL, theme.INK_MUTED)
    return doc
