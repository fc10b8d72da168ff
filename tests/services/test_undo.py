"""撤销 a deletion: everything the delete removed comes back with the same ids; files are kept until closing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dangjian_desktop.db import models as m
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import attachments as att
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import undo
from dangjian_desktop.services.meetings import records


def counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in m.Base.metadata.sorted_tables
                if t.name != "audit_log"}


def test_a_meeting_comes_back_whole_with_its_attendance_and_votes(demo_db):
    with demo_db.session() as s:
        meeting_id = s.scalar(select(m.Meeting.id).join(m.Attendance).group_by(m.Meeting.id).limit(1))
    before = counts(demo_db)
    deleted = undo.delete(demo_db, "meetings", meeting_id, "这次会议记录", records.delete_meeting, reason="误录")
    assert counts(demo_db)["attendance"] < before["attendance"]
    assert undo.restore(demo_db, deleted) == "已恢复这次会议记录"
    assert counts(demo_db) == before
    with pytest.raises(ValidationError):
        undo.restore(demo_db, deleted)


def test_a_removed_attachment_comes_back_with_its_file(demo_db, workdir):
    with demo_db.session() as s:
        meeting_id = s.scalar(select(m.Meeting.id).limit(1))
    photo = workdir / "合影.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"photo" * 100)
    a = att.add_attachment(demo_db, "meeting", meeting_id, str(photo))
    with demo_db.session() as s:
        stored = s.get(m.Attachment, a.id).stored_path
    path = demo_db.attachments_dir / stored
    assert path.exists()
    deleted = undo.delete(demo_db, "attachments", a.id, "附件“合影.jpg”", att.remove_attachment)
    assert not path.exists()  # the delete dropped the file ...
    undo.restore(demo_db, deleted)
    assert att.attachment_path(demo_db, a.id).read_bytes() == photo.read_bytes()  # ... and it is back


def test_a_member_comes_back_and_what_pointed_at_them_points_again(db):
    from datetime import date

    from dangjian_desktop.core.member_check import MemberFields
    from dangjian_desktop.services.branches import create_branch

    branch = create_branch(db, "测试支部")
    made = ms.create_member(db, branch.id, MemberFields(name="张三", id_number="110101199003074514",
                                                        joined_on=date(2015, 7, 1), full_member_on=date(2016, 7, 1)))
    deleted = undo.delete(db, "members", made.id, "张三的记录", ms.delete_member, "误录入")
    assert not any(x.name == "张三" for x in ms.list_members(db, branch.id))
    undo.restore(db, deleted)
    back = ms.get_member(db, made.id)
    assert (back.name, back.id_number, back.joined_on) == ("张三", "110101199003074514", date(2015, 7, 1))
    with db.session() as s:
        assert s.scalar(select(m.AuditEntry.action).where(m.AuditEntry.record_id == made.id)
                        .order_by(m.AuditEntry.id.desc()).limit(1)) == "restore"


def test_the_kept_copies_go_when_forgotten(demo_db, workdir):
    with demo_db.session() as s:
        meeting_id = s.scalar(select(m.Meeting.id).limit(1))
    photo = workdir / "签到表.png"
    photo.write_bytes(b"\x89PNG" + b"x" * 50)
    a = att.add_attachment(demo_db, "meeting", meeting_id, str(photo))
    deleted = undo.delete(demo_db, "attachments", a.id, "附件", att.remove_attachment)
    kept = [copy for _s, copy in deleted.files]
    assert kept and all(c.exists() for c in kept)
    assert demo_db.files_dir in kept[0].parents  # in the database's own folder, not the shared temp folder
    undo.forget([deleted])
    assert not any(c.exists() for c in kept)
