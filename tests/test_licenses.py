"""Every library the program ships has its licence in resources/licenses (shown in 关于)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENSES = ROOT / "resources" / "licenses"


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_has_a_licence_file():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import collect_licenses
    finally:
        sys.path.pop(0)
    index = json.loads((LICENSES / "index.json").read_text(encoding="utf-8"))
    listed = {_norm(e["name"]) for e in index}
    needed = {_norm(n) for n in collect_licenses.runtime_distributions()}
    assert needed - listed == set(), "run `make licenses` after adding a dependency"
    for entry in index:
        text = (LICENSES / entry["file"]).read_text(encoding="utf-8")
        assert len(text) > 200, entry["file"]


def test_qt_lgpl_text_and_notice_are_included():
    text = (LICENSES / "pyside6-essentials.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text  # LGPL-3 builds on the GPL-3 text
    assert "替换" in text  # the user may replace the Qt libraries
