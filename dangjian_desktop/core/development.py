"""The 发展党员 procedure as data: 5 stages and 25 steps, in their official order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    no: int
    name: str
    short: str = ""  # for charts and narrow columns


@dataclass(frozen=True)
class Step:
    no: int
    stage: int
    name: str
    short_names: tuple[str, ...] = ()  # common column names in secretaries' 台账


STAGES: tuple[Stage, ...] = (
    Stage(1, "申请入党", "申请入党"),
    Stage(2, "入党积极分子的确定和培养教育", "入党积极分子"),
    Stage(3, "发展对象的确定和考察", "发展对象"),
    Stage(4, "预备党员的接收", "接收预备党员"),
    Stage(5, "预备党员的教育考察和转正", "预备期考察转正"),
)

STEPS: tuple[Step, ...] = (
    Step(1, 1, "递交入党申请书", ("申请入党时间", "递交申请书", "入党申请时间", "申请日期")),
    Step(2, 1, "党组织派人谈话", ("谈话时间", "谈话")),
    Step(3, 2, "推荐和确定入党积极分子", ("确定积极分子时间", "确定为积极分子", "积极分子")),
    Step(4, 2, "上级党委备案", ("积极分子备案", "积极分子备案时间")),
    Step(5, 2, "指定培养联系人", ("培养联系人", "指定培养人")),
    Step(6, 2, "培养教育考察", ("培养考察", "培养教育")),
    Step(7, 3, "确定发展对象", ("确定发展对象时间", "列为发展对象", "发展对象")),
    Step(8, 3, "报上级党委备案", ("发展对象备案", "发展对象备案时间")),
    Step(9, 3, "确定入党介绍人", ("入党介绍人", "确定介绍人")),
    Step(10, 3, "进行政治审查", ("政治审查", "政审", "政审时间")),
    Step(11, 3, "开展集中培训", ("集中培训", "培训", "培训时间")),
    Step(12, 4, "支部委员会审查", ("支委会审查", "支委审查")),
    Step(13, 4, "上级党委预审", ("预审", "预审时间")),
    Step(14, 4, "填写入党志愿书", ("入党志愿书", "填写志愿书")),
    Step(15, 4, "支部大会讨论", ("接收预备党员", "支部大会讨论接收", "入党时间", "入党日期")),
    Step(16, 4, "上级党委派人谈话", ("党委谈话", "上级谈话")),
    Step(17, 4, "上级党委审批", ("审批", "审批时间", "党委审批")),
    Step(18, 4, "再上一级党委组织部门备案", ("组织部门备案", "预备党员备案")),
    Step(19, 5, "编入党支部和党小组", ("编入党小组", "编入支部")),
    Step(20, 5, "入党宣誓", ("宣誓", "宣誓时间")),
    Step(21, 5, "继续教育考察", ("教育考察", "继续考察")),
    Step(22, 5, "提出转正申请", ("转正申请", "转正申请时间")),
    Step(23, 5, "支部大会讨论", ("讨论转正", "支部大会讨论转正")),
    Step(24, 5, "上级党委审批", ("转正审批", "转正时间", "转正日期")),
    Step(25, 5, "材料归档", ("归档", "归档时间")),
)

STEP_BY_NO: dict[int, Step] = {s.no: s for s in STEPS}
ADMISSION_STEP = 15  # the 支部大会 that makes a 预备党员: 入党日期 = this date
FULL_MEMBERSHIP_VOTE_STEP = 23
FULL_MEMBERSHIP_APPROVAL_STEP = 24


def step(no: int) -> Step:
    return STEP_BY_NO[no]


def stage_of(step_no: int) -> Stage:
    return STAGES[STEP_BY_NO[step_no].stage - 1]


def steps_of_stage(stage_no: int) -> list[Step]:
    return [s for s in STEPS if s.stage == stage_no]
