"""Attachments stay inside the data folder whatever their name; the audit log is append-only for the ORM too."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dangjian_desktop.db import models as m
from dangjian_desktop.services import attachments

NAMES = st.one_of(
    st.text(min_size=1, max_size=300),
    st.sampled_from(["../../etc/passwd", "..\\..\\windows\\system32\\x.dll", "/abs/path.txt", "C:\\x\\y.doc",
                     "CON", "nul.txt", "  .  ", "....", "a/../../b.pdf", "\x00evil.pdf", "照片?.jpg", "~", ".."]),
)


@settings(max_examples=150, deadline=None)
@given(name=NAMES)
def test_a_sanitised_name_is_one_plain_file_name(name):
    safe = attachments.safe_file_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..") and len(safe) <= 111
    assert not any(c in safe for c in '<>:"|?*')


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES)
def test_an_attachment_with_any_name_lands_inside_the_attachments_folder(demo_db, workdir, name):
    with demo_db.session() as s:
        meeting_id = s.scalar(select(m.Meeting.id))
    source = workdir / "来源" / "file.bin"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(name.encode("utf-8", "replace") or b"x")
    named = source.with_name(attachments.safe_file_name(name))  # as a file the user could pick
    named.write_bytes(source.read_bytes())
    info = attachments.add_attachment(demo_db, "meeting", meeting_id, named)
    root = demo_db.attachments_dir.resolve()
    assert root in info.path.resolve().parents
    found = attachments.attachment_path(demo_db, info.id)  # refuses a stored path outside the folder
    assert root in found.parents and found.read_bytes() == named.read_bytes()


def test_the_audit_log_refuses_changes_through_the_orm_too(db):
    with db.transaction() as s:
        s.add(m.AuditEntry(table_name="meetings", record_id=1, action="amend", reason="错别字"))
    with pytest.raises(Exception, match="append-only"):
        with db.transaction() as s:
            s.scalars(select(m.AuditEntry)).first().reason = "改掉"
    with pytest.raises(Exception, match="append-only"):
        with db.transaction() as s:
            s.delete(s.scalars(select(m.AuditEntry)).first())
    with db.session() as s:
        assert s.scalars(select(m.AuditEntry.reason)).all() == ["错别字"]
