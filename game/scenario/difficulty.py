"""What each AI difficulty level does to win rates and run time, as measured, for designers.

The guide only said "AI strength", and a designer learnt by accident that one expert rival
wins almost every game and makes `balance` several times slower. Until the levels are
calibrated (work on the AI itself), the measured effect is stated here once: `balance` prints
it under the line-up, lint quotes it when a line-up mixes expert and easy rivals, and the
authoring guide's table is generated from it, so all three say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Level:
    """One difficulty level's measured effect on a single rival switched to it."""

    word: str
    plays: str
    wins: tuple[float, float]
    """Lowest and highest win rate of that rival over the shipped scenarios."""
    slowdown: tuple[float, float]
    """Lowest and highest run time of the same games, relative to that rival at normal."""


MEASURED = ("on 2026-12-07: in each shipped scenario its first rival (hengtai, globalchain, "
            "desheng, huachuang) switched to each level, the rest as written, 100 games each")
LEVELS: dict[str, Level] = {
    "easy": Level("easy", "judges noisily, ignores motives and the budget when it bids",
                  (0.00, 0.35), (0.7, 1.1)),
    "normal": Level("normal", "plays its playbook as designed", (0.08, 0.48), (1.0, 1.0)),
    "expert": Level("expert", "samples what it cannot see and plays candidate weeks forward",
                    (0.69, 0.94), (3.7, 6.0)),
}
"""Rival win rates: easy 0/0/35/0%, normal 8/23/48/24%, expert 94/69/94/94% (city_hospital,
logistics_tms, mes_factory, telecom_network); the easy globalchain bid over the budget in
all 100 games. Run time against normal: easy 1.07/0.71/0.96/0.93, expert 6.0/3.7/5.4/3.8."""


def _span(lo: float, hi: float, fmt: str) -> str:
    a, b = format(lo, fmt), format(hi, fmt)
    return a if a == b else f"{a}-{b}"


def level_line(word: str) -> str:
    """"`expert`: ...; one rival at this level won 69-94% of games; a run takes 3.7-6.0x as
    long"."""
    lv = LEVELS[word]
    wins = _span(*lv.wins, ".0%")
    speed = "" if word == "normal" else (f"; a run takes {_span(*lv.slowdown, '.1f')}x as long"
                                         " as with it at normal")
    return f"`{word}`: {lv.plays}; one rival at this level won {wins} of games{speed}"


def lineup_notes(lineup: list[dict[str, Any]]) -> list[str]:
    """The balance report's words about the line-up's levels: what each level present does,
    as measured, and a warning for a field that mixes expert and easy rivals."""
    rivals = [x for x in lineup if x["side"] == "rival"]
    present = {x["difficulty"] for x in rivals} | {"normal"}
    out = [f"What the levels do ({MEASURED}):", ""]
    out += [f"- {level_line(w)}" for w in LEVELS if w in present]
    experts = [x["id"] for x in rivals if x["difficulty"] == "expert"]
    easy = [x["id"] for x in rivals if x["difficulty"] == "easy"]
    if experts and easy:
        out += ["", mix_warning(experts, easy)]
    return out


def mix_warning(experts: list[str], easy: list[str]) -> str:
    """Lint's and balance's words for a line-up that mixes expert and easy rivals."""
    ex, ea = LEVELS["expert"].wins, LEVELS["easy"].wins
    return (f"the rivals mix expert ({', '.join(experts)}) and easy ({', '.join(easy)}): "
            f"measured, one expert rival wins {_span(*ex, '.0%')} of games and one easy "
            f"rival {_span(*ea, '.0%')}, so the expert decides the deal and the easy one "
            "hardly counts")
