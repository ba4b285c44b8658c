"""The wire-secrecy scanner: reads every message the host sends, as sent, and reports anything
the receiving connection had no right to see.

For a team's seat that is: a hidden motive (its text, in either language) the team has not
discovered; another vendor's briefing; a rival entry with more than the public keys; a log or
report entry about another vendor's own moves; a frame for another team; another role's
uncommitted plan. For a projector: anything beyond public information (a view, a desk, any
vendor's private numbers, any motive). The truth it compares against is the trainer's view of
the game at the moment of sending, so the scanner does not trust the views it is checking.
Console frames (PIN-guarded) are not scanned.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from game.core.views import PUBLIC_VENDOR_KEYS, trainer_view

if TYPE_CHECKING:
    from game.net.workshop import Workshop

PROJECTOR_FORBIDDEN = ("view", "desk", "me", "people", "relations", "briefing", "facts", "code")


def _texts(m: Any) -> list[str]:
    t = m.get("text") if isinstance(m, dict) else None
    return [t["zh"], t["en"]] if isinstance(t, dict) else []


def _walk(x: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, x
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _walk(v, f"{path}[{i}]")


class Scanner:
    """Call it with every message as sent. With `defer`, it only notes what the receiver may
    know at that moment and reads the messages in `finish()` (the bench keeps the scan out
    of the timed path); otherwise it reads each message at once."""

    def __init__(self, ws: Workshop, defer: bool = False) -> None:
        self.ws = ws
        self.defer = defer
        self._queue: list[tuple[str, str, dict[str, frozenset[str]], dict[str, Any]]] = []
        self.frames = 0
        self.shown = 0  # discovered motives seen in a seat's frames (the scan is not empty)
        self.leaks: list[str] = []
        spec = ws.base_spec
        self.motives: set[str] = set()
        for s in spec.stakeholders:
            for m in (s.position_motive, s.personal_motive):
                self.motives.update((m.text.zh, m.text.en))
        for ev in spec.events:
            for eff in [*ev.effects, *(e for c in ev.choices for e in c.effects)]:
                new = getattr(eff, "new", None)
                if new is not None:
                    for m in (new.position_motive, new.personal_motive):
                        self.motives.update((m.text.zh, m.text.en))
        self.briefings: dict[str, list[str]] = {}
        for v in spec.vendors:
            if v.briefing is not None:
                b = v.briefing
                self.briefings[v.id] = [t for x in (b.product, b.history, b.strengths)
                                        for t in (x.zh, x.en)]
        self.known: dict[str, set[str]] = {vid: set() for vid in ws.state.vendors}
        self._frozen: dict[str, frozenset[str]] = {}
        self._seen_turn: tuple[int, int] | None = None

    def _learn(self) -> dict[str, frozenset[str]]:
        """What each team has discovered, from the full state (accumulated: a team that
        learned a motive keeps it in its log even after the person is replaced)."""
        key = (self.ws.stamp, len(self.ws.state.plans))
        if key == self._seen_turn:
            return self._frozen
        self._seen_turn = key
        tv = trainer_view(self.ws.state)
        for vid, rels in tv["relations"].items():
            for pid, r in rels.items():
                p = tv["people"][pid]
                if r["known_position"]:
                    self.known[vid].update(_texts(p["position_motive"]))
                if r["known_personal"]:
                    self.known[vid].update(_texts(p["personal_motive"]))
        self._frozen = {vid: frozenset(k) for vid, k in self.known.items()}
        return self._frozen

    def _committed(self) -> dict[str, Any]:
        return {vid: frozenset(d.week.committed) for vid, d in self.ws.desks.items()
                if d.mode == "roles"}

    def __call__(self, label: str, target: tuple[str, ...], text: str) -> None:
        if label == "console" or label == "trainer_projector":
            return  # the PIN holders see everything
        if target == ("seats",) and self.ws.status == "over" and '"type":"final"' in text:
            return  # the whole game, for the debrief, once the deal is over
        self.frames += 1
        item = (label, text, self._learn(), self._committed())
        if self.defer:
            self._queue.append(item)
        else:
            self._scan(*item)

    def finish(self) -> list[str]:
        for item in self._queue:
            self._scan(*item)
        self._queue.clear()
        return self.leaks

    def _scan(self, label: str, text: str, known: dict[str, frozenset[str]],
              committed: dict[str, Any]) -> None:
        msg = json.loads(text)
        if "/" in label:
            team, role = label.split("/", 1)
            self.leaks.extend(f"{label} {msg.get('type')}: {x}"
                              for x in self.seat_leaks(team, role, msg, text, known[team],
                                                       committed.get(team)))
        else:
            self.leaks.extend(f"{label} {msg.get('type')}: {x}"
                              for x in self.public_leaks(msg, text))

    def seat_leaks(self, team: str, role: str, msg: dict[str, Any], text: str,
                   known: frozenset[str], committed: frozenset[str] | None) -> list[str]:
        present = [m for m in self.motives if m in text]
        self.shown += sum(1 for m in present if m in known)
        out = [f"undiscovered motive {m!r}" for m in present if m not in known]
        out += [f"{vid}'s briefing" for vid, texts in self.briefings.items() if vid != team
                and any(t in text for t in texts)]
        if msg.get("type") == "snapshot":
            if msg["seat"]["team"] != team or msg["view"]["vendor"] != team:
                out.append("a frame built for another team")
            for r in msg["view"].get("rivals", []):
                extra = set(r) - set(PUBLIC_VENDOR_KEYS)
                if extra:
                    out.append(f"rival {r.get('id')} carries {sorted(extra)}")
            for where, entries in (("log", msg["view"].get("log", [])),
                                   ("report", (msg.get("report") or {}).get("entries", []))):
                for e in entries:
                    if e.get("vendor") not in (None, team):
                        out.append(f"{where} entry of {e['vendor']}'s own move")
            out += self._desk_leaks(role, msg.get("desk") or {}, committed)
        elif msg.get("type") == "desk":
            out += self._desk_leaks(role, msg.get("desk") or {}, committed)
        elif msg.get("type") == "presence" and msg.get("team") != team:
            out.append("another team's presence")
        return out

    def _desk_leaks(self, role: str, desk: dict[str, Any],
                    committed: frozenset[str] | None) -> list[str]:
        out = []
        if committed is None or role == "team":
            return out
        for e in desk.get("entries") or []:
            owner = e.get("owner")
            if e["action"]["kind"] == "choose" or role in (owner, e.get("partner")):
                continue
            if owner not in committed:
                out.append(f"{owner}'s uncommitted move {e['action']['kind']} shown to {role}")
        return out

    def public_leaks(self, msg: dict[str, Any], text: str) -> list[str]:
        out = [f"motive {m!r}" for m in self.motives if m in text]
        out += [f"{vid}'s briefing" for vid, texts in self.briefings.items()
                if any(t in text for t in texts)]
        for path, _ in _walk(msg):
            key = path.rsplit(".", 1)[-1]
            if key in PROJECTOR_FORBIDDEN:
                out.append(f"private field {path}")
        for e in msg.get("events", []) or []:
            if e.get("vendor") is not None:
                out.append(f"a vendor's own move {e.get('kind')}")
        return out
