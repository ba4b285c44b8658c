"""`python main.py bench workshop`: a whole workshop on loopback, measured.

A headless host runs the six-seat workshop scenario in this process; 6 teams x 4 role clients
and a projector client run as separate processes that join with the team codes, exactly like
people's laptops (a little below the host's priority, as each would be its own machine, and
reading each week for a second before planning, as people do). Every message the host sends
goes through the wire-secrecy scanner. Figures: `week_roundtrip_ms_p95` is, for each week,
the time from the last commit to the moment the last client has received and validated the
new week's frame (one clock: CLOCK_MONOTONIC is shared by the processes of a machine);
`host_cpu_ms_per_week` is this process's CPU time per week, the scanner's own cost taken out;
`lost_commands` counts moves a client had committed (and the host acknowledged) that are
missing from the week's record; `leaked_fields` counts what the scanner found.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from game.net.host import Host
from game.net.protocol import ROLES
from game.net.secrecy import Scanner
from game.net.workshop import Settings, Workshop

SCENARIO = "workshop_hospital"  # found like any bare name: here, the user's, the shipped ones
# The bots read the new week for a second before planning, as people do (they take minutes):
# without it, on a 2-core machine the first bots' planning competes for the CPU with the
# clients still reading the frame, and the roundtrip measures the bots, not the host.
THINK_S = 1.0


def laptop() -> None:
    """Clients run a little below the host's priority: in a room each is its own laptop, so
    none of them takes the host's CPU (here 25 of them share two cores with it)."""
    os.nice(5)


class TimedScanner:
    def __init__(self, scanner: Scanner) -> None:
        self.scanner = scanner
        self.cpu = 0.0

    def __call__(self, label: str, target: tuple[str, ...], text: str) -> None:
        t = time.process_time()
        self.scanner(label, target, text)
        self.cpu += time.process_time() - t


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


async def run(seed: int, folder: Path) -> dict[str, Any]:
    from game.scenario.library import find_scenario
    from game.scenario.loader import load_scenario

    spec = load_scenario(find_scenario(SCENARIO))
    human = [v.id for v in spec.vendors]
    ws = Workshop.create(spec, seed, human, folder,
                         Settings(autostart=True, min_seats=len(human) * len(ROLES)))
    scan = TimedScanner(Scanner(ws, defer=True))
    commit_at: dict[int, float] = {}
    ws.on_week = lambda w, report: commit_at.__setitem__(w.stamp, w.last_commit_at or 0.0)
    resolved: dict[int, float] = {}  # stamp -> when the host had resolved the week
    sent: dict[int, float] = {}  # stamp -> when the host had handed every frame to the kernel

    class TimedHost(Host):
        def flush(self) -> None:
            had = "snapshots" in [t[0] for t, _ in self.ws.outbox]
            stamp = self.ws.stamp
            if had:
                resolved.setdefault(stamp, time.monotonic())
            super().flush()
            if had:
                sent.setdefault(stamp, time.monotonic())

    host = TimedHost(ws, "127.0.0.1", 0, tap=scan)
    await host.start()
    clients: list[tuple[str, str, Path, subprocess.Popen[bytes]]] = []
    base = [sys.executable, "-m", "game", "join", f"127.0.0.1:{host.port}", "--bot",
            "--think", str(THINK_S)]
    for vid in human:
        for role in ROLES:
            rec = folder / f"{vid}-{role}.json"
            cmd = [*base, "--code", ws.lobby.teams[vid].code, "--role", role,
                   "--name", f"{vid}-{role}", "--record", str(rec)]
            clients.append((vid, role, rec, subprocess.Popen(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=laptop)))
    rec = folder / "projector.json"
    clients.append(("projector", "watch", rec, subprocess.Popen(
        [*base, "--watch", "--record", str(rec)], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, preexec_fn=laptop)))
    while ws.status == "lobby":
        await asyncio.sleep(0.05)
    cpu0, wall0, scan0 = time.process_time(), time.monotonic(), scan.cpu
    weeks0 = len(ws.state.plans)
    while ws.status != "over":
        await asyncio.sleep(0.05)
    cpu = time.process_time() - cpu0 - (scan.cpu - scan0)
    wall = time.monotonic() - wall0
    weeks = len(ws.state.plans) - weeks0
    for *_, proc in clients:
        await asyncio.to_thread(proc.wait, 120)
    await host.stop()
    scan.scanner.finish()
    return {"ws": ws, "scan": scan, "clients": clients, "commit_at": commit_at, "cpu": cpu,
            "wall": wall, "weeks": weeks, "resolved": resolved, "sent": sent}


def report(r: dict[str, Any]) -> int:
    ws = r["ws"]
    seen: dict[str, dict[str, Any]] = {}
    for vid, role, rec, _proc in r["clients"]:
        try:
            seen[f"{vid}/{role}"] = json.loads(rec.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            seen[f"{vid}/{role}"] = {"frames": 0, "weeks": {}, "committed": {}, "fatal": "none"}
    ok = {k: s for k, s in seen.items() if s["frames"] > 0 and not s.get("fatal")}
    roundtrips, resolve_ms, send_ms, first_ms = [], [], [], []
    for stamp, t_commit in r["commit_at"].items():
        if not t_commit:
            continue
        got = [s["weeks"].get(str(stamp)) for s in ok.values()]
        if all(g is not None for g in got):
            roundtrips.append((max(got) - t_commit) * 1000)
            first_ms.append((min(got) - t_commit) * 1000)
        if stamp in r["resolved"] and stamp in r["sent"]:
            resolve_ms.append((r["resolved"][stamp] - t_commit) * 1000)
            send_ms.append((r["sent"][stamp] - t_commit) * 1000)
    lost = 0
    moves = 0
    for key, s in ok.items():
        vid = key.split("/")[0]
        for stamp, actions in s.get("committed", {}).items():
            record = ws.state.plans[int(stamp) - 1].get(vid, []) \
                if int(stamp) - 1 < len(ws.state.plans) else []
            kept = [(a["kind"], a["target"], a["option"]) for a in record]
            for a in actions:
                moves += 1
                if (a["kind"], a["target"], a["option"]) not in kept:
                    lost += 1
    p50 = percentile(roundtrips, 0.5)
    p95 = percentile(roundtrips, 0.95)
    cpu_week = r["cpu"] / max(1, r["weeks"]) * 1000
    frames = sum(s["frames"] for s in ok.values())
    print(f"{'what':<34} {'value':>12}")
    print(f"{'clients (24 role seats + projector)':<34} {len(ok):>12}")
    print(f"{'weeks played':<34} {r['weeks']:>12}")
    print(f"{'game wall time (s)':<34} {r['wall']:>12.1f}")
    print(f"{'frames received by clients':<34} {frames:>12}")
    print(f"{'frames scanned on the wire':<34} {r['scan'].scanner.frames:>12}")
    print(f"{'scanner CPU in the game (s)':<34} {r['scan'].cpu:>12.2f}")
    print(f"{'last commit -> week resolved (p50)':<34} {percentile(resolve_ms, 0.5):>12.1f}")
    print(f"{'last commit -> frames sent (p50)':<34} {percentile(send_ms, 0.5):>12.1f}")
    print(f"{'last commit -> first client (p50)':<34} {percentile(first_ms, 0.5):>12.1f}")
    print(f"{'week roundtrip p50 (ms)':<34} {p50:>12.1f}")
    print(f"{'week roundtrip p95 (ms)':<34} {p95:>12.1f}")
    print(f"{'week roundtrip max (ms)':<34} {max(roundtrips, default=float('nan')):>12.1f}")
    print(f"{'committed moves checked':<34} {moves:>12}")
    out = ws.state.outcome or {}
    print(f"{'outcome':<34} {str(out.get('winner') or out.get('reason')):>12}")
    for leak in r["scan"].scanner.leaks[:5]:
        print(f"leak: {leak}")
    print(f"clients: {len(ok)}")
    print(f"week_roundtrip_ms_p95: {p95:.1f}")
    print(f"host_cpu_ms_per_week: {cpu_week:.1f}")
    print(f"lost_commands: {lost}")
    print(f"leaked_fields: {len(r['scan'].scanner.leaks)}")
    return 0


def run_bench_workshop(args: argparse.Namespace) -> int:
    seed = getattr(args, "seed", None) or 1
    with tempfile.TemporaryDirectory(prefix="dealcraft-bench-") as tmp:
        return report(asyncio.run(run(seed, Path(tmp))))
