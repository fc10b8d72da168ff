"""The rule catalog: every checked rule as versioned data (id, text, article, source, parameters).

Rules change (the 细则 is being revised), so a number such as "one month" never lives
in code: it is a parameter here, with the national value as its default. Parameters
marked `local` may be changed by the branch in 设置; the national value stays visible.
When the rules are revised, add a new `Catalog` and keep the old one: records keep the
version they were judged by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

SRC_DEV = "《中国共产党发展党员工作细则》（2014年）"
SRC_BRANCH = "《中国共产党支部工作条例（试行）》（2018年）"
SRC_CONSTITUTION = "《中国共产党章程》"
SRC_LOCAL = "本地常见做法"
SRC_TERMS = "中共中央办公厅《关于党的基层组织任期的意见》（2018年）"
SRC_50_YEARS = "中共中央组织部“光荣在党50年”纪念章颁发办法（2021年）"
SRC_DUES = "《关于中国共产党党费收缴、使用和管理的规定》（中组部，2008年）"
SRC_EDUCATION = "《中国共产党党员教育管理工作条例》（2019年）"


@dataclass(frozen=True)
class Param:
    key: str
    label: str
    default: Any
    unit: str = ""
    local: bool = False  # may be changed by the branch in 设置


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    text: str
    article: str
    source: str
    params: tuple[Param, ...] = ()

    def param(self, key: str) -> Param:
        for p in self.params:
            if p.key == key:
                return p
        raise KeyError(f"{self.id} has no parameter {key}")

    @property
    def citation(self) -> str:
        return f"{self.source}{self.article}" if self.article else self.source


@dataclass(frozen=True)
class Catalog:
    version: str
    effective_from: date
    note: str
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    @cached_property
    def _by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def get(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self._by_id


def _meeting(rule_id: str, title: str, text: str, article: str, period: str, due_days: int,
             local_period: bool = False) -> Rule:
    return Rule(rule_id, title, text, article, SRC_BRANCH, (
        Param("period", "周期（M=每月，Q=每季度，Y=每年）", period, "", local_period),
        Param("min_count", "每周期至少次数", 1, "次", True),
        Param("due_days", "周期结束前多少天开始提醒", due_days, "天", True),
    ))


# Articles as domain.md "Where each rule stands" lists them (checked against the texts). A rule whose
# article is not verified names its document only ("" article): a wrong article is worse than none.
# tests/core/test_rule_citations.py pins every citation below.
_RULES_2014 = (
    # 三会一课 and other organisational life
    _meeting("MEET-CONGRESS-Q", "支部党员大会", "支部党员大会一般每季度召开1次。", "第十一条", "Q", 30),
    _meeting("MEET-COMMITTEE-M", "支部委员会会议", "支部委员会会议一般每月召开1次。", "第十二条", "M", 10),
    _meeting("MEET-GROUP-M", "党小组会", "党小组会一般每月召开1次（每个党小组）。", "第十三条", "M", 10),
    # the 条例 sets no frequency for a branch's 党课: quarterly is the common local standard
    Rule("MEET-LECTURE-Q", "党课", "党课按本地要求一般每季度至少1次（《中国共产党支部工作条例（试行）》未规定次数）。",
         "", SRC_LOCAL, (
             Param("period", "周期（M=每月，Q=每季度，Y=每年）", "Q", "", True),
             Param("min_count", "每周期至少次数", 1, "次", True),
             Param("due_days", "周期结束前多少天开始提醒", 30, "天", True),
         )),
    _meeting("MEET-THEME-DAY-M", "主题党日", "党支部每月相对固定1天开展主题党日。", "第十六条", "M", 10),
    _meeting("MEET-ORG-LIFE-Y", "组织生活会", "组织生活会一般每年召开1次，会前开展谈心谈话。", "第十七条", "Y", 60),
    _meeting("MEET-APPRAISAL-Y", "民主评议党员", "民主评议党员一般每年开展1次。", "第十八条", "Y", 60),
    _meeting("MEET-HEART-TALK-Y", "谈心谈话", "支委之间、支委与党员、党员之间每年至少谈心谈话1次。", "第十九条", "Y", 60),
    # the year's reviews
    Rule("HEART-TALK-COVERAGE", "谈心谈话全覆盖",
         "支委之间、支委与党员之间每年至少谈心谈话1次，组织生活会前应当谈到：每两名支委之间，每名党员至少与一名支委；"
         "不设支部委员会的，由书记与每名党员谈。", "第十九条", SRC_BRANCH, (
             Param("from_month", "从几月起提醒（或组织生活会已安排时）", 10, "月", True),
         )),
    Rule("APPRAISAL-DISPOSAL", "不合格党员的处置",
         "民主评议中被评为不合格的党员，党支部应当区别情况作出处置：限期改正；经教育仍无转变的，劝其退党；"
         "劝而不退的，提交支部党员大会讨论决定除名。处置办结前应当持续跟踪。", "", SRC_CONSTITUTION),
    # 组织生活会 查摆问题、明确整改方向 (第十七条): each 整改 item kept until 销号, by its own deadline
    Rule("ORG-LIFE-RECTIFY", "组织生活会整改",
         "组织生活会查摆出的问题应当明确整改措施、责任人和时限，逐项整改，完成后销号。", "第十七条", SRC_BRANCH, (
             Param("due_days", "整改时限前多少天开始提醒", 15, "天", True),
         )),
    # members and the branch
    Rule("MEMBER-INACTIVE-6M", "连续6个月未参加组织生活或未交纳党费",
         "党员无正当理由连续6个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。",
         "", SRC_CONSTITUTION, (
             Param("due_months", "提前提醒（未参加月数）", 4, "个月", True),
             Param("overdue_months", "视为逾期的月数", 6, "个月"),
         )),
    Rule("MEMBER-ID-INVALID", "身份证号无效", "公民身份号码应为18位，末位为校验码。", "", "GB 11643-1999"),
    Rule("BIRTHDAY-UPCOMING", "政治生日", "以入党日期为政治生日，组织开展政治生日活动。", "", SRC_LOCAL, (
        Param("days", "提前提醒天数", 30, "天", True),
    )),
    Rule("MEMBER-50-YEARS", "光荣在党50年", "党龄达到50周年的在世党员颁发“光荣在党50年”纪念章（每年七一前后）。",
         "", SRC_50_YEARS, (
             Param("years", "党龄年数", 50, "年"),
         )),
    Rule("PROBATION-END", "预备期满讨论转正",
         "预备党员预备期满，党支部应当及时讨论其能否转为正式党员；转正须经支部大会讨论和上级党委审批，不会自动转正。",
         "", SRC_DEV, (
             Param("due_days", "提前提醒天数", 30, "天", True),
         )),
    Rule("ELECTION-DUE", "支部委员会换届", "党支部委员会每届任期3年，村、社区党支部每届任期5年；任期届满应当按期进行换届选举。",
         "", SRC_TERMS, (
             Param("term_years", "任期（一般党支部）", 3, "年", True),
             Param("community_term_years", "任期（村、社区党支部）", 5, "年", True),
             Param("due_days", "提前提醒天数", 90, "天", True),
         )),
    # 党费 (the 2008 规定: no article is cited until someone verifies the number from the text)
    Rule("DUES-RATES", "党费交纳比例",
         "在职党员以每月税后工资为基数：3000元以下（含）交0.5%，3000元以上至5000元（含）交1%，"
         "5000元以上至10000元（含）交1.5%，10000元以上交2%；离退休党员以离退休费为基数，5000元以下（含）"
         "交0.5%，5000元以上交1%；农民党员每月交0.2元至1元；学生、下岗失业和享受最低生活保障的党员每月交0.2元；"
         "预备党员从支部大会通过其为预备党员之日起交纳党费。", "", SRC_DUES, (
             Param("wage_band_1", "在职：第一档上限（含）", 3000, "元"),
             Param("wage_band_2", "在职：第二档上限（含）", 5000, "元"),
             Param("wage_band_3", "在职：第三档上限（含）", 10000, "元"),
             Param("wage_rate_1", "在职：第一档比例", 5, "‰", True),
             Param("wage_rate_2", "在职：第二档比例", 10, "‰", True),
             Param("wage_rate_3", "在职：第三档比例", 15, "‰", True),
             Param("wage_rate_4", "在职：第三档以上比例", 20, "‰", True),
             Param("pension_band", "离退休：分档线（含）", 5000, "元"),
             Param("pension_rate_1", "离退休：分档线以下比例", 5, "‰", True),
             Param("pension_rate_2", "离退休：分档线以上比例", 10, "‰", True),
             Param("farmer_amount", "农民党员每月（20–100分，即0.2–1元）", 20, "分", True),
             Param("low_amount", "学生、下岗失业、低保党员每月", 20, "分", True),
             Param("prepay_max_months", "一次预交最多月数", 12, "个月", True),
         )),
    Rule("DUES-ARREARS-3M", "党费连续未交", "党员应按月交纳党费；连续3个月未交的，党支部应及时提醒督促收缴；"
         "连续6个月不交纳党费的，按党章视为自行脱党处理。", "", SRC_DUES, (
             Param("months", "连续未交几个月起提醒", 3, "个月", True),
         )),
    # 学时 (the 2019 条例 by its document only: domain.md gives no article; the 56 学时 of 书记 and 支委 may come
    # from the 2019–2023 党员教育培训工作规划 rather than the 条例, so it is a local setting like the rest)
    Rule("STUDY-HOURS-Y", "党员学习学时",
         "党员每年参加集中学习培训一般不少于32学时，党支部书记和支部委员一般不少于56学时。", "", SRC_EDUCATION, (
             Param("hours", "党员每年至少学时", 32, "学时", True),
             Param("leader_hours", "书记、支委每年至少学时", 56, "学时", True),
             Param("due_month", "从几月起提醒学时不足", 10, "月", True),
         )),
    # how long a 党课 or 主题党日 attended counts is the branch's own rule, not the 条例's
    Rule("STUDY-CREDIT", "党课、主题党日计入学时", "参加党课、主题党日按本支部规定的学时计入党员学习学时（常见为每次2学时）。",
         "", SRC_LOCAL, (
             Param("lecture_hours", "参加一次党课计入", 2, "学时", True),
             Param("theme_day_hours", "参加一次主题党日计入", 2, "学时", True),
         )),
    # 组织关系转接 (domain.md names the 条例 for member management; no article is verified: none is cited)
    Rule("TRANSFER-RECEIPT-3M", "组织关系介绍信回执",
         "党员组织关系转接实行回执制度：转出后应当收回接收地党组织寄回的介绍信回执；超过本支部规定的期限仍未收到的，"
         "应当联系接收地党组织和党员本人查明情况（回执期限按本支部要求）。", "", SRC_EDUCATION, (
             Param("months", "转出后几个月仍未收到回执时提醒", 3, "个月", True),
         )),
    # 发展党员
    Rule("DEV-AGE-18", "年满十八岁", "年满十八岁的先进分子可以申请加入中国共产党。", "第五条", SRC_DEV, (
        Param("min_age", "最低年龄", 18, "岁"),
    )),
    Rule("DEV-TALK-1M", "一个月内谈话", "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话。", "第七条", SRC_DEV, (
        Param("months", "期限", 1, "个月"),
        Param("due_days", "提前提醒天数", 10, "天", True),
    )),
    Rule("DEV-CONTACTS", "培养联系人", "党组织应当指定一至两名正式党员作入党积极分子的培养联系人。", "第九条", SRC_DEV, (
        Param("min", "最少人数", 1, "人"), Param("max", "最多人数", 2, "人"),
    )),
    Rule("DEV-REVIEW-6M", "每半年考察一次", "党支部每半年对入党积极分子进行一次考察。", "第十一条", SRC_DEV, (
        Param("months", "考察间隔", 6, "个月"),
        Param("due_days", "提前提醒天数", 30, "天", True),
    )),
    Rule("DEV-ACTIVIST-1Y", "一年以上培养考察", "对经过一年以上培养教育和考察的入党积极分子，方可列为发展对象。", "第十三条", SRC_DEV, (
        Param("years", "最短培养时间", 1, "年"),
    )),
    Rule("DEV-SPONSORS-2", "两名入党介绍人", "发展对象应当有两名正式党员作入党介绍人，受留党察看处分尚未恢复党员权利的不能作入党介绍人。",
         "第十四条", SRC_DEV, (Param("count", "人数", 2, "人"),)),
    Rule("DEV-POLITICAL-REVIEW", "政治审查", "未经政治审查或政治审查不合格的，不能发展入党。", "", SRC_DEV),
    Rule("DEV-TRAINING-3D", "集中培训", "发展对象应当参加集中培训，时间一般不少于三天（或不少于24个学时）。", "第十八条", SRC_DEV, (
        Param("days", "最少天数", 3, "天", True), Param("hours", "或最少学时", 24, "学时", True),
    )),
    # the 细则 has no 公示 clause: 公示 before 接收 is local practice
    Rule("DEV-PUBLIC-NOTICE", "公示", "发展对象接收为预备党员前应当进行公示（公示天数按本地要求，常见为5个工作日）。", "", SRC_LOCAL, (
        Param("working_days", "公示最少工作日", 5, "个工作日", True),
    )),
    Rule("DEV-LEAVING-3M", "三个月内离开单位", "预审后三个月内将离开工作、学习单位的发展对象，一般不办理接收手续。",
         "第十九条", SRC_DEV, (Param("months", "期限", 3, "个月"),)),
    # 第二十条 sets the quorum; the majority's article (第二十一条) is not verified yet
    Rule("DEV-VOTE-QUORUM", "支部大会表决", "有表决权的到会人数须超过应到会有表决权人数的半数；赞成人数超过应到会有表决权的正式党员的半数，才能通过。",
         "第二十条", SRC_DEV),
    Rule("DEV-APPROVAL-3M", "三个月内审批", "上级党委应当在三个月内审批，特殊情况可适当延长，但不得超过六个月。", "", SRC_DEV, (
        Param("months", "一般期限", 3, "个月"), Param("max_months", "最长期限", 6, "个月"),
        Param("due_days", "提前提醒天数", 30, "天", True),
    )),
    Rule("DEV-PROBATION-1Y", "预备期一年", "预备党员的预备期为一年，从支部大会通过之日算起；延长预备期不能少于半年，最长不超过一年，只能延长一次。",
         "第三十二条", SRC_DEV, (
             Param("years", "预备期", 1, "年"), Param("min_extension_months", "延长最少", 6, "个月"),
             Param("max_extension_months", "延长最多", 12, "个月"),
         )),
    # replaces the strict DEV-ORDER (every step dated no earlier than the one before it), which refused
    # ordinary practice: steps of one stage may come in another order or on the same day
    Rule("DEV-PREREQ", "前置步骤", "发展党员的每一步须以其前置步骤为前提：例如确定发展对象须先确定入党积极分子并满一年，"
         "支部大会讨论接收须先有入党介绍人、政治审查（合格）、集中培训、支部委员会审查、上级党委预审和入党志愿书，"
         "上级党委审批须先有支部大会讨论和上级党委派人谈话。", "", SRC_DEV),
)

CATALOGS: dict[str, Catalog] = {
    "2014": Catalog(
        "2014", date(2014, 6, 10),
        "依据2014年《中国共产党发展党员工作细则》、2018年《中国共产党支部工作条例（试行）》和党章。",
        _RULES_2014,
    ),
}
CURRENT_VERSION = "2014"


def catalog(version: str | None = None) -> Catalog:
    """The catalog of `version` (the current one if None)."""
    return CATALOGS[version or CURRENT_VERSION]


def rule(rule_id: str, version: str | None = None) -> Rule:
    return catalog(version).get(rule_id)


def param_value(rule_id: str, key: str, overrides: dict[str, Any] | None = None,
                version: str | None = None) -> Any:
    """A parameter's value: the branch's local override if the parameter is local, else the default."""
    p = rule(rule_id, version).param(key)
    if p.local and overrides:
        value = overrides.get(f"{rule_id}.{key}")
        if value is not None:
            return value
    return p.default


def local_params(version: str | None = None) -> list[tuple[Rule, Param]]:
    """Every parameter a branch may change, with its rule."""
    return [(r, p) for r in catalog(version).rules for p in r.params if p.local]


@dataclass(frozen=True)
class RuleParams:
    """The parameters a record is judged by: its catalog version, with the branch's local settings.
    What an editor reads to say what saving will check (本支部要求 … 全国规定 …)."""

    version: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)

    def value(self, rule_id: str, key: str) -> Any:
        """The value in force: the local setting where the parameter is local, else the national one."""
        return param_value(rule_id, key, self.overrides, self.version)

    def national(self, rule_id: str, key: str) -> Any:
        """The national value, shown beside a local one."""
        return rule(rule_id, self.version).param(key).default
