"""Build the one-folder bundle (PyInstaller) and, on Debian-family systems, the .deb for 统信UOS/麒麟.

    python packaging/build.py              # bundle + .deb, and the Debian 11 .deb (what `make package` runs)
    python packaging/build.py --no-legacy  # bundle + this system's .deb only
    python packaging/build.py --bundle     # bundle only (Windows CI, then Inno Setup)

A build is cached under dist/ keyed on the sources, the installed packages and the Python
version: running it again without changes takes a second instead of minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "dangjian-desktop"
KEY_FILE = DIST / ".package-key"
LOCK_FILE = ROOT / "build" / ".package.lock"
WORK = ROOT / "build" / "pyinstaller"
DEB_DIR = ROOT / "packaging" / "deb"
PACKAGE = "dangjian-desktop"
INSTALL_DIR = "/opt/dangjian-desktop"
SIZE_LIMIT_MB = 200  # the target for the unpacked bundle

# Libraries PyInstaller copies from the build machine that the target system must provide itself:
# a bundled fontconfig/freetype may not understand the system's font configuration, a bundled
# libstdc++ older than the one Mesa's GL drivers were built with stops them loading, and X11/xcb/
# D-Bus/GLib are part of every desktop. Package names are those of Debian 10 to 12, Ubuntu 20.04+,
# 统信UOS 20 and 麒麟 V10 alike.
UNBUNDLE = {
    r"libstdc\+\+\.so\.6": "libstdc++6",
    r"libgcc_s\.so\.1": "libgcc-s1 | libgcc1",
    r"libfontconfig\.so\.1": "libfontconfig1",
    r"libfreetype\.so\.6": "libfreetype6",
    r"libdbus-1\.so\.3": "libdbus-1-3",
    r"lib(glib|gobject|gio|gmodule|gthread)-2\.0\.so\.0": "libglib2.0-0",
    r"libX11\.so\.6": "libx11-6",
    r"libX11-xcb\.so\.1": "libx11-xcb1",
    r"libXau\.so\.6": "libxau6",
    r"libXdmcp\.so\.6": "libxdmcp6",
    r"libXext\.so\.6": "libxext6",
    r"libXrender\.so\.1": "libxrender1",
    r"libxcb\.so\.1": "libxcb1",
    r"libxcb-(glx|randr|render|shape|shm|sync|xfixes|xkb)\.so\.(\d+)": "libxcb-{0}{1}",
    r"libxcb-icccm\.so\.4": "libxcb-icccm4",
    r"libxcb-image\.so\.0": "libxcb-image0",
    r"libxcb-keysyms\.so\.1": "libxcb-keysyms1",
    r"libxcb-render-util\.so\.0": "libxcb-render-util0",
    r"libxkbcommon\.so\.0": "libxkbcommon0",
    r"libxkbcommon-x11\.so\.0": "libxkbcommon-x11-0",
    # printing (print preview of minutes): the system's CUPS client matches its own cupsd and settings
    r"libcups\.so\.2": "libcups2",
}
# Always needed, whatever ldd says: Qt opens these with dlopen, fontconfig needs its config files.
BASE_DEPENDS = ["libgl1", "libegl1", "fontconfig-config", "libxcb1"]
RECOMMENDS = ["fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"]
# Package names for libraries that stay outside the bundle (found by ldd on the build machine).
SYSTEM_PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libGLX.so.0": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLdispatch.so.0": "libgl1", "libdrm.so.2": "libdrm2", "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
}
# Plugins that load only if the desktop has these (GTK theme, Wayland): not a hard dependency.
# The GTK theme plugin (libqgtk3.so) also needs what GTK itself needs (ATK, cairo, pango, gdk-pixbuf):
# where the build machine lacks GTK (the Debian 11 build root) these stay outside, brought by GTK.
OPTIONAL_LIBS = {"libgtk-3.so.0", "libgdk-3.so.0", "libwayland-client.so.0", "libwayland-cursor.so.0",
                 "libwayland-egl.so.1", "libatk-1.0.so.0", "libcairo.so.2", "libcairo-gobject.so.2",
                 "libgdk_pixbuf-2.0.so.0", "libpango-1.0.so.0", "libpangocairo-1.0.so.0"}
GLIBC_LIBS = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2",
              "ld-linux-x86-64.so.2", "libutil.so.1", "libcrypt.so.1", "ld-linux-aarch64.so.1"}


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def log(text: str) -> None:
    print(f"[package] {text}", flush=True)


# ---------------------------------------------------------------------------------------- cache

def source_key() -> str:
    """A digest of everything that goes into the bundle: sources, resources, packaging, installed packages."""
    h = hashlib.sha256()
    h.update(sys.version.encode())
    files = [ROOT / "pyproject.toml"]
    for folder in ("dangjian_desktop", "resources", "packaging"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    h.update(freeze.encode())
    h.update(shutil.which("dpkg-deb").encode() if shutil.which("dpkg-deb") else b"")
    return h.hexdigest()


_lock_depth = 0


@contextlib.contextmanager
def build_lock():
    """One build (or test of the built files) at a time in this working tree; others wait.
    Re-entrant within one process, so a test can hold it around build() and its checks."""
    global _lock_depth
    if _lock_depth:
        _lock_depth += 1
        try:
            yield
        finally:
            _lock_depth -= 1
        return
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: CI runs one build at a time anyway
            fcntl = None
        if fcntl:
            fcntl.flock(handle, fcntl.LOCK_EX)
        _lock_depth = 1
        try:
            yield
        finally:
            _lock_depth = 0
            if fcntl:
                fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------- bundle

def build_bundle() -> Path:
    """Run PyInstaller on packaging/dangjian.spec into dist/dangjian-desktop/."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("需要 PyInstaller：.venv/bin/pip install -e '.[package]'") from None
    started = time.monotonic()
    # no --clean: PyInstaller's own cache in build/pyinstaller makes a rebuild after a small change faster
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "packaging" / "dangjian.spec")],
                   check=True, cwd=ROOT)
    log(f"bundle built in {time.monotonic() - started:.0f} s: {BUNDLE} ({folder_size(BUNDLE) / 2**20:.0f} MB)")
    return BUNDLE


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# ---------------------------------------------------------------------------------------- .deb

@dataclass
class DebInfo:
    path: Path
    depends: list[str]
    installed_kb: int


def deb_path() -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    return DIST / f"{PACKAGE}_{version()}_{arch}.deb"


def _elf_files(folder: Path) -> list[Path]:
    out = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with open(p, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def glibc_needed(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any file in `folder` asks for (the oldest glibc it runs on)."""
    return glibc_floor(folder)[0]


def glibc_floor(folder: Path) -> tuple[str, str]:
    """The newest GLIBC_x.y any file in `folder` asks for, and the first file that asks for it."""
    newest, who = (2, 17), ""
    for elf in sorted(_elf_files(folder)):
        result = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True)
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", result.stdout):
            if (int(major), int(minor)) > newest:
                newest, who = (int(major), int(minor)), str(elf.relative_to(folder))
    return f"{newest[0]}.{newest[1]}", who


def deb_glibc_floor(deb: Path) -> tuple[str, str]:
    """glibc_floor() of everything a .deb installs, read from the package file itself."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        return glibc_floor(Path(tmp))


def libraries_outside(folder: Path) -> set[str]:
    """Sonames the files in `folder` need that `folder` itself does not contain."""
    inside = {p.name for p in folder.rglob("*.so*")}
    needed: set[str] = set()
    for elf in _elf_files(folder):
        result = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True)
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, re.M))
    return needed - inside


def _needed(elf: Path) -> set[str]:
    result = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True)
    return set(re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, re.M))


def _unbundle(internal: Path) -> list[str]:
    """Remove the desktop's own libraries from the bundle; return the packages that provide them.

    Libraries that only the removed ones needed (e.g. GnuTLS and Avahi under libcups) go too:
    the system's copies come with the system's packages."""
    packages = []
    orphans: set[str] = set()
    for lib in sorted(internal.glob("*.so*")):
        for pattern, package in UNBUNDLE.items():
            match = re.fullmatch(pattern, lib.name)
            if match:
                orphans |= _needed(lib)
                lib.unlink()
                packages.append(package.format(*match.groups()))
                break
    while orphans:
        still_needed: set[str] = set()
        for elf in _elf_files(internal.parent):
            still_needed |= _needed(elf)
        gone = [internal / name for name in orphans
                if (internal / name).exists() and name not in still_needed and not name.startswith("libpython")]
        orphans = set()
        for lib in gone:
            orphans |= _needed(lib)
            lib.unlink()
    return packages


def depends_for(root_opt: Path, unbundled: list[str]) -> list[str]:
    """Depends: libc6 new enough for every binary, plus a package for every library left outside."""
    depends = [f"libc6 (>= {glibc_needed(root_opt)})", *BASE_DEPENDS, *unbundled]
    unknown = []
    for soname in sorted(libraries_outside(root_opt)):
        if soname in GLIBC_LIBS or soname in OPTIONAL_LIBS:
            continue
        package = SYSTEM_PACKAGES.get(soname)
        if package is None and any(re.fullmatch(p, soname) for p in UNBUNDLE):
            continue  # provided by one of the unbundled packages
        if package is None:
            unknown.append(soname)
        else:
            depends.append(package)
    if unknown:
        raise SystemExit(f"不知道这些系统库由哪个软件包提供，请加入 SYSTEM_PACKAGES：{', '.join(unknown)}")
    seen: list[str] = []
    for d in depends:
        if d not in seen:
            seen.append(d)
    return seen


def build_deb(bundle: Path = BUNDLE, *, deb_version: str | None = None, out: Path | None = None,
              work: Path | None = None) -> DebInfo:
    """Lay out /opt, /usr/bin, the desktop entry and icons, write DEBIAN/control, run dpkg-deb.

    `deb_version`, `out` and `work` (the staging folder) are for the second package, built elsewhere
    (packaging/legacy.py)."""
    if not shutil.which("dpkg-deb"):
        raise SystemExit("需要 dpkg-deb（Debian 系统自带）才能生成 .deb")
    root = work or ROOT / "build" / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    unbundled = _unbundle(opt / "_internal")

    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    for command in ("dangjian-desktop", "dangjian"):
        # a wrapper, not a symlink: the bundle finds its _internal/ next to the real executable
        wrapper = usr_bin / command
        wrapper.write_text(f'#!/bin/sh\nexec {INSTALL_DIR}/{command} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(DEB_DIR / f"{PACKAGE}.desktop", share / "applications" / f"{PACKAGE}.desktop")
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"app-{size}.png", target / f"{PACKAGE}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "app.svg", scalable / f"{PACKAGE}.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copy2(DEB_DIR / "copyright", doc / "copyright")

    depends = depends_for(opt, unbundled)
    installed_kb = folder_size(root) // 1024
    control = (DEB_DIR / "control.in").read_text(encoding="utf-8").format(
        package=PACKAGE, version=deb_version or version(),
        arch=subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip(),
        depends=", ".join(depends), recommends=", ".join(RECOMMENDS), installed_kb=installed_kb)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        target = root / "DEBIAN" / script
        shutil.copy2(DEB_DIR / script, target)
        target.chmod(0o755)
    for path in root.rglob("*"):  # dpkg-deb refuses group-writable maintainer scripts and odd modes
        if path.is_dir():
            path.chmod(0o755)
    out = out or deb_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    log(f"{out.name}: {out.stat().st_size / 2**20:.0f} MB, installs {installed_kb / 1024:.0f} MB; "
        f"Depends: {', '.join(depends)}")
    return DebInfo(out, depends, installed_kb)


# ---------------------------------------------------------------------------------------- all

def build(*, deb: bool = True, force: bool = False) -> tuple[Path, Path | None]:
    """The bundle and (if asked and possible) the .deb, rebuilt only when the sources changed."""
    with build_lock():
        key = source_key()
        want_deb = deb and shutil.which("dpkg-deb") is not None
        cached = (not force and KEY_FILE.exists() and KEY_FILE.read_text() == key and BUNDLE.is_dir()
                  and (not want_deb or deb_path().exists()))
        if cached:
            log(f"up to date (cached): {BUNDLE}" + (f", {deb_path()}" if want_deb else ""))
            return BUNDLE, deb_path() if want_deb else None
        KEY_FILE.unlink(missing_ok=True)
        build_bundle()
        size_mb = folder_size(BUNDLE) / 2**20
        if size_mb > SIZE_LIMIT_MB:
            log(f"WARNING: the bundle is {size_mb:.0f} MB, over the {SIZE_LIMIT_MB} MB target")
        deb_file = build_deb(BUNDLE).path if want_deb else None
        KEY_FILE.write_text(key)
        return BUNDLE, deb_file


def load_legacy():
    """packaging/legacy.py: the second .deb, built in a Debian 11 root for glibc 2.28–2.31 systems."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import legacy
    finally:
        sys.path.pop(0)
    return legacy


def report(debs: list[Path]) -> None:
    """For each package: its size and the oldest glibc it runs on (the newest GLIBC_ symbol any file needs)."""
    for deb in debs:
        floor, who = deb_glibc_floor(deb)
        log(f"{deb.name}: {deb.stat().st_size / 2**20:.0f} MB; needs glibc >= {floor} "
            f"(GLIBC_{floor} asked for by {who or 'no file'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", action="store_true", help="only the PyInstaller bundle, no .deb")
    parser.add_argument("--no-legacy", action="store_true",
                        help="only this system's .deb, not the second one built in a Debian 11 root")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    _bundle, deb = build(deb=not args.bundle, force=args.force)
    if deb is None:
        return 0
    debs = [deb]
    if not args.no_legacy:
        with build_lock():
            debs.append(load_legacy().build_legacy(sys.modules[__name__], force=args.force))
    report(debs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
