"""`new NAME`: write a commented starter scenario that validates, lints clean and plays.

A designer who is not a programmer starts faster from a working deal than from an empty
page: every section is present with plausible bilingual text and a comment saying what it
does, so the first edit is changing facts, not learning the format. The template is one
complete scenario (a water utility buying a metering and billing platform); the tests load,
lint and play it, so it cannot rot.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from game.scenario.models import ID_PATTERN
from game.scenario.schema import SCHEMA_PATH

# In this source a backslash at the end of a line joins it to the next (Python's rule), so the
# written file keeps each text on one line while this module stays within 100 columns.
TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A starter scenario written by `{cmd} new {id}`. Change the facts, keep the shape.
# The authoring guide is scenarios/README.md; every field is listed there with an example.
# Check your work as you go:
#   {cmd} validate {file}      errors (file:line, what is wrong, what would be right)
#   {cmd} lint {file}          warnings (things that are valid but play badly)
#   {cmd} simulate {file}      one AI-vs-AI game, week by week
#   {cmd} balance {file}       many games: who wins, how often, and why
# Money is in 万元 (10,000 CNY). Time is in weeks; week 1 is the first turn.

format: 1
id: {id}            # lower-case letters, digits and _ ; must be unique in the library
title:
  zh: "东江水务集团：智能计量与营收平台"
  en: "Dongjiang Water Group: smart metering and billing"
summary:
  zh: "一家市属水务集团要把三十万块机械水表换成智能水表，并上线新的营收系统。财务总监盯着成本，\
营销中心想要少跑腿，老厂商守着老系统。"
  en: "A city water group is replacing 300,000 mechanical meters with smart ones and bringing in \
a new billing system. The CFO watches every yuan, the customer centre wants fewer site visits, \
and the old supplier guards its system."
last_week: 24       # the game ends after this week, deal or no deal

customer:
  name: {{zh: "东江水务集团", en: "Dongjiang Water Group"}}
  industry: {{zh: "公用事业（供水）", en: "Utilities (water supply)"}}
  size: {{zh: "员工约2100人，用户约60万户", en: "About 2,100 staff and 600,000 customer accounts"}}
  profile:
    zh: "集团现在靠人工抄表，每月漏抄、错抄上千户，产销差率接近两成。\
市国资委要求三年内降到12%以下，集团决定建设智能计量与营收平台，公开招标。"
    en: "The group still reads meters by hand; every month over a thousand readings are missed or \
wrong, and almost a fifth of the water produced is never billed. The city asset commission wants \
that under 12% within three years, so the group is tendering for a smart metering and billing \
platform."
  budget: 900       # a bid above the budget is disqualified at the bid deadline
  needs:            # what the customer wants; weights are relative
    - id: leakage
      name: {{zh: "降低产销差", en: "Cut non-revenue water"}}
      weight: 3
    - id: billing
      name: {{zh: "营收系统平稳切换", en: "A safe billing cutover"}}
      weight: 2
    - id: field_work
      name: {{zh: "减少上门抄表", en: "Fewer site visits"}}
      weight: 1.5
  calendar:         # the customer's procurement timeline; the phases follow from it
    initiation: 3
    tender_issue: 10
    bid_deadline: 13
    award: 15
    notice_weeks: 1
    contract: 18
  criteria: {{technical: 0.5, price: 0.3, service: 0.2}}   # tender weights before shaping
  payment: {{first_payment_max: 0.3, first_payment_min: 0.1}}
  procurement: invited   # how it buys: negotiated (the KDM's choice weighs most), invited (the
                         # panel scores, the KDM settles a close result) or public (a drawn
                         # expert panel scores too; the KDM weighs half and overturns nothing)
  budget_approved_week: 0   # before this week nobody can confirm the budget (0: approved already)
  personnel: {{weekly_chance: 0.012, rumour_weeks: 2}}   # each week until the award, the chance
                         # that a key person is replaced; insiders and coaches hear of it
                         # rumour_weeks ahead

# The buying centre. Cover every buying role, and tag the KU, KI and KDM: the stage criteria
# need an insider among KU and KI and a meeting with the KDM. Motives stay hidden until found.
# The KDM sees a vendor only once introduced (a sponsor visit of the rep and the executive, or
# an insider or coach) and is nobody's coach. availability: weeks between two meetings a vendor
# gets with a person (default 3 for the KDM, 2 for senior people, 1 for everyone else).
stakeholders:
  - id: gm
    name: {{zh: "黄建军", en: "Huang Jianjun"}}
    title: {{zh: "总经理", en: "General Manager"}}
    department: {{zh: "集团领导班子", en: "Group leadership"}}
    roles: [decision_maker, approver]
    key: [KDM]
    influence: 0.9
    participation: {{early: 0.1, solution: 0.3, tender: 0.4, decision: 1.0, contract: 0.6}}
    senior: true
    availability: 3  # a busy general manager: one meeting every three weeks per vendor
    traits: [busy, cautious]
    cares_about: [leakage, billing]
    position_motive:
      kind: quality
      text: {{zh: "产销差率是国资委考核他的头号指标。", en: "Non-revenue water is the first line \
of his scorecard with the asset commission."}}
    personal_motive:
      kind: risk
      text: {{zh: "他最怕换系统那个月账单出错，市民打爆热线。", en: "His nightmare is a month of \
wrong bills and a flooded complaints line."}}
  - id: cfo
    name: {{zh: "林雪", en: "Lin Xue"}}
    title: {{zh: "财务总监", en: "Chief Financial Officer"}}
    department: {{zh: "财务部", en: "Finance"}}
    roles: [budget_holder, approver]
    influence: 0.5
    participation: {{early: 0.3, solution: 0.4, tender: 0.5, decision: 0.7, contract: 0.9}}
    senior: true
    traits: [price_sensitive, analytical]
    cares_about: [leakage]
    sways:
      - who: gm
        strength: 0.3
    position_motive:
      kind: control
      text: {{zh: "每一笔投资都要算清回收期。", en: "Every investment must show its payback \
period."}}
    personal_motive:
      kind: risk
      text: {{zh: "上次审计点名过IT项目超支，她不想再被点名。", en: "The last audit named an IT \
overspend; she will not be named again."}}
  - id: it_head
    name: {{zh: "周涛", en: "Zhou Tao"}}
    title: {{zh: "信息中心主任", en: "Head of IT"}}
    department: {{zh: "信息中心", en: "IT Centre"}}
    roles: [initiator, influencer]
    key: [KI]
    influence: 0.6
    participation: {{early: 0.8, solution: 0.9, tender: 0.9, decision: 0.6, contract: 0.5}}
    senior: true
    traits: [technical, analytical]
    cares_about: [billing, leakage]
    sways:
      - who: gm
        strength: 0.25
    position_motive:
      kind: efficiency
      text: {{zh: "抄表、营收、管网三套系统的数据要打通。", en: "Meter, billing and network data \
must finally live in one place."}}
    personal_motive:
      kind: recognition
      text: {{zh: "想把项目做成全省水务的样板。", en: "He wants this to be the province's model \
water project."}}
  - id: service_head
    name: {{zh: "吴敏", en: "Wu Min"}}
    title: {{zh: "营销服务中心主任", en: "Head of the Customer Centre"}}
    department: {{zh: "营销服务中心", en: "Customer Centre"}}
    roles: [user, influencer]
    key: [KU]
    influence: 0.5
    participation: {{early: 0.7, solution: 0.8, tender: 0.7, decision: 0.5, contract: 0.3}}
    senior: true
    traits: [relational, busy]
    cares_about: [field_work, billing]
    position_motive:
      kind: efficiency
      text: {{zh: "两百名抄表员，一半时间花在路上。", en: "Two hundred meter readers spend half \
their day on the road."}}
    personal_motive:
      kind: relationship
      text: {{zh: "她答应过抄表员：转岗不裁员。", en: "She promised the meter readers new jobs, \
not layoffs."}}
  - id: buyer
    name: {{zh: "陈刚", en: "Chen Gang"}}
    title: {{zh: "采购部经理", en: "Procurement Manager"}}
    department: {{zh: "采购部", en: "Procurement"}}
    roles: [purchaser]
    influence: 0.2
    participation: {{early: 0.8, solution: 0.7, tender: 0.9, decision: 0.6, contract: 0.8}}
    traits: [cautious]
    cares_about: [billing]
    position_motive:
      kind: risk
      text: {{zh: "招标程序一步都不能错。", en: "Not one step of the tender may be out of order."}}
    personal_motive:
      kind: control
      text: {{zh: "厂商绕过他找领导，他会很不高兴。", en: "Vendors who go around him to the \
bosses annoy him."}}

# The competitors, and the players' own company (side: team). fit: 0 to 1 for every need.
vendors:
  - id: our_team
    side: team
    name: {{zh: "清流科技", en: "Qingliu Technology"}}
    product: {{zh: "清流智慧水务平台", en: "Qingliu Smart Water Platform"}}
    fit: {{leakage: 0.8, billing: 0.65, field_work: 0.8}}
    list_price: 880
    floor_price: 700
    delivery_cost: 480
    brand: 0.5
    references: 4
    delivery: 0.6
    sales_budget: 60
    relations:
      it_head: {{support: 0.1, trust: 0.1, contact: met}}
  - id: incumbent
    side: rival
    playbook: incumbent
    name: {{zh: "恒远软件", en: "Hengyuan Software"}}
    product: {{zh: "恒远营收系统升级版", en: "Hengyuan Billing, upgraded"}}
    fit: {{leakage: 0.72, billing: 0.7, field_work: 0.6}}
    list_price: 780
    floor_price: 600
    delivery_cost: 430
    brand: 0.5
    references: 5    # similar customers it can show; the tender counts up to 5
    delivery: 0.7
    sales_budget: 50
    start_stage: 3   # it already knows the account
    relations:
      buyer: {{support: 0.25, trust: 0.5, contact: relationship}}
      cfo: {{support: 0.1, trust: 0.3, contact: met}}
  - id: meter_maker
    side: rival
    playbook: solution
    name: {{zh: "华表智能", en: "Huabiao Smart Meters"}}
    product: {{zh: "华表NB-IoT整体方案", en: "Huabiao NB-IoT Suite"}}
    fit: {{leakage: 0.75, billing: 0.45, field_work: 0.8}}
    list_price: 880
    floor_price: 760
    delivery_cost: 560
    brand: 0.7
    references: 5
    delivery: 0.55
    sales_budget: 60
    start_stage: 2

# Events: trigger (weeks, chance, conditions), effects, and optional choices for the team.
events:
  - id: leak_report
    title: {{zh: "媒体曝光管网漏损", en: "Press exposes the leaking network"}}
    text:
      zh: "晚报刊文：全市每天有三万吨自来水“不知去向”。总经理要求招标文件突出漏损治理。"
      en: "The evening paper reports that 30,000 tonnes of water a day go missing. The general \
manager wants leakage control at the heart of the tender."
    affects: all
    trigger:
      weeks: [4, 9]
      chance: 0.4
      conditions:
        - type: phase
          phase: solution
    effects:
      - type: need_weight
        need: leakage
        weight: 4
  - id: cfo_review
    title: {{zh: "财务总监要求测算回收期", en: "The CFO asks for a payback study"}}
    text:
      zh: "林雪在办公会上说：拿不出三年回收期的测算，这个项目她不签字。"
      en: "Lin Xue tells the management meeting she will not sign without a three-year payback \
study."
    affects: teams
    trigger:
      weeks: [6, 12]
      chance: 0.5
      conditions:
        - type: stage
          vendor: teams
          at_least: 3
    choices:
      - id: payback_study
        label: {{zh: "派项目经理和她一起做测算", en: "Send our project manager to build the study \
with her"}}
        cost: 4
        effects:
          - type: support
            stakeholder: cfo
            change: 0.2
          - type: reveal
            stakeholder: cfo
            motive: both
      - id: brochure
        label: {{zh: "发一份标准的投资回报手册", en: "Send the standard ROI brochure"}}
        effects:
          - type: support
            stakeholder: cfo
            change: -0.05

# Optional: what `{cmd} tune {file}` may change, and the win rates you want. The game
# ignores this section; tune plays games, proposes a small change set with its evidence,
# and never edits this file.
tune:
  mode: rotate              # the team's seat plays every playbook in turn
  knobs:
    - path: vendors.incumbent.fit.billing
      range: [0.8, 0.95]
      step: 0.05
    - path: customer.budget
      range: [850, 1000]
      step: 50
  targets:
    - who: every_playbook   # whatever strategy the team plays, it can win and can lose
      win: [0.1, 0.45]
    - who: incumbent        # the old supplier stays a real threat
      win: [0.25, 0.35]
  max_changes: 2
"""


def starter_text(scenario_id: str, target: Path) -> str:
    """The template for `scenario_id`, its schema line pointing at the shipped schema."""
    try:
        schema = Path(os.path.relpath(SCHEMA_PATH, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        schema = SCHEMA_PATH.as_uri()
    return TEMPLATE.format(id=scenario_id, schema=schema, file=target.as_posix(),
                           cmd=command_name())


def command_name() -> str:
    """How the designer runs Dealcraft from the current folder: `python main.py` in the
    project folder, the installed `dealcraft` command anywhere else."""
    here = Path("main.py")
    if here.is_file() and here.resolve() == SCHEMA_PATH.parents[1] / "main.py":
        return "python main.py"
    return "dealcraft"


def target_for(name: str, folder: str | None) -> tuple[str, Path]:
    """(scenario id, file path) for NAME, which may be an id or a path ending in .yaml.

    A bare id is written into `folder`, else into the current folder, as people expect of a
    command that makes a file; the schema line points back at the shipped schema from there.
    """
    if name.endswith((".yaml", ".yml")):
        path = Path(name)
        return path.stem, path
    return name, Path(folder or ".") / f"{name}.yaml"


def run_new(name: str, folder: str | None = None, force: bool = False) -> int:
    scenario_id, path = target_for(name, folder)
    if not re.match(ID_PATTERN, scenario_id):
        print(f"new: '{scenario_id}' cannot be a scenario id: use lower-case letters, digits "
              "and _ , starting with a letter (for example steel_mill)", file=sys.stderr)
        return 1
    if path.exists() and not force:
        print(f"new: {path} already exists; pick another name or add --force to overwrite",
              file=sys.stderr)
        return 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(starter_text(scenario_id, path), encoding="utf-8", newline="\n")
    except OSError as exc:
        print(f"new: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}\nnext: edit it, then run  {command_name()} lint {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `new NAME [--dir DIR] [--force]` to the command line."""
    p = sub.add_parser("new", help="write a commented starter scenario to edit")
    p.add_argument("name", help="scenario id (written to NAME.yaml in the current folder) or "
                                "a .yaml path")
    p.add_argument("--dir", default=None, help="folder to write into (default: the current "
                                               "folder)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=lambda args: run_new(args.name, args.dir, args.force))
