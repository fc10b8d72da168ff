"""The packaging list and the compiled forms stay in step with the source tree."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dangjian_desktop").rglob("__init__.py")}
    found.add("dangjian_desktop.resources")
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"


def _strip_header(text: str) -> str:
    # uic writes its own version into a comment; the code below it is what must match
    return "\n".join(line for line in text.splitlines() if not line.startswith("##"))


@pytest.mark.parametrize("ui", sorted((ROOT / "forms").glob("*.ui")), ids=lambda p: p.name)
def test_compiled_form_matches_its_ui_file(ui):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_forms
    finally:
        sys.path.pop(0)
    target = build_forms.target_for(ui)
    assert target.exists(), f"run `make forms`: {target.name} is missing"
    assert _strip_header(target.read_text(encoding="utf-8")) == _strip_header(build_forms.compile_form(ui)), (
        f"{ui.name} changed: run `make forms`")


def test_ui_files_do_not_hard_code_fonts():
    for ui in (ROOT / "forms").glob("*.ui"):
        assert not re.search(r"<font>|<family>", ui.read_text(encoding="utf-8")), ui.name


def test_no_hand_written_module_is_over_800_lines():
    """A module that long wants to be a package along its seams (the generated gui/forms excepted)."""
    root = Path(__file__).resolve().parent.parent / "dangjian_desktop"
    long = {str(p.relative_to(root)): n for p in root.rglob("*.py") if "forms" not in p.relative_to(root).parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert long == {}
