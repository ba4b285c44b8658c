"""`host` and `join` as real processes: a headless workshop played by bot clients, the host
killed with SIGKILL mid-game and stood up again with `--resume`; the clients come back by
themselves and the game ends exactly as the same game played locally. Also the terminal
console's command parser."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.core.serialize import state_hash
from game.net.cli import parse_console
from game.net.client import ai_decide
from game.net.protocol import Command, Refusal
from game.save import load_save

from .conftest import SCENARIOS, local_game, spec

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "main.py", *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def weeks_logged(folder: Path) -> int:
    log = folder / "session.jsonl"
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text().splitlines() if '"t":"week"' in line)


def test_kill_the_host_and_resume_it(tmp_path):
    port = free_port()
    folder = tmp_path / "ws"
    env = {**os.environ, "DEALCRAFT_DATA_DIR": str(tmp_path)}
    host = start("host", str(SCENARIOS / "city_hospital.yaml"), "--teams", "2", "--port",
                 str(port), "--bind", "127.0.0.1", "--headless", "--seed", "12", "--dir",
                 str(folder), env=env)
    codes: dict[str, str] = {}
    deadline = time.time() + 60
    while len(codes) < 2 and time.time() < deadline:
        line = host.stdout.readline()
        for vid in ("ruiyi", "hengtai"):
            if line.strip().startswith(vid + " "):
                codes[vid] = line.split()[-1]
    assert len(codes) == 2, "the host printed no team codes"
    bots = [start("join", f"127.0.0.1:{port}", "--code", codes[v], "--bot", "--name", v,
                  env=env) for v in ("ruiyi", "hengtai")]
    try:
        while weeks_logged(folder) < 4:
            assert time.time() < deadline + 60, "no week was played"
            time.sleep(0.05)
        host.send_signal(signal.SIGKILL)
        host.wait(10)
        host = start("host", "--resume", str(folder), "--port", str(port), "--bind",
                     "127.0.0.1", "--headless", env=env)
        try:
            outs = [b.communicate(timeout=180)[0] for b in bots]
        except subprocess.TimeoutExpired:
            host.kill()
            raise AssertionError("the bots did not finish; the resumed host said:\n"
                                 + host.communicate()[0]) from None
        assert all(b.returncode == 0 for b in bots), outs
        assert all("game over" in o for o in outs)
        assert "connection lost" in outs[0] and "retrying" in outs[0]
        host.communicate(timeout=30)
    finally:
        for p in (host, *bots):
            if p.poll() is None:
                p.kill()
    saved = load_save(next(folder.glob("autosave-*[0-9a-f].json"))).state
    local = local_game(spec("city_hospital"), 12, {v: ai_decide(0) for v in codes})
    assert state_hash(saved) == state_hash(local)


@pytest.mark.parametrize(("line", "want"), [
    ("start", {"cmd": "start"}),
    ("pause", {"cmd": "pause"}),
    ("resume", {"cmd": "resume"}),
    ("extend", {"cmd": "extend"}),
    ("extend 3", {"cmd": "extend", "minutes": 3.0}),
    ("minutes 6", {"cmd": "minutes", "minutes": 6.0}),
    ("end-week", {"cmd": "end_week"}),
    ("auto off", {"cmd": "auto", "on": False}),
    ("cover ruiyi rep", {"cmd": "cover", "team": "ruiyi", "role": "rep", "on": True}),
    ("absent ruiyi team off", {"cmd": "absent", "team": "ruiyi", "role": "team", "on": False}),
    ("release hengtai pm", {"cmd": "release", "team": "hengtai", "role": "pm"}),
    ("ai guorui on", {"cmd": "ai_team", "team": "guorui", "on": True}),
    ("inject budget_cut", {"cmd": "inject", "event": "budget_cut"}),
    ("preview budget_cut", {"cmd": "preview", "event": "budget_cut"}),
    ('say all "Lunch in ten minutes"', {"cmd": "say", "team": "all",
                                        "text": "Lunch in ten minutes"}),
    ("restart-week", {"cmd": "restart_week"}),
    ("rollback", {"cmd": "rollback"}),
    ("leaderboard on", {"cmd": "leaderboard", "on": True}),
    ("end-game", {"cmd": "end_game"}),
    ("status", {"cmd": "status"}),
    ("board hengtai", {"cmd": "board", "team": "hengtai"}),
])
def test_console_lines_become_protocol_commands(line, want):
    cmd = parse_console(line)
    assert isinstance(cmd, Command)
    assert {k: getattr(cmd, k) for k in want} == want


@pytest.mark.parametrize("line", ["fly", "cover ruiyi", "auto maybe", "extend soon",
                                  "say all", "cover ruiyi boss", "inject"])
def test_console_lines_it_cannot_use_are_refused_with_a_reason(line):
    with pytest.raises(Refusal) as err:
        parse_console(line)
    assert err.value.text


def test_local_words_and_blank_lines():
    assert parse_console("help") == "help" and parse_console("codes") == "codes"
    assert parse_console("   ") is None


def test_the_terminal_console_runs_a_room(tmp_path):
    port = free_port()
    env = {**os.environ, "DEALCRAFT_DATA_DIR": str(tmp_path)}
    host = subprocess.Popen(
        [sys.executable, "main.py", "host", str(SCENARIOS / "city_hospital.yaml"), "--teams",
         "1", "--port", str(port), "--bind", "127.0.0.1", "--minutes", "5", "--text"],
        cwd=REPO, env=env, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT)
    out, _ = host.communicate(
        "codes\nstart\npause\nstatus\nsay all hello\nfly\nend-week\nstatus\nboard ruiyi\n"
        "quit\n",
        timeout=60)
    assert host.returncode == 0, out
    assert "trainer PIN" in out and "ruiyi" in out
    assert "week 1/28" in out and "PAUSED" in out
    assert "refused: unknown command 'fly'" in out
    assert "week 2/28" in out
    assert "ruiyi: week 2, stage P1" in out
