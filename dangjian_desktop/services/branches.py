"""Branches, their 党小组 and 支委 terms: creating a branch, listing and finding them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from dangjian_desktop.core.glossary import CommitteePost, MemberStatus
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Branch, CommitteePostHolder, CommitteeTerm, Member, PartyGroup
from dangjian_desktop.errors import NotFound, ValidationError


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
    with db.session() as s:
        return [_info(s, b) for b in s.scalars(select(Branch).order_by(Branch.sort_order, Branch.id))]


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


def group_names(db: Database, branch_id: int) -> list[tuple[int, str]]:
    with db.session() as s:
        return list(s.execute(select(PartyGroup.id, PartyGroup.name)
                              .where(PartyGroup.branch_id == branch_id)
                              .order_by(PartyGroup.sort_order, PartyGroup.id)).tuples())
