"""`host` and `join`: a workshop from the command line.

`host` runs the authoritative server on the trainer's laptop with the console window (or,
with `--text`, a text console on the terminal: the same commands; `--headless`: none). `join`
opens a team's window on the host's board (`--watch`: the projector's window; `--bot`: a
headless seat played by the built-in AI, for tests, rehearsals and filling a seat).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.net.protocol import Command, Refusal

CONSOLE_HELP = """\
console commands (TEAM is a vendor id, ROLE is team|rep|presales|pm|exec):
  status                      every team: seats, committed, stage, C931, money; the clock
  codes                       the team codes to hand out, and the PIN
  start                       start week 1 (the lobby closes; empty seats are the AI's)
  pause | resume              hold the countdown (the time left is kept) | go on
  extend [MIN]                more time this week (default 1 minute)
  minutes MIN                 minutes per week from the next week (0: no countdown)
  end-week                    end the week now (uncommitted drafts count as they are)
  auto on|off                 end the week as soon as everyone has committed
  cover TEAM ROLE [off]       the AI plays an away person's role until they are back
  absent TEAM ROLE [off]      the AI plays that role for the rest of the game
  release TEAM ROLE           mark a seat away so someone else can take it with the code
  ai TEAM on|off              the AI plays the whole team (off: open the seat to people)
  preview EVENT               each team's likely forecast next week, with and without it
  inject EVENT                fire a scenario event this week (it lands when the week ends)
  board TEAM                  a team's board as its seats see it (read-only)
  say TEAM|all TEXT...        a message on the teams' screens
  restart-week                plan this week again (drafts, commits and injects dropped)
  rollback                    undo the last resolved week and plan it again
  leaderboard on|off          show the fair leaderboard on the projector
  end-game                    end the game now
  help | quit"""


def workshops_dir() -> Path:
    """Where workshops keep their session log and autosave, one folder each."""
    from game.paths import data_dir

    return data_dir() / "workshops"


def newest_workshop(root: Path) -> Path | None:
    found = [p.parent for p in root.glob("*/session.jsonl")]
    return max(found, key=lambda p: (p / "session.jsonl").stat().st_mtime) if found else None


def parse_console(line: str) -> Command | str | None:
    """A typed console line as a protocol command, a local word ('help', 'codes', 'quit'),
    or None for an empty line; raises Refusal for something it does not understand."""
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise Refusal("console/parse", str(exc)) from None
    if not words:
        return None
    head, args = words[0].lower().replace("-", "_"), words[1:]
    if head in ("help", "codes", "quit", "exit"):
        return head
    onoff = {"on": True, "off": False}

    def flag(i: int, default: bool = True) -> bool:
        if len(args) <= i:
            return default
        if args[i].lower() not in onoff:
            raise Refusal("console/args", f"say on or off, not {args[i]!r}")
        return onoff[args[i].lower()]

    def need(n: int, what: str) -> None:
        if len(args) < n:
            raise Refusal("console/args", f"{head}: {what}")

    kw: dict[str, Any] = {}
    if head in ("cover", "absent", "release"):
        need(2, "name the team and the role")
        kw = {"team": args[0], "role": args[1], "on": flag(2)}
    elif head == "ai":
        need(1, "name the team")
        head, kw = "ai_team", {"team": args[0], "on": flag(1)}
    elif head in ("auto", "leaderboard"):
        need(1, "on or off")
        kw = {"on": flag(0)}
    elif head in ("extend", "minutes"):
        if head == "minutes":
            need(1, "how many minutes per week")
        try:
            kw = {"minutes": float(args[0])} if args else {}
        except ValueError:
            raise Refusal("console/args", f"{args[0]!r} is not a number of minutes") from None
    elif head in ("inject", "preview"):
        need(1, "name the event (status lists them)")
        kw = {"event": args[0]}
    elif head == "board":
        need(1, "name the team")
        kw = {"team": args[0]}
    elif head == "say":
        need(2, "say TEAM|all TEXT")
        kw = {"team": args[0], "text": " ".join(args[1:])}
    try:
        return Command(type="command", cmd=head, **kw)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        if field == "cmd":
            raise Refusal("console/unknown", f"unknown command {words[0]!r}; type help") \
                from None
        raise Refusal("console/args", f"{words[0]}: bad {field} ({first['msg']})") from None


def status_text(frame: dict[str, Any], lang: str = "en") -> str:
    r = frame["round"]
    clock = r["clock"]
    left = clock["left_s"]
    lines = [f"week {frame['week']}/{frame['last_week']} · {frame['phase']} · {r['status']}"
             + (f" · {int(left // 60)}:{int(left % 60):02d} left" if left is not None else "")
             + (" · PAUSED" if clock["paused"] else "")
             + ("" if r["auto_advance"] else " · auto-advance off")]
    lines.append(f"{'team':<10} {'who':<28} {'done':<5} {'stage':<6} {'C931':<9} "
                 f"{'money':>6}")
    for t in frame["teams"]:
        if t["human"]:
            who = ", ".join(f"{s['name']}({s['role']})" + ("" if s["connected"] else " away")
                            + (" AI" if s["cover"] or s["absent"] else "")
                            for s in t["seats"]) or "nobody yet"
        else:
            who = "AI"
        done = "yes" if t["committed"] and all(t["committed"].values()) else "-"
        h = t["health"] or {}
        c931 = f"{h.get('c', '?')}C{h.get('f', '?')}F{h.get('w', '?')}W" if h else "-"
        lines.append(f"{t['vendor']:<10} {who[:28]:<28} {done:<5} P{t['stage']:<5} "
                     f"{c931:<9} {t['budget_left']:>6.1f}")
    pace = frame.get("pace") or {}
    if pace.get("finish_in_s") is not None:
        lines.append(f"pace: {pace['week_s']:.0f} s a week, about {pace['weeks_left']} weeks "
                     f"left, finish in {pace['finish_in_s'] // 60} min; the session has "
                     f"{pace['session_left_s'] // 60} min"
                     + ("" if pace["fits"] else "  ** will not fit: shorten the weeks **"))
    if frame.get("waiting"):
        lines.append("waiting for: " + ", ".join(f"{t}/{r}" for t, r in frame["waiting"]))
    return "\n".join(lines)


def board_text(board: dict[str, Any]) -> str:
    """One team's board as its seats see it, in a few lines (the console's drill-down)."""
    v = board["view"]
    me, h = v["me"], v["health"]
    lines = [f"{board['team']}: week {v['week']}, stage P{me['stage']}, money {me['budget']:.1f}, "
             f"C931 {h.get('c')}C{h.get('f')}F{h.get('w')}W, forecast "
             f"{h.get('forecast', 0):.0%}"]
    desk = board.get("desk") or {}
    for role, plan in (desk.get("plan") or {}).items():
        done = " (committed)" if role in desk.get("committed", []) else ""
        moves = ", ".join(f"{a['kind']} {a['target'] or ''}".strip() for a in plan) or "-"
        lines.append(f"  {role}{done}: {moves}")
    for p in v["people"]:
        lines.append(f"  {p['id']:<16} {p['contact']:<12} support {p['support']:+.2f}")
    return "\n".join(lines)


def codes_text(ws: Any) -> str:
    out = [f"trainer PIN: {ws.pin}"]
    for t in ws.lobby.teams.values():
        v = ws.state.vendors[t.vendor]
        out.append(f"  {t.vendor:<10} {v.name['en'][:30]:<30} {v.name['zh']:<10} "
                   + (t.code if t.human else "AI"))
    return "\n".join(out)


async def _console(host: Any) -> None:
    """The terminal console: one command a line until 'quit'."""
    ws = host.ws
    while True:
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:  # stdin closed: keep serving, the game can still be run headless
            await host.closed.wait()
            return
        try:
            cmd = parse_console(line)
            if cmd is None:
                continue
            if cmd == "help":
                print(CONSOLE_HELP)
            elif cmd == "codes":
                print(codes_text(ws))
            elif cmd in ("quit", "exit"):
                return
            else:
                assert isinstance(cmd, Command)
                out = ws.command(cmd)
                host.flush()
                if "status" in out:
                    print(status_text(out["status"]))
                elif "board" in out:
                    print(board_text(out["board"]))
                elif "preview" in out:
                    for vid, p in out["preview"].items():
                        a, b = p["forecast"]
                        print(f"  {vid:<10} forecast {a:.0%} -> {b:.0%}  "
                              f"stage P{p['stage'][0]} -> P{p['stage'][1]}")
                else:
                    print("ok" + (f" {json.dumps(out, ensure_ascii=False)}" if out else ""))
        except Refusal as r:
            print(f"refused: {r.text}")


def make_workshop(args: argparse.Namespace, say: Any = print) -> tuple[Any, Path] | int:
    """The workshop `host` was asked for (new, or resumed from its log), or an exit code."""
    from game.net.workshop import Settings, Workshop, human_vendors

    if args.resume is not None:
        folder = Path(args.resume) if args.resume else newest_workshop(workshops_dir())
        if folder is None:
            print(f"no workshop to resume under {workshops_dir()}", file=sys.stderr)
            return 1
        try:
            ws = Workshop.resume(folder)
        except (OSError, ValueError) as exc:
            print(f"cannot resume {folder}: {exc}", file=sys.stderr)
            return 1
        if args.headless:
            ws.clock.resume()
        say(f"resumed {folder} at week {ws.state.week} ({ws.status})")
        return ws, folder
    else:
        from game.scenario.issues import ScenarioError
        from game.scenario.loader import load_scenario

        if not args.scenario:
            print("host: name a scenario file (or --resume)", file=sys.stderr)
            return 2
        from game.save import new_game_id
        from game.scenario.library import find_scenario

        try:
            spec = load_scenario(find_scenario(args.scenario))
        except ScenarioError as exc:
            print(exc.render(), file=sys.stderr)
            return 1
        teams = args.teams if args.teams is not None else len(spec.vendors)
        game_id = new_game_id(spec.id)
        folder = Path(args.dir) if args.dir else workshops_dir() / game_id
        settings = Settings(minutes=args.minutes, autostart=args.headless,
                            session_minutes=args.session)
        ws = Workshop.create(spec, args.seed, human_vendors(spec, teams), folder, settings,
                             pin=args.pin, game_id=game_id)
    return ws, folder


async def serve_workshop(args: argparse.Namespace) -> int:
    from game.net.host import Host, addresses

    say = print
    made = make_workshop(args, say)
    if isinstance(made, int):
        return made
    ws, folder = made
    host = Host(ws, args.bind, args.port, say=say)
    try:
        await host.start()
    except OSError as exc:
        print(f"cannot listen on {args.bind}:{args.port}: {exc.strerror or exc} "
              "(another program on that port? try --port)", file=sys.stderr)
        return 1
    spec = ws.base_spec
    say(f"Dealcraft workshop: {spec.title.en} / {spec.title.zh} (seed {ws.seed})")
    for a in addresses(args.bind, host.port):
        say(f"teams join at  {a}    e.g. python main.py join {a} --code CODE --bot")
    say(codes_text(ws))
    say(f"session log: {folder / 'session.jsonl'}")
    try:
        if args.headless:
            while ws.status != "over":
                await asyncio.sleep(0.5)
            await asyncio.sleep(2.0)  # let every client receive the last frames
            say(f"game over: {json.dumps(ws.state.outcome, ensure_ascii=False)}")
        else:
            say("type help for the console commands")
            await _console(host)
    finally:
        await host.stop()
    return 0


def _host(args: argparse.Namespace) -> int:
    if not args.headless and not args.text:
        return _host_window(args)
    with contextlib.suppress(KeyboardInterrupt):
        return asyncio.run(serve_workshop(args))
    return 130


def _window_options(args: argparse.Namespace) -> dict[str, Any]:
    return {"lang": args.lang, "size": args.size, "no_resume": True}


def _host_window(args: argparse.Namespace) -> int:
    """The console window on this laptop, with the host running in the window's loop."""
    from game.ui.app import run_app
    from game.ui.console.service import HostService

    made = make_workshop(args)
    if isinstance(made, int):
        return made
    ws, folder = made
    print(f"session log: {folder / 'session.jsonl'}  (trainer PIN {ws.pin})")
    service = HostService(ws, args.bind, args.port)
    return run_app(_window_options(args), first=("console", (service,), {}))


def _join(args: argparse.Namespace) -> int:
    from game.net.client import BotClient, ai_decide

    if not args.bot:
        from game.ui.app import run_app

        if args.watch:
            from game.ui.projector.feed import WatchFeed

            def projector(app: Any) -> Any:
                return WatchFeed(app, args.address, args.pin)

            return run_app(_window_options(args), first=("projector", (_Late(projector),), {}))
        return run_app(_window_options(args), first=(
            "join", (), {"address": args.address, "code": args.code or "",
                         "role": args.role, "player": args.name if args.name != "bot" else "",
                         "auto": bool(args.code and args.name != "bot")}))

    if not args.code and not args.token and not args.watch:
        print("join: give the team code (--code) or a seat token (--token)", file=sys.stderr)
        return 2
    bot = BotClient(args.address, code=args.code, role=args.role, name=args.name,
                    token=args.token, decide=ai_decide(args.seed), say=print,
                    record=bool(args.record), watch=args.watch, think=args.think)

    async def go() -> None:
        await bot.run()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(go())
    if args.record:
        s = bot.seen
        Path(args.record).write_text(json.dumps({
            "frames": len(s.frames), "weeks": {str(k): v for k, v in s.weeks.items()},
            "committed": {str(k): v for k, v in s.committed.items()},
            "refusals": s.refusals, "fatal": bot.fatal,
            "validated": True,
        }), encoding="utf-8")
    if bot.fatal:
        print(bot.fatal, file=sys.stderr)
        return 1
    out = ((bot.snapshot or {}).get("view") or {}).get("outcome") or \
        (bot.public or {}).get("outcome")
    print(f"game over: {json.dumps(out, ensure_ascii=False)}")
    return 0


def register(sub: Any) -> None:
    h = sub.add_parser("host", help="run a workshop: the server on this laptop, and a "
                       "text console")
    h.add_argument("scenario", nargs="?", help="the scenario file (not with --resume)")
    h.add_argument("--teams", type=int, default=None,
                   help="seats for human teams (the team side first; default: every vendor)")
    h.add_argument("--port", type=int, default=8765)
    h.add_argument("--bind", default="0.0.0.0",
                   help="address to listen on (default: every network interface)")
    h.add_argument("--headless", action="store_true",
                   help="no console: start when every team has joined, stop at the end")
    h.add_argument("--text", action="store_true",
                   help="the console as text on this terminal instead of its window")
    h.add_argument("--lang", choices=("zh", "en"), default=None, help="the window's language")
    h.add_argument("--size", default=None, help="the window's size, e.g. 1920x1080")
    h.add_argument("--resume", nargs="?", const="", default=None, metavar="FOLDER",
                   help="stand a workshop up again from its session log (default: the newest)")
    h.add_argument("--seed", type=int, default=1)
    h.add_argument("--minutes", type=float, default=0.0,
                   help="minutes per week (0: no countdown; the trainer ends each week)")
    h.add_argument("--session", type=float, default=180.0,
                   help="minutes the room is booked for (pacing warnings)")
    h.add_argument("--dir", default=None, help="folder for the session log and autosave")
    h.add_argument("--pin", default=None, help="the trainer's PIN (default: a random one)")
    h.set_defaults(func=_host)

    j = sub.add_parser("join", help="join a workshop: a team's window on the host's board "
                       "(--watch: the projector; --bot: a headless AI seat)")
    j.add_argument("address", help="HOST:PORT shown by the trainer")
    j.add_argument("--code", default=None, help="your team's code")
    j.add_argument("--role", default="team", choices=("team", "rep", "presales", "pm", "exec"),
                   help="team: one laptop for the whole team (default)")
    j.add_argument("--name", default="bot")
    j.add_argument("--bot", action="store_true",
                   help="no window: play the seat with the built-in AI")
    j.add_argument("--pin", default=None,
                   help="with --watch: the trainer's PIN (the end-of-game debrief on the wall)")
    j.add_argument("--lang", choices=("zh", "en"), default=None, help="the window's language")
    j.add_argument("--size", default=None, help="the window's size, e.g. 1280x720")
    j.add_argument("--token", default=None, help="come back to a seat with its token")
    j.add_argument("--seed", type=int, default=0)
    j.add_argument("--think", type=float, default=0.0,
                   help="seconds the bot waits before planning each week")
    j.add_argument("--watch", action="store_true",
                   help="follow the public frames only, as the projector does")
    j.add_argument("--record", default=None, help=argparse.SUPPRESS)
    j.set_defaults(func=_join)


class _Late:
    """A scene argument made once the window (and its loop) exists: the projector's
    watching connection needs the window's context."""

    def __init__(self, make: Any) -> None:
        self.make = make
