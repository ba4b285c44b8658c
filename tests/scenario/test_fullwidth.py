"""Full-width punctuation typed with a Chinese input method: named, pointed at, and fixed.

The four cases of the issue have fixtures in bad/; these are the neighbours a designer meets
with the same input method on (digits, indentation, the enumeration comma, brackets, Chinese
quotation marks), and the guarantee that Chinese text keeps its own punctuation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import fullwidth, yamlsource
from game.scenario.issues import display_width
from game.scenario.loader import ScenarioError, load_scenario_text

MINIMAL = (Path(__file__).parent / "good" / "minimal.yaml").read_text(encoding="utf-8")


def _error(old: str, new: str) -> tuple[str, str]:
    assert old in MINIMAL, old
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(MINIMAL.replace(old, new, 1), "m.yaml")
    assert len(info.value.issues) == 1, info.value.render()
    issue = info.value.issues[0]
    assert issue.code == "scenario/fullwidth"
    return issue.headline(), info.value.render()


@pytest.mark.parametrize("parser", ["libyaml", "python"])
@pytest.mark.parametrize(("old", "new", "headline", "caret_under"), [
    ("    influence: 0.4\n", "    influence: ０.４\n",
     "m.yaml:39:16: stakeholders[0].influence: '０.４' is typed in full-width characters "
     "(type it in half-width (ASCII): 0.4)", "０"),
    ("    influence: 0.4\n", "\u3000  influence: 0.4\n",
     "m.yaml:39:1: YAML syntax error: the full-width space '\u3000' (U+3000) is used for "
     "indentation (indent with ordinary spaces; switch the input method to half-width)",
     "\u3000"),
    ("    roles: [user, influencer]", "    roles: [user、influencer]",
     "m.yaml:37:17: stakeholders[0].roles[0]: 'user、influencer' is one item: the Chinese "
     "enumeration comma '、' (U+3001) does not separate items in YAML (separate them with "
     "the ASCII comma: user, influencer)", "、"),
    ("    key: [KI]", "    key: ［KI］",
     "m.yaml:38:10: stakeholders[0].key: '［KI］' contains the full-width bracket '［' "
     "(U+FF3B) (type '[' instead: [KI])", "［"),
    ("    en: The hospital plans to upgrade its information system.",
     "    en: “Note: the hospital plans to upgrade”",
     "m.yaml:16:9: YAML syntax error: the Chinese quotation mark '“' (U+201C) does not quote "
     "text in YAML (put the text in ASCII double quotes \"...\")", "“"),
    ("      kind: risk\n", "      kind：risk\n",
     "m.yaml:46:11: YAML syntax error: the full-width colon '：' (U+FF1A) follows the key "
     "'kind' (type the ASCII colon and a space: kind: risk)", "："),
])
def test_fullwidth_neighbours(old: str, new: str, headline: str, caret_under: str,
                              parser: str, monkeypatch) -> None:
    if parser == "python":
        monkeypatch.setattr(yamlsource, "_HAS_C", False)
    got, rendered = _error(old, new)
    assert got == headline
    source, caret = rendered.splitlines()[1:3]
    # The caret sits under the character named, counting wide characters as two columns.
    before = source[: source.index(caret_under)]
    assert caret.index("^") == display_width(before)


def test_chinese_text_keeps_its_own_punctuation() -> None:
    text = MINIMAL.replace("zh: 医院计划升级信息系统。",
                           "zh: 医院计划升级信息系统，重点：集成、稳定；“智慧医院”。", 1)
    assert text != MINIMAL
    spec = load_scenario_text(text, "m.yaml")
    assert spec.customer.profile.zh == "医院计划升级信息系统，重点：集成、稳定；“智慧医院”。"


def test_fixed_text_is_what_to_type() -> None:
    assert fullwidth.fixed("technical， cautious") == "technical, cautious"
    assert fullwidth.fixed("user、influencer") == "user, influencer"
    assert fullwidth.fixed("zh：临江") == "zh: 临江"
    assert fullwidth.fixed("０.４") == "0.4"
    assert fullwidth.fixed("3,000") == "3,000"


def test_structural_ignores_quoted_text_and_comments() -> None:
    assert fullwidth.structural('  en: "note, zh：x"') is None
    assert fullwidth.structural("  budget: 300  # 预算：三百万") is None
    hit = fullwidth.structural("  - id：x")
    assert hit is not None and (hit.key, hit.column) == ("id", 7)
