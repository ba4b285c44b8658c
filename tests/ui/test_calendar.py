"""Milestone labels under the calendar strip keep clear of each other and of the lines."""

from __future__ import annotations

import pytest

from game.ui.widgets.calendar_strip import LABEL_GAP, label_lanes

CASES = [
    # (x of each mark, label width): the hospital's calendar at 1280 and 1024 px, crowded
    [(96, 115), (280, 110), (347, 120), (393, 104), (461, 120)],
    [(90, 88), (230, 98), (283, 128), (318, 100), (370, 100)],
    [(150, 120), (200, 120), (250, 120), (600, 120)],
]


@pytest.mark.parametrize("items", CASES)
def test_labels_never_touch_or_hide_a_line(items: list[tuple[int, int]]) -> None:
    placed = label_lanes(items, 0, 700)
    boxes = [(left, left + w, lane) for (left, lane), (_x, w) in zip(placed, items, strict=True)]
    for i, (a0, a1, lane_a) in enumerate(boxes):
        assert 0 <= a0 and a1 <= 700
        for b0, b1, lane_b in boxes[i + 1:]:
            if lane_a == lane_b:
                assert a1 + LABEL_GAP <= b0 or b1 + LABEL_GAP <= a0, (boxes, i)
    for (x, _w), (_left, lane) in zip(items, placed, strict=True):
        for a0, a1, other in boxes:
            if other < lane:  # the line from the axis down to this label
                assert not a0 - 4 <= x <= a1 + 4, f"the line at {x} crosses {a0}..{a1}"


def test_crowded_marks_use_lower_lanes() -> None:
    lanes = {lane for _left, lane in label_lanes(CASES[0], 0, 700)}
    assert len(lanes) >= 2

