"""SQLAlchemy 2.0 models: the whole record of one or more party branches.

No `from __future__ import annotations` here: SQLAlchemy reads each `Mapped[...]` annotation at class
creation, and a string annotation it has to evaluate itself (298 of them: 71 million of the 1.55 billion
instructions of importing this module, counted with callgrind); classes defined further down
are named in quotes."""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from dangjian_desktop.core.glossary import (
    ApplicantStatus,
    AppraisalOutcome,
    AttendanceStatus,
    BirthdayObservance,
    CommitteeMode,
    CommitteePost,
    DisposalAction,
    DuesBasis,
    DuesKind,
    Gender,
    MeetingState,
    MeetingType,
    MemberStatus,
    ProbationOutcome,
    StudyKind,
    TransferDirection,
    VoteKind,
    VoteMethod,
)

# Named constraints, so that Alembic's batch mode on SQLite can find and alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class EnumText(TypeDecorator):
    """A domain StrEnum stored as its English value in a plain text column."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum_cls = enum_cls

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        # the member by its value without the Enum call (check reads tens of thousands of rows)
        member = self.enum_cls._value2member_map_.get(value)
        return member if member is not None else self.enum_cls(value)

    def result_processor(self, dialect, coltype):
        """process_result_value as one function per column, without TypeDecorator's wrapper around it
        (one Python call less for each of the ~200,000 values a 党委's `check` reads); the text type
        beneath has no processing of its own on SQLite or psycopg, else it is kept."""
        if self.impl_instance.result_processor(dialect, coltype) is not None:
            return super().result_processor(dialect, coltype)
        find, enum_cls = self.enum_cls._value2member_map_.get, self.enum_cls

        def process(value):
            if value is None:
                return None
            member = find(value)
            return member if member is not None else enum_cls(value)

        return process


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class Versioned(Timestamped):
    """Rows that people edit: `version` detects a second, concurrent edit of the same row."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


# ---------------------------------------------------------------- organisation


class Branch(Versioned, Base):
    """A 党支部 (or 党总支) kept in this database."""

    __tablename__ = "branches"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    parent_org: Mapped[str] = mapped_column(String(100), server_default="")  # 上级党委
    kind: Mapped[str] = mapped_column(String(20), server_default="党支部")
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")
    established_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, server_default="")
    # 支部委员会: by the number of 正式党员 (fewer than 7: none), or as the secretary says (migration 0004)
    committee_mode: Mapped[CommitteeMode] = mapped_column(EnumText(CommitteeMode),
                                                          server_default=CommitteeMode.AUTO.value)

    groups: Mapped[list["PartyGroup"]] = relationship(back_populates="branch", order_by="PartyGroup.sort_order")
    terms: Mapped[list["CommitteeTerm"]] = relationship(back_populates="branch", order_by="CommitteeTerm.elected_on")


class PartyGroup(Timestamped, Base):
    """A 党小组 of a branch."""

    __tablename__ = "party_groups"
    __table_args__ = (UniqueConstraint("branch_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")
    dissolved_on: Mapped[date | None] = mapped_column(Date)

    branch: Mapped[Branch] = relationship(back_populates="groups")


class CommitteeTerm(Timestamped, Base):
    """One term (届) of the 支部委员会, from its election; 换届 is due at its end."""

    __tablename__ = "committee_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"), index=True)
    elected_on: Mapped[date] = mapped_column(Date)
    term_years: Mapped[int] = mapped_column(Integer, server_default="3")
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, server_default="")

    branch: Mapped[Branch] = relationship(back_populates="terms")
    posts: Mapped[list["CommitteePostHolder"]] = relationship(back_populates="term", cascade="all, delete-orphan")


class CommitteePostHolder(Timestamped, Base):
    """Who holds a 支委 post (书记, 组织委员...) in a term; `member_id` once on the roster."""

    __tablename__ = "committee_posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("committee_terms.id", ondelete="CASCADE"), index=True)
    post: Mapped[CommitteePost] = mapped_column(EnumText(CommitteePost))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"), index=True)
    person_name: Mapped[str] = mapped_column(String(50))
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    term: Mapped["CommitteeTerm"] = relationship(back_populates="posts")


# ---------------------------------------------------------------- members


class Member(Versioned, Base):
    """A party member on (or once on) a branch's roll: the 花名册 fields."""

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_branch_status", "branch_id", "status"),
        Index("ix_members_joined_on", "joined_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("party_groups.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    # derived from the name for search and official ordering (按姓氏笔画 / pinyin)
    name_pinyin: Mapped[str] = mapped_column(String(200), server_default="")
    name_initials: Mapped[str] = mapped_column(String(50), server_default="")
    name_strokes: Mapped[str] = mapped_column(String(50), server_default="")
    gender: Mapped[Gender | None] = mapped_column(EnumText(Gender))
    ethnicity: Mapped[str] = mapped_column(String(20), server_default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    native_place: Mapped[str] = mapped_column(String(100), server_default="")
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    education: Mapped[str] = mapped_column(String(30), server_default="")
    category: Mapped[str] = mapped_column(String(50), server_default="")  # 人员类别/工作岗位
    work_unit: Mapped[str] = mapped_column(String(200), server_default="")  # 工作单位及职务
    joined_on: Mapped[date | None] = mapped_column(Date)  # 入党日期 = 政治生日
    full_member_on: Mapped[date | None] = mapped_column(Date)  # 转正日期; 党龄 counts from here
    probation_extension_months: Mapped[int] = mapped_column(Integer, server_default="0")
    party_post: Mapped[str] = mapped_column(String(50), server_default="")  # 党内职务
    phone: Mapped[str] = mapped_column(String(30), server_default="")
    address: Mapped[str] = mapped_column(String(200), server_default="")
    status: Mapped[MemberStatus] = mapped_column(EnumText(MemberStatus), server_default=MemberStatus.FULL.value)
    status_since: Mapped[date | None] = mapped_column(Date)
    is_floating: Mapped[bool] = mapped_column(Boolean, server_default="0")  # 流动党员
    is_lost_contact: Mapped[bool] = mapped_column(Boolean, server_default="0")  # 失联党员
    dues_base: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))  # 党费基数
    notes: Mapped[str] = mapped_column(Text, server_default="")
    fifty_year_medal_on: Mapped[date | None] = mapped_column(Date)  # 光荣在党50年纪念章 received (中组部 2021)
    # 转入: the first day on this branch's roll (migration 0010); before it the person was a member elsewhere,
    # so a roll "as of" an earlier day leaves them out whatever their 入党日期
    arrived_on: Mapped[date | None] = mapped_column(Date)

    group: Mapped[PartyGroup | None] = relationship(foreign_keys=[group_id])
    status_changes: Mapped[list["MemberStatusChange"]] = relationship(
        back_populates="member", order_by="MemberStatusChange.changed_on", cascade="all, delete-orphan"
    )


class MemberStatusChange(Timestamped, Base):
    """A dated change of a member's status (转正, 转出, 去世...): the history that is never deleted."""

    __tablename__ = "member_status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    status: Mapped[MemberStatus] = mapped_column(EnumText(MemberStatus))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, server_default="")
    destination: Mapped[str] = mapped_column(String(200), server_default="")  # 转出去向

    member: Mapped[Member] = relationship(back_populates="status_changes")


class Transfer(Versioned, Base):
    """组织关系转接 (migration 0010): one 转出 (with its 介绍信 and, later, the 回执) or one 转入."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_branch_direction", "branch_id", "direction", "moved_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    direction: Mapped[TransferDirection] = mapped_column(EnumText(TransferDirection))
    moved_on: Mapped[date] = mapped_column(Date)  # 转出: leaves the roll; 转入: on the roll from
    other_org: Mapped[str] = mapped_column(String(200))  # 转往 / 来自 which 党组织
    reason: Mapped[str] = mapped_column(Text, server_default="")  # 工作调动, 升学, 毕业 ...
    letter_no: Mapped[str] = mapped_column(String(50), server_default="")  # 介绍信 第 号
    valid_days: Mapped[int | None] = mapped_column(Integer)  # 介绍信 有效期 (days)
    dues_paid_to: Mapped[date | None] = mapped_column(Date)  # 党费交到 (the first day of that month)
    receipt_on: Mapped[date | None] = mapped_column(Date)  # 转出: the 回执 came back
    notes: Mapped[str] = mapped_column(Text, server_default="")


class FloatingRecord(Timestamped, Base):
    """流动党员 (migration 0010): where a member went, since when, how to reach them, and whether they
    attend organisational life with another 党组织 (then they are not inactive: MEMBER-INACTIVE-6M)."""

    __tablename__ = "floating_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)  # came back (or became an ordinary 转出)
    place: Mapped[str] = mapped_column(String(200))  # 流向：where they live and work now
    contact: Mapped[str] = mapped_column(String(100), server_default="")
    attends_elsewhere: Mapped[bool] = mapped_column(Boolean, server_default="0")
    host_org: Mapped[str] = mapped_column(String(200), server_default="")  # 在哪个党组织参加组织生活
    certificate_no: Mapped[str] = mapped_column(String(50), server_default="")  # 流动党员活动证
    notes: Mapped[str] = mapped_column(Text, server_default="")


class CommunityReport(Timestamped, Base):
    """在职党员到社区报到 (migration 0010), kept by a 社区 branch: who came, from which unit, when, what service."""

    __tablename__ = "community_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"), index=True)
    person_name: Mapped[str] = mapped_column(String(50))
    work_unit: Mapped[str] = mapped_column(String(200))  # 所在单位 (and its 党组织)
    reported_on: Mapped[date] = mapped_column(Date)
    service: Mapped[str] = mapped_column(Text, server_default="")  # 认领的岗位 / 服务内容
    phone: Mapped[str] = mapped_column(String(30), server_default="")
    notes: Mapped[str] = mapped_column(Text, server_default="")


class BirthdayObservanceRecord(Timestamped, Base):
    """How a member's 政治生日 was marked in a year (谈心谈话, 重温入党誓词, 贺卡, 走访慰问)."""

    __tablename__ = "birthday_observances"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[BirthdayObservance] = mapped_column(EnumText(BirthdayObservance))
    done_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, server_default="")


class DuesPayment(Timestamped, Base):
    """One month of 党费 for one member: 应缴, 实缴 and when."""

    __tablename__ = "dues_payments"
    __table_args__ = (UniqueConstraint("member_id", "year", "month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    base: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    due: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    paid: Mapped[Decimal] = mapped_column(Numeric(12, 2), server_default="0")
    paid_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, server_default="")  # 免缴: the approval (who, when); 补缴: why late
    kind: Mapped[DuesKind] = mapped_column(EnumText(DuesKind), server_default=DuesKind.PAID.value)  # migration 0007


class DuesBase(Timestamped, Base):
    """A member's 党费 basis and base from a month on (migration 0007): the history is kept, so a month's
    应缴 is the one of the base in force then, not today's."""

    __tablename__ = "dues_bases"
    __table_args__ = (UniqueConstraint("member_id", "effective_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)  # the first day of the first month it applies to
    basis: Mapped[DuesBasis] = mapped_column(EnumText(DuesBasis))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))  # 税后工资 / 离退休费; None for fixed amounts
    note: Mapped[str] = mapped_column(Text, server_default="")


class StudyRecord(Timestamped, Base):
    """One session of study by one member (集中学习, 党课, 专题培训, 网上学习) and its 学时 (migration 0008).
    党课 and 主题党日 attended are not stored here: they are counted from the 三会一课 attendance."""

    __tablename__ = "study_records"
    __table_args__ = (Index("ix_study_records_member_date", "member_id", "studied_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[StudyKind] = mapped_column(EnumText(StudyKind))
    studied_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    topic: Mapped[str] = mapped_column(String(200), server_default="")  # 主题 / 课程名称
    source: Mapped[str] = mapped_column(String(200), server_default="")  # 学习强国, 本支部, an imported file


class PointsItem(Timestamped, Base):
    """One item of a branch's 党员积分 scheme (migration 0009): points per occurrence (negative for a
    deduction) and a yearly cap per member; `source` names the derived kind that counts it from what is
    recorded (services.points.DERIVED), or is "" for an item entered by hand with a reason."""

    __tablename__ = "points_items"
    __table_args__ = (UniqueConstraint("branch_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    source: Mapped[str] = mapped_column(String(32), server_default="")  # "" = manual
    points: Mapped[Decimal] = mapped_column(Numeric(7, 1))
    yearly_cap: Mapped[Decimal | None] = mapped_column(Numeric(7, 1))  # None: no cap
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")


class PointsEntry(Timestamped, Base):
    """A manual 积分 entry for one member (migration 0009): a day, the points, the reason, the item."""

    __tablename__ = "points_entries"
    __table_args__ = (Index("ix_points_entries_member_on", "member_id", "awarded_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("points_items.id", ondelete="SET NULL"), index=True)
    awarded_on: Mapped[date] = mapped_column(Date)
    points: Mapped[Decimal] = mapped_column(Numeric(7, 1))
    reason: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- meetings


class Meeting(Versioned, Base):
    """A meeting record (会议记录) of any of the eight kinds of organisational life."""

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_branch_date", "branch_id", "held_on"),
        Index("ix_meetings_branch_type_date", "branch_id", "type", "held_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    type: Mapped[MeetingType] = mapped_column(EnumText(MeetingType))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("party_groups.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200), server_default="")  # 会议名称 / 主题
    held_on: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), server_default="")
    host: Mapped[str] = mapped_column(String(50), server_default="")  # 主持人 (谈心谈话: 谈话人)
    recorder: Mapped[str] = mapped_column(String(50), server_default="")  # 记录人
    lecturer: Mapped[str] = mapped_column(String(50), server_default="")  # 党课主讲人
    counterpart: Mapped[str] = mapped_column(String(200), server_default="")  # 谈心谈话: 谈话对象
    guests: Mapped[str] = mapped_column(Text, server_default="")  # 列席人员
    topics: Mapped[str] = mapped_column(Text, server_default="")  # 议题
    minutes: Mapped[str] = mapped_column(Text, server_default="")  # 讨论发言 / 内容
    resolutions: Mapped[str] = mapped_column(Text, server_default="")  # 决议
    expected: Mapped[int] = mapped_column(Integer, server_default="0")  # 应到
    present: Mapped[int] = mapped_column(Integer, server_default="0")  # 实到
    # False: attendance not recorded (a ledger row without numbers, an old paper record); `present`
    # then means nothing and is never read as absence (migration 0004)
    attendance_known: Mapped[bool] = mapped_column(Boolean, server_default="1")
    state: Mapped[MeetingState] = mapped_column(EnumText(MeetingState), server_default=MeetingState.DRAFT.value)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)

    attendance: Mapped[list["Attendance"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    votes: Mapped[list["Vote"]] = relationship(back_populates="meeting", cascade="all, delete-orphan", order_by="Vote.id")
    appraisals: Mapped[list["AppraisalResult"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    also: Mapped[list["MeetingAlsoType"]] = relationship(back_populates="meeting", cascade="all, delete-orphan",
                                                       order_by="MeetingAlsoType.position")
    # 谈心谈话: 谈话人 and 谈话对象 from the roster (migration 0011)
    talk_pairs: Mapped[list["HeartTalkPair"]] = relationship(cascade="all, delete-orphan", order_by="HeartTalkPair.id")


class MeetingAlsoType(Base):
    """Another type a gathering served besides its primary `Meeting.type` (主题党日暨支部党员大会):
    the record counts for each (migration 0004)."""

    __tablename__ = "meeting_also_types"
    __table_args__ = (
        UniqueConstraint("meeting_id", "type"),
        Index("ix_meeting_also_types_type", "type", "meeting_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    type: Mapped[MeetingType] = mapped_column(EnumText(MeetingType))
    position: Mapped[int] = mapped_column(Integer, server_default="1")  # 1 = the second type of the record

    meeting: Mapped[Meeting] = relationship(back_populates="also")


class Attendance(Base):
    """Whether a member expected at a meeting was present, on leave or absent, and why."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(EnumText(AttendanceStatus))
    reason: Mapped[str] = mapped_column(String(200), server_default="")
    can_vote: Mapped[bool] = mapped_column(Boolean, server_default="1")  # 预备党员 have no vote

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")


class Vote(Base):
    """A motion voted on at a 支部党员大会; the result is computed by core.votes, never typed."""

    __tablename__ = "votes"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[VoteKind] = mapped_column(EnumText(VoteKind))
    subject: Mapped[str] = mapped_column(String(200))  # e.g. 关于接收张三为预备党员
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicants.id", ondelete="SET NULL"), index=True)
    expected_voters: Mapped[int] = mapped_column(Integer)
    present_voters: Mapped[int] = mapped_column(Integer)
    in_favour: Mapped[int] = mapped_column(Integer, server_default="0")
    against: Mapped[int] = mapped_column(Integer, server_default="0")
    abstain: Mapped[int] = mapped_column(Integer, server_default="0")
    written_in_favour: Mapped[int] = mapped_column(Integer, server_default="0")
    written_against: Mapped[int] = mapped_column(Integer, server_default="0")
    method: Mapped[VoteMethod | None] = mapped_column(EnumText(VoteMethod))  # 举手/无记名 (None: not recorded)
    quorum: Mapped[bool] = mapped_column(Boolean, server_default="0")
    passed: Mapped[bool] = mapped_column(Boolean, server_default="0")

    meeting: Mapped[Meeting] = relationship(back_populates="votes")


class AppraisalResult(Base):
    """One member's outcome in a 民主评议党员."""

    __tablename__ = "appraisal_results"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"), index=True)
    outcome: Mapped[AppraisalOutcome] = mapped_column(EnumText(AppraisalOutcome))
    note: Mapped[str] = mapped_column(Text, server_default="")
    # 民主测评: the votes the member received for each grade (None: not recorded) (migration 0011)
    votes_excellent: Mapped[int | None] = mapped_column(Integer)
    votes_qualified: Mapped[int | None] = mapped_column(Integer)
    votes_basic: Mapped[int | None] = mapped_column(Integer)
    votes_unqualified: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="appraisals")


class UnqualifiedDisposal(Versioned, Base):
    """The 处置 of a member found 不合格 at a 民主评议 (党章: 限期改正, 劝其退党, 除名), open until closed
    (migration 0011). One per appraisal result; it is dropped with the result."""

    __tablename__ = "unqualified_disposals"
    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("appraisal_results.id", ondelete="CASCADE"), unique=True)
    action: Mapped[DisposalAction] = mapped_column(EnumText(DisposalAction))
    decided_on: Mapped[date | None] = mapped_column(Date)  # the 支部大会 that decided it
    deadline: Mapped[date | None] = mapped_column(Date)  # 限期改正: by when
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing: Mapped[str] = mapped_column(Text, server_default="")  # how it ended: 已改正, 已退党, 已除名 ...
    note: Mapped[str] = mapped_column(Text, server_default="")


class HeartTalkPair(Base):
    """Who talked with whom in a 谈心谈话 record: 谈话人 and 谈话对象 from the roster (migration 0011).
    The record's `host`/`counterpart` keep the names as printed; these rows are what coverage counts."""

    __tablename__ = "heart_talk_pairs"
    __table_args__ = (UniqueConstraint("meeting_id", "talker_id", "listener_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    talker_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"), index=True)  # 谈话人
    listener_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"), index=True)  # 谈话对象


# ---------------------------------------------------------------- 发展党员


class Applicant(Versioned, Base):
    """A person in the 发展党员 procedure, from 递交入党申请书 to 材料归档."""

    __tablename__ = "applicants"
    __table_args__ = (Index("ix_applicants_branch_status", "branch_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("party_groups.id", ondelete="SET NULL"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"), unique=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[Gender | None] = mapped_column(EnumText(Gender))
    ethnicity: Mapped[str] = mapped_column(String(20), server_default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    native_place: Mapped[str] = mapped_column(String(100), server_default="")
    education: Mapped[str] = mapped_column(String(30), server_default="")
    work_unit: Mapped[str] = mapped_column(String(200), server_default="")
    phone: Mapped[str] = mapped_column(String(30), server_default="")
    rule_catalog_version: Mapped[str] = mapped_column(String(20))  # the rules this file is judged by
    status: Mapped[ApplicantStatus] = mapped_column(EnumText(ApplicantStatus), server_default=ApplicantStatus.ACTIVE.value)
    probation_outcome: Mapped[ProbationOutcome | None] = mapped_column(EnumText(ProbationOutcome))
    extension_months: Mapped[int] = mapped_column(Integer, server_default="0")
    leaves_unit_on: Mapped[date | None] = mapped_column(Date)  # DEV-LEAVING-3M
    notes: Mapped[str] = mapped_column(Text, server_default="")

    steps: Mapped[list["DevelopmentStep"]] = relationship(
        back_populates="applicant", order_by="DevelopmentStep.step_no", cascade="all, delete-orphan"
    )
    reviews: Mapped[list["DevelopmentReview"]] = relationship(
        back_populates="applicant", order_by="DevelopmentReview.done_on", cascade="all, delete-orphan"
    )


class DevelopmentStep(Timestamped, Base):
    """One of the 25 steps for one applicant: its date, the people involved and the details."""

    __tablename__ = "development_steps"
    __table_args__ = (
        UniqueConstraint("applicant_id", "step_no"),
        CheckConstraint("step_no BETWEEN 1 AND 25", name="step_no_range"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id", ondelete="CASCADE"))
    step_no: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date | None] = mapped_column(Date)
    # [{"role": "入党介绍人", "name": "王芳", "member_id": 12}, ...]
    people: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # step-specific facts: 政审结论, 培训天数/学时, 公示起止, 表决票数, 审批日期 ...
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, server_default="")

    applicant: Mapped[Applicant] = relationship(back_populates="steps")


class DevelopmentReview(Timestamped, Base):
    """A 思想汇报 or a half-year 考察 entry for an 积极分子 or 预备党员."""

    __tablename__ = "development_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # thought_report | review
    done_on: Mapped[date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(50), server_default="")
    content: Mapped[str] = mapped_column(Text, server_default="")

    applicant: Mapped[Applicant] = relationship(back_populates="reviews")


# ---------------------------------------------------------------- 组织生活会 整改


class Rectification(Versioned, Base):
    """One 整改 item of the 组织生活会 (migration 0012): the problem found, the measure, who answers for it
    and by when; listed until it is closed (销号) with a date and its evidence (a note, attachments)."""

    __tablename__ = "rectifications"
    __table_args__ = (Index("ix_rectifications_branch_closed", "branch_id", "closed_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    problem: Mapped[str] = mapped_column(Text)  # 查摆出的问题
    measure: Mapped[str] = mapped_column(Text, server_default="")  # 整改措施
    # 责任人: a member on the roster, or (member None) free text such as 支部委员会
    owner_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"), index=True)
    owner_name: Mapped[str] = mapped_column(String(100), server_default="")
    raised_on: Mapped[date | None] = mapped_column(Date)  # 提出日期 (the meeting's day, as a rule)
    deadline: Mapped[date] = mapped_column(Date)  # 整改时限
    closed_on: Mapped[date | None] = mapped_column(Date)  # 销号日期; None: still open
    closing_note: Mapped[str] = mapped_column(Text, server_default="")  # 整改成效 / 销号说明


# ---------------------------------------------------------------- shared


class Attachment(Timestamped, Base):
    """A file (photo, scan, slides) copied into the data folder and attached to one record."""

    __tablename__ = "attachments"
    __table_args__ = (
        # the casts make the sum valid on PostgreSQL too (SQLite adds booleans as numbers)
        CheckConstraint(
            "CAST(meeting_id IS NOT NULL AS INTEGER) + CAST(applicant_id IS NOT NULL AS INTEGER)"
            " + CAST(step_id IS NOT NULL AS INTEGER) + CAST(member_id IS NOT NULL AS INTEGER)"
            " + CAST(rectification_id IS NOT NULL AS INTEGER) = 1",
            name="one_owner",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicants.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[int | None] = mapped_column(ForeignKey("development_steps.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    # the evidence of a 整改 item's 销号 (migration 0012)
    rectification_id: Mapped[int | None] = mapped_column(ForeignKey("rectifications.id", ondelete="CASCADE"),
                                                         index=True)
    file_name: Mapped[str] = mapped_column(String(255))  # the name the user knows (sanitised)
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the attachments folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, server_default="")


class AttachmentChunk(Base):
    """A piece of an attachment's bytes, on a shared server database only (migration 0003): there
    the file must reach the other secretaries' PCs. Keyed by the file's sha256, so records that
    attach the same file share it. A local SQLite database keeps its attachments as files."""

    __tablename__ = "attachment_chunks"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Setting(Timestamped, Base):
    """A setting, e.g. a local rule variant `MEET-LECTURE-Q.period`; scope `global` or `branch:ID`."""

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("scope", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(30), server_default="global")
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)


class AuditEntry(Base):
    """An append-only log of changes to final records and of deletions (never edited)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # amend | delete | finalise | restore ...
    reason: Mapped[str] = mapped_column(Text, server_default="")
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(50), server_default="")

