"""The UI's pure parts: scene stack, translations, settings, setup, scenario catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ui.catalog import list_scenarios, rival_vendors, team_vendor
from game.ui.i18n import Translator
from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, SceneStack
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.setup import ROLES, GameSetup, parse_seed

from .conftest import SCENARIOS


class Probe(Scene):
    def __init__(self, name: str) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.name = name
        self.events: list[str] = []
        self.got = None

    def on_enter(self) -> None:
        self.events.append("enter")

    def on_exit(self) -> None:
        self.events.append("exit")

    def receive(self, result) -> None:  # type: ignore[no-untyped-def]
        self.got = result


def test_stack_commands() -> None:
    stack = SceneStack()
    a, b, c, d = Probe("a"), Probe("b"), Probe("c"), Probe("d")
    assert stack.apply(Push(a)) and stack.top is a
    assert stack.apply(Push(b)) and stack.top is b
    assert stack.apply(Replace(c)) and stack.top is c and b.events == ["enter", "exit"]
    assert stack.apply(Pop(result=42)) and stack.top is a and a.got == 42
    assert stack.apply(None) is False
    stack.apply(Push(b))
    assert stack.apply(Reset(d)) and len(stack) == 1 and stack.top is d
    assert stack.apply(Quit(3)) is False and stack.quit_code == 3


def test_pop_last_scene_quits() -> None:
    stack = SceneStack()
    stack.apply(Push(Probe("a")))
    stack.apply(Pop())
    assert stack.quit_code == 0 and stack.top is None


def test_translator_fallbacks(tmp_path: Path) -> None:
    (tmp_path / "zh.json").write_text(json.dumps({"ui": {"a": "甲 {n}", "only_zh": "只"}}),
                                      encoding="utf-8")
    (tmp_path / "en.json").write_text(json.dumps({"ui": {"a": "A {n}", "only_en": "E"}}),
                                      encoding="utf-8")
    tr = Translator("zh", tmp_path)
    assert tr("ui.a", n=3) == "甲 3"
    assert tr("ui.only_en") == "E"  # falls back to the other language
    assert tr("ui.missing") == "ui.missing"
    tr.set_language("en")
    assert tr("ui.a", n=1) == "A 1" and tr("ui.only_zh") == "只"
    assert tr.pick({"zh": "中", "en": "En"}) == "En"
    with pytest.raises(ValueError):
        tr.set_language("fr")


def test_ui_translations_complete() -> None:
    tr = Translator("zh")
    zh, en = tr.keys("zh", "ui."), tr.keys("en", "ui.")
    assert zh, "no ui section in game/i18n/zh.json"
    assert zh == en, f"only zh: {sorted(zh - en)}; only en: {sorted(en - zh)}"


def test_ui_code_uses_only_known_keys() -> None:
    """Every literal ui.* key in game/ui exists (dynamic keys are checked by prefix)."""
    import re

    tr = Translator("en")
    known = tr.keys("en", "ui.")
    root = Path(__file__).resolve().parents[2] / "game" / "ui"
    missing = set()
    for path in root.rglob("*.py"):
        for key in re.findall(r"[\"'](ui\.[a-z0-9_.]+)[\"']", path.read_text(encoding="utf-8")):
            if key.endswith("."):
                continue
            if key not in known and not any(k.startswith(key + ".") for k in known):
                missing.add(f"{path.name}: {key}")
    assert not missing, sorted(missing)


def test_settings_roundtrip_atomic(tmp_path: Path) -> None:
    s = Settings(language="en", sound=False, volume=0.3, width=1600, height=900)
    path = save_settings(s, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "en"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp files left
    again = load_settings(tmp_path)
    assert again == s


def test_settings_repair_bad_values(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "language": "fr", "volume": 7, "width": 10, "sound": "yes", "unknown": 1,
    }), encoding="utf-8")
    s = load_settings(tmp_path)
    assert s.language == "en" and s.volume == 1.0 and s.width >= 1024 and s.sound is True
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    assert isinstance(load_settings(tmp_path), Settings)


def test_catalog_lists_good_and_broken(tmp_path: Path) -> None:
    good = list_scenarios(SCENARIOS)
    assert good and all(e.ok for e in good)
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    entries = list_scenarios(tmp_path)
    assert len(entries) == 1 and not entries[0].ok and entries[0].error


def test_setup_rules() -> None:
    entry = list_scenarios(SCENARIOS)[0]
    assert entry.spec is not None
    setup = GameSetup.default_for(entry.spec, entry.path, seed=7)
    assert setup.rivals and {r.vendor_id for r in setup.rivals} == {
        v.id for v in rival_vendors(entry.spec)}
    assert team_vendor(entry.spec).id not in {r.vendor_id for r in setup.rivals}
    for role in ROLES[1:]:
        setup.toggle_human(role)
    assert setup.human_roles() == ["rep"]
    setup.toggle_human("rep")  # the last human stays human
    assert setup.human_roles() == ["rep"]
    setup.set_rival_count(0)
    assert setup.rival_count == 1
    setup.set_rival_count(99)
    assert setup.rival_count == len(setup.rivals)
    assert not setup.problems()
    setup.seed = -1
    assert setup.problems() == ["ui.new_game.problem.seed"]
    options = setup.options()
    json.dumps(options)
    assert options["ai_roles"] == ["presales", "pm", "exec"]


@pytest.mark.parametrize("text,value", [("42", 42), (" 7 ", 7), ("", None), ("x1", None),
                                        ("2147483648", None), ("0", 0)])
def test_parse_seed(text: str, value: int | None) -> None:
    assert parse_seed(text) == value
