"""The packaging list and the compiled forms stay in step with the source tree."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dangjian_desktop").rglob("__init__.py")}
    # resources/ is installed as dangjian_desktop.resources; each of its folders is a data package
    # (setuptools warns, and will one day stop installing, data folders that are not listed)
    found.add("dangjian_desktop.resources")
    found |= {"dangjian_desktop.resources." + ".".join(p.relative_to(ROOT / "resources").parts)
              for p in (ROOT / "resources").rglob("*") if p.is_dir() and p.name != "__pycache__"}
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert listed - found == set(), "these packages in [tool.setuptools] packages no longer exist"
    data = setuptools["package-data"]
    for package in found:
        if package.startswith("dangjian_desktop.resources."):
            assert package in data, f"add {package} to [tool.setuptools.package-data]"


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


def test_the_wheel_builds_without_warnings_and_carries_the_resources(tmp_path):
    """`make run`/`make test` install the project with pip: setuptools has nothing to warn about, and
    every file of resources/ lands in the package (a folder it does not know would be left out)."""
    import subprocess
    import zipfile

    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(tmp_path),
                             str(ROOT)], capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "Warning" not in output and "would be ignored" not in output, output
    (wheel,) = tmp_path.glob("dangjian_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {"dangjian_desktop/resources/" + p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*")
               if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts}
    assert shipped and shipped - names == set()
    assert {"dangjian_desktop/db/migrations/env.py", "dangjian_desktop/db/migrations/script.py.mako"} <= names
