"""The 发展党员 procedure as data: 5 stages and 25 steps, in their official order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


@dataclass(frozen=True)
class Stage:
    no: int
    name: str
    short: str = ""  # for charts and narrow columns


@dataclass(frozen=True)
class StepDef:
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

STEPS: tuple[StepDef, ...] = (
    StepDef(1, 1, "递交入党申请书", ("申请入党时间", "递交申请书", "入党申请时间", "申请日期")),
    StepDef(2, 1, "党组织派人谈话", ("谈话时间", "谈话")),
    StepDef(3, 2, "推荐和确定入党积极分子", ("确定积极分子时间", "确定为积极分子", "积极分子")),
    StepDef(4, 2, "上级党委备案", ("积极分子备案", "积极分子备案时间")),
    StepDef(5, 2, "指定培养联系人", ("培养联系人", "指定培养人")),
    StepDef(6, 2, "培养教育考察", ("培养考察", "培养教育")),
    StepDef(7, 3, "确定发展对象", ("确定发展对象时间", "列为发展对象", "发展对象")),
    StepDef(8, 3, "报上级党委备案", ("发展对象备案", "发展对象备案时间")),
    StepDef(9, 3, "确定入党介绍人", ("入党介绍人", "确定介绍人")),
    StepDef(10, 3, "进行政治审查", ("政治审查", "政审", "政审时间")),
    StepDef(11, 3, "开展集中培训", ("集中培训", "培训", "培训时间")),
    StepDef(12, 4, "支部委员会审查", ("支委会审查", "支委审查")),
    StepDef(13, 4, "上级党委预审", ("预审", "预审时间")),
    StepDef(14, 4, "填写入党志愿书", ("入党志愿书", "填写志愿书")),
    StepDef(15, 4, "支部大会讨论", ("接收预备党员", "支部大会讨论接收", "入党时间", "入党日期")),
    StepDef(16, 4, "上级党委派人谈话", ("党委谈话", "上级谈话")),
    StepDef(17, 4, "上级党委审批", ("审批", "审批时间", "党委审批")),
    StepDef(18, 4, "再上一级党委组织部门备案", ("组织部门备案", "预备党员备案")),
    StepDef(19, 5, "编入党支部和党小组", ("编入党小组", "编入支部")),
    StepDef(20, 5, "入党宣誓", ("宣誓", "宣誓时间")),
    StepDef(21, 5, "继续教育考察", ("教育考察", "继续考察")),
    StepDef(22, 5, "提出转正申请", ("转正申请", "转正申请时间")),
    StepDef(23, 5, "支部大会讨论", ("讨论转正", "支部大会讨论转正")),
    StepDef(24, 5, "上级党委审批", ("转正审批", "转正时间", "转正日期")),
    StepDef(25, 5, "材料归档", ("归档", "归档时间")),
)

STEP_BY_NO: dict[int, StepDef] = {s.no: s for s in STEPS}


class Step(IntEnum):
    """The 25 steps by name, so that code says which step it means (`Step.BRANCH_CONGRESS_ADMIT`, not 15).
    An IntEnum: it is the step number wherever a number is stored, compared or printed."""

    APPLICATION = 1  # 递交入党申请书
    APPLICATION_TALK = 2  # 党组织派人谈话
    ACTIVIST = 3  # 推荐和确定入党积极分子
    ACTIVIST_FILING = 4  # 上级党委备案
    CONTACTS = 5  # 指定培养联系人
    ACTIVIST_EDUCATION = 6  # 培养教育考察
    CANDIDATE = 7  # 确定发展对象
    CANDIDATE_FILING = 8  # 报上级党委备案
    SPONSORS = 9  # 确定入党介绍人
    POLITICAL_REVIEW = 10  # 进行政治审查
    TRAINING = 11  # 开展集中培训
    COMMITTEE_REVIEW = 12  # 支部委员会审查
    PRE_REVIEW = 13  # 上级党委预审
    APPLICATION_FORM = 14  # 填写入党志愿书
    BRANCH_CONGRESS_ADMIT = 15  # 支部大会讨论（接收预备党员）: 入党日期 = this date
    UPPER_TALK = 16  # 上级党委派人谈话
    ADMISSION_APPROVAL = 17  # 上级党委审批
    ADMISSION_FILING = 18  # 再上一级党委组织部门备案
    GROUP_ASSIGNMENT = 19  # 编入党支部和党小组
    OATH = 20  # 入党宣誓
    PROBATION_EDUCATION = 21  # 继续教育考察
    FULL_MEMBERSHIP_REQUEST = 22  # 提出转正申请
    BRANCH_CONGRESS_FULL = 23  # 支部大会讨论（转正）
    FULL_MEMBERSHIP_APPROVAL = 24  # 上级党委审批（转正）: 正式党员 or 取消资格
    ARCHIVING = 25  # 材料归档

    @property
    def label(self) -> str:
        """The step's name in the 细则: 支部大会讨论."""
        return STEP_BY_NO[self.value].name

    def __str__(self) -> str:
        return str(self.value)


def step(no: int) -> StepDef:
    return STEP_BY_NO[no]


def stage_of(step_no: int) -> Stage:
    return STAGES[STEP_BY_NO[step_no].stage - 1]


def steps_of_stage(stage_no: int) -> list[Step]:
    return [s for s in STEPS if s.stage == stage_no]


# Steps the 细则 gives to the 支部委员会 (第八条 推荐和确定积极分子, 第十三条 确定发展对象,
# 第十九条 审查); a branch without a 支委会 takes them in the 支部大会 ("不设支部委员会的由支部大会").
COMMITTEE_STEPS: frozenset[int] = frozenset({Step.ACTIVIST, Step.CANDIDATE, Step.COMMITTEE_REVIEW})


def decided_by(no: int, has_committee: bool = True) -> str:
    """Who takes a step the 细则 gives to the 支部委员会: it, or the 支部大会 of a branch without one."""
    if no not in COMMITTEE_STEPS:
        return ""
    return "支部委员会" if has_committee else "支部大会"


def step_name(no: int, has_committee: bool = True) -> str:
    """A step's name for a branch: 第12步 is 支部大会审查 where there is no 支部委员会."""
    name = STEP_BY_NO[no].name
    return name if has_committee else name.replace("支部委员会", "支部大会")
