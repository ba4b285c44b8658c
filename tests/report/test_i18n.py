"""Every report text exists in both languages, and a built debrief holds no raw keys."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from game.i18n import table

REPO = Path(__file__).resolve().parents[2]
KEY = re.compile(r"""["'](report\.[a-z_]+(?:\.[a-z_]+)+)["']""")


def _keys(d: dict[str, Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for k, v in d.items():
        out |= _keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}"}
    return out


def _strings(x: Any) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):  # "reason" holds the AI's raw key by design, beside its text
        return [s for k, v in x.items() if k != "reason" for s in _strings(v)]
    if isinstance(x, list | tuple):
        return [s for v in x for s in _strings(v)]
    return []


def test_both_languages_have_the_same_keys() -> None:
    sections = {lang: json.loads((REPO / "game" / "i18n" / f"{lang}.json").read_text(
        encoding="utf-8"))["report"] for lang in ("zh", "en")}
    assert _keys(sections["zh"]) == _keys(sections["en"])


def test_literal_keys_in_the_code_exist() -> None:
    used = set()
    for path in (REPO / "game" / "report").glob("*.py"):
        used |= set(KEY.findall(path.read_text(encoding="utf-8")))
    assert used, "the report code uses i18n keys"
    for lang in ("zh", "en"):
        missing = sorted(k for k in used if k not in table(lang))
        assert not missing, (lang, missing)


def test_built_debriefs_hold_no_raw_keys(lost_debrief: dict[str, Any],
                                         lost_debrief_zh: dict[str, Any],
                                         won_debrief: dict[str, Any]) -> None:
    raw = re.compile(r"(report|core|ai|action|criterion|reason|result)\.[a-z_]+(\.[a-z_]+)*")
    for d in (lost_debrief, lost_debrief_zh, won_debrief):
        bad = [s for s in _strings(d) if raw.fullmatch(s) or s.startswith("report.")]
        assert not bad, bad[:5]


def test_chinese_debrief_is_chinese(lost_debrief_zh: dict[str, Any]) -> None:
    o = lost_debrief_zh["outcome"]
    assert re.search(r"[\u4e00-\u9fff]", o["banner"])
    assert all(re.search(r"[\u4e00-\u9fff]", m["text"]) for m in lost_debrief_zh["moments"])
