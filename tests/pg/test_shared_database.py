"""A database shared by several secretaries: PostgreSQL specifics and concurrent editing on both backends."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError

from dangjian_desktop.cli import main as cli_main
from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.db.shared import expect_version, safe_url
from dangjian_desktop.errors import ConcurrentEdit
from dangjian_desktop.services.branches import create_branch
from tests.conftest import TODAY


def _two_members(db) -> tuple[int, int]:
    info = create_branch(db, "光明社区第一党支部", "中共光明街道工作委员会", "张三", groups=["第一党小组"])
    with db.transaction() as s:
        ids = []
        for name in ("李四", "王芳"):
            row = m.Member(branch_id=info.id, name=name, joined_on=date(2001, 7, 1))
            s.add(row)
            s.flush()
            ids.append(row.id)
    return ids[0], ids[1]


# ------------------------------------------------------------------ PostgreSQL schema details


def test_server_defaults_booleans_and_json_round_trip(db):
    info = create_branch(db, "第二党支部", "", "")
    with db.transaction() as s:
        s.execute(insert(m.Member).values(branch_id=info.id, name="赵六"))
        applicant = m.Applicant(branch_id=info.id, name="钱七", rule_catalog_version="2014")
        s.add(applicant)
        s.flush()
        s.add(m.DevelopmentStep(applicant_id=applicant.id, step_no=9,
                                people=[{"role": "入党介绍人", "name": "王芳", "member_id": 2}],
                                details={"结论": "合格", "学时": 24, "通过": True}))
    with db.session() as s:
        member = s.scalars(select(m.Member).where(m.Member.name == "赵六")).one()
        assert (member.is_floating, member.is_lost_contact, member.status, member.version) == (
            False, False, MemberStatus.FULL, 1)
        assert member.created_at is not None and member.notes == ""
        step = s.scalars(select(m.DevelopmentStep)).one()
        assert step.people[0]["name"] == "王芳"
        assert step.details == {"结论": "合格", "学时": 24, "通过": True}


def test_sessions_wait_a_few_seconds_for_a_lock_and_never_jit_compile(db):
    """Each connection gives up on a locked row after lock_timeout, and runs without JIT: compiling
    check's per-member query took over a second a branch against 50 ms to run it (bench pg-check)."""
    with db.session() as s:
        assert s.execute(text("SHOW jit")).scalar() == "off"
        assert s.execute(text("SHOW lock_timeout")).scalar() not in ("0", "")


def test_an_attachment_must_have_exactly_one_owner(db):
    info = create_branch(db, "第三党支部", "", "")
    with db.transaction() as s:
        member = m.Member(branch_id=info.id, name="孙八")
        meeting = m.Meeting(branch_id=info.id, type="committee", held_on=date(2026, 3, 1))
        s.add_all([member, meeting])
    with pytest.raises(IntegrityError):
        with db.transaction() as s:
            s.add(m.Attachment(member_id=member.id, meeting_id=meeting.id, file_name="a.jpg",
                               stored_path="a.jpg", sha256="0" * 64, size=1))
    with db.transaction() as s:
        s.add(m.Attachment(member_id=member.id, file_name="a.jpg", stored_path="a.jpg", sha256="0" * 64, size=1))


def test_after_the_demo_new_records_get_new_ids(demo_db):
    # the demo writes ids itself; PostgreSQL's id counters must have caught up
    info = create_branch(demo_db, "新建党支部", "", "", groups=["第一党小组"])
    with demo_db.transaction() as s:
        s.add(m.Member(branch_id=info.id, name="新党员"))
    with demo_db.session() as s:
        assert s.scalar(select(m.Member.id).where(m.Member.name == "新党员")) == s.scalar(
            select(text("max(id)")).select_from(m.Member))


def test_the_demo_is_the_same_on_both_backends(demo_db, workdir):
    from dangjian_desktop.services.demo import make_demo

    lite = open_database(workdir / "对照.db", create=True)
    make_demo(lite, seed=1, today=TODAY)

    def dump(d):
        with d.session() as s:
            return (s.execute(select(m.Member.name, m.Member.id_number, m.Member.joined_on).order_by(m.Member.id)).all(),
                    s.execute(select(m.Meeting.type, m.Meeting.held_on, m.Meeting.present).order_by(m.Meeting.id)).all())

    assert dump(lite) == dump(demo_db)

    # every table, row for row (on PostgreSQL the demo is written with COPY: JSON, enums and the
    # defaults an INSERT fills in must come out the same), less the times the server stamps
    def rows(d, table):
        columns = [c for c in table.c if c.name not in ("created_at", "updated_at")]
        with d.session() as s:
            return s.execute(select(*columns).order_by(*table.primary_key.columns)).all()

    for table in m.Base.metadata.sorted_tables:
        assert rows(lite, table) == rows(demo_db, table), table.name

    # and `check` finds the same on both (some of its queries are written per backend for speed)
    from dangjian_desktop.services.check import run_check

    def found(d):
        return [(f.rule, f.subject, f.date, f.message) for f in run_check(d, None, TODAY)]

    assert found(lite) == found(demo_db)
    assert any(rule == "MEMBER-INACTIVE-6M" for rule, *_ in found(lite))
    lite.close()


# ------------------------------------------------------------------ several users at once


def test_two_users_editing_different_members_do_not_wait_for_each_other(any_db):
    first, second = _two_members(any_db)
    holding = threading.Event()
    release = threading.Event()

    def slow_user():
        with any_db.transaction() as s:
            s.get(m.Member, first).phone = "13800000001"
            s.flush()  # the row is written (and locked) but not committed yet
            holding.set()
            release.wait(5)

    other = threading.Thread(target=slow_user)
    other.start()
    assert holding.wait(5)
    started = time.monotonic()
    if any_db.is_sqlite:  # one writer at a time: the second waits for the first, then saves
        threading.Timer(0.3, release.set).start()
    with any_db.transaction() as s:
        s.get(m.Member, second).phone = "13800000002"
    waited = time.monotonic() - started
    release.set()
    other.join(5)
    with any_db.session() as s:
        assert [s.get(m.Member, i).phone for i in (first, second)] == ["13800000001", "13800000002"]
    if any_db.is_sqlite:
        assert waited < 2
    else:  # row locks: the second user is not held up by the first at all
        assert waited < 0.5


def test_the_same_member_saved_twice_tells_the_second_user(any_db):
    first, _ = _two_members(any_db)
    with any_db.session() as s:  # both secretaries open the same member
        seen_by_a = s.get(m.Member, first).version
    seen_by_b = seen_by_a
    with any_db.transaction() as s:  # A saves first
        row = s.get(m.Member, first)
        expect_version(row, seen_by_a)
        row.phone = "13900000000"
    with pytest.raises(ConcurrentEdit, match="党员信息在您打开之后已被其他人修改"):
        with any_db.transaction() as s:  # B saves what they typed over the old version
            row = s.get(m.Member, first)
            expect_version(row, seen_by_b)
            row.phone = "13711111111"
    with any_db.session() as s:
        assert s.get(m.Member, first).phone == "13900000000"


def test_a_row_changed_under_an_open_edit_is_not_overwritten(db):
    # PostgreSQL only (`db` is a server database here): SQLite lets one writer in at a time
    first, _ = _two_members(db)
    with pytest.raises(ConcurrentEdit, match="党员信息刚刚已被其他人修改"):
        with db.transaction() as s:
            row = s.get(m.Member, first)  # loaded with version 1
            row.name = "李四（改）"
            with db.engine.connect() as other:  # meanwhile a second secretary saves the same row
                other.execute(update(m.Member).where(m.Member.id == first)
                              .values(address="幸福路2号", version=m.Member.version + 1))
                other.commit()
    with db.session() as s:
        assert (s.get(m.Member, first).name, s.get(m.Member, first).address) == ("李四", "幸福路2号")


def test_saving_a_copy_read_before_someone_else_saved_is_refused(any_db):
    first, _ = _two_members(any_db)
    stale = any_db.session()
    row = stale.get(m.Member, first)  # version 1 kept in this session
    stale.commit()
    with any_db.transaction() as s:
        s.get(m.Member, first).address = "光明路1号"
    with pytest.raises(ConcurrentEdit, match="党员信息刚刚已被其他人修改"):
        with any_db.transaction() as s:
            merged = s.merge(row, load=False)
            merged.address = "幸福路2号"
    stale.close()
    with any_db.session() as s:
        assert s.get(m.Member, first).address == "光明路1号"


# ------------------------------------------------------------------ command line and messages


def test_the_cli_works_on_a_server_database(pg_url, capsys, workdir):
    assert cli_main(["--db", pg_url, "demo", "--seed", "3", "--as-of", "2026-11-23"]) == 0
    assert "演示数据已写入" in capsys.readouterr().out
    assert cli_main(["--db", pg_url, "check", "--as-of", "2026-11-23", "--json"]) == 0
    assert '"findings"' in capsys.readouterr().out


def test_an_unreachable_server_is_one_clear_sentence(pg_server, capsys, workdir):
    url = f"postgresql+psycopg://dangjian:机密@127.0.0.1:{pg_server.port}/没有这个库"
    assert cli_main(["--db", url, "check"]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库服务器" in err and "没有名为“没有这个库”的数据库" in err
    assert "机密" not in err and "Traceback" not in err


def test_passwords_are_never_shown():
    assert safe_url("postgresql+psycopg://zhang:secret@10.0.0.5:5432/dangwei") == \
        "postgresql+psycopg://zhang:***@10.0.0.5:5432/dangwei"


def test_the_open_database_never_shows_the_password(pg_server, workdir):
    server_db = pg_server.create_database()
    pg_server._admin("ALTER ROLE dangjian PASSWORD 'zhimi-123'")  # trust auth: accepted, not checked
    url = pg_server.url(server_db).replace("dangjian@", "dangjian:zhimi-123@")
    database = open_database(url)
    try:
        assert "zhimi-123" not in database.url and "***" in database.url
        with database.session() as s:  # the engine still has what it needs to connect
            assert s.scalar(text("select 1")) == 1
    finally:
        database.close()
        pg_server.drop_database(server_db)


def test_the_head_read_from_the_scripts_is_alembics(monkeypatch, tmp_path):
    # a database at the head opens without importing Alembic; the shortcut must agree with it
    from dangjian_desktop.db import engine as engine_mod
    from tests.db.test_migrations import _migrations_with_extra

    assert engine_mod._head_from_files() == engine_mod.head_revision()
    monkeypatch.setattr(engine_mod, "MIGRATIONS", _migrations_with_extra(tmp_path, "    pass"))
    assert engine_mod._head_from_files() == engine_mod.head_revision() == "9000"


def _chunks(db) -> int:
    from sqlalchemy import func, select

    from dangjian_desktop.db import models as m

    with db.session() as s:
        return s.scalar(select(func.count()).select_from(m.AttachmentChunk))


def test_an_attachment_added_on_one_pc_opens_on_another(demo_db, workdir):
    """Attachments travel in the shared database; another PC's data folder fills as files are opened."""
    import dataclasses
    import os

    from dangjian_desktop.services import attachments as att

    src = workdir / "签到表（扫描）.jpg"
    content = os.urandom(att.CHUNK_BYTES * 2 + 123)  # three chunks
    src.write_bytes(content)
    info = att.add_attachment(demo_db, "meeting", 1, src)
    other_pc = dataclasses.replace(demo_db, files_dir=workdir / "另一台电脑")
    path = att.attachment_path(other_pc, info.id)
    assert path.read_bytes() == content and other_pc.attachments_dir in path.parents
    assert _chunks(demo_db) == 3
    # the same file on a second record shares the stored bytes; removing one record keeps them
    second = att.add_attachment(demo_db, "meeting", 2, src)
    assert _chunks(demo_db) == 3
    att.remove_attachment(demo_db, info.id)
    third_pc = dataclasses.replace(demo_db, files_dir=workdir / "第三台电脑")
    assert att.attachment_path(third_pc, second.id).read_bytes() == content
    att.remove_attachment(demo_db, second.id)
    assert _chunks(demo_db) == 0


def test_a_damaged_attachment_on_the_server_is_refused_and_nothing_half_written(demo_db, workdir):
    import dataclasses

    from sqlalchemy import update

    from dangjian_desktop.db import models as m
    from dangjian_desktop.errors import ValidationError
    from dangjian_desktop.services import attachments as att

    src = workdir / "会议照片.png"
    src.write_bytes(b"\x89PNG photo of the meeting")
    info = att.add_attachment(demo_db, "meeting", 1, src)
    with demo_db.transaction() as s:
        s.execute(update(m.AttachmentChunk).values(data=b"\x89PNG something else"))
    other_pc = dataclasses.replace(demo_db, files_dir=workdir / "另一台电脑")
    with pytest.raises(ValidationError, match="校验值不符"):
        att.attachment_path(other_pc, info.id)
    assert not [p for p in other_pc.files_dir.rglob("*") if p.is_file()]


def test_the_bytes_of_attachments_that_went_with_a_cleared_step_are_dropped(db, workdir):
    from dangjian_desktop.services import attachments as att
    from dangjian_desktop.services import development as dev
    from tests.services.test_development import new_applicant, walk

    branch = create_branch(db, "测试支部")
    a = walk(db, new_applicant(db, branch), 3)
    talk = workdir / "谈话记录.pdf"
    talk.write_bytes(b"%PDF talk")
    att.add_attachment(db, "step", dev.applicant_detail(db, a.id).step(3).id, talk)
    letter = workdir / "入党申请书.pdf"
    letter.write_bytes(b"%PDF letter")
    kept = att.add_attachment(db, "step", dev.applicant_detail(db, a.id).step(1).id, letter)
    assert _chunks(db) == 2
    dev.clear_step(db, a.id, 3)  # the step's attachment goes with it (ON DELETE CASCADE)
    assert _chunks(db) == 1
    assert att.attachment_path(db, kept.id).read_bytes() == b"%PDF letter"


def test_after_the_demo_the_planner_knows_the_new_rows(db):
    """A bulk load is followed by ANALYZE (db.shared.gather_statistics): without statistics PostgreSQL
    planned `check`'s queries over a 党委's attendance blind, with sequential scans (4.4–5.0 s, not 2.9 s)."""
    from dangjian_desktop.services.demo import make_demo

    make_demo(db, seed=1, today=TODAY)
    with db.engine.connect() as conn:
        known = dict(conn.execute(text(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN ('attendance', 'meetings', 'members')")).all())
        counted = conn.execute(text("SELECT count(*) FROM attendance")).scalar()
    assert known["attendance"] == counted > 1000  # -1 (never analysed) without it
    assert known["meetings"] > 0 and known["members"] > 0
