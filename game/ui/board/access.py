"""How the team can reach a person now, in words: the new rules of access on one page.

A person sees the same vendor only so often (the KDM every few weeks), the KDM meets nobody
who has not been introduced, each person favours one vendor (known through an insider or a
coach), a coach does only so many favours, a key person may be about to move on, and the same
move twice running lands half as hard. The card shows the few of these that decide what can
be planned now as short tags; the detail panel says all of them. Pure: read from the view.
"""

from __future__ import annotations

from typing import Any

from game.core.informants import COACH_FAVOURS
from game.core.state import NEVER
from game.ui import words

Tag = tuple[str, str]  # (text, tone): tone "block", "risk", "us" or "info"


def free_week(view: dict[str, Any], p: dict[str, Any]) -> int | None:
    """The week this person will see us again, or None when they will this week."""
    if p["met_week"] != NEVER and view["week"] < p["free_week"]:
        return int(p["free_week"])
    return None


def favourite_text(view: dict[str, Any], p: dict[str, Any], tr: Any) -> str:
    """Whom the person favours, as far as our insiders and coach tell us."""
    fav = p.get("favourite")
    if fav is None:
        return tr("ui.person.favourite.unknown")
    if fav == "":
        return tr("ui.person.favourite.undecided")
    if fav == view["vendor"]:
        return tr("ui.person.favourite.us")
    key = "chosen" if p.get("committed") else "rival"
    return tr(f"ui.person.favourite.{key}", rival=words.vendor_name(view, fav, tr))


def access_lines(view: dict[str, Any], p: dict[str, Any], tr: Any) -> list[str]:
    """How we can reach this person now: when they will see us again, whether the KDM still
    needs an introduction (and how to get one), whom they favour, a coach's favours left, a
    rumour that they may leave, and our last move on them (the same move again lands half
    as hard)."""
    out = []
    if free_week(view, p) is not None:
        out.append(tr("ui.person.free_again", week=p["free_week"], met=p["met_week"]))
    else:
        out.append(tr("ui.person.available"))
    if p["availability"] > 1:
        out.append(tr("ui.person.gap", n=p["availability"]))
    if p["needs_introduction"]:
        out.append(tr("ui.person.needs_intro"))
    elif "KDM" in (p.get("key") or ()) and p["introduced"]:
        out.append(tr("ui.person.introduced"))
    out.append(favourite_text(view, p, tr))
    if p["contact_level"] >= 4:
        out.append(tr("ui.person.favours_left", n=p["favours_left"], total=COACH_FAVOURS))
    if p["rumour"]:
        out.append(tr("ui.person.rumour", week=p["rumour"]))
    if p.get("generation", 0) > 0:
        out.append(tr("ui.person.newcomer"))
    if p["last_move"]:
        out.append(tr("ui.person.last_move", what=tr(f"action.{p['last_move']}.name"),
                      week=p["met_week"]))
    return out


def card_tags(view: dict[str, Any], p: dict[str, Any], tr: Any) -> list[Tag]:
    """The short tags a person's card carries, most pressing first: the KDM still needs an
    introduction, a rumour they may leave, whom they favour (only when we know), when they
    will see us again (the action list says that too, for the selected person)."""
    tags: list[Tag] = []
    if p["needs_introduction"]:
        tags.append((tr("ui.board.tag.intro"), "block"))
    if p["rumour"]:
        tags.append((tr("ui.board.tag.leaving"), "risk"))
    fav = p.get("favourite")
    if fav == view["vendor"]:
        tags.append((tr("ui.board.tag.us"), "us"))
    elif fav == "":
        tags.append((tr("ui.board.tag.undecided"), "info"))
    elif fav:
        key = "ui.board.tag.chosen" if p.get("committed") else "ui.board.tag.rival"
        tags.append((tr(key, rival=short_name(view, fav, tr)), "risk"))
    week = free_week(view, p)
    if week is not None:
        tags.append((tr("ui.board.tag.free", week=week), "info"))
    return tags


def short_name(view: dict[str, Any], vid: str, tr: Any) -> str:
    """A rival's name as a tag has room for: its first word (English) or four characters."""
    name = words.vendor_name(view, vid, tr)
    return words.short_label({tr.language: name})[tr.language]
