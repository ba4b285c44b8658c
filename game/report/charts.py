"""The debrief's charts as PNG bytes, drawn with matplotlib's Agg canvas from debrief data.

Figures are built directly (no pyplot), so nothing global changes and the window's process
is not touched. Text uses Noto Sans SC when it can be found, so Chinese labels never turn
into boxes; without it the charts still draw, in the default font.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from game.core.stages import SUPPORT_OK
from game.i18n import tr
from game.report.common import STAGE_COLOURS
from game.report.fonts import matplotlib_family

ROLE_COLOURS = {"rep": "#0072B2", "presales": "#009E73", "pm": "#E69F00", "exec": "#CC79A7"}
DPI = 100


@contextmanager
def _style() -> Iterator[None]:
    family = matplotlib_family()
    fonts = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": fonts,
                                "axes.unicode_minus": False, "font.size": 10,
                                "axes.spines.top": False, "axes.spines.right": False}):
        yield


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def _milestones(ax: Any, s: dict[str, Any], labels: bool = True) -> None:
    for m in s["milestones"]:
        ax.axvline(m["week"], color="#888888", lw=0.8, ls="--", zorder=0)
        if labels:
            ax.text(m["week"], 1.0, m["label"], transform=ax.get_xaxis_transform(),
                    rotation=0, ha="center", va="bottom", fontsize=8, color="#555555")


def _vendor_style(v: dict[str, Any]) -> dict[str, Any]:
    return {"color": v["colour"], "lw": 2.6 if v["ours"] else 1.4,
            "ls": "-" if v["ours"] else "--", "zorder": 3 if v["ours"] else 2}


def support_chart(d: dict[str, Any]) -> bytes:
    """One small panel per stakeholder: each vendor's support for that person, by week."""
    s, lang = d["series"], d["lang"]
    people = s["people"]
    cols = 3
    rows = max(1, math.ceil(len(people) / cols))
    with _style():
        fig = Figure(figsize=(12, 2.5 * rows + 0.8), layout="constrained")
        axes = fig.subplots(rows, cols, sharex=True, sharey=True, squeeze=False)
        for i, p in enumerate(people):
            ax = axes[i // cols][i % cols]
            for v in s["vendors"]:
                ax.plot(s["weeks"], s["support"][p["id"]][v["id"]], label=v["name"],
                        **_vendor_style(v))
            ax.axhline(SUPPORT_OK, color="#999999", lw=0.8, ls=":")
            ax.axhline(0, color="#cccccc", lw=0.8)
            for r in s["replaced"]:
                if r["person"] == p["id"]:
                    ax.axvline(r["week"], color="#D55E00", lw=1.2)
                    ax.text(r["week"], -0.55, tr("report.chart.replaced", lang), fontsize=8,
                            color="#D55E00", ha="left")
            tags = " ".join(p["key"])
            ax.set_title(f"{p['name']} · {p['title']} {tags}".strip(), fontsize=9, loc="left")
            ax.set_ylim(-0.6, 1.0)
            ax.grid(alpha=0.25)
        for j in range(len(people), rows * cols):
            axes[j // cols][j % cols].set_visible(False)
        for ax in axes[-1]:
            ax.set_xlabel(tr("report.chart.week", lang))
        handles, labels = axes[0][0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside upper center", ncols=len(labels), fontsize=9)
        return _png(fig)


def _runs(values: list[int | None]) -> list[tuple[int, int, int]]:
    """Contiguous runs (start index, length, value) of equal non-None values."""
    runs: list[tuple[int, int, int]] = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if runs and runs[-1][2] == v and runs[-1][0] + runs[-1][1] == i:
            start, n, _ = runs[-1]
            runs[-1] = (start, n + 1, v)
        else:
            runs.append((i, 1, v))
    return runs


def funnel_chart(d: dict[str, Any]) -> bytes:
    """A Gantt-like funnel: each vendor's stage week by week, with the customer's milestones."""
    s, lang = d["series"], d["lang"]
    vendors = s["vendors"]
    weeks = s["weeks"]
    with _style():
        fig = Figure(figsize=(12, 0.7 * len(vendors) + 1.6), layout="constrained")
        ax = fig.subplots()
        for row, v in enumerate(vendors):
            y = len(vendors) - 1 - row
            status = s["status"][v["id"]]
            stages = [st if status[i] != "lost" else None for i, st in enumerate(
                s["stages"][v["id"]])]
            for start, n, st in _runs(stages):
                ax.barh(y, n, left=weeks[start] - 0.5, height=0.62,
                        color=STAGE_COLOURS[st - 1], edgecolor="white")
                ax.text(weeks[start] - 0.5 + n / 2, y, f"P{st}", ha="center", va="center",
                        fontsize=8, color="white" if st >= 4 else "#222222")
            lost = [i for i, x in enumerate(status) if x == "lost"]
            if lost:
                ax.barh(y, len(lost), left=weeks[lost[0]] - 0.5, height=0.62,
                        color="#f2f2f2", edgecolor="#bbbbbb", hatch="//")
                ax.text(weeks[lost[0]] - 0.5 + len(lost) / 2, y,
                        tr("report.status.lost", lang), ha="center", va="center",
                        fontsize=8, color="#777777")
        ax.set_yticks(range(len(vendors)),
                      [v["name"] for v in reversed(vendors)], fontsize=9)
        for tick, v in zip(ax.get_yticklabels(), reversed(vendors), strict=True):
            tick.set_color(v["colour"])
            tick.set_fontweight("bold" if v["ours"] else "normal")
        ax.set_xlim(0.5, (weeks[-1] if weeks else 1) + 0.5)
        ax.set_xlabel(tr("report.chart.week", lang))
        _milestones(ax, s)
        return _png(fig)


def c931_chart(d: dict[str, Any]) -> bytes:
    """Forecast win chance for every vendor, and which of our 13 C931 items held each week."""
    s, lang = d["series"], d["lang"]
    items = s["c931_items"] if s["weeks"] else None
    with _style():
        heights = [1.0, 1.6] if items else [1.0]
        fig = Figure(figsize=(12, 3.2 + (4.2 if items else 0)), layout="constrained")
        axes = fig.subplots(len(heights), 1, height_ratios=heights, sharex=True, squeeze=False)
        ax = axes[0][0]
        for v in s["vendors"]:
            ax.plot(s["weeks"], s["health"][v["id"]]["forecast"], label=v["name"],
                    **_vendor_style(v))
        ax.axhline(0.6, color="#999999", lw=0.8, ls=":")
        ax.set_ylim(0, 1.02)
        ax.set_ylabel(tr("report.chart.forecast", lang))
        ax.legend(fontsize=8, ncols=min(5, len(s["vendors"])), loc="upper left")
        ax.grid(alpha=0.25)
        _milestones(ax, s)
        if items:
            hx = axes[1][0]
            keys = list(items)
            grid = [[1.0 if x else 0.0 for x in items[k]] for k in keys]
            hx.imshow(grid, aspect="auto", cmap="Blues", vmin=-0.3, vmax=1.2,
                      extent=(s["weeks"][0] - 0.5, s["weeks"][-1] + 0.5, len(keys) - 0.5, -0.5),
                      interpolation="nearest")
            hx.set_yticks(range(len(keys)), [s["c931_labels"][k] for k in keys], fontsize=8)
            for sep in (8.5, 11.5):
                hx.axhline(sep, color="white", lw=2)
            hx.set_xlabel(tr("report.chart.week", lang))
            hx.set_title(tr("report.chart.c931_items", lang, vendor=s["vendors"][0]["name"]),
                         fontsize=9, loc="left")
        return _png(fig)


def spend_chart(d: dict[str, Any]) -> bytes:
    """Days used per role each week against days available, and money spent per role."""
    s, lang = d["series"], d["lang"]
    weeks = s["weeks"]
    with _style():
        fig = Figure(figsize=(12, 3.8), layout="constrained")
        left, right = fig.subplots(1, 2, width_ratios=[1.4, 1])
        bottom = [0.0] * len(weeks)
        for r, days in s["days"].items():
            left.bar(weeks, days, bottom=bottom, color=ROLE_COLOURS[r], label=s["role_names"][r])
            bottom = [b + x for b, x in zip(bottom, days, strict=True)]
        left.axhline(sum(s["time"].values()), color="#444444", lw=1, ls="--",
                     label=tr("report.chart.available", lang))
        left.set_xlabel(tr("report.chart.week", lang))
        left.set_ylabel(tr("report.chart.days", lang))
        left.legend(fontsize=8, ncols=5, loc="upper center", bbox_to_anchor=(0.5, 1.15))
        cum = {r: _cumsum(c) for r, c in s["cost"].items()}
        colours = [ROLE_COLOURS[r] for r in cum]
        labels = [s["role_names"][r] for r in cum]
        if any(s["cost_other"]):
            cum["other"] = _cumsum(s["cost_other"])
            colours.append("#999999")
            labels.append(s["other_label"])
        right.stackplot(weeks, *cum.values(), colors=colours, labels=labels, alpha=0.85)
        right.axhline(s["budget"], color="#444444", lw=1, ls="--")
        right.text(weeks[-1] if weeks else 1, s["budget"], tr("report.chart.budget", lang),
                   va="bottom", ha="right", fontsize=8)
        right.legend(fontsize=8, loc="lower right")
        right.set_xlabel(tr("report.chart.week", lang))
        right.set_ylabel(tr("report.chart.cost", lang))
        return _png(fig)


def _cumsum(xs: list[float]) -> list[float]:
    out, total = [], 0.0
    for x in xs:
        total += x
        out.append(total)
    return out


def timeline_chart(d: dict[str, Any]) -> bytes:
    """Weeks across; our four roles and each rival down; every move a mark, events as lines.

    Filled marks are moves made within their best stages, hollow ones outside them; a
    vertical bar joins the two roles of a joint move.
    """
    s, lang = d["series"], d["lang"]
    roles = list(s["role_names"])
    rivals = [v for v in s["vendors"] if not v["ours"]]
    rows = {r: len(rivals) + len(roles) - 1 - i for i, r in enumerate(roles)}
    rival_row = {v["id"]: len(rivals) - 1 - i for i, v in enumerate(rivals)}
    ours = s["vendors"][0]["colour"]
    with _style():
        fig = Figure(figsize=(12, 0.45 * (len(roles) + len(rivals)) + 2.6), layout="constrained")
        ax = fig.subplots()
        n_events = 0
        for week in d["timeline"]:
            per_role: dict[str, int] = {}
            n_role = {r: sum(r in a["roles"] for a in week["ours"]) for r in roles}
            for a in week["ours"]:
                xs = []
                for r in a["roles"]:
                    k = per_role.get(r, 0)
                    per_role[r] = k + 1
                    x = week["week"] - 0.38 + 0.76 * (k + 0.5) / max(n_role[r], 1)
                    xs.append((x, rows[r]))
                    ax.scatter([x], [rows[r]], s=22 + 12 * a["days"], zorder=3,
                               color=ROLE_COLOURS[r] if a["well_placed"] else "white",
                               edgecolors=ROLE_COLOURS[r], linewidths=1.2)
                if len(xs) > 1:
                    ax.plot([xs[0][0], xs[-1][0]], [xs[0][1], xs[-1][1]], color=ours,
                            lw=1.0, alpha=0.6, zorder=2)
            for vid, y in rival_row.items():
                n = sum(1 for a in week["rivals"] if a["vendor"] == vid)
                if n:
                    colour = next(v["colour"] for v in rivals if v["id"] == vid)
                    ax.scatter([week["week"]], [y], s=18 * n, color=colour, alpha=0.75)
            for e in week["events"]:
                if not e["calendar"]:
                    ax.axvline(week["week"] + 0.45, color="#D55E00", lw=1, alpha=0.7)
                    ax.text(week["week"] + 0.45, 1.01 + 0.07 * (n_events % 3), e["title"],
                            fontsize=7, transform=ax.get_xaxis_transform(), ha="left",
                            va="bottom", color="#D55E00")
                    n_events += 1
        labels = {rows[r]: s["role_names"][r] for r in roles}
        labels.update({rival_row[v["id"]]: v["name"] for v in rivals})
        ax.set_yticks(sorted(labels), [labels[k] for k in sorted(labels)], fontsize=9)
        if rivals:
            ax.axhline(len(rivals) - 0.5, color="#bbbbbb", lw=1)
        ax.set_xlim(0.5, (s["weeks"][-1] if s["weeks"] else 1) + 0.5)
        ax.set_xlabel(tr("report.chart.week", lang))
        _milestones(ax, s, labels=False)
        return _png(fig)


CHARTS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "timeline": timeline_chart,
    "support": support_chart,
    "funnel": funnel_chart,
    "c931": c931_chart,
    "spend": spend_chart,
}


def render_charts(d: dict[str, Any]) -> dict[str, bytes]:
    """Every chart of a debrief, by name; none before the first week has been played."""
    if not d["series"]["weeks"]:
        return {}
    return {name: draw(d) for name, draw in CHARTS.items()}
