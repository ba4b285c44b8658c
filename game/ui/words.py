"""The game's things in words, for every screen: action labels and costs, the intel log,
exit criteria, the week's changes."""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG, Action
from game.ui import fmt, theme
from game.ui.widgets import esc


def option_text(kind: str, option: str | None, tr: Any) -> str:
    if option is None:
        return ""
    if option.startswith("d") and "_p" in option:
        d, p = option[1:].split("_p")
        return tr("ui.board.terms", discount=d, payment=p)
    return tr(f"ui.board.bid.{option}")


def action_name(a: Action | dict[str, Any], view: dict[str, Any], tr: Any) -> str:
    """'Visit · Zhou Liqun' or 'Submit the bid · list price'."""
    kind = a["kind"] if isinstance(a, dict) else a.kind
    target = a.get("target") if isinstance(a, dict) else a.target
    option = a.get("option") if isinstance(a, dict) else a.option
    if kind == "choose":
        pend = next((p for p in view.get("pending", []) if p["event"] == target), None)
        title = tr.pick(pend["title"]) if pend else str(target)
        return tr("ui.board.choice", event=title)
    name = tr(f"action.{kind}.name")
    parts = [name]
    if target:
        person = next((p for p in view["people"] if p["id"] == target), None)
        parts.append(tr.pick(person["name"]) if person else target)
    if option:
        parts.append(option_text(kind, option, tr))
    return " · ".join(parts)


def cost_text(days: int, cost: float, roles: tuple[str, ...], tr: Any) -> str:
    who = "+".join(tr(f"ui.role_short.{r}") for r in roles)
    money = fmt.money(cost, tr.language) if cost else tr("ui.board.free")
    return tr("ui.board.cost", who=who, days=days, money=money)


def describe_entry(e: dict[str, Any], view: dict[str, Any], tr: Any) -> str | None:
    """One line for a log entry of ours or a public event; None to leave it out."""
    if e.get("event"):
        if e["event"] in ("rumour", "personnel_change"):
            return personnel_line(e, view, tr)
        if e.get("calendar"):
            return calendar_line(e, view, tr)
        title = tr.pick(e.get("title")) if e.get("title") else e["event"]
        return tr("ui.board.log.event", title=title)
    if e.get("kind") == "intel":
        rival = next((r for r in view["rivals"] if r["id"] == e["effects"].get("rival")), None)
        name = tr.pick(rival["name"]) if rival else "?"
        if rival is not None and rival.get("status") not in ("active", None):
            # a rival that is out is reported as out, not at the stage it had reached
            return tr("ui.board.log.intel_out", rival=name,
                      status=tr("ui.board.status." + rival["status"]))
        return tr("ui.board.log.intel", rival=name, stage=e["effects"].get("stage"))
    if e.get("vendor") != view["vendor"]:
        return None
    if e.get("kind") == "choose":
        return _choice_line(e, view, tr)
    bits = effect_bits(e.get("effects") or {}, view, tr)
    sep = "，" if tr.language == "zh" else ", "
    return action_name(e, view, tr) + (" — " + sep.join(bits) if bits else "")


def vendor_name(view: dict[str, Any], vid: str | None, tr: Any) -> str:
    if vid == view["vendor"]:
        return tr.pick(view["me"]["name"])
    rival = next((r for r in view["rivals"] if r["id"] == vid), None)
    return tr.pick(rival["name"]) if rival else str(vid)


def short_label(name: dict[str, str]) -> dict[str, str]:
    """A vendor's name as a tag or a preview line has room for: its first word (English) or
    four characters (Chinese)."""
    en = name.get("en", "")
    return {"zh": name.get("zh", "")[:4], "en": en.split()[0] if en.split() else en}


def calendar_line(e: dict[str, Any], view: dict[str, Any], tr: Any) -> str:
    """A public milestone with what everyone learns from it: the bids, the award, the end
    of the notice period, the customer turning to the runner-up."""
    kind, eff, lang = e["event"], e.get("effects") or {}, tr.language
    line = tr("ui.board.log.calendar", what=tr(f"calendar.{kind}"))
    sep = "，" if lang == "zh" else ", "
    extra = ""
    if kind == "bids_opened" and eff.get("bids"):
        ranked = sorted(eff["bids"].items(), key=lambda kv: kv[1])
        extra = sep.join(f"{vendor_name(view, vid, tr)} {fmt.money(p, lang)}" for vid, p in ranked)
        if eff.get("disqualified"):
            out = sep.join(vendor_name(view, vid, tr) for vid in eff["disqualified"])
            extra += sep + tr("ui.board.log.disqualified", who=out)
    elif kind == "award":
        extra = (tr("ui.board.log.preferred", who=vendor_name(view, eff["preferred"], tr))
                 if eff.get("preferred") else tr("ui.board.log.no_award"))
        if eff.get("override"):
            extra += sep + tr("ui.board.log.override")
    elif kind == "notice_end" and eff.get("overturned"):
        extra = tr("ui.board.log.overturned", who=vendor_name(view, eff.get("new"), tr))
    elif kind == "passed_over":
        extra = (tr("ui.board.log.runner_up", who=vendor_name(view, eff["runner_up"], tr))
                 if eff.get("runner_up") else tr("ui.board.log.no_award"))
    return f"{line} — {extra}" if extra else line


def personnel_line(e: dict[str, Any], view: dict[str, Any], tr: Any) -> str:
    """A person about to move on (what our insiders hear) or replaced (what everyone sees),
    and for a replacement whether our insider had us introduced to the newcomer in time."""
    eff = e.get("effects") or {}
    if e["event"] == "rumour":
        person = next((p for p in view["people"] if p["id"] == eff.get("person")), None)
        who = tr.pick(person["name"]) if person else str(eff.get("person"))
        return tr("ui.board.log.rumour", who=who, week=eff.get("due"))
    line = tr("ui.board.log.personnel_change", was=tr.pick(eff.get("was")),
              new=tr.pick(eff.get("new")))
    ready = view["vendor"] in (eff.get("prepared") or ())
    return f"{line} — {tr('ui.board.log.prepared' if ready else 'ui.board.log.unprepared')}"


def _choice_line(e: dict[str, Any], view: dict[str, Any], tr: Any) -> str:
    """Our answer to an event, named by the event's title from the public log."""
    title = next((tr.pick(x["title"]) for x in view.get("log", ())
                  if x.get("event") == e.get("target") and x.get("title")), None)
    line = tr("ui.board.choice", event=title or e.get("target"))
    if (e.get("effects") or {}).get("default"):
        line += " — " + tr("ui.board.log.default_choice")
    return line


def effect_bits(eff: dict[str, Any], view: dict[str, Any], tr: Any) -> list[str]:
    """What one of our actions did, in a few words each, from its log entry."""
    lang = tr.language
    names = {p["id"]: tr.pick(p["name"]) for p in view["people"]}
    bits: list[str] = []
    support = eff.get("support")
    if "backfired" in eff:  # the support lost is said with the backfire, not twice
        bits.append(tr("ui.board.log.backfired", delta=f"{(support or 0) * 100:+.0f}"))
        support = None
    if isinstance(support, dict):  # a presentation reached several people
        if support:
            total = sum(support.values())
            bits.append(tr("ui.board.log.support_many", delta=f"{total * 100:+.0f}",
                           n=len(support)))
    elif support is not None:
        bits.append(tr("ui.board.log.support", delta=f"{support * 100:+.0f}"))
    if "contact" in eff:
        level = ("unknown", "met", "relationship", "insider", "coach")[int(eff["contact"])]
        bits.append(tr("ui.board.log.contact", level=tr("contact." + level)))
    if eff.get("learned_roles"):
        bits.append(tr("ui.board.log.roles_learned"))
    if eff.get("learned_needs"):
        bits.append(tr("ui.board.log.needs_learned"))
    if eff.get("learned"):
        bits.append(tr("ui.board.log.learned"))
    if eff.get("motive_hit"):
        bits.append(tr("ui.board.log.motive_hit"))
    if eff.get("verified"):
        sep = "、" if lang == "zh" else ", "
        bits.append(tr("ui.board.log.verified",
                       what=sep.join(tr("criterion." + k) for k in eff["verified"])))
    intel = eff.get("intel")
    if isinstance(intel, dict):
        stages = [f"{tr.pick(r['name'])} P{intel['rivals'][r['id']]}" for r in view["rivals"]
                  if r["id"] in intel.get("rivals", {})]
        if stages:
            bits.append(tr("ui.board.log.intel_rivals", what=", ".join(stages)))
        if intel.get("motive_of") in names:
            bits.append(tr("ui.board.log.motive_of", name=names[intel["motive_of"]]))
    if "spec_bias" in eff:
        bits.append(tr("ui.board.log.criteria"))
    bits += _access_bits(eff, view, names, tr)
    if "price" in eff and "agreed" not in eff:
        bits.append(tr("ui.board.log.bid", money=fmt.money(eff["price"], lang)))
    if eff.get("agreed") is True:
        bits.append(tr("ui.board.log.agreed"))
    elif eff.get("agreed") is False:
        c = eff.get("counter") or {}
        bits.append(tr("ui.board.log.refused", discount=round(c.get("discount", 0) * 100),
                       payment=round(c.get("first_payment", 0) * 100)))
    if eff.get("signed"):
        bits.append(tr("ui.board.log.signed", money=fmt.money(eff.get("value", 0), lang)))
    if "paid" in eff:
        if eff["paid"]:
            bits.append(tr("ui.board.log.paid", money=fmt.money(eff.get("amount", 0), lang)))
        else:
            bits.append(tr("ui.board.log.not_paid"))
    if eff.get("shelved"):
        bits.append(tr("ui.board.log.shelved"))
    if eff.get("complaint"):
        bits.append(tr("ui.board.log.complaint"))
    if eff.get("failed") or eff.get("refused"):
        bits.append(tr("ui.board.log.failed"))
    return bits


def _access_bits(eff: dict[str, Any], view: dict[str, Any], names: dict[str, str],
                 tr: Any) -> list[str]:
    """What the moves of the new rules did: an introduction, what a coach told, a rival
    discredited, a coach who declined, a budget that could not be confirmed, a KDM who did
    not receive us (nobody introduced us)."""
    sep = "、" if tr.language == "zh" else ", "
    bits: list[str] = []
    if "introduced" in eff:
        met = eff["introduced"] or []
        bits.append(tr("ui.board.log.introduced", who=sep.join(names.get(p, p) for p in met))
                    if met else tr("ui.board.log.introduced_none"))
    if eff.get("kdm_motives"):
        bits.append(tr("ui.board.log.kdm_motives",
                       who=sep.join(names.get(p, p) for p in eff["kdm_motives"])))
    if eff.get("criteria") is True:  # the coach told us (shaping names a side instead)
        bits.append(tr("ui.board.log.criteria_known"))
    if "discredited" in eff:
        bits.append(tr("ui.board.log.discredited",
                       rival=vendor_name(view, eff["discredited"], tr))
                    if eff["discredited"] else tr("ui.board.log.discredit_none"))
    if eff.get("declined"):
        bits.append(tr("ui.board.log.declined"))
    if eff.get("no_door"):
        bits.append(tr("ui.board.log.no_door"))
    if eff.get("no_favours"):
        bits.append(tr("why.no_favours"))
    if eff.get("not_confirmed"):
        bits.append(tr("ui.board.log.not_confirmed." + eff["not_confirmed"]))
    return bits


def log_html(view: dict[str, Any], tr: Any, limit: int = 60) -> str:
    rows = []
    for e in reversed(view.get("log", [])):
        line = describe_entry(e, view, tr)
        if line:
            rows.append(f"<font color='{theme.INK_MUTED}'>{esc(tr('ui.calendar.wk', n=e['week']))}"
                        f"</font>  {esc(line)}")
        if len(rows) >= limit:
            break
    return "<br>".join(rows) or esc(tr("ui.board.log.empty"))


def checklist_html(view: dict[str, Any], tr: Any) -> str:
    stage = view["me"]["stage"]
    rows = [f"<b>{esc(tr('ui.board.exit_head', stage=stage, name=tr(f'stage.P{stage}')))}</b>"]
    for item in view["checklist"]:
        mark = "●" if item["done"] else "○"
        colour = theme.INK if item["done"] else theme.INK_MUTED
        rows.append(f"<font color='{colour}'>{mark} {esc(tr('criterion.' + item['key']))}</font>")
    return "<br>".join(rows)


def plan_lines(plan: list[Action], view: dict[str, Any], tr: Any) -> list[str]:
    out = []
    for a in plan:
        d = CATALOG.get(a.kind)
        cost = f"  ({cost_text(d.days, d.cost, d.roles, tr)})" if d else ""
        out.append(action_name(a, view, tr) + cost)
    return out


C931_GROUPS = ("clear", "first", "win")


def c931_html(health: dict[str, Any], tr: Any, width: int) -> str:
    """Each C931 item explains itself: what it means, and for one not met yet, what would
    meet it on the current rules (texts under ``glossary.c931`` in the language files)."""
    from game.ui.widgets import para

    lines = [esc(tr("ui.board.c931_head", c=health["c"], f=health["f"], w=health["w"]))]
    for group in C931_GROUPS:
        for key, done in health[group].items():
            mark = "●" if done else "○"
            lines.append(f"<b>{esc(mark + ' ' + tr('c931.' + key))}</b>")
            text = tr(f"glossary.c931.{key}.what")
            if not done:
                text += " · " + tr("ui.c931.how") + ": " + tr(f"glossary.c931.{key}.how")
            lines.append(f"<font color='{theme.INK_MUTED}'>{para(text, width)}</font>")
    lines.append(f"<font color='{theme.INK_MUTED}'>"
                 f"{para(tr('ui.c931.forecast_rule'), width)}</font>")
    return "<br>".join(lines)


def c931_changes(before: dict[str, Any], after: dict[str, Any],
                 tr: Any) -> list[tuple[str, str]]:
    """Which C931 items changed this week and why, as (text, tone): an item gained says what
    it means, one lost says what would win it back; a rival leaving the race and a forecast
    that moved with no item of ours changing are named too."""
    out: list[tuple[str, str]] = []
    hb, ha = before["health"], after["health"]
    changed = False
    for group in C931_GROUPS:
        for key, now in ha[group].items():
            was = hb[group].get(key, False)
            if now and not was:
                changed = True
                out.append((tr("ui.c931.gained", item=tr("c931." + key)) + " — "
                            + tr(f"glossary.c931.{key}.what"), "good"))
            elif was and not now:
                changed = True
                out.append((tr("ui.c931.lost", item=tr("c931." + key),
                               how=tr(f"glossary.c931.{key}.how")), "bad"))
    status = {r["id"]: r.get("status") for r in before["rivals"]}
    for r in after["rivals"]:
        if r.get("status") not in ("active", None) and status.get(r["id"]) in ("active", None):
            out.append((tr("ui.c931.rival_out", rival=tr.pick(r["name"])), "good"))
            changed = True
    if not changed and abs(ha["forecast"] - hb["forecast"]) >= 0.05:
        out.append((tr("ui.c931.field"), ""))
    return out
