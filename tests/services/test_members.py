"""Members: add, edit, refuse what cannot be true, leave the roll with history, delete a mistake."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.db.models import AuditEntry, MemberStatusChange
from dangjian_desktop.errors import ConcurrentEdit, ValidationError
from dangjian_desktop.services import members as ms
from dangjian_desktop.services.branches import create_branch, group_names
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


@pytest.fixture
def branch(db):
    return create_branch(db, "测试第一党支部", groups=["第一党小组", "第二党小组"])


def fields(name="张三", born=date(1980, 5, 17), male=True, seq=1, **kw) -> MemberFields:
    f = MemberFields(name=name, id_number=id_for(born, male, seq), joined_on=date(2005, 7, 1),
                     full_member_on=date(2006, 7, 1))
    for k, v in kw.items():
        setattr(f, k, v)
    return f


def test_create_fills_birth_date_sex_and_name_keys(db, branch):
    m = ms.create_member(db, branch.id, fields(), today=TODAY)
    assert m.birth_date == date(1980, 5, 17) and m.gender is Gender.MALE
    assert m.name_initials == "zs" and m.name_strokes
    assert m.party_age(TODAY) == 20 and m.years_since_joining(TODAY) == 21


def test_same_id_number_twice_is_refused(db, branch):
    ms.create_member(db, branch.id, fields(), today=TODAY)
    with pytest.raises(ValidationError, match="已经登记给 张三"):
        ms.create_member(db, branch.id, fields(name="张叁"), today=TODAY)
    assert "id_number" in ms.check_fields(db, fields(name="张叁"), today=TODAY)
    assert len(ms.list_members(db, branch.id)) == 1


def test_refused_values_say_which_field(db, branch):
    with pytest.raises(ValidationError, match="转正日期"):
        ms.create_member(db, branch.id, fields(full_member_on=date(2006, 1, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="入党日期"):
        ms.create_member(db, branch.id, fields(joined_on=date(1990, 1, 1), full_member_on=date(1991, 1, 1)),
                         today=TODAY)
    assert ms.list_members(db, branch.id) == []


def test_update_and_becoming_full_member_is_history(db, branch):
    m = ms.create_member(db, branch.id, fields(joined_on=date(2025, 9, 1), full_member_on=None,
                                                status=MemberStatus.PROBATIONARY), today=TODAY)
    f = m.fields()
    f.status, f.full_member_on = MemberStatus.FULL, date(2026, 9, 1)
    f.group_id = group_names(db, branch.id)[1][0]
    saved = ms.update_member(db, m.id, f, version=m.version, today=TODAY)
    assert saved.status is MemberStatus.FULL and saved.group == "第二党小组"
    assert [h.status for h in ms.status_history(db, m.id)] == [MemberStatus.FULL]
    with pytest.raises(ConcurrentEdit):
        ms.update_member(db, m.id, f, version=m.version, today=TODAY)  # the old version


def test_leaving_the_roll_keeps_the_person_and_the_history(db, branch):
    m = ms.create_member(db, branch.id, fields(), today=TODAY)
    with pytest.raises(ValidationError, match="转往的党组织"):
        ms.leave_roll(db, m.id, MemberStatus.TRANSFERRED_OUT, date(2026, 10, 1), today=TODAY)
    gone = ms.leave_roll(db, m.id, MemberStatus.TRANSFERRED_OUT, date(2026, 10, 1),
                         destination="XX街道第二党支部", today=TODAY)
    assert gone.status is MemberStatus.TRANSFERRED_OUT and not gone.on_roll
    history = ms.status_history(db, m.id)
    assert history[-1].destination == "XX街道第二党支部" and history[-1].changed_on == date(2026, 10, 1)
    assert [x.name for x in ms.list_members(db, branch.id)] == ["张三"]
    assert ms.list_members(db, branch.id, on_roll_only=True) == []
    with pytest.raises(ValidationError, match="已经不在名册上"):
        ms.leave_roll(db, m.id, MemberStatus.DECEASED, date(2026, 11, 1), today=TODAY)


def test_delete_a_mistaken_entry_is_logged(db, branch):
    m = ms.create_member(db, branch.id, fields(), today=TODAY)
    with pytest.raises(ValidationError, match="原因"):
        ms.delete_member(db, m.id, "")
    ms.delete_member(db, m.id, "误录入")
    assert ms.list_members(db, branch.id) == []
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "members")).one()
        assert entry.action == "delete" and entry.reason == "误录入" and entry.old["name"] == "张三"
        assert s.scalars(select(MemberStatusChange)).all() == []


def test_delete_refused_once_the_person_has_attendance(demo_db):
    from dangjian_desktop.db.models import Attendance

    with demo_db.session() as s:
        member_id = s.scalars(select(Attendance.member_id)).first()
    with pytest.raises(ValidationError, match="离开名册"):
        ms.delete_member(demo_db, member_id, "误录入")


def test_order_by_strokes_then_pinyin(db, branch):
    for i, name in enumerate(["谢军", "张伟", "丁一", "王芳", "刘洋", "赵敏"], start=1):
        ms.create_member(db, branch.id, fields(name=name, seq=i), today=TODAY)
    assert [m.name for m in ms.list_members(db, branch.id)] == ["丁一", "王芳", "刘洋", "张伟", "赵敏", "谢军"]
    assert [m.name for m in ms.list_members(db, branch.id, order="pinyin")] == \
        ["丁一", "刘洋", "王芳", "谢军", "张伟", "赵敏"]


def test_json_has_the_cli_keys(db, branch):
    m = ms.create_member(db, branch.id, fields(), today=TODAY)
    data = m.as_json()
    for key in ("id", "name", "gender", "id_number", "birth_date", "joined_on", "full_member_on", "status",
                "group", "branch"):
        assert key in data
    assert data["status"] == "full" and data["gender"] == "male" and data["joined_on"] == "2005-07-01"
