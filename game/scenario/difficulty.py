"""What each AI difficulty level does to win rates and run time, as measured, for designers.

The guide only said "AI strength", and a designer learnt by accident that one expert rival
won almost every game and made `balance` several times slower. The levels are now calibrated
(an expert rival bids for expected margin and keeps to its playbook in weeks it already leads,
`game.ai.search`), and their measured effect is stated here once: `balance` prints it under the
line-up, lint quotes it when a line-up mixes expert and easy rivals, and the authoring guide's
table is generated from it, so all three say the same.
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
    """Lowest and highest win rate of that rival against the coach-following team."""
    balance_wins: tuple[float, float]
    """The same in `balance`'s own setting (the team's vendor plays its playbook at normal)."""
    slowdown: tuple[float, float]
    """Lowest and highest run time of the same games, relative to that rival at normal."""


MEASURED = ("on 2026-12-08: every rival of each shipped scenario (13 in all) switched to each "
            "level in turn, the rest as written, 120 games each against the coach-following "
            "team and 30 in balance's setting")
LEVELS: dict[str, Level] = {
    "easy": Level("easy", "judges noisily, ignores motives and the budget when it bids",
                  (0.00, 0.00), (0.00, 0.00), (1.0, 1.4)),
    "normal": Level("normal", "plays its playbook as designed", (0.00, 0.49), (0.00, 0.67),
                    (1.0, 1.0)),
    "expert": Level("expert", "samples what it cannot see and plays candidate weeks forward "
                    "when it is not already ahead, shaping the criteria in proportion to its "
                    "playbook, and bids for expected margin",
                    (0.00, 0.45), (0.00, 0.70), (2.0, 8.5)),
}
"""Against the coach-following team (120 games each) an expert rival won 41/11/0/0%
(city_hospital: hengtai, guorui, jiayi, jiguang), 42/12/45% (logistics_tms: globalchain, huoyun,
xinda), 33/5/0% (mes_factory: desheng, jinggong, suda), 34/32/29% (telecom_network: huachuang,
zhongxun, tianbang); the same rivals at normal won 49/3/0/0%, 35/4/19%, 36/2/1% and 8/2/24%.
Every expert rival stays under the 55% a fair opponent should reach. The strict public tender
(telecom_network) is where the expert gains most: it shapes the quantified requirements a
normal equipment maker leaves alone. In balance's setting the strongest rivals at normal won
67% (hengtai), 47% (tianbang), 40% (desheng); at expert 70% (hengtai, huachuang), 63%
(zhongxun, tianbang). `bench ai`: expert_vs_normal 0.657 (1,000 games; an expert on the
team's side plays at the coach's full strength, as no line-up rival does). Run time in
balance's setting against the same rival at normal: easy x1.0-1.4, expert x2.0-8.5."""


def _span(lo: float, hi: float, fmt: str) -> str:
    a, b = format(lo, fmt), format(hi, fmt)
    return a if a == b else f"{a}-{b}"


def level_line(word: str) -> str:
    """"`expert`: ...; one rival at this level won 0%-72% of games against the
    coach-following team (0%-93% in balance's setting); a run takes 2.0-8.7x as long"."""
    lv = LEVELS[word]
    wins = _span(*lv.wins, ".0%")
    other = _span(*lv.balance_wins, ".0%")
    speed = "" if word == "normal" else (f"; a run takes {_span(*lv.slowdown, '.1f')}x as long"
                                         " as with it at normal")
    return (f"`{word}`: {lv.plays}; one rival at this level won {wins} of games against the "
            f"coach-following team ({other} in balance's setting, where the team's vendor "
            f"plays its playbook at normal){speed}")


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
    ex, ea = LEVELS["expert"].balance_wins, LEVELS["easy"].balance_wins
    return (f"the rivals mix expert ({', '.join(experts)}) and easy ({', '.join(easy)}): "
            f"measured in balance's setting, one expert rival won up to {ex[1]:.0%} of "
            f"games and one easy rival at most {ea[1]:.0%}, so the expert can decide the deal "
            "and the easy one hardly counts")
