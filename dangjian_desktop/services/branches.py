"""Branches, their 党小组 and 支委 terms: creating a branch, listing and finding them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from dangjian_desktop.core import rules
from dangjian_desktop.core.glossary import CommitteeMode, CommitteePost, MemberStatus
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Branch, CommitteePostHolder, CommitteeTerm, Member, PartyGroup, Setting
from dangjian_desktop.errors import NotFound, ValidationError

# 村、社区党支部 serve 5-year terms, other branches 3 (中办《关于党的基层组织任期的意见》2018): a setting
# per branch (scope branch:ID), unset until the secretary says which the branch is
COMMUNITY_KEY = "branch.community"


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str
    parent_org: str
    secretary: str
    groups: tuple[str, ...]
    member_count: int


def _clean_name(text: str, what: str, max_len: int = 100) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise ValidationError(f"请填写{what}。")
    if len(name) > max_len:
        raise ValidationError(f"{what}太长（{len(name)}个字），最多{max_len}个字。")
    return name


def create_branch(
    db: Database,
    name: str,
    parent_org: str = "",
    secretary: str = "",
    *,
    groups: list[str] | None = None,
    elected_on: date | None = None,
) -> BranchInfo:
    """Create a branch with its secretary (the first 支委 term) and its 党小组."""
    name = _clean_name(name, "支部名称")
    parent_org = " ".join((parent_org or "").split())
    secretary = " ".join((secretary or "").split())
    with db.transaction() as s:
        if s.scalar(select(Branch.id).where(Branch.name == name)) is not None:
            raise ValidationError(f"已经有名为“{name}”的支部。")
        order = (s.scalar(select(func.max(Branch.sort_order))) or 0) + 1
        branch = Branch(name=name, parent_org=parent_org, sort_order=order)
        s.add(branch)
        s.flush()
        for i, gname in enumerate(groups or []):
            s.add(PartyGroup(branch_id=branch.id, name=_clean_name(gname, "党小组名称", 50), sort_order=i))
        if secretary:
            term = CommitteeTerm(branch_id=branch.id, elected_on=elected_on or date.today())
            term.posts.append(CommitteePostHolder(post=CommitteePost.SECRETARY, person_name=secretary,
                                                  started_on=term.elected_on))
            s.add(term)
        s.flush()
        return _info(s, branch)


def _info(s, branch: Branch) -> BranchInfo:
    groups = tuple(s.scalars(select(PartyGroup.name).where(PartyGroup.branch_id == branch.id)
                             .order_by(PartyGroup.sort_order, PartyGroup.id)))
    count = s.scalar(select(func.count(Member.id)).where(
        Member.branch_id == branch.id,
        Member.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY]))) or 0
    return BranchInfo(branch.id, branch.name, branch.parent_org, _secretary(s, branch.id), groups, count)


def _secretary(s, branch_id: int) -> str:
    row = s.execute(
        select(CommitteePostHolder.person_name)
        .join(CommitteeTerm)
        .where(CommitteeTerm.branch_id == branch_id, CommitteeTerm.ended_on.is_(None),
               CommitteePostHolder.post == CommitteePost.SECRETARY, CommitteePostHolder.ended_on.is_(None))
        .order_by(CommitteeTerm.elected_on.desc())
    ).first()
    return row[0] if row else ""


def list_branches(db: Database) -> list[BranchInfo]:
    """Every branch, in the order shown. Four statements however many branches a 党委 has, in Core:
    every command starts with this, and the ORM's first use (configuring every mapper) is not needed."""
    b, g, m = Branch.__table__.c, PartyGroup.__table__.c, Member.__table__.c
    t, p = CommitteeTerm.__table__.c, CommitteePostHolder.__table__.c
    with db.engine.connect() as conn:
        rows = conn.execute(select(b.id, b.name, b.parent_org).order_by(b.sort_order, b.id)).all()
        groups: dict[int, list[str]] = {}
        for branch_id, name in conn.execute(select(g.branch_id, g.name).order_by(g.sort_order, g.id)):
            groups.setdefault(branch_id, []).append(name)
        counts = dict(conn.execute(
            select(m.branch_id, func.count(m.id))
            .where(m.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY])).group_by(m.branch_id)).all())
        secretaries: dict[int, str] = {}
        for branch_id, name in conn.execute(
                select(t.branch_id, p.person_name).join_from(CommitteePostHolder.__table__, CommitteeTerm.__table__,
                                                            p.term_id == t.id)
                .where(t.ended_on.is_(None), p.post == CommitteePost.SECRETARY, p.ended_on.is_(None))
                .order_by(t.branch_id, t.elected_on.desc(), t.id.desc(), p.id)):
            secretaries.setdefault(branch_id, name)  # the latest term's, as _secretary
    return [BranchInfo(bid, name, parent, secretaries.get(bid, ""), tuple(groups.get(bid, ())), counts.get(bid, 0))
            for bid, name, parent in rows]


def get_branch(db: Database, branch_id: int) -> BranchInfo:
    with db.session() as s:
        branch = s.get(Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        return _info(s, branch)


def resolve_branch(db: Database, name: str | None) -> BranchInfo:
    """The branch a command means: by name, or the only one; a clear refusal otherwise."""
    branches = list_branches(db)
    if not branches:
        raise NotFound("数据库中还没有支部。请先用 init 命令创建支部。")
    if name:
        for b in branches:
            if b.name == name:
                return b
        matches = [b for b in branches if name in b.name]
        if len(matches) == 1:
            return matches[0]
        names = "、".join(b.name for b in branches)
        raise NotFound(f"找不到支部“{name}”。数据库中的支部有：{names}。")
    if len(branches) == 1:
        return branches[0]
    names = "、".join(b.name for b in branches)
    raise ValidationError(f"数据库中有 {len(branches)} 个支部，请用 --branch 指明是哪一个：{names}。")


def resolve_branches(db: Database, name: str | None) -> list[BranchInfo]:
    """The branches a list or check covers: the one named, or every branch (a 党委's database has several)."""
    if name:
        return [resolve_branch(db, name)]
    branches = list_branches(db)
    if not branches:
        raise NotFound("数据库中还没有支部。请先用 init 命令创建支部。")
    return branches


def group_names(db: Database, branch_id: int) -> list[tuple[int, str]]:
    with db.session() as s:
        return list(s.execute(select(PartyGroup.id, PartyGroup.name)
                              .where(PartyGroup.branch_id == branch_id)
                              .order_by(PartyGroup.sort_order, PartyGroup.id)).tuples())


# ---------------------------------------------------------------- editing the branch and its committee


@dataclass(frozen=True)
class PostInfo:
    post: CommitteePost
    person_name: str
    member_id: int | None


@dataclass(frozen=True)
class TermInfo:
    id: int
    elected_on: date
    term_years: int
    ends_on: date
    posts: tuple[PostInfo, ...]


def update_branch(db: Database, branch_id: int, name: str, parent_org: str) -> BranchInfo:
    name = _clean_name(name, "支部名称")
    with db.transaction() as s:
        branch = s.get(Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        other = s.scalar(select(Branch.id).where(Branch.name == name, Branch.id != branch_id))
        if other is not None:
            raise ValidationError(f"已经有名为“{name}”的支部。")
        branch.name = name
        branch.parent_org = " ".join((parent_org or "").split())
        s.flush()
        return _info(s, branch)


def add_group(db: Database, branch_id: int, name: str) -> int:
    name = _clean_name(name, "党小组名称", 50)
    with db.transaction() as s:
        if s.scalar(select(PartyGroup.id).where(PartyGroup.branch_id == branch_id, PartyGroup.name == name)):
            raise ValidationError(f"本支部已经有“{name}”。")
        order = (s.scalar(select(func.max(PartyGroup.sort_order)).where(PartyGroup.branch_id == branch_id)) or 0) + 1
        group = PartyGroup(branch_id=branch_id, name=name, sort_order=order)
        s.add(group)
        s.flush()
        return group.id


def rename_group(db: Database, group_id: int, name: str) -> None:
    name = _clean_name(name, "党小组名称", 50)
    with db.transaction() as s:
        group = s.get(PartyGroup, group_id)
        if group is None:
            raise NotFound("这个党小组已不存在。")
        if s.scalar(select(PartyGroup.id).where(PartyGroup.branch_id == group.branch_id, PartyGroup.name == name,
                                                PartyGroup.id != group_id)):
            raise ValidationError(f"本支部已经有“{name}”。")
        group.name = name


def community_of(s, branch_ids: list[int]) -> dict[int, bool]:
    """Which of the branches are 村、社区党支部 (True) or other branches (False); a branch not yet said is
    absent."""
    scopes = {f"branch:{bid}": bid for bid in branch_ids}
    rows = s.execute(select(Setting.scope, Setting.value)
                     .where(Setting.key == COMMUNITY_KEY, Setting.scope.in_(list(scopes)))).all()
    return {scopes[scope]: bool(value) for scope, value in rows}


def is_community(db: Database, branch_id: int) -> bool | None:
    """Whether the branch is a 村、社区党支部 (None: not said yet)."""
    with db.session() as s:
        return community_of(s, [branch_id]).get(branch_id)


def set_community(db: Database, branch_id: int, community: bool) -> None:
    """Say whether the branch is a 村、社区党支部 (5-year 支委 terms) or another branch (3 years)."""
    with db.transaction() as s:
        if s.get(Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        scope = f"branch:{branch_id}"
        row = s.scalar(select(Setting).where(Setting.scope == scope, Setting.key == COMMUNITY_KEY))
        if row is None:
            s.add(Setting(scope=scope, key=COMMUNITY_KEY, value=bool(community)))
        else:
            row.value = bool(community)


def term_years(recorded: int | None, community: bool | None, overrides: dict | None = None) -> int:
    """The 支委 term in years: by the branch's kind once it is said (村、社区 5, others 3, local settings
    apply), else as recorded at the election."""
    if community is not None:
        key = "community_term_years" if community else "term_years"
        return int(rules.param_value("ELECTION-DUE", key, overrides))
    return int(recorded or rules.param_value("ELECTION-DUE", "term_years", overrides))


def default_term_years(db: Database, branch_id: int) -> int:
    """The term the next election is recorded with by default: by the branch's kind, else 3 years."""
    from dangjian_desktop.services.settings import rule_overrides

    return term_years(None, is_community(db, branch_id), rule_overrides(db))


def current_term(db: Database, branch_id: int) -> TermInfo | None:
    """The 支委 term in office (the newest one not ended); its length follows the branch's kind once said."""
    from dangjian_desktop.core.dates import add_years
    from dangjian_desktop.services.settings import overrides_in

    with db.session() as s:
        term = s.scalars(select(CommitteeTerm).where(CommitteeTerm.branch_id == branch_id,
                                                     CommitteeTerm.ended_on.is_(None))
                         .order_by(CommitteeTerm.elected_on.desc())).first()
        if term is None:
            return None
        posts = tuple(PostInfo(p.post, p.person_name, p.member_id)
                      for p in sorted(term.posts, key=lambda p: list(CommitteePost).index(p.post))
                      if p.ended_on is None)
        years = term_years(term.term_years, community_of(s, [branch_id]).get(branch_id), overrides_in(s))
        return TermInfo(term.id, term.elected_on, years, add_years(term.elected_on, years), posts)


def record_election(db: Database, branch_id: int, elected_on: date, term_years: int,
                    posts: list[tuple[CommitteePost, str]], *, today: date | None = None) -> TermInfo:
    """换届: a new 支委 term from `elected_on`; the previous term ends that day. Names are linked to
    members of the branch where they match."""
    today = today or date.today()
    if elected_on > today:
        raise ValidationError(f"选举日期 {elected_on.isoformat()} 还没有到，请填写实际选举的日期。")
    if not 1 <= term_years <= 10:
        raise ValidationError("任期应在 1 到 10 年之间（一般为3年或5年）。")
    posts = [(post, " ".join(name.split())) for post, name in posts if name and name.strip()]
    if not any(post is CommitteePost.SECRETARY for post, _ in posts):
        raise ValidationError("请填写支部书记。")
    with db.transaction() as s:
        previous = s.scalars(select(CommitteeTerm).where(CommitteeTerm.branch_id == branch_id,
                                                         CommitteeTerm.ended_on.is_(None))).all()
        for term in previous:
            if elected_on <= term.elected_on:
                raise ValidationError(f"新一届的选举日期应晚于上一届（{term.elected_on.isoformat()}）。")
            term.ended_on = elected_on
            for p in term.posts:
                p.ended_on = p.ended_on or elected_on
        term = CommitteeTerm(branch_id=branch_id, elected_on=elected_on, term_years=term_years)
        for post, name in posts:
            member_id = s.scalar(select(Member.id).where(Member.branch_id == branch_id, Member.name == name,
                                                         Member.status.in_([MemberStatus.FULL])))
            term.posts.append(CommitteePostHolder(post=post, person_name=name, member_id=member_id,
                                                  started_on=elected_on))
        s.add(term)
    return current_term(db, branch_id)


# ---------------------------------------------------------------- whether the branch has a 支部委员会


@dataclass(frozen=True)
class CommitteeInfo:
    """Whether a branch has a 支部委员会 on a day, and why (its 正式党员 or the secretary's setting)."""

    mode: CommitteeMode
    full_members: int  # 正式党员 on the roll that day
    has_committee: bool
    on: date

    @property
    def text(self) -> str:
        """One sentence for the branch settings."""
        if self.mode is CommitteeMode.AUTO:
            if self.has_committee:
                return (f"本支部现有正式党员{self.full_members}人（7人以上），设支部委员会，"
                        "提醒每月召开支委会。")
            return (f"本支部现有正式党员{self.full_members}人，不足7人，按规定不设支部委员会（只设书记）："
                    "不提醒召开支委会；《发展党员工作细则》规定由支部委员会办理的步骤由支部大会办理。")
        if self.has_committee:
            return f"已设定为设有支部委员会（现有正式党员{self.full_members}人），提醒每月召开支委会。"
        return (f"已设定为不设支部委员会（现有正式党员{self.full_members}人）：不提醒召开支委会；"
                "由支部委员会办理的发展党员步骤由支部大会办理。")


def _full_members_on(s, branch_id: int, on: date) -> int:
    from sqlalchemy.orm import selectinload

    from dangjian_desktop.services.meetings.attendance import status_on

    members = s.scalars(select(Member).where(Member.branch_id == branch_id)
                        .options(selectinload(Member.status_changes)))
    return sum(1 for mem in members if status_on(mem, on) is MemberStatus.FULL)


def committee_info(db: Database, branch_id: int, on: date | None = None) -> CommitteeInfo:
    """Whether the branch has a 支部委员会 on `on` (today): fewer than 7 正式党员 have none, unless
    the secretary set otherwise."""
    from dangjian_desktop.core.meetings import has_committee

    on = on or date.today()
    with db.session() as s:
        branch = s.get(Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        mode = CommitteeMode(branch.committee_mode or CommitteeMode.AUTO)
        full = _full_members_on(s, branch_id, on)
    return CommitteeInfo(mode, full, has_committee(full, mode.value), on)


def set_committee_mode(db: Database, branch_id: int, mode: CommitteeMode | str) -> CommitteeInfo:
    """The secretary says whether the branch has a 支部委员会 (or leaves it to the number of 正式党员)."""
    try:
        mode = CommitteeMode(mode)
    except ValueError:
        raise ValidationError(f"“{mode}”不是可选的设置：可选{('、'.join(m.label for m in CommitteeMode))}。") from None
    with db.transaction() as s:
        branch = s.get(Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        branch.committee_mode = mode
    return committee_info(db, branch_id)
