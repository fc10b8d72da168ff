"""The shared-database connection as kept in the user config (no server needed here)."""

from __future__ import annotations

import os
import stat

import pytest

from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import server
from dangjian_desktop.userconfig import UserConfig


def test_saved_settings_come_back_and_decide_the_start(workdir):
    config = UserConfig()
    assert server.startup_target(config) is None
    wanted = server.ServerSettings(" 192.168.1.10 ", 5433, "dangwei", "zhangsan", "p@ss:word")
    server.save(config, wanted, use=True)
    again = UserConfig()  # as the next start reads it
    saved, use = server.load(again)
    assert (saved.host, saved.port, saved.database, saved.user, use) == ("192.168.1.10", 5433, "dangwei", "zhangsan", True)
    url = server.startup_target(again)
    assert url == "postgresql+psycopg://zhangsan:p%40ss%3Aword@192.168.1.10:5433/dangwei"
    assert server.settings_from_url(url).password == "p@ss:word"
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(again.path).st_mode) == 0o600
    server.stop_using(again)
    assert server.startup_target(UserConfig()) is None


@pytest.mark.parametrize("fields, message", [
    (("", 5432, "db", "u"), "服务器的地址"),
    (("h", 0, "db", "u"), "端口"),
    (("h", 5432, " ", "u"), "数据库名称"),
    (("h", 5432, "db", ""), "用户名"),
])
def test_missing_fields_are_named(fields, message):
    with pytest.raises(ValidationError, match=message):
        server.ServerSettings(*fields).url()


def test_only_postgresql_urls_are_accepted():
    with pytest.raises(ValidationError, match="只支持 PostgreSQL"):
        server.settings_from_url("mysql://a@b/c")
