"""`lint`: warnings about scenarios that are valid but will not play as the designer means.

Validation says a file can be loaded; lint says whether the game it makes works: whether each
vendor can pass each stage under the engine's rules, whether every event can ever fire,
whether every text is in both languages. Each check reads the action catalogue and the stage
criteria as data, so a rule change in the engine moves the warnings with it. Every warning
points at the line to change, like the loader's errors (architecture habit 7).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from pydantic import BaseModel

from game.core.actions import CATALOG
from game.i18n import tr
from game.scenario import models as m
from game.scenario.commands import expand_paths
from game.scenario.issues import Issue, ScenarioError, sort_issues
from game.scenario.lint_customer import personnel, procurement
from game.scenario.lint_reach import Reach, all_effects, is_kdm
from game.scenario.lint_values import inert_values, lineup, moot_events, weights
from game.scenario.loader import load_scenario_text, read_scenario_bytes
from game.scenario.sourcemap import Path, SourceMap
from game.scenario.yamlsource import decode, parse

RULES: dict[str, str] = {
    "lint/stage_blocked": "A stage a vendor can never pass, or a floor price over the budget.",
    "lint/role_unheld": "A buying role nobody holds.",
    "lint/motive_hidden": "A motive no action of a team vendor can reveal.",
    "lint/motive_unaddressed": "A motive of a kind no action addresses: finding it cannot help.",
    "lint/event_never": "An event that can never fire: weeks, conditions and chance conflict.",
    "lint/text_language": "Text missing a language: empty, or written in the other language.",
    "lint/calendar": "A calendar that cannot be met: no time to bid, shape the tender, "
                     "prepare the bid (P5) before the award, or be paid.",
    "lint/unreachable": "A stakeholder nobody can meet, a KDM nobody can be introduced to, "
                        "or someone who takes part in no phase.",
    "lint/inert_value": "A value past the point where the rules stop counting it: references "
                        "over 5, a floor price no bid reaches, a budget above every price, "
                        "... (see section 2's table).",
    "lint/weights": "Tender weights that do not sum to 1, with the shares the game makes of "
                    "them.",
    "lint/lineup": "Rivals that mix the expert and easy levels: one decides, one hardly counts.",
    "lint/procurement": "A public tender whose KDM holds most of the scoring weight: in "
                        "public mode the KDM weighs half and a drawn expert panel scores "
                        "too.",
    "lint/personnel": "A chance of personnel change that makes a key change near-certain "
                      "(with the share of deals that would see one).",
    "lint/event_moot": "An event that can fire only after what it changes is settled: a "
                       "budget cut after the bids are opened, tender weights after the last "
                       "scoring, a first-payment squeeze after the contract is signed, ...",
}
"""Every warning code with what it means; the authoring guide's table is generated from it."""
NOTES: dict[str, str] = {
    "note/weights": "Need weights that do not sum to 1, with the shares the game makes of "
                    "them (relative weights are allowed; the note only says what they "
                    "become).",
}
"""Codes that inform without asking for a change: printed, never counted as warnings."""

ROLE_USE = {
    "initiator": "the lead department and the purchase timeline are found through them",
    "user": "the lead and the first need are found through users or the initiator",
    "influencer": "tender criteria can only be shaped through influencers, users or a KI",
    "purchaser": "the timeline, the budget element and the negotiation go through them",
    "decision_maker": "C931's 'first overall' counts the decision makers",
    "approver": "C931's 'first overall' counts approvers with the decision makers",
    "budget_holder": "the budget element and the negotiation go through them",
}
CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
LETTER = re.compile("[A-Za-z]")
ADDRESSED = frozenset(k for d in CATALOG.values() for k in d.addresses)


class _Linter(Reach):
    """Each rule is a generator of warnings located through the source map."""

    def __init__(self, spec: m.ScenarioSpec, source: SourceMap) -> None:
        super().__init__(spec)
        self.source = source
        self.teams = [v for v in spec.vendors if v.side == "team"]

    def warn(self, path: Path, message: str, code: str, hint: str | None = None,
             at_key: bool = False) -> Issue:
        return self.source.issue(path, message, hint=hint, code=code, at_key=at_key)

    def run(self) -> Iterator[Issue]:
        for check in (self.stages, self.roles, self.motives, self.events, self.texts,
                      self.calendar, self.people):
            yield from check()
        for rule in (inert_values, weights, lineup, moot_events, procurement, personnel):
            yield from rule(self)

    # ---- stages ----------------------------------------------------------

    def stages(self) -> Iterator[Issue]:
        found = [(vs.id, self.blocked(vs)) for vs in self.spec.vendors]
        alike = len({f for _, f in found}) == 1  # one cause blocks everyone: say it once
        for vid, f in found[:1] if alike else found:
            if f:
                stage, key, why, path = f
                who = "no vendor can" if alike else f"vendor '{vid}' can never"
                yield self.warn(path, f"{who} pass P{stage} ({tr(f'core.stage.P{stage}')}):"
                                f" '{tr(f'core.criterion.{key}')}' can never be met: {why}",
                                "lint/stage_blocked", at_key=True)
        budget = self.spec.customer.budget
        for i, vs in enumerate(self.spec.vendors):
            if vs.floor_price > budget:
                yield self.warn(("vendors", i, "floor_price"), f"vendor '{vs.id}' can never "
                                f"bid within the budget: floor price {vs.floor_price:g} > "
                                f"budget {budget:g}", "lint/stage_blocked")

    # ---- the buying centre -------------------------------------------------------------

    def roles(self) -> Iterator[Issue]:
        held = {r.value for s in self.spec.stakeholders for r in s.roles}
        for role in m.BuyingRole:
            if role.value not in held:
                yield self.warn(("stakeholders",), f"nobody holds the buying role "
                                f"'{role.value}': {ROLE_USE[role.value]}",
                                "lint/role_unheld",
                                "add the role to someone's roles list", at_key=True)

    def _motives(self) -> Iterator[tuple[m.StakeholderSpec, str, Any, Path]]:
        for i, s in enumerate(self.spec.stakeholders):
            for which in ("position", "personal"):
                yield s, which, getattr(s, f"{which}_motive"), ("stakeholders", i,
                                                                f"{which}_motive")
        for e, ev in enumerate(self.spec.events):
            for path, eff in all_effects(ev, ("events", e)):
                if isinstance(eff, m.ReplaceStakeholderEffect):
                    s = next(p for p in self.spec.stakeholders if p.id == eff.stakeholder)
                    for which in ("position", "personal"):
                        yield s, which, getattr(eff.new, f"{which}_motive"), (
                            *path, "new", f"{which}_motive")

    def _revealers(self, s: m.StakeholderSpec, which: str, vs: m.VendorSpec) -> bool:
        if not self.meets(vs, s):
            return False
        return any(getattr(d, f"reveal_{which}") > 0 and self.can(vs, d.id, s)
                   for d in CATALOG.values()) or (which == "position"
                                                  and self.can(vs, "gather_intel"))

    def motives(self) -> Iterator[Issue]:
        revealed = {(e.stakeholder, e.motive) for ev in self.spec.events
                    for _, e in all_effects(ev, ()) if isinstance(e, m.RevealEffect)}
        for s, which, motive, path in self._motives():
            if motive.kind.value not in ADDRESSED:
                yield self.warn((*path, "kind"), f"no action addresses a '{motive.kind.value}' "
                                f"motive, so discovering {s.id}'s {which} motive cannot help",
                                "lint/motive_unaddressed",
                                "pick a kind some action addresses: "
                                + ", ".join(sorted(ADDRESSED)))
            by_event = {(s.id, which), (s.id, "both")} & revealed
            if not by_event and not any(self._revealers(s, which, vs) for vs in self.teams):
                yield self.warn(path, f"no team vendor has an action that can reveal "
                                f"{s.id}'s {which} motive", "lint/motive_hidden",
                                "give the team's rep days in 'time', or its executive "
                                "for a senior person", at_key=True)

    # ---- events ------------------------------------------------------------------------

    def events(self) -> Iterator[Issue]:
        for e, ev in enumerate(self.spec.events):
            why = self.never(ev)
            if why:
                yield self.warn(("events", e, "trigger"), f"event '{ev.id}' can never fire: "
                                f"{why}", "lint/event_never", at_key=True)

    # ---- text --------------------------------------------------------------------------

    def _texts(self, obj: Any, path: Path) -> Iterator[tuple[m.TextSpec, Path]]:
        if isinstance(obj, m.TextSpec):
            yield obj, path
            return
        items = (((k, getattr(obj, k)) for k in type(obj).model_fields)
                 if isinstance(obj, BaseModel) else enumerate(obj)
                 if isinstance(obj, list | tuple) else obj.items()
                 if isinstance(obj, dict) else ())
        for key, x in items:
            yield from self._texts(x, (*path, key))

    def texts(self) -> Iterator[Issue]:
        for t, path in self._texts(self.spec, ()):
            for lang, value in (("zh", t.zh), ("en", t.en)):
                if not value.strip():
                    yield self.warn((*path, lang), f"the {lang} text is empty",
                                    "lint/text_language", "write it in both languages")
            if t.zh.strip() and not CJK.search(t.zh) and LETTER.search(t.zh):
                yield self.warn((*path, "zh"), "the zh text has no Chinese in it",
                                "lint/text_language", "translate it into Chinese")
            if CJK.search(t.en):
                yield self.warn((*path, "en"), "the en text contains Chinese characters",
                                "lint/text_language",
                                "write it in English: names in pinyin, money in yuan in "
                                "words, e.g. 6.5 million yuan")

    # ---- calendar and people -----------------------------------------------------------

    def calendar(self) -> Iterator[Issue]:
        cal, last = self.spec.customer.calendar, self.spec.last_week
        base: Path = ("customer", "calendar")
        for vs in self.spec.vendors:
            ready = self.stage_week(vs, 3)
            if ready is not None and ready > cal.bid_deadline:
                yield self.warn((*base, "bid_deadline"), f"vendor '{vs.id}' can never bid: "
                                f"it reaches P3 in week {ready} at the earliest, after the "
                                f"bid deadline (week {cal.bid_deadline})", "lint/calendar")
        for vs in self.teams:
            ready = self.stage_week(vs, 3)
            if ready is not None and ready >= cal.tender_issue:
                yield self.warn((*base, "tender_issue"), f"team vendor '{vs.id}' reaches P3 "
                                f"in week {ready} at the earliest: too late to shape the "
                                f"tender before it is issued in week {cal.tender_issue}",
                                "lint/calendar")
        approved = self.spec.customer.budget_approved_week
        for vs in self.teams:
            ready = self.stage_week(vs, 5)
            late = self.stage_week(vs, 3)
            if late is not None and late >= cal.tender_issue:
                continue  # said above: too late for the tender altogether
            if ready is not None and ready > cal.award:
                why = (f" (P3 needs the budget verified, and it is approved in week "
                       f"{approved})" if ready == approved + 2 and vs.start_stage <= 3 else "")
                yield self.warn(("customer", "budget_approved_week") if why else
                                (*base, "award"), f"team vendor '{vs.id}' reaches P5 in week "
                                f"{ready} at the earliest{why}, after the award in week "
                                f"{cal.award}: the evaluators mark its bid down as unprepared",
                                "lint/calendar")
        paid = cal.award + cal.notice_weeks + 2
        if paid > last:
            yield self.warn(("last_week",), f"the first payment can arrive in week {paid} at "
                            f"the earliest (award, public notice, signing, payment), after "
                            f"the game ends in week {last}", "lint/calendar",
                            f"set last_week to {paid + 2} or more")

    def people(self) -> Iterator[Issue]:
        for i, s in enumerate(self.spec.stakeholders):
            if not any(self.meets(vs, s) for vs in self.spec.vendors):
                yield self.warn(("stakeholders", i), f"nobody can meet {s.id}: no vendor "
                                "has a rep with time to call, or an executive for a senior "
                                "person", "lint/unreachable", at_key=True)
            elif is_kdm(s) and not any(self.door(vs, s) for vs in self.spec.vendors):
                yield self.warn(("stakeholders", i), f"nobody can reach {s.id}, the KDM: a "
                                "KDM sees a vendor only after an introduction, and no vendor "
                                "has a rep and an executive for a sponsor visit, or a rep to "
                                "win an insider among the others and ask them",
                                "lint/unreachable", "give a vendor's rep and executive days "
                                "in 'time', or start it with contact 'met' with the KDM in "
                                "its relations", at_key=True)
            if not any(s.participation.model_dump().values()):
                yield self.warn(("stakeholders", i, "participation"), f"{s.id} takes part "
                                "in no phase: every action on them is weak and they never "
                                "evaluate", "lint/unreachable",
                                "give them some participation somewhere", at_key=True)


# ---- entry points -----------------------------------------------------------------------


def lint_text(text: str, filename: str, notes: bool = False) -> list[Issue]:
    """The warnings (and with `notes`, the notes) for a scenario's text; raises
    ScenarioError when it is not valid."""
    spec = load_scenario_text(text, filename)
    _, source, _ = parse(text, filename)
    found = sort_issues(_Linter(spec, source).run())
    return [i for i in found if notes or not is_note(i)]


def lint_file(path: str, notes: bool = False) -> list[Issue]:
    return lint_text(decode(read_scenario_bytes(path), path), path, notes)


def is_note(issue: Issue) -> bool:
    return issue.code.startswith("note/")


def render_warning(issue: Issue) -> str:
    """Like a loader error, with 'warning' (or 'note') and the code so a designer can look
    it up."""
    lines = issue.render().split("\n")
    where = issue.file + (f":{issue.line}:{issue.column}" if issue.line else "")
    lines[0] = f"{where}: {'note' if is_note(issue) else 'warning'}: {issue.message}"
    if issue.hint:
        lines[0] += f" ({issue.hint})"
    lines[0] += f" [{issue.code}]"
    return "\n".join(lines)


def run_lint(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Lint files (folders stand for their .yaml files). 0 when every file is valid and
    clean, 1 when any file has an error or a warning."""
    if not paths:
        print("lint: name one or more scenario files or folders", file=out)
        return 1
    files, folders_ok = expand_paths(paths, out)
    dirty = 0 if folders_ok else 1
    for name in files:
        try:
            found = lint_file(name, notes=True)
        except ScenarioError as exc:
            dirty += 1
            print(f"FAILED  {name}: not a valid scenario; fix these first", file=out)
            print(exc.render() + "\n", file=out)
            continue
        warned = [i for i in found if not is_note(i)]
        noted = len(found) - len(warned)
        also = f"; {noted} note{'s' if noted != 1 else ''}" if noted else ""
        if found:
            print("\n\n".join(render_warning(i) for i in found) + "\n", file=out)
        if warned:
            dirty += 1
            print(f"{name}: {len(warned)} warning{'s' if len(warned) != 1 else ''}{also}\n",
                  file=out)
        else:
            print(f"ok      {name}  (no warnings{also})", file=out)
    return 1 if dirty else 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lint FILE...` to the command line."""
    p = sub.add_parser("lint", help="warn about scenarios that are valid but play badly")
    p.add_argument("files", nargs="*")
    p.set_defaults(func=lambda args: run_lint(args.files))
