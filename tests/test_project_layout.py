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


def test_no_hand_written_module_is_over_800_lines():
    """A module that long wants to be a package along its seams (the generated gui/forms excepted)."""
    root = Path(__file__).resolve().parent.parent / "dangjian_desktop"
    long = {str(p.relative_to(root)): n for p in root.rglob("*.py") if "forms" not in p.relative_to(root).parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert long == {}


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


def test_the_readme_names_the_system_packages_make_run_checks():
    """README 开发 lists what a fresh Debian 12 needs; `make run`/`make test` check exactly that list."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    value = re.search(r"^RUN_PACKAGES := ((?:.*\\\n)*.*)$", makefile, re.M).group(1)
    checked = [p.strip("'").split("|")[0] for p in value.replace("\\\n", " ").split()]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("Qt 还需要这些系统库"):]
    block = block[block.index("```") + 3:]
    block = block[:block.index("```")]
    named = block.replace("\\\n", " ").split()
    assert named[:3] == ["sudo", "apt-get", "install"]
    assert named[3:] == checked
    assert (ROOT / "tools" / "system-packages").stat().st_mode & 0o111


def test_system_packages_is_quiet_when_all_are_there_and_names_the_missing_ones():
    import os
    import shutil
    import subprocess

    if shutil.which("dpkg-query") is None:
        pytest.skip("不是 Debian 系统")
    script = str(ROOT / "tools" / "system-packages")
    # as an ordinary user, so that a missing package is named rather than installed
    as_user = [] if os.geteuid() else ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    present = subprocess.run([*as_user, script, "dpkg", "no-such-font|dpkg"], capture_output=True, text=True)
    assert present.returncode == 0 and present.stdout == present.stderr == ""
    missing = subprocess.run([*as_user, script, "dpkg", "no-such-package-zz", "no-such-font|no-other-font"],
                             capture_output=True, text=True)
    assert missing.returncode == 1
    assert "sudo apt-get install no-such-package-zz no-such-font\n" in missing.stderr
