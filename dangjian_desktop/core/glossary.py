"""The domain vocabulary: English identifiers with their Chinese labels, defined once."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label: `Member("full", "正式党员")`."""

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label  # type: ignore[attr-defined]
        return obj

    label: str

    @classmethod
    def from_label(cls, text: str):
        """The member whose Chinese label (or English value) is `text`, or None."""
        text = (text or "").strip()
        for m in cls:
            if text in (m.label, m.value):
                return m
        return None


class MeetingType(Labelled):
    BRANCH_CONGRESS = ("branch_congress", "支部党员大会")
    COMMITTEE = ("committee", "支部委员会会议")
    GROUP = ("group", "党小组会")
    LECTURE = ("lecture", "党课")
    THEME_DAY = ("theme_day", "主题党日")
    ORG_LIFE = ("org_life", "组织生活会")
    APPRAISAL = ("appraisal", "民主评议党员")
    HEART_TALK = ("heart_talk", "谈心谈话")


class CommitteeMode(Labelled):
    """Whether a branch has a 支部委员会: by its number of 正式党员 (7 or more), or as the secretary says."""

    AUTO = ("auto", "按正式党员人数（7人以上设支委会）")
    YES = ("yes", "设有支部委员会")
    NO = ("no", "不设支部委员会（只设书记）")


class MeetingState(Labelled):
    DRAFT = ("draft", "草稿")
    FINAL = ("final", "已定稿")


class AttendanceStatus(Labelled):
    PRESENT = ("present", "出席")
    LEAVE = ("leave", "请假")
    ABSENT = ("absent", "缺席")


class MemberStatus(Labelled):
    FULL = ("full", "正式党员")
    PROBATIONARY = ("probationary", "预备党员")
    TRANSFERRED_OUT = ("transferred_out", "已转出")
    DECEASED = ("deceased", "已去世")
    REMOVED = ("removed", "出党/停止党籍")

    @property
    def on_roll(self) -> bool:
        """True while the person is on the branch's current roll (在册)."""
        return self in (MemberStatus.FULL, MemberStatus.PROBATIONARY)


class TransferDirection(Labelled):
    """组织关系转接: which way a member's 组织关系 moved."""

    OUT = ("out", "转出")
    IN = ("in", "转入")


class Gender(Labelled):
    MALE = ("male", "男")
    FEMALE = ("female", "女")


class CommitteePost(Labelled):
    SECRETARY = ("secretary", "书记")
    DEPUTY_SECRETARY = ("deputy_secretary", "副书记")
    ORGANISATION = ("organisation", "组织委员")
    PROPAGANDA = ("propaganda", "宣传委员")
    DISCIPLINE = ("discipline", "纪检委员")
    MEMBER = ("member", "委员")


class VoteMethod(Labelled):
    """How a 支部党员大会 voted (some places require 无记名投票 for 发展 and 转正 [local])."""

    SHOW_OF_HANDS = ("show_of_hands", "举手表决")
    SECRET_BALLOT = ("secret_ballot", "无记名投票")


class VoteKind(Labelled):
    ADMISSION = ("admission", "接收预备党员")
    FULL_MEMBERSHIP = ("full_membership", "预备党员转正")
    ELECTION = ("election", "换届选举")
    OTHER = ("other", "其他事项")


class AppraisalOutcome(Labelled):
    EXCELLENT = ("excellent", "优秀")
    QUALIFIED = ("qualified", "合格")
    BASICALLY_QUALIFIED = ("basically_qualified", "基本合格")
    UNQUALIFIED = ("unqualified", "不合格")


class DisposalAction(Labelled):
    """How a branch deals with a member found 不合格 (党章: 限期改正; 劝其退党; 坚持不退的, 支部大会决定除名)."""

    CORRECT = ("correct", "限期改正")
    ADVISE_LEAVE = ("advise_leave", "劝其退党")
    STRIKE_OFF = ("strike_off", "除名")


class Severity(Labelled):
    """How urgent a finding is; `rank` orders them most urgent first."""

    VIOLATION = ("violation", "违反规定")
    OVERDUE = ("overdue", "已逾期")
    DUE = ("due", "即将到期")
    INFO = ("info", "提示")

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class ApplicantStatus(Labelled):
    ACTIVE = ("active", "进行中")
    COMPLETED = ("completed", "已转正")
    CANCELLED = ("cancelled", "已取消预备党员资格")
    STOPPED = ("stopped", "已终止培养")


class ProbationOutcome(Labelled):
    ON_TIME = ("on_time", "按期转正")
    EXTENDED = ("extended", "延长预备期")
    CANCELLED = ("cancelled", "取消预备党员资格")


class BirthdayObservance(Labelled):
    HEART_TALK = ("heart_talk", "谈心谈话")
    OATH = ("oath", "重温入党誓词")
    CARD = ("card", "赠送政治生日贺卡")
    VISIT = ("visit", "走访慰问")


OATH_TEXT = (
    "我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，"
    "严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，"
    "随时准备为党和人民牺牲一切，永不叛党。"
)


class DuesBasis(Labelled):
    """What a member's monthly 党费 is computed from (中组部 2008 规定)."""

    WAGE = ("wage", "税后工资")
    PENSION = ("pension", "离退休费")
    FARMER = ("farmer", "农民党员")
    STUDENT = ("student", "学生党员")
    UNEMPLOYED = ("unemployed", "下岗失业党员")
    LOW_INCOME = ("low_income", "享受低保的党员")


class DuesKind(Labelled):
    """How one month of 党费 was settled."""

    PAID = ("paid", "实缴")
    MAKEUP = ("makeup", "补缴")
    PREPAID = ("prepaid", "预交")
    EXEMPT = ("exempt", "免缴")


class StudyKind(Labelled):
    """How a member studied: the four kinds a 学时台账 counts (JSON: the English value)."""

    GROUP_STUDY = ("group_study", "集中学习")
    LECTURE = ("lecture", "党课")
    TRAINING = ("training", "专题培训")
    ONLINE = ("online", "网上学习")
