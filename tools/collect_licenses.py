"""Gather the licence texts of everything the bundle ships into resources/licenses/ (+ index.json).

Run after changing dependencies (`make licenses`); the 关于 dialog shows these files, and
tests/test_licenses.py fails when a runtime dependency has no licence here.
"""

from __future__ import annotations

import json
import re
import sys
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"
SHIPPED_EXTRAS = ("server",)  # optional for `pip install`, always in the installers (packaging/)
# data the program carries in resources/ rather than as a package: (name, version, licence, source, file)
VENDORED = [("笔画排序数据（cn-sort 0.14.0、Unihan 14.0.0）", "2021", "MIT / Unicode-3.0",
             ROOT / "resources" / "strokes" / "README.md", "stroke-data.txt")]
COMMON = Path("/usr/share/common-licenses")  # full GPL/LGPL texts on Debian
# the licence text of a package whose wheel ships none (copied from its repository): tools/licenses/NAME.txt
KEPT = Path(__file__).resolve().parent / "licenses"

# Licences a package names but does not ship as a file in its wheel.
FALLBACK = {"pyside6-essentials": ["LGPL-3", "GPL-3"], "shiboken6": ["LGPL-3", "GPL-3"]}
NOTES = {
    "pyside6-essentials": "Qt 6 与 PySide6 以 GNU LGPL 3.0 授权随本程序分发（未作修改）。它们以独立的共享库形式"
                          "存放在安装目录的 _internal/PySide6 中，您可以用自己编译的兼容版本替换它们。"
                          "Qt 与 PySide6 的源代码可从 Qt 项目官方网站（qt.io）获得；如需我们所用版本的源代码，"
                          "可向本程序的发布者索取。",
}


def runtime_distributions() -> list[str]:
    """The distributions our program needs at run time (pyproject.toml's dependencies, read from
    the source so a stale editable install does not hide a new one), dependencies of dependencies too."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    seen: dict[str, str] = {}
    shipped = project["dependencies"] + [r for extra in SHIPPED_EXTRAS
                                         for r in project.get("optional-dependencies", {}).get(extra, [])]
    todo = [_requirement_name(r) for r in shipped]
    for req in shipped:  # extras such as psycopg[binary] bring their own package
        match = re.search(r"^[\w.-]+\[([^\]]+)\]", req)
        if match:
            todo += [f"{_requirement_name(req)}-{extra.strip()}" for extra in match.group(1).split(",")]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-only dependency that is not installed here
        key = _norm(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            if ";" in req and not _marker_applies(req.split(";", 1)[1]):
                continue
            todo.append(_requirement_name(req))
    return sorted(seen.values(), key=str.lower)


def _requirement_name(req: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", req.strip(), maxsplit=1)[0]


def _marker_applies(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:  # without packaging, keep the dependency (a licence too many is harmless)
        return True
    return Marker(marker).evaluate({"extra": ""})


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_text(dist: metadata.Distribution) -> str:
    files = [f for f in dist.files or [] if re.search(r"(licen[cs]e|copying|notice)", f.name, re.I)]
    parts = []
    for f in sorted(files, key=lambda f: str(f)):
        path = Path(dist.locate_file(f))
        if path.is_file():
            parts.append(f"==== {f.name} ====\n{path.read_text(encoding='utf-8', errors='replace').strip()}\n")
    for common in FALLBACK.get(_norm(dist.metadata["Name"]), []):
        parts.append(f"==== {common} ====\n{(COMMON / common).read_text(encoding='utf-8').strip()}\n")
    kept = KEPT / f"{_norm(dist.metadata['Name'])}.txt"
    if not parts and kept.is_file():
        parts.append(f"==== LICENSE ====\n{kept.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(parts)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    index = []
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    entries = [("Python", sys.version.split()[0], "PSF-2.0", python_licence.read_text(encoding="utf-8"), None)]
    for name in runtime_distributions():
        dist = metadata.distribution(name)
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        if len(licence) > 60 or licence in ("", "UNKNOWN"):  # some paste the whole text into License
            classifiers = [c.split("::")[-1].strip() for c in dist.metadata.get_all("Classifier") or []
                           if c.startswith("License ::")]
            licence = " / ".join(classifiers) or licence[:60]
        text = _licence_text(dist)
        if not text:
            raise SystemExit(f"{name}: no licence file found; add it to FALLBACK in {Path(__file__).name}")
        entries.append((dist.metadata["Name"], dist.version, licence, text, None))
    for name, version, licence, source, file in VENDORED:
        entries.append((name, version, licence, source.read_text(encoding="utf-8"), file))
    for name, version, licence, text, file in entries:
        file = file or f"{_norm(name)}.txt"
        note = NOTES.get(_norm(name), "")
        (OUT / file).write_text((note + "\n\n" if note else "") + text.strip() + "\n", encoding="utf-8")
        index.append({"name": name, "version": version, "license": licence, "file": file})
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(index)} licences -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
