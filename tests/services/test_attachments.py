
import pytest

from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import attachments as att
from dangjian_desktop.services.branches import create_branch


@pytest.mark.parametrize("raw, safe", [
    ("签到表.jpg", "签到表.jpg"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\张三\\照片:1.png", "照片_1.png"),
    ("CON.txt", "_CON.txt"),
    ("   .  ", "附件"),
])
def test_file_names_are_sanitised(raw, safe):
    assert att.safe_file_name(raw) == safe


def test_a_file_is_copied_in_and_found_again(demo_db, workdir):
    src = workdir / "签到表 (扫描).jpg"
    src.write_bytes(b"\xff\xd8scan")
    info = att.add_attachment(demo_db, "meeting", 1, src)
    assert info.path.read_bytes() == b"\xff\xd8scan"
    assert demo_db.attachments_dir in info.path.parents
    src.unlink()  # the original may go; the copy stays
    assert att.attachment_path(demo_db, info.id).exists()
    assert [a.file_name for a in att.list_attachments(demo_db, "meeting", 1)] == ["签到表 (扫描).jpg"]
    att.remove_attachment(demo_db, info.id)
    assert not info.path.exists()


def test_attaching_to_a_missing_record_writes_nothing(db, workdir):
    create_branch(db, "测试支部")
    src = workdir / "a.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(NotFound):
        att.add_attachment(db, "meeting", 999, src)
    assert att.list_attachments(db, "meeting", 999) == []
    with pytest.raises(ValidationError):
        att.add_attachment(db, "meeting", 1, workdir / "不存在.jpg")


def test_a_local_database_keeps_attachments_as_files_only(demo_db, workdir):
    """The chunks table is for shared server databases; a local file's attachments stay in its folder."""
    from sqlalchemy import func, select

    from dangjian_desktop.db import models as m

    src = workdir / "签到表.jpg"
    src.write_bytes(b"\xff\xd8scan")
    info = att.add_attachment(demo_db, "meeting", 1, src)
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.AttachmentChunk)) == 0
    info.path.unlink()  # gone from the folder: nothing to fetch it from
    with pytest.raises(NotFound, match="已不在数据文件夹中"):
        att.attachment_path(demo_db, info.id)
