"""A designer's large buying centre for layout tests: the hospital scenario grown to 16
stakeholders (copies in three new departments, with long names and titles) and 6 vendors
(every rival present from week 1, one with a very long name)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from game.scenario.loader import load_scenario
from game.scenario.models import ScenarioSpec

REPO = Path(__file__).resolve().parents[2]
HOSPITAL = REPO / "scenarios" / "city_hospital.yaml"
LONG_RIVAL = {"zh": "华夏未来智慧医疗信息技术股份有限公司（联合体）",
              "en": "Huaxia Future Smart Medical Information Technology Co. (consortium)"}


def big_spec(people: int = 16, vendors: int = 6) -> ScenarioSpec:
    d: dict[str, Any] = load_scenario(HOSPITAL).model_dump(mode="json")
    base = list(d["stakeholders"])
    depts = [{"zh": "信息中心（东院区）", "en": "Information Centre (East Campus)"},
             {"zh": "医务处与质量管理办公室", "en": "Medical Affairs and Quality Office"},
             {"zh": "后勤保障与基建处", "en": "Logistics, Facilities and Construction"}]
    n = 0
    while len(d["stakeholders"]) < people:
        src = copy.deepcopy(base[n % len(base)])
        src["id"] = f"{src['id']}_{n}"
        src["name"] = {"zh": src["name"]["zh"] + "（副）",
                       "en": src["name"]["en"] + " Jr."}
        src["title"] = {"zh": src["title"]["zh"] + "兼项目协调组副组长",
                        "en": src["title"]["en"] + " and deputy project coordinator"}
        src["department"] = depts[n % len(depts)]
        src["sways"] = []
        d["stakeholders"].append(src)
        n += 1
    rivals = [v for v in d["vendors"] if v["side"] != "team"]
    for v in rivals:
        v["enters_week"] = 1
        v["by_event"] = False
    i = 0
    while len(d["vendors"]) < vendors:
        extra = copy.deepcopy(rivals[i % len(rivals)])
        extra["id"] = f"{extra['id']}_{i}"
        extra["name"] = dict(LONG_RIVAL)
        d["vendors"].append(extra)
        i += 1
    d["events"] = []
    return ScenarioSpec.model_validate(d)
