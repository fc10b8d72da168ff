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


def _runtime_imports(path: Path) -> set[str]:
    """Like `_imports`, without what is imported for annotations only (under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                   for n in ast.walk(node)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


# the GUI's start opens (or checks, or creates) the database the window then works on
GUI_OPENS_THE_DATABASE = {"app.py"}


def test_gui_pages_reach_the_data_through_services():
    """Pages and dialogs call services; only the start of the program opens a database itself."""
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        rel = path.relative_to(PACKAGE / "gui")
        for n in _runtime_imports(path):
            if n.startswith("sqlalchemy") or (n.startswith("dangjian_desktop.db")
                                              and str(rel) not in GUI_OPENS_THE_DATABASE):
                offenders.append(f"gui/{rel}: {n}")
    assert offenders == []


def test_the_runtime_scanner_ignores_annotations_only(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from dangjian_desktop.db import x\n"
                      "from dangjian_desktop.db.engine import open_database\n", encoding="utf-8")
    assert _runtime_imports(sample) == {"typing", "dangjian_desktop.db.engine"}


def test_reports_are_pure_writers():
    """reports/ writes files from plain data: it imports neither services nor the database (the
    services gather the data and keep the export registry)."""
    offenders = [f"reports/{rel.relative_to('reports')}: {n}" for rel, names in _modules() if rel.parts[0] == "reports"
                 for n in names if n.startswith(("dangjian_desktop.services", "dangjian_desktop.db", "sqlalchemy"))]
    assert offenders == []


def test_the_reports_check_sees_a_services_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("if True:\n    from dangjian_desktop.services import meetings as svc\n", encoding="utf-8")
    assert "dangjian_desktop.services" in _imports(bad)
