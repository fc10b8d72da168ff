"""The layered shape: nothing outside gui/ imports Qt; data flows gui/cli → services → core/db."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dangjian_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(exclude: str | None = None):
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if exclude and rel.parts[0] == exclude:
            continue
        yield rel, _imports(path)


def test_nothing_outside_gui_imports_qt():
    offenders = [str(rel) for rel, names in _modules(exclude="gui")
                 if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") for n in names)]
    assert offenders == [], f"Qt imported outside gui/: {offenders}"


def test_core_uses_neither_database_nor_services():
    offenders = []
    for rel, names in _modules():
        if rel.parts[0] != "core":
            continue
        for n in names:
            if n.startswith(("sqlalchemy", "dangjian_desktop.db", "dangjian_desktop.services",
                             "dangjian_desktop.gui", "dangjian_desktop.cli")):
                offenders.append(f"{rel}: {n}")
    assert offenders == []


def test_services_do_not_import_gui_or_cli():
    offenders = [f"{rel}: {n}" for rel, names in _modules() if rel.parts[0] in ("services", "db", "reports", "io")
                 for n in names if n.startswith(("dangjian_desktop.gui", "dangjian_desktop.cli"))]
    assert offenders == []


def test_the_layering_check_sees_a_qt_import(tmp_path):
    """The scanner itself must notice a Qt import (a test that cannot fail is a defect)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(bad)
