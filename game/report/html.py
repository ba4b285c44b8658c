"""The debrief as one self-contained HTML file, for printing or for the projector.

Everything is inline: the CSS, the charts as base64 PNG data URIs, and a CJK font cut down
to the characters on the page, so the file can be mailed or opened offline on any laptop.
All words come from the debrief data or the i18n tables; nothing here is language-specific.
"""

from __future__ import annotations

from html import escape
from typing import Any

from game.i18n import money as i18n_money
from game.i18n import tr
from game.report.common import signed
from game.report.fonts import embedded_font_css
from game.report.html_kit import CSS
from game.report.html_kit import chart as _chart
from game.report.html_kit import t as _t
from game.report.html_kit import table as _table
from game.report.html_parts import (
    coordination_section,
    lost_order_section,
    motives_section,
    timeline_section,
    whatif_section,
)


def _header(d: dict[str, Any]) -> str:
    m, o = d["meta"], d["outcome"]
    players = " · ".join(f"{escape(tr('role.' + r, d['lang']))}: {escape(n)}"
                         for r, n in m["players"].items() if n != tr("role." + r, d["lang"]))
    return (f"<header><h1>{_t(d, 'report.h.title')} · {escape(m['title'])}</h1>"
            f"<div class='sub'>{escape(m['customer'])} · {_t(d, 'report.h.team')}: "
            f"{escape(m['vendor_name'])} ({escape(m['product'])}) · "
            f"{_t(d, 'report.h.weeks', weeks=m['weeks'])} · seed {m['seed']}</div>"
            f"{f'<div class=sub>{players}</div>' if players else ''}"
            f"<div class='verdict {o['verdict']}'>{escape(o['banner'])}</div></header>")


def _moments(d: dict[str, Any]) -> str:
    cards = "".join(
        f"<div class='moment'><span class='wk'>{_t(d, 'report.fmt.week', week=m['week'])}"
        f"</span><h3>{escape(m['title'])}</h3><div>{escape(m['text'])}</div></div>"
        for m in d["moments"])
    return f"<section id='moments'><h2>{_t(d, 'report.h.moments')}</h2>" \
           f"<div class='moments'>{cards}</div></section>"


def _outcome(d: dict[str, Any]) -> str:
    o = d["outcome"]
    money = lambda v: escape(i18n_money(v, d["lang"]))  # noqa: E731
    kv = [
        ("report.o.winner", escape(o["winner_name"])),
        ("report.o.value", money(o["value"])),
        ("report.o.margin", f"{o['margin']:.1%}"),
        ("report.o.first_payment",
         f"{o['first_payment']:.0%} ({money(o['first_payment_amount'])})"),
        ("report.o.cost_ours", money(o["cost_of_sale"])),
        ("report.o.cost_winner", money(o["cost_of_sale_winner"])
         if o["cost_of_sale_winner"] is not None else "-"),
        ("report.o.rank", f"{o['our_rank']} / {o['bidders']}" if o["our_rank"] else "-"),
        ("report.o.week", str(o["week"])),
    ]
    boxes = "".join(f"<div><b>{_t(d, k)}</b><span>{v}</span></div>" for k, v in kv)
    names = {v["id"]: v["name"] for v in d["series"]["vendors"]}
    rows = [[escape(names.get(vid, vid)), str(h["c"]), str(h["f"]), str(h["w"]),
             f"{h['forecast']:.0%}"] for vid, h in o["c931"].items()]
    cls = ["ours" if vid == d["meta"]["vendor"] else "" for vid in o["c931"]]
    table = _table([_t(d, "report.o.vendor"), "C", "F", "W", _t(d, "report.o.forecast")],
                   rows, cls, num={1, 2, 3, 4})
    return (f"<section id='outcome'><h2>{_t(d, 'report.h.outcome')}</h2>"
            f"<div class='kv'>{boxes}</div><h3>{_t(d, 'report.o.c931')}</h3>{table}</section>")


def _decision(d: dict[str, Any]) -> str:
    dec = d["decision"]
    if dec is None:
        return (f"<section id='decision'><h2>{_t(d, 'report.h.decision')}</h2>"
                f"<p>{_t(d, 'report.decision.no_tender')}</p></section>")
    us = d["meta"]["vendor"]
    bids = _table(
        [_t(d, "report.o.vendor"), _t(d, "report.decision.price"), _t(d, "report.decision.tech"),
         _t(d, "report.decision.service"), _t(d, "report.decision.total")],
        [[escape(b["name"]) + (f" <span class=tag>{_t(d, 'report.lost.over_budget')}</span>"
                               if b["disqualified"] else ""),
          escape(b["price_text"]), "✓" if b["technical"] else "✗", "✓" if b["service"] else "✗",
          f"{dec['totals'][b['vendor']]:.3f}" if b["vendor"] in dec["totals"] else "-"]
         for b in dec["bids"]],
        ["ours" if b["ours"] else "" for b in dec["bids"]], num={4})
    vids = list(dec["ranking"])
    names = {b["vendor"]: b["name"] for b in dec["bids"]}
    head = [_t(d, "report.decision.evaluator"), _t(d, "report.decision.weight")]
    head += [escape(names[v]) for v in vids] + [_t(d, "report.decision.swayed")]
    rows = []
    for ev in dec["evaluators"]:
        tags = "".join(f"<span class=tag>{escape(k)}</span>" for k in ev["key"])
        cells = [f"<b>{escape(ev['name'])}</b>{tags}<br><span class=small>"
                 f"{escape(ev['title'])} · {escape(', '.join(ev['cares_about']))}</span>",
                 f"{ev['weight_share']:.0%}"]
        for v in vids:
            mark = " class=win" if v == ev["favourite"] else ""
            split = _t(d, "report.decision.split", merit=f"{ev['merit'].get(v, 0):.3f}",
                       support=signed(ev['support'].get(v, 0)))
            cells.append(f"<span{mark}>{ev['scores'].get(v, 0):.3f}</span><br>"
                         f"<span class=small>{split}</span>")
        cells.append(escape(ev["sway_text"]))
        rows.append(cells)
    notes = [_t(d, "report.decision.criteria", text=dec["criteria_text"])]
    if dec["override"]:
        notes.append(_t(d, "report.decision.override", kdm=dec["kdm"] or "KDM"))
    if dec["complaints"]:
        notes.append(_t(d, "report.decision.complaints", who=", ".join(dec["complaints"])))
    if dec["overturned"]:
        notes.append(_t(d, "report.decision.overturned", who=dec["overturned_by"]))
    if not dec["merit_exact"]:
        notes.append(_t(d, "report.decision.estimate"))
    ours_col = " ".join(f"<p>{n}</p>" for n in notes)
    return (f"<section id='decision' class='page'><h2>{_t(d, 'report.h.decision')}</h2>"
            f"<p class=small>{_t(d, 'report.decision.how', us=names.get(us, us))}</p>{ours_col}"
            f"<h3>{_t(d, 'report.decision.bids', week=dec['opened_week'])}</h3>{bids}"
            f"<h3>{_t(d, 'report.decision.evaluators', week=dec['award_week'] or '-')}</h3>"
            f"{_table(head, rows, num=set(range(1, 2 + len(vids))))}</section>")


def _charts(d: dict[str, Any], charts: dict[str, bytes]) -> str:
    return (f"<section id='progress' class='page'><h2>{_t(d, 'report.h.progress')}</h2>"
            f"<h3>{_t(d, 'report.chart.funnel')}</h3>"
            f"{_chart(charts, 'funnel', _t(d, 'report.chart.funnel'))}"
            f"<h3>{_t(d, 'report.chart.c931')}</h3>{_chart(charts, 'c931', 'C931')}"
            f"<h3>{_t(d, 'report.chart.support')}</h3>"
            f"<p class=small>{_t(d, 'report.chart.support_note')}</p>"
            f"{_chart(charts, 'support', _t(d, 'report.chart.support'))}</section>")


def render_html(d: dict[str, Any], charts: dict[str, bytes] | None = None,
                embed_font: bool = True) -> str:
    """The whole report page; `charts` maps chart names to PNG bytes (see charts.py)."""
    charts = charts or {}
    body = "".join([
        _header(d), _moments(d), _outcome(d), _decision(d), _charts(d, charts),
        timeline_section(d, charts), motives_section(d), coordination_section(d, charts),
        lost_order_section(d), whatif_section(d),
        f"<footer class=small><p>{_t(d, 'report.footer', seed=d['meta']['seed'])}"
        f"{'' if d['meta']['replay_exact'] else ' ' + _t(d, 'report.inexact')}</p></footer>",
    ])
    font = embedded_font_css(body) if embed_font else ""
    lang = "zh-CN" if d["lang"] == "zh" else "en"
    title = f"{tr('report.h.title', d['lang'])} · {d['meta']['title']}"
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{escape(title)}</title><style>{font}{CSS}</style></head>"
            f"<body>{body}</body></html>\n")
