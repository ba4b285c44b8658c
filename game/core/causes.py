"""Why a vendor lost, by counterfactual: had this one factor been equal to the winner's, would
we have won?

Hand-set weights rank whatever is easiest to see (a price difference is always visible), so a
debrief built on them teaches "we lost on price" when the material (003) says accounts are
rarely lost on price. Here every cause of a tender loss is tested the way the customer decides:
the tender is judged again (`resolve.judge`, then the KDM's override) on a copy of the game as
it stood when the bids were scored, with one factor made equal to the winner's, and the result
says whether that alone would have won and how much of the score gap it closes. When price
alone would have won, the analysis also names the backing (an evaluator, or the KDM choosing
us) that would have made the price gap not matter: "you lost earlier than the price".

Losses the scores did not decide (no bid, a bid over budget, out before the tender, an award
overturned after a complaint, not signed in time, the first payment never collected, a shelved
project) are named as such.

This reads the full state: hidden support, every vendor's bid. Only the debrief after the
game, and tools that never show a vendor anything (`balance`, `fidelity`), may call it. Every
counterfactual runs on a fork; the game passed in is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.ids import F_CRITERIA_KNOWN, K_KDM
from game.core.resolve import (
    OVERRIDE_GAP,
    PREF_SPREAD,
    UNPREPARED,
    W_MARGIN,
    W_MIN,
    Panel,
    judge,
    kdm_choice,
    kdm_override,
    panel,
    prepared_stage,
)
from game.core.state import GameState, Person, Relation, motive, text

FACTORS = ("price", "support", "support_one", "kdm_w", "fit", "shaping", "preparation",
           "replaced", "kdm_override")
"""The factors a scored loss is tested on:

- price: our bid price equal to the winner's;
- support: every evaluator's support for us (and having met us) equal to the winner's;
- support_one: the same, with one evaluator only (the best such evaluator is named);
- kdm_w: the KDM choosing us (W): our KDM support at the best rival's plus W_MARGIN (at least
  W_MIN), with a relationship, so the KDM may settle a close result for us;
- fit: the product's fit to each evaluator's needs, the service standing (delivery,
  references, brand) and the bid's technical and service answers equal to the winner's;
- shaping: the criteria shaped as far, and known, as the winner had them;
- preparation: our funnel as far along as the winner's when the tender was issued (the
  evaluators' UNPREPARED mark);
- replaced: a key person who was replaced before the award still in the seat, with every
  vendor's standing with them as it was (the person is named);
- kdm_override: the KDM did not settle the result for the winner.
"""

KINDS = ("won", "scored", "no_tender", "no_bid", "over_budget", "not_scored", "overturned",
         "failed_to_sign", "not_signed", "unpaid", "shelved", "absent", "not_over")
"""What decided a vendor's result. "scored" is a loss in the tender's scores, the only kind the
factors explain; the others are losses (or not) the scores did not decide:
won, no_tender (the deal ended before the bids were opened), no_bid, over_budget
(disqualified), not_scored (the deal ended before the award), overturned (named at the award,
lost it to a complaint), failed_to_sign (named, but the customer turned to the runner-up),
not_signed (named when the deal ended), unpaid (signed, the first payment never came), shelved
(won, the project was shelved), absent (never took part), not_over (the game goes on)."""

_EPS = 1e-6


@dataclass(frozen=True)
class Factor:
    """One counterfactual: this factor equal to the winner's, all else as it was."""

    key: str
    wins: bool  # alone, it would have won us the award
    closes: float | None  # how much of the score gap (winner's total minus ours) it closes
    gap_after: float | None  # the winner's total minus ours with it (< 0: we would lead)
    person: str | None = None  # the evaluator, KDM or replaced person it is about
    ours: float | None = None  # our value and the winner's (price, support, stage...)
    theirs: float | None = None


@dataclass(frozen=True)
class Backing:
    """One evaluator's support for us made equal to the winner's."""

    person: str
    weight: float  # their share of the evaluators' weight
    ours: float
    theirs: float
    met: bool  # they had met us (an evaluator who never did marks us down)
    wins: bool
    closes: float


@dataclass(frozen=True)
class Causes:
    """Why `vendor` got the result it got; for a scored loss, ranked counterfactual factors."""

    vendor: str
    kind: str  # one of KINDS
    rival: str | None = None  # the vendor the award named over us (a scored loss)
    gap: float | None = None  # the rival's total minus ours, as judged again
    exact: bool = True  # judging again reproduced the tender's recorded totals
    factors: tuple[Factor, ...] = ()  # ranked: decisive first, then by the gap they close
    backing: tuple[Backing, ...] = ()  # per evaluator, heaviest first
    earlier: tuple[str, ...] = ()  # the fewest evaluators whose clear backing (favouring us
    # over every rival by PREF_SPREAD) would have won it, heaviest first
    earlier_kdm: bool = False  # the KDM choosing us (W) alone would have won it
    detail: dict[str, Any] = field(default_factory=dict)  # facts: for a scored loss
    # override_gap (how close a result the KDM may settle here) and had_w/kdm (we held W:
    # the KDM chose us, and the gap was wider than they may settle); for the other kinds
    # what the report names (stage at the bid opening, price and budget, reason)

    def factor(self, key: str) -> Factor | None:
        return next((f for f in self.factors if f.key == key), None)

    @property
    def decisive(self) -> tuple[Factor, ...]:
        """The factors that alone would have won, in rank order."""
        return tuple(f for f in self.factors if f.wins)

    @property
    def price_decided(self) -> bool | None:
        """Our price equal to the winner's alone would have won; None without a valid bid."""
        if self.kind == "scored":
            f = self.factor("price")
            return bool(f and f.wins)
        if self.kind in ("overturned", "failed_to_sign", "not_signed", "unpaid", "shelved"):
            return False  # we bid validly and the scores named us: price did not lose it
        return None

    @property
    def primary(self) -> str:
        """One label: the kind, or for a scored loss its first decisive factor ("outscored"
        when no single factor would have won)."""
        if self.kind != "scored":
            return self.kind
        d = self.decisive
        return d[0].key if d else "outscored"


# ---- the game as its tender was scored -----------------------------------------------------


def award_week(state: GameState) -> int:
    """The week the bids were scored (the award), from the log when it has it."""
    for e in state.log:
        if e.get("calendar") and e.get("event") == "award":
            return int(e["week"])
    return int(state.calendar["award"])


def award_named(state: GameState) -> str | None:
    """The vendor the award first named (a complaint or a failure to sign may pass it on)."""
    for e in state.log:
        if e.get("calendar") and e.get("event") == "award":
            return (e.get("effects") or {}).get("preferred")
    t = state.tender or {}
    return t.get("preferred")


def _original(state: GameState, pid: str) -> Person:
    """The scenario's own occupant of a seat (generation 0), as `new_game` seats them."""
    s = next(x for x in state.spec.stakeholders if x.id == pid)
    return Person(
        id=s.id, name=text(s.name), title=text(s.title), department=text(s.department),
        roles=[r.value for r in s.roles], key=[k.value for k in s.key],
        influence=s.influence, participation=s.participation.model_dump(),
        senior=s.senior, traits=[t.value for t in s.traits],
        cares_about=list(s.cares_about), sways=[(w.who, w.strength) for w in s.sways],
        position_motive=motive(s.position_motive),
        personal_motive=motive(s.personal_motive), leaning=s.leaning,
        availability=s.availability,
    )


def _unreplace(s: GameState, record: dict[str, Any]) -> None:
    """Undo one replacement on a fork: every vendor's standing with the person who left is
    put back; if they were the scenario's own occupant, they take the seat again."""
    pid = record["person"]
    if s.people[pid].generation == 1:
        s.replace_person(_original(s, pid))
    pi = s.people[pid].index
    r: Relation
    for vi in range(len(s.vlist)):
        r = s.rels[vi][pi]
        r.support = record["support"][vi]
        r.trust = record["trust"][vi]
        r.contact = record["contact"][vi]
    s.sync()


def _stage_at(state: GameState, vid: str, week: int) -> int:
    """A vendor's stage while its bid was scored in `week` (the award moves the winner to P6,
    and stages move at a week's end, after the scoring)."""
    v = state.vendors[vid]
    before = [k for k, w in v.stage_weeks.items() if int(k) <= 5 and w < week]
    return max((int(k) for k in before), default=min(v.stage, 5))


def _copy(s: GameState) -> GameState:
    """A fork for one counterfactual, without the tender, award and contract (judging needs
    none of them, and copying them is most of a fork's cost)."""
    held = s.tender, s.award, s.contract
    s.tender = s.award = s.contract = None
    try:
        return s.fork()
    finally:
        s.tender, s.award, s.contract = held


def scoring_fork(state: GameState) -> GameState:
    """A fork of a game at the start of a week, to be played through that week with the same
    plans, in which the customer's end-of-week events and personnel changes do not happen.
    Those come after the tender's scoring, so if the bids are scored that week, the fork ends
    it holding the game exactly as scored (what `analyse` wants as `scored`); the real game's
    events that week (a notice that shakes support, a person leaving) do not blur it."""
    f = state.fork()
    f.event_ids = []
    f.personnel_chance = 0.0
    f.rumours = {}
    return f


def scoring_state(state: GameState, week: int | None = None) -> GameState:
    """A fork of the game as its bids were scored in `week` (default: the award's): each
    bidder's stage before the award, and people replaced in or after that week back in their
    seats. For an exact re-scoring pass a `scoring_fork` played through the award week; a
    finished game works too, with relations as they stood at its end. Its tender, award and
    contract are shallow copies: read them, never change them."""
    s = _copy(state)  # the tender, award and contract are read here, never changed
    s.tender = dict(state.tender) if state.tender is not None else None
    s.award = dict(state.award) if state.award is not None else None
    s.contract = dict(state.contract) if state.contract is not None else None
    week = award_week(state) if week is None else week
    for vid in (s.tender or {}).get("bids", {}):
        s.vendors[vid].stage = _stage_at(s, vid, week)
    firsts: dict[str, dict[str, Any]] = {}
    for rec in s.replaced:
        if rec["week"] >= week:
            firsts.setdefault(rec["person"], rec)
    for rec in reversed(list(firsts.values())):
        _unreplace(s, rec)
    s.panel = None
    return s


# ---- judging again ---------------------------------------------------------------------------


Bids = dict[str, tuple[float, bool, bool]]  # vendor id -> (price, technical, service)


def _valid_bids(s: GameState) -> Bids:
    t = s.tender or {}
    return {vid: (float(b["price"]), bool(b["technical"]), bool(b["service"]))
            for vid, b in t.get("bids", {}).items() if not b["disqualified"]}


def _judge(s: GameState, bids: Bids) -> tuple[dict[str, float], list[str]]:
    """Totals, and the final ranking after the KDM's override."""
    ids = list(bids)
    res = judge(s, [s.vendors[v].index for v in ids], [bids[v][0] for v in ids],
                [bids[v][1] for v in ids], [bids[v][2] for v in ids], False)
    totals = dict(zip(ids, res.totals, strict=True))
    ranking = sorted(totals, key=lambda k: (-totals[k], k))
    return totals, kdm_override(s, ranking, totals)


def _own_panel(s: GameState) -> Panel:
    """The fork's own copy of the evaluators' panel (a fork shares the original's)."""
    old = panel(s)
    pan = Panel()
    pan.people, pan.weight, pan.tech = list(old.people), list(old.weight), list(old.tech)
    pan.price_w, pan.service_w = list(old.price_w), list(old.service_w)
    pan.total = list(old.total)
    pan.fits = [list(f) for f in old.fits]
    pan.service = list(old.service)
    s.panel, s.panel_stamp = pan, s.stamp
    return pan


class _Judge:
    """Judges the tender again with one change at a time, against the same baseline."""

    def __init__(self, base: GameState, us: str, rival: str) -> None:
        self.base, self.us, self.rival = base, us, rival
        self.bids = _valid_bids(base)
        self.totals, self.ranking = _judge(base, self.bids)
        self.gap = self.totals[rival] - self.totals[us]

    def run(self, key: str, s: GameState, bids: Bids | None = None, **kw: Any) -> Factor:
        totals, ranking = _judge(s, bids or self.bids)
        after = totals[self.rival] - totals[self.us]
        return Factor(key, ranking[0] == self.us, round(self.gap - after, 4), round(after, 4),
                      **kw)


def _support(s: GameState, us: str, them: str, people: list[int]) -> None:
    """Our support with these people equal to theirs (and met, where they had met them)."""
    ui, wi = s.vendors[us].index, s.vendors[them].index
    for pi in people:
        r, o = s.rels[ui][pi], s.rels[wi][pi]
        r.support = max(r.support, o.support)
        if o.contact > 0:
            r.contact = max(r.contact, 1)


def _kdm(s: GameState) -> Person | None:
    return next((p for p in s.plist if p.key_mask & K_KDM), None)


def _kdm_w(s: GameState, us: str, bidders: list[str], kdm: Person) -> tuple[float, float]:
    """Give us W with the KDM on a fork; returns (our support before, the best rival's)."""
    r = s.rels[s.vendors[us].index][kdm.index]
    best = max((s.rels[s.vendors[v].index][kdm.index].support for v in bidders if v != us),
               default=-1.0)
    before = r.support
    r.support = min(1.0, max(before, best + W_MARGIN + _EPS, W_MIN))
    r.contact = max(r.contact, 2)
    return before, best


def _rank(factors: list[Factor]) -> tuple[Factor, ...]:
    """Decisive first; among them the KDM's override (the result we led, settled for the
    winner) before the rest; then by how much of the gap each closes."""
    order = {k: i for i, k in enumerate(FACTORS)}
    return tuple(sorted(factors, key=lambda f: (not f.wins, f.key != "kdm_override",
                                                -(f.closes or 0.0), order[f.key])))


class _Held:
    """What a counterfactual changes on the scoring base, kept to be put back: the base is
    judged with one factor changed and restored at once (no copy of the game)."""

    def __init__(self, base: GameState) -> None:
        self.base = base
        self.rels: list[tuple[Relation, float, int]] = []

    def relation(self, vi: int, pi: int) -> Relation:
        r: Relation = self.base.rels[vi][pi]
        self.rels.append((r, r.support, r.contact))
        return r

    def restore(self) -> None:
        for r, support, contact in reversed(self.rels):
            r.support = support
            r.contact = contact
        self.rels.clear()


def _support_held(h: _Held, us: str, them: str, people: list[int]) -> None:
    """`_support` on the base, held to be put back."""
    s = h.base
    ui = s.vendors[us].index
    for pi in people:
        h.relation(ui, pi)
    _support(s, us, them, people)


def _scored(base: GameState, week: int, us: str, rival: str, brief: bool) -> Causes:
    """A scored loss. `base` is the game as scored (`scoring_state`): each factor changes it,
    judges it and puts it back before the next, so it ends as it came (a person back in
    their seat is judged on a copy)."""
    j = _Judge(base, us, rival)
    t = base.tender or {}
    recorded = t.get("totals") or {}
    exact = all(abs(recorded.get(v, 9.0) - j.totals[v]) < 2e-3 for v in j.totals)
    bidders = list(j.bids)
    uv, rv = base.vendors[us], base.vendors[rival]
    factors: list[Factor] = []
    held = _Held(base)

    ours_p, theirs_p = j.bids[us][0], j.bids[rival][0]
    if ours_p > theirs_p + _EPS:
        bids = dict(j.bids)
        bids[us] = (theirs_p, *bids[us][1:])
        factors.append(j.run("price", base, bids, ours=ours_p, theirs=theirs_p))

    pan = panel(base)
    total_w = sum(pan.weight) or 1.0
    people = [pi for pi in pan.people if pi >= 0]
    weight = {pi: w / total_w for pi, w in zip(pan.people, pan.weight, strict=True) if pi >= 0}

    def behind(pi: int) -> bool:
        r, o = base.rels[uv.index][pi], base.rels[rv.index][pi]
        return r.support < o.support - _EPS or (r.contact == 0 < o.contact)

    short = [pi for pi in people if behind(pi)]
    backing: list[Backing] = []
    if short:
        _support_held(held, us, rival, short)
        every = j.run("support", base)
        held.restore()
        factors.append(every)
        # Backing is monotone: if every evaluator at once would not have won, no one
        # alone would, and one alone never closes more than all; `brief` skips them then.
        for pi in short if not brief or every.wins else ():
            _support_held(held, us, rival, [pi])
            f = j.run("support_one", base)
            held.restore()
            r, o = base.rels[uv.index][pi], base.rels[rv.index][pi]
            backing.append(Backing(base.plist[pi].id, round(weight[pi], 4), r.support,
                                   o.support, r.contact > 0, f.wins, f.closes or 0.0))
        backing.sort(key=lambda b: (not b.wins, -b.closes, -b.weight, b.person))
        if backing:
            best = backing[0]
            factors.append(Factor("support_one", best.wins, best.closes,
                                  round(j.gap - best.closes, 4), best.person, best.ours,
                                  best.theirs))

    kdm = _kdm(base)
    kdm_w = False
    detail: dict[str, Any] = {"override_gap": OVERRIDE_GAP[base.procurement]}
    if kdm is not None and kdm_choice(base, [base.vendors[v].index for v in bidders]) \
            == uv.index:
        detail.update(had_w=True, kdm=kdm.id)  # we held W, and the gap was beyond the KDM
    elif kdm is not None:
        contact = base.rels[uv.index][kdm.index].contact
        held.relation(uv.index, kdm.index)
        before, best_rival = _kdm_w(base, us, bidders, kdm)
        if base.rels[uv.index][kdm.index].support > before + _EPS or contact < 2:
            f = j.run("kdm_w", base, person=kdm.id, ours=before, theirs=best_rival)
            factors.append(f)
            kdm_w = f.wins
        held.restore()

    fit_behind = any(f[rv.index] > f[uv.index] + _EPS for f in pan.fits) or \
        pan.service[rv.index] > pan.service[uv.index] + _EPS or \
        (j.bids[rival][1] and not j.bids[us][1]) or (j.bids[rival][2] and not j.bids[us][2])
    if fit_behind:
        was = base.panel, base.panel_stamp
        p2 = _own_panel(base)
        for fits in p2.fits:
            fits[uv.index] = max(fits[uv.index], fits[rv.index])
        p2.service[uv.index] = max(p2.service[uv.index], p2.service[rv.index])
        bids = dict(j.bids)
        bids[us] = (j.bids[us][0], j.bids[us][1] or j.bids[rival][1],
                    j.bids[us][2] or j.bids[rival][2])
        factors.append(j.run("fit", base, bids))
        base.panel, base.panel_stamp = was

    knows = uv.has(F_CRITERIA_KNOWN) or not rv.has(F_CRITERIA_KNOWN)
    if min(rv.spec_bias, 2.0) > min(uv.spec_bias, 2.0) + _EPS or not knows:
        bias, had = uv.spec_bias, uv.has(F_CRITERIA_KNOWN)
        uv.spec_bias = max(bias, rv.spec_bias)
        if rv.has(F_CRITERIA_KNOWN):
            uv.give(F_CRITERIA_KNOWN)
        factors.append(j.run("shaping", base, ours=bias, theirs=rv.spec_bias))
        uv.spec_bias = bias
        if not had:
            uv.drop(F_CRITERIA_KNOWN)

    up, rp = prepared_stage(base, uv), prepared_stage(base, rv)
    if UNPREPARED[up] < UNPREPARED[rp] - _EPS:
        stage, weeks = uv.stage, uv.stage_weeks
        issue = base.cal_tender_issue
        uv.stage = rp  # as prepared as the winner when the documents came out
        uv.stage_weeks = {k: min(w, issue) for k, w in weeks.items() if k <= rp}
        factors.append(j.run("preparation", base, ours=float(up), theirs=float(rp)))
        uv.stage, uv.stage_weeks = stage, weeks

    firsts: dict[str, dict[str, Any]] = {}
    for rec in base.replaced:
        if rec["week"] < week:
            firsts.setdefault(rec["person"], rec)
    gone = []
    for pid, rec in firsts.items():
        s = _copy(base)
        _unreplace(s, rec)
        f = j.run("replaced", s, person=pid, ours=rec["support"][uv.index],
                  theirs=rec["support"][rv.index])
        if f.wins or abs(f.closes or 0.0) > _EPS:
            gone.append(f)
    if gone:
        factors.append(min(gone, key=lambda f: (not f.wins, -(f.closes or 0.0))))

    scored_first = sorted(j.totals, key=lambda k: (-j.totals[k], k))[0]
    if j.ranking[0] != scored_first:  # the KDM settled a close result
        factors.append(Factor("kdm_override", scored_first == us, None, None,
                              kdm.id if kdm else None))

    earlier = () if brief else _earlier(base, j, people, weight)
    return Causes(us, "scored", rival, round(j.gap, 4), exact, _rank(factors),
                  tuple(backing), earlier, kdm_w, detail)


def _favour(s: GameState, us: str, bidders: list[str], pi: int) -> None:
    """Person `pi` backing us clearly: our support PREF_SPREAD above every other bidder's
    (their whole preference bonus), and met."""
    r = s.rels[s.vendors[us].index][pi]
    best = max((s.rels[s.vendors[v].index][pi].support for v in bidders if v != us),
               default=-1.0)
    r.support = min(1.0, max(r.support, best + PREF_SPREAD + _EPS))
    r.contact = max(r.contact, 1)


def _earlier(base: GameState, j: _Judge, people: list[int],
             weight: dict[int, float]) -> tuple[str, ...]:
    """The fewest evaluators whose clear backing would have won it, the heaviest first: one
    who alone would have been enough, else the heaviest ones added until it is; () if even
    all of them would not have been enough."""
    bidders = list(j.bids)
    alone = []
    for pi in people:
        s = _copy(base)
        _favour(s, j.us, bidders, pi)
        if _judge(s, j.bids)[1][0] == j.us:
            alone.append(pi)
    if alone:
        return (base.plist[max(alone, key=lambda pi: (weight[pi], -pi))].id,)
    chosen: list[str] = []
    s = _copy(base)
    for pi in sorted(people, key=lambda pi: (-weight[pi], pi)):
        _favour(s, j.us, bidders, pi)
        chosen.append(base.plist[pi].id)
        if _judge(s, j.bids)[1][0] == j.us:
            return tuple(chosen)
    return ()


# ---- what decided the result -----------------------------------------------------------------


def _overturned_from(state: GameState, vid: str) -> bool:
    return any(e.get("calendar") and e.get("event") == "notice_end"
               and (e.get("effects") or {}).get("overturned") for e in state.log) \
        and award_named(state) == vid


def _kind(state: GameState, vid: str) -> tuple[str, dict[str, Any]]:
    v = state.vendors[vid]
    o = state.outcome
    t = state.tender
    if v.joined_week == 0 and not v.active:
        return "absent", {}
    if o is not None and o["winner"] == vid:
        return ("won" if o["result"] == "won" else "shelved"), {}
    if t is None:
        return ("no_tender", {"reason": o["reason"]}) if o else ("not_over", {})
    if vid not in t["bids"]:
        return "no_bid", {"stage": _stage_at(state, vid, int(t["week"]))}
    bid = t["bids"][vid]
    if bid["disqualified"]:
        return "over_budget", {"price": bid["price"], "budget": state.budget}
    if not t.get("evaluated"):
        return ("not_scored", {}) if o else ("not_over", {})
    named = award_named(state)
    if named != vid:
        return "scored", {}
    if vid in t.get("passed_over", []):
        return "failed_to_sign", {}
    if _overturned_from(state, vid):
        return "overturned", {}
    if o is None:
        return "not_over", {}
    if state.contract and state.contract["vendor"] == vid:
        return "unpaid", {}
    return "not_signed", {}


def analyse(state: GameState, vid: str, scored: GameState | None = None,
            brief: bool = False) -> Causes:
    """Why `vid` got its result in `state` (a finished game, or one past the award).

    `scored` is the game as its bids were scored: a `scoring_fork` taken at the start of the
    award week and played through it with the same plans (a fork taken at the end of the
    award week also works, blurred by that week's events). The tender is judged again on
    copies of it. Without it the finished game stands in, with relations as they stood at its
    end (`Causes.exact` says whether the recorded totals came out again). `brief` (for
    tools that only need the factors' verdicts) skips the evaluators one by one when all of
    them at once would not have won, and `earlier`. Reads the full state: never call it for a
    vendor's eyes before the game ends.
    """
    return analyse_all(state, [vid], scored, brief)[vid]


def analyse_all(state: GameState, vids: list[str], scored: GameState | None = None,
                brief: bool = False) -> dict[str, Causes]:
    """`analyse` for several vendors of one game, their losses judged on one copy of the
    game as scored."""
    out: dict[str, Causes] = {}
    base: GameState | None = None
    for vid in vids:
        kind, detail = _kind(state, vid)
        if kind != "scored":
            out[vid] = Causes(vid, kind, detail=detail)
            continue
        rival = award_named(state)
        src = scored if scored is not None else state
        if rival is None or vid not in _valid_bids(src) or rival not in _valid_bids(src):
            out[vid] = Causes(vid, "scored", rival, exact=False)
            continue
        week = award_week(state)
        if base is None:
            base = scoring_state(src, week)
        out[vid] = _scored(base, week, vid, rival, brief)
    return out


def price_decided(state: GameState, vid: str, scored: GameState | None = None) -> bool | None:
    """True when `vid` lost and its bid price equal to the winner's alone would have won;
    False when it lost a valid bid for another reason; None when it won, never bid validly,
    or the result is not settled yet. See `analyse` for `scored`."""
    return analyse(state, vid, scored).price_decided


def causes_summary(state: GameState, vid: str,
                   scored: GameState | None = None) -> dict[str, bool]:
    """For a loss decided by the tender's scores: every factor in FACTORS -> whether it alone
    would have won (False where the winner was not ahead on it). Empty for any other result
    (`analyse(...).kind` names it). See `analyse` for `scored`."""
    c = analyse(state, vid, scored)
    if c.kind != "scored":
        return {}
    got = {f.key: f.wins for f in c.factors}
    return {k: got.get(k, False) for k in FACTORS}
