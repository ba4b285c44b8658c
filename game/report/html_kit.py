"""Building blocks of the HTML report: the stylesheet, text lookup, tables, chart images.

The CSS is written for both uses a trainer has: a projector (large type, strong contrast,
our vendor's rows tinted) and paper (A4, page breaks before the big sections, charts and
table rows never split across pages).
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any

from game.i18n import tr

CSS = """
:root{--ours:#0072B2;--ink:#1d2733;--muted:#5b6672;--line:#d5dbe1;--soft:#f3f6f9;--warn:#D55E00}
*{box-sizing:border-box}
body{font-family:'DealcraftCJK','Noto Sans SC','Noto Sans CJK SC','Microsoft YaHei',
'PingFang SC',sans-serif;color:var(--ink);margin:0 auto;max-width:1240px;padding:24px 32px;
font-size:15px;line-height:1.5;background:#fff}
h1{font-size:30px;margin:0 0 4px}h2{font-size:22px;margin:36px 0 10px;padding-bottom:4px;
border-bottom:3px solid var(--ours)}h3{font-size:17px;margin:18px 0 6px}
.sub{color:var(--muted);font-size:15px}
.verdict{display:inline-block;margin:12px 0;padding:8px 18px;border-radius:6px;font-size:20px;
font-weight:bold;color:#fff;background:var(--muted)}
.verdict.won{background:#009E73}.verdict.lost,.verdict.no_deal,.verdict.shelved{background:var(--warn)}
table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:14px}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.ours{background:#e8f2fa}.win{font-weight:bold}
.kv{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px 18px;
margin:8px 0}
.kv div{background:var(--soft);border-radius:6px;padding:8px 12px}
.kv b{display:block;font-size:13px;color:var(--muted);font-weight:normal}
.kv span{font-size:19px;font-weight:600}
.moments{display:grid;grid-template-columns:repeat(3,1fr);gap:14px}
.moment{border:2px solid var(--ours);border-radius:8px;padding:10px 14px}
.moment .wk{display:inline-block;background:var(--ours);color:#fff;border-radius:4px;
padding:0 8px;font-weight:bold;margin-right:6px}
.moment h3{margin:6px 0}
.chart{margin:10px 0 18px}.chart img{width:100%;height:auto;border:1px solid var(--line)}
ul.moves{margin:0;padding-left:16px}ul.moves li{margin:1px 0}
.why{color:var(--muted)}.fx{color:#2d6a4f}.ev{color:var(--warn)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 4px;
font-size:12px;margin-left:4px}
.never{color:var(--warn);font-weight:600}.found{color:#009E73;font-weight:600}
.small{font-size:13px;color:var(--muted)}
.form th{width:16%}.cause{margin:4px 0}ul.causes{list-style:none;padding-left:4px}
.cause.result,.cause.lesson{font-weight:600}.cause.lesson{color:var(--warn)}
.cause.factor::before{content:"– "}.cause.factor.wins::before{content:"✓ "}
.cause.factor.wins{color:var(--ours)}.cause.held::before{content:"✓ "}
.cause.held.wins::before{content:"! "}.cause.held.wins{color:var(--warn)}
.cause.context,.cause.note{color:var(--muted);font-size:13px}
table.timeline{font-size:12.5px}table.timeline td:first-child{width:64px}
table.timeline td:nth-child(2){width:38%}table.timeline td:nth-child(4){width:22%}
@media print{body{font-size:9.5pt;padding:0;max-width:none}h1{font-size:18pt}
h2{font-size:14pt;break-after:avoid;margin-top:14pt}h3{break-after:avoid}
section.page{break-before:page}.chart,.moment,.kv div{break-inside:avoid}
table{font-size:8.5pt}table.timeline{font-size:7.5pt}
.chart img{width:auto;max-width:100%;max-height:170mm}
.verdict,th,.ours,.kv div,.moment .wk{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{size:A4 landscape;margin:10mm}
"""


def t(d: dict[str, Any], key: str, **kw: Any) -> str:
    return escape(tr(key, d["lang"], **kw))


def table(head: list[str], rows: list[list[str]], row_class: list[str] | None = None,
           num: set[int] | None = None, cls: str = "") -> str:
    """`head` and `rows` are already-escaped HTML fragments."""
    num = num or set()
    th = "".join(f"<th{' class=num' if i in num else ''}>{h}</th>" for i, h in enumerate(head))
    body = []
    for k, row in enumerate(rows):
        rc = f" class='{row_class[k]}'" if row_class and row_class[k] else ""
        tds = "".join(f"<td{' class=num' if i in num else ''}>{c}</td>"
                      for i, c in enumerate(row))
        body.append(f"<tr{rc}>{tds}</tr>")
    return (f"<table class='{cls}'><thead><tr>{th}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def chart(charts: dict[str, bytes], name: str, alt: str) -> str:
    if name not in charts:
        return ""
    data = base64.b64encode(charts[name]).decode("ascii")
    return (f"<figure class='chart' data-chart='{name}'><img alt='{alt}' "
            f"src='data:image/png;base64,{data}'></figure>")
