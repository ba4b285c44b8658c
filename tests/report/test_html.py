"""The HTML report: well-formed, self-contained, with every chart and section, in zh and en."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from game.i18n import tr
from game.report.charts import render_charts
from game.report.html import render_html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Checker(HTMLParser):
    """Collects tags and fails on any element closed out of order or left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.imgs: list[dict[str, str | None]] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def pages(lost_debrief: dict[str, Any], lost_debrief_zh: dict[str, Any]) -> dict[str, str]:
    png = render_charts(lost_debrief)
    return {"en": render_html(lost_debrief, png, embed_font=False),
            "zh": render_html(lost_debrief_zh, render_charts(lost_debrief_zh))}


def _check(page: str) -> Checker:
    c = Checker()
    c.feed(page)
    c.close()
    assert page.startswith("<!DOCTYPE html>")
    assert not c.errors, c.errors[:5]
    assert not c.stack, c.stack
    return c


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_well_formed_with_every_section(pages: dict[str, str], lang: str) -> None:
    c = _check(pages[lang])
    assert c.ids == ["moments", "outcome", "decision", "progress", "timeline", "motives",
                     "coordination", "lost-order", "whatif"]
    text = "".join(c.text)
    for key in ("report.h.moments", "report.h.decision", "report.h.motives",
                "report.h.coordination", "report.h.whatif"):
        assert tr(key, lang) in text
    assert not re.search(r"\breport\.[a-z_]+\.[a-z_.]+", text), "an untranslated key"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_are_embedded(pages: dict[str, str], lang: str) -> None:
    c = _check(pages[lang])
    assert len(c.imgs) == 5
    for img in c.imgs:
        src = img["src"] or ""
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG")


def test_self_contained(pages: dict[str, str]) -> None:
    for page in pages.values():
        assert not re.search(r"(src|href)=['\"]?(https?:|//|file:)", page)
        assert "<script" not in page
    assert "@font-face" in pages["zh"] and "data:font/woff;base64," in pages["zh"]
    assert "@font-face" not in pages["en"]


def test_chinese_page(pages: dict[str, str], lost_debrief_zh: dict[str, Any]) -> None:
    page = pages["zh"]
    assert "<html lang='zh-CN'>" in page
    assert "丢单报告" in page and "丢单原因分析" in page
    assert lost_debrief_zh["meta"]["customer"] in page


def test_text_is_escaped(lost_debrief: dict[str, Any]) -> None:
    d = dict(lost_debrief)
    d["meta"] = dict(d["meta"], customer="<b>Acme & Sons</b>")
    page = render_html(d, {}, embed_font=False)
    assert "&lt;b&gt;Acme &amp; Sons&lt;/b&gt;" in page
    _check(page)
