"""The README's workshop screenshots: ``python -m game.ui.console.shots assets/screenshots``.

A real workshop on loopback, in this window's loop: the six-seat hospital deal with four
human teams (one team a laptop per role, one team on one laptop, bots playing), the
console in week 1 with one person away, the projector with the leaderboard shown, and a
team's board as its window shows it (another process would show the same), in both
languages at 1280x720.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


async def _frames(app: Any, n: int) -> None:
    for _ in range(n):
        app.step(0.016, [])
        await asyncio.sleep(0.01)


async def _shoot(out: Path, lang: str) -> None:
    from game.core.actions import Action
    from game.net.client import BotClient, ai_decide
    from game.scenario.library import find_scenario
    from game.scenario.loader import load_scenario
    from game.ui import router
    from game.ui.app import App
    from game.ui.console.setup import start_workshop
    from game.ui.options import AppOptions
    from game.ui.scene import Pop

    spec = load_scenario(find_scenario("workshop_hospital"))
    service = start_workshop(spec, 4, 6, 180, 0, bind="127.0.0.1")
    app = App(AppOptions(lang=lang, width=1280, height=720, fullscreen=False, no_resume=True))
    app.first = ("console", (service,), {})
    app.push_start()
    await _frames(app, 10)
    ws = service.ws
    url = f"127.0.0.1:{service.host.port}"
    people = {"hengtai": ["Anna", "Ben", "Chris"], "guorui": ["Team Blue"],
              "ruiyi": ["刘洋", "王芳", "陈杰", "赵敏"] if lang == "zh" else
              ["Liu Yang", "Wang Fang", "Chen Jie", "Zhao Min"]}
    bots = []
    for vid, names in people.items():
        roles = ["team"] if len(names) == 1 else ["rep", "presales", "pm", "exec"]
        for role, name in zip(roles, names, strict=False):
            if vid == "ruiyi" and role == "rep":
                continue  # the window below takes this seat
            b = BotClient(url, code=ws.lobby.teams[vid].code, role=role, name=name,
                          decide=ai_decide(), act=vid != "ruiyi", retry=(0.05, 0.3))
            bots.append(b)
            asyncio.ensure_future(b.run())
    await _frames(app, 40)
    service.command("start")
    await _frames(app, 60)
    await bots[-1].stop()  # one person's laptop drops: away on the console
    await _frames(app, 60)
    app.screenshot(out / f"workshop_console_{lang}.png")
    service.command("leaderboard", on=True)
    app.apply(router.push("projector", app, service))
    await _frames(app, 30)
    app.screenshot(out / f"workshop_projector_{lang}.png")
    app.apply(Pop())
    # a team's window: the sales rep of the first team, with a move and a joint move
    app.apply(router.reset("menu", app, then=(router.make(
        "join", app, address=url, code=ws.lobby.teams["ruiyi"].code, role="rep",
        player=people["ruiyi"][0], auto=True),)))
    for _ in range(200):
        await _frames(app, 1)
        if type(app.stack.top).__name__ in ("BoardScene", "EventScene"):
            break
    while type(app.stack.top).__name__ != "BoardScene":
        app.apply(Pop())
        await _frames(app, 3)
    session = app.stack.top.session
    session.add(Action("research_account"))
    session.add(Action("joint_visit", "wu_zhiyuan"))
    app.request_rebuild()
    await _frames(app, 60)
    app.screenshot(out / f"workshop_board_{lang}.png")
    for b in bots:
        await b.stop()
    await app.close_services()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "assets/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    tmp = tempfile.mkdtemp(prefix="dealcraft-shots-")
    os.environ["DEALCRAFT_DATA_DIR"] = tmp
    os.environ["DEALCRAFT_CONFIG_DIR"] = tmp
    for lang in ("en", "zh"):
        asyncio.run(_shoot(out, lang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
