"""`dangjian --help`, a usage error and `export --help` without loading what they do not need (issue 26):
SQLAlchemy and the writers cost most of a second, and a person typing --help waits for all of it."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from dangjian_desktop.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print("LOADED", *sorted(m for m in ("sqlalchemy", "docx", "openpyxl", "xlsxwriter") if m in sys.modules))
"""


def _loaded(argv: list[str]) -> tuple[list[str], str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                         timeout=60)
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
    return line.split()[1:], out.stdout + out.stderr


def test_help_and_usage_errors_load_no_database_layer_nor_writers():
    for argv in (["--help"], ["members", "--help"], ["no-such-command"]):
        loaded, text = _loaded(argv)
        assert loaded == [], (argv, loaded)
        assert "用法" in text or "usage" in text


def test_export_help_still_lists_every_kind_with_its_name():
    from dangjian_desktop.services.exports import kinds

    loaded, text = _loaded(["export", "--help"])
    flat = "".join(text.split())
    for k in kinds():
        assert f"{k.key}（{k.label}）" in flat
