"""The HTML report's later sections: timeline, buying centre, coordination, lost-order
report and what-if. Split from html.py to keep each module small; same conventions."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from game.report.common import signed
from game.report.html_kit import chart as _chart
from game.report.html_kit import t as _t
from game.report.html_kit import table as _table


def _move(d: dict[str, Any], a: dict[str, Any]) -> str:
    who = escape(" + ".join(a["players"]))
    target = f" → {escape(a['target_name'])}" if a["target_name"] else ""
    option = f" ({escape(a['option_text'])})" if a["option_text"] else ""
    placed = "" if a["well_placed"] in (True, None) else \
        f" <span class=tag>{_t(d, 'report.coord.off_stage')}</span>"
    return (f"<li><b>{who}</b> {escape(a['name'])}{target}{option}{placed}: "
            f"<span class=fx>{escape(a['effect_text'])}</span></li>")


def _rivals(moves: list[dict[str, Any]]) -> str:
    """A rival's week on one line: its moves with their support change, then the playbook
    reasons its AI gave, counted (one line per rival keeps a printed week on one page)."""
    out = []
    for vendor in dict.fromkeys(a["vendor_name"] for a in moves):
        mine = [a for a in moves if a["vendor_name"] == vendor]
        items = []
        for a in mine:
            target = f"→{a['target_name']}" if a["target_name"] else ""
            option = f" ({a['option_text']})" if a["option_text"] else ""
            gain = f" {signed(a['support'])}" if a["support"] else ""
            items.append(escape(f"{a['name']}{target}{option}{gain}"))
        reasons = Counter(a["reason_text"] for a in mine if a["reason_text"])
        why = "; ".join(f"{escape(r)} ×{n}" for r, n in reasons.most_common())
        out.append(f"<li><b>{escape(vendor)}</b> {' · '.join(items)}"
                   f"{f' <span class=why>— {why}</span>' if why else ''}</li>")
    return "".join(out)


def _event(e: dict[str, Any]) -> str:
    extra = f" — {escape(e['effects_text'])}" if e.get("effects_text") else ""
    text = f": {escape(e['text'])}" if e["text"] and e["calendar"] else ""
    return f"<li class=ev><b>{escape(e['title'])}</b>{text}{extra}</li>"


def timeline_section(d: dict[str, Any], charts: dict[str, bytes]) -> str:
    rows = []
    for w in d["timeline"]:
        ours = "".join(_move(d, a) for a in w["ours"])
        ours += "".join(f"<li class=small>{escape(a['name'])}: {escape(a['effect_text'])}</li>"
                        for a in w["intel"])
        rivals = _rivals(w["rivals"])
        events = "".join(_event(e) for e in w["events"])
        rows.append([f"<b>{w['week']}</b><br><span class=small>{escape(w['phase_text'])}<br>"
                     f"P{w['stages'][d['meta']['vendor']]}</span>",
                     f"<ul class=moves>{ours}</ul>", f"<ul class=moves>{rivals}</ul>",
                     f"<ul class=moves>{events}</ul>"])
    table = _table([_t(d, "report.timeline.week"), _t(d, "report.timeline.ours"),
                    _t(d, "report.timeline.rivals"), _t(d, "report.timeline.events")], rows,
                   cls="timeline")
    return (f"<section id='timeline' class='page'><h2>{_t(d, 'report.h.timeline')}</h2>"
            f"<p class=small>{_t(d, 'report.timeline.legend')}</p>"
            f"{_chart(charts, 'timeline', _t(d, 'report.h.timeline'))}{table}</section>")


def motives_section(d: dict[str, Any]) -> str:
    s = d["motives_summary"]
    rows, cls = [], []
    for p in d["motives"]:
        tags = "".join(f"<span class=tag>{escape(k)}</span>" for k in p["key"])
        seat = "" if p["current"] else \
            f"<br><span class=ev>{_t(d, 'report.motives.replaced', week=p['replaced_week'])}</span>"
        who = (f"<b>{escape(p['name'])}</b>{tags}<br><span class=small>{escape(p['title'])} · "
               f"{escape(', '.join(p['roles']))}<br>{_t(d, 'report.motives.influence')} "
               f"{p['influence']:.2f} · {_t(d, 'report.motives.support_end')} "
               f"{signed(p['support_end'])} · {escape(p['contact_text'])}</span>{seat}")
        for i, m in enumerate(p["motives"]):
            state = "found" if m["found"] else "never"
            how = f"<br><span class=small>{escape(m['how'])}</span>" if m["how"] else ""
            rows.append([
                who if i == 0 else "",
                f"<b>{escape(m['label'])} · {escape(m['kind_text'])}</b><br>{escape(m['text'])}",
                f"<span class={state}>{escape(m['found_text'])}</span>{how}",
                _t(d, "report.motives.acted", n=m["addressed"], after=m["addressed_after_found"]),
                escape(", ".join(m["rivals_knew"])) or "-",
            ])
            cls.append("")
    table = _table([_t(d, "report.motives.person"), _t(d, "report.motives.motive"),
                    _t(d, "report.motives.when"), _t(d, "report.motives.used"),
                    _t(d, "report.motives.rivals")], rows, cls)
    return (f"<section id='motives' class='page'><h2>{_t(d, 'report.h.motives')}</h2>"
            f"<p>{_t(d, 'report.motives.summary', **s)}</p>{table}</section>")


def coordination_section(d: dict[str, Any], charts: dict[str, bytes]) -> str:
    c = d["coordination"]
    roles = _table(
        [_t(d, "report.coord.role"), _t(d, "report.coord.actions"), _t(d, "report.coord.placed"),
         _t(d, "report.coord.joint"), _t(d, "report.coord.days"), _t(d, "report.coord.idle"),
         _t(d, "report.coord.examples")],
        [[f"<b>{escape(r['role_name'])}</b>" + (
            f"<br><span class=small>{escape(r['player'])}</span>"
            if r["player"] != r["role_name"] else ""),
          str(r["actions"]), f"{r['well_placed']} ({r['placed_share']:.0%})", str(r["joint"]),
          f"{r['used']} / {r['available']}", f"{r['idle']} ({r['idle_share']:.0%})",
          "<br>".join(escape(x) for x in r["misplaced"]) or "-"] for r in c["roles"]],
        num={1, 2, 3, 4, 5})
    role_names = [r["role_name"] for r in c["roles"]]
    stage_rows = [[f"P{st}"] + [str(row[r["role"]]) for r in c["roles"]]
                  for st, row in c["days_by_stage"].items()]
    by_stage = _table([_t(d, "report.coord.stage")] + [escape(n) for n in role_names],
                      stage_rows, num=set(range(1, 5)))
    joint = "".join(f"<li>{_t(d, 'report.fmt.week', week=j['week'])}: {escape(j['name'])} "
                    f"→ {escape(j['target_name'] or '-')} ({signed(j['support'])})</li>"
                    for j in c["joint"]) or "<li>-</li>"
    ledger = _table(
        [_t(d, "report.ledger.player"), _t(d, "report.coord.actions"),
         _t(d, "report.coord.joint"), _t(d, "report.coord.days"), _t(d, "report.ledger.cost"),
         _t(d, "report.ledger.support"), _t(d, "report.ledger.motives"),
         _t(d, "report.coord.placed"), _t(d, "report.ledger.best")],
        [[f"<b>{escape(p['player'])}</b>" + (
            f"<br><span class=small>{escape(', '.join(p['roles']))}</span>"
            if p["roles"] != [p["player"]] else ""), str(p["actions"]), str(p["joint"]),
          str(p["days"]), f"{p['cost']:.1f}", signed(p['support_gained']),
          str(p["motives_found"]), f"{p['placed_share']:.0%}",
          "<br>".join(escape(b) for b in p["best"]) or "-"] for p in d["ledger"]],
        num={1, 2, 3, 4, 5, 6, 7})
    summary = _t(d, "report.coord.summary", actions=c["actions"], joint=len(c["joint"]),
                 joint_share=f"{c['joint_share']:.0%}", placed=f"{c['placed_share']:.0%}",
                 weeks=c["active_weeks"])
    return (f"<section id='coordination' class='page'><h2>{_t(d, 'report.h.coordination')}</h2>"
            f"<p>{summary}</p>{roles}<h3>{_t(d, 'report.coord.spend')}</h3>"
            f"{_chart(charts, 'spend', _t(d, 'report.coord.spend'))}"
            f"<h3>{_t(d, 'report.coord.by_stage')}</h3>{by_stage}"
            f"<h3>{_t(d, 'report.coord.joint_list')}</h3><ul class=moves>{joint}</ul>"
            f"<h3>{_t(d, 'report.h.ledger')}</h3>{ledger}</section>")


def lost_order_section(d: dict[str, Any]) -> str:
    lo = d["lost_order"]
    head = "".join(f"<tr><th>{escape(h['label'])}</th><td>{escape(h['value'])}</td></tr>"
                   for h in lo["header"])
    cols = [_t(d, f"report.lost.c.{k}") for k in
            ("side", "maker", "product", "config", "price", "payment", "score", "status",
             "cost")]
    rows, cls = [], []
    for label, row, c in ((_t(d, "report.lost.r.winner"), lo["winner"], ""),
                          (_t(d, "report.lost.r.ours"), lo["ours"], "ours"),
                          *((_t(d, "report.lost.r.other"), o, "") for o in lo["others"])):
        if row is None:
            continue
        rows.append([label] + [escape(row[k]) for k in
                               ("maker", "product", "config", "price", "payment", "score",
                                "status", "cost_of_sale")])
        cls.append(c)
    causes = "".join(f"<li class='cause {c['kind']}{' wins' if c['wins'] else ''}'>"
                     f"{escape(c['text'])}</li>" for c in lo["causes"]) or "<li>-</li>"
    note = f"<p class=small>{escape(lo['note'])}</p>" if lo["note"] else ""
    return (f"<section id='lost-order' class='page'><h2>{escape(lo['title'])}</h2>"
            f"<table class='form'>{head}</table>{_table(cols, rows, cls)}"
            f"<h3>{_t(d, 'report.lost.causes')}</h3><ul class=causes>{causes}</ul>{note}</section>")


def whatif_section(d: dict[str, Any]) -> str:
    items = "".join(f"<li><b>{escape(p['text'])}</b> — {escape(p['label'])}</li>"
                    for p in d["whatif"])
    return (f"<section id='whatif'><h2>{_t(d, 'report.h.whatif')}</h2>"
            f"<p>{_t(d, 'report.whatif.intro')}</p><ul>{items}</ul></section>")
