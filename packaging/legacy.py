"""The second .deb, for older 统信UOS / 麒麟 (glibc 2.28–2.31): the same bundle built in a Debian 11 root.

    python packaging/legacy.py     # dist/dangjian-desktop_<version>~deb11_<arch>.deb (build.py runs it too)

A program built on Debian 12 asks for glibc 2.35 (its libpython does), so it will not install on
统信UOS 20 (glibc 2.28) or 麒麟 V10 (2.31). Debian 11 (bullseye) has glibc 2.31 but only Python 3.9,
and the code needs 3.11. The plan, each step cached under the package cache (roots.cache_dir()):

1. a bullseye root from the Debian archive (debootstrap --variant=minbase; ~40 s, 200 MB);
2. Python 3.11 backported from Debian 12's own source package (python3.11 in bookworm, with
   Debian's security patches): the source is checked against the signed InRelease of bookworm,
   then built in a throw-away bullseye root with `dpkg-buildpackage -B` (no test suite, no PGO/LTO:
   Debian's libpython3.11.so, which is what the bundle ships, is not built with either; no
   sem_clockwait, glibc 2.30) into .debs kept in the cache (once: ~20 min on 2 CPU cores under
   `nice`, ~70 MB of build-dependencies downloaded; 58 MB of .debs);
3. the build root: bullseye + those .debs + the desktop libraries Qt loads, a venv with the
   project's dependencies from PyPI and PySide6-Essentials < 6.10 (the last releases with
   manylinux_2_28 wheels; 6.10+ need glibc 2.34);
4. PyInstaller with packaging/dangjian.spec inside the root; the libm functions whose symbol
   versions glibc 2.29 changed are unversioned (MATH_2_29); then the .deb made on the host exactly
   like the Debian 12 one (build.build_deb), its version suffixed `~deb11` so that a normal package
   of the same version counts as newer when the system is upgraded. A package that would need
   more than glibc 2.28 is refused, naming the file.

Everything runs in chroots (roots.run_in); the host only gains files under the cache and dist/.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import roots  # noqa: E402

ROOT = roots.ROOT
SUITE = "bullseye"
SUFFIX = "~deb11"
PYTHON = "python3.11"
PYTHON_FROM = "bookworm"  # the Debian release whose python3.11 source package is backported
PYSIDE_CONSTRAINT = "PySide6-Essentials>=6.6,<6.10"  # manylinux_2_28 wheels (glibc 2.28)
# Build options for the Python backport: no test suite or benchmark, no PGO/LTO (they only apply to
# Debian's static /usr/bin/python3.11, not to the libpython the bundle ships), every CPU.
PYTHON_BUILD_OPTIONS = f"nocheck nobench nopgo nolto parallel={os.cpu_count() or 1}"
# Build profiles: no test suite; no Bluetooth sockets (nothing here uses them, and it spares libbluetooth-dev).
PROFILES = "nocheck,pkg.python3.11.nobluetooth"
# glibc 2.30's sem_clockwait would be the only function from after glibc 2.28 that libpython calls; without it
# Python waits on locks with sem_timedwait, as it does on every glibc before 2.30.
CONFIGURE_OVERRIDES = {"ac_cv_func_sem_clockwait": "no"}
# The oldest glibc the package is for: 统信UOS 20 (Debian 10 based). build_legacy() refuses to package more.
GLIBC_FLOOR = (2, 28)
# glibc 2.29 gave these libm functions new symbol versions (they stopped setting errno the SVID way); a
# library linked on Debian 11 asks for the new ones. Unversioned, each binds to the default version of
# the glibc it runs on: the 2.2.5 one on glibc 2.28, the 2.29 one on newer systems.
MATH_2_29 = ("exp", "exp2", "log", "log2", "pow")
KEYRING = Path("/usr/share/keyrings/debian-archive-keyring.gpg")
SOURCES = ("pyproject.toml", "README.md", "dangjian_desktop", "resources", "packaging")


def log(text: str) -> None:
    print(f"[legacy] {text}", flush=True)


def _stamps(root: Path) -> Path:
    """Where the build root records what was done to it (see build_root)."""
    folder = root / "var" / "lib" / "dangjian-build"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stamp(root: Path, name: str) -> Path:
    return _stamps(root) / name


# -------------------------------------------------------------------------------- Python 3.11 backport

def _fetch(url: str, target: Path, sha256: str | None = None) -> Path:
    if target.exists() and (sha256 is None or _sha256(target) == sha256):
        return target
    with urllib.request.urlopen(url, timeout=300) as response:
        data = response.read()
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit(f"下载的文件校验不符：{url}")
    target.write_bytes(data)
    return target


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def python_source() -> tuple[str, list[Path]]:
    """Debian 12's python3.11 source package (.dsc and tarballs), verified: InRelease signature → Sources → files."""
    folder = roots.cache_dir() / "src"
    folder.mkdir(exist_ok=True)
    dists = f"{roots.MIRROR}/dists/{PYTHON_FROM}"
    inrelease = folder / f"{PYTHON_FROM}-InRelease"  # kept: the same source until the cache is cleared
    _fetch(f"{dists}/InRelease", inrelease)
    checked = subprocess.run(["gpgv", "--keyring", str(KEYRING), "--output", "-", str(inrelease)],
                             capture_output=True, text=True)
    if checked.returncode != 0:
        inrelease.unlink()
        raise SystemExit(f"{PYTHON_FROM} 的 InRelease 签名验证失败：{checked.stderr.strip()}")
    release = checked.stdout
    sha_block = release.split("SHA256:", 1)[1]
    match = re.search(r"^ ([0-9a-f]{64})\s+\d+ main/source/Sources\.xz$", sha_block, re.M)
    sources = _fetch(f"{dists}/main/source/Sources.xz", folder / f"{PYTHON_FROM}-Sources.xz", match.group(1))
    text = lzma.decompress(sources.read_bytes()).decode("utf-8")
    stanza = next(s for s in text.split("\n\n") if re.search(rf"^Package: {re.escape(PYTHON)}$", s, re.M))
    version = re.search(r"^Version: (\S+)$", stanza, re.M).group(1)
    directory = re.search(r"^Directory: (\S+)$", stanza, re.M).group(1)
    files = re.findall(r"^ ([0-9a-f]{64}) \d+ (\S+)$", stanza.split("Checksums-Sha256:", 1)[1], re.M)
    paths = [_fetch(f"{roots.MIRROR}/{directory}/{name}", folder / name, sha) for sha, name in files]
    return version, paths


def _backport(src: Path, version: str) -> None:
    """What a backporter changes: build-dependencies that bullseye lacks, and a version that says so."""
    control = src / "debian" / "control"
    text = control.read_text(encoding="utf-8")
    # valgrind-if-available (bookworm) only turns on --with-valgrind, a debugging aid not shipped in the bundle
    text = re.sub(r"\n\s*valgrind-if-available,", "", text)
    control.write_text(text, encoding="utf-8")
    changelog = src / "debian" / "changelog"
    when = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    changelog.write_text(
        f"{PYTHON} ({version}~bpo11+1) bullseye-backports; urgency=medium\n\n"
        f"  * Rebuild for bullseye, to bundle with dangjian-desktop (packaging/legacy.py).\n"
        f"  * Drop the build-dependency on valgrind-if-available (not in bullseye).\n\n"
        f" -- dangjian-desktop packaging <dangjian-desktop@localhost>  {when}\n\n"
        + changelog.read_text(encoding="utf-8"), encoding="utf-8")


def python_debs() -> tuple[str, list[Path]]:
    """The backported python3.11 .debs for bullseye, built once and kept in the cache: (build id, files)."""
    version, source = python_source()
    arch = roots.host_arch()
    recipe = hashlib.sha256(repr((PYTHON_BUILD_OPTIONS, PROFILES, sorted(CONFIGURE_OVERRIDES.items()),
                                  Path(__file__).read_text(encoding="utf-8").split("def _backport", 1)[1]
                                  .split("\ndef ", 1)[0])).encode()).hexdigest()[:8]
    out = roots.cache_dir() / f"{PYTHON}_{version}_{SUITE}_{arch}_{recipe}"
    done = out / ".complete"
    if done.exists():
        return out.name, sorted(out.glob("*.deb"))
    roots.require_tools()
    log(f"building {PYTHON} {version} from Debian's source package in a {SUITE} root "
        f"(once; 30–60 min on 2 cores, under nice)")
    started = time.monotonic()
    work = roots.cache_dir() / f"{SUITE}-python-build"
    root = roots.unpack(SUITE, work)
    try:
        build = root / "build"
        build.mkdir()
        for path in source:
            shutil.copy2(path, build / path.name)
        dsc = next(p.name for p in source if p.name.endswith(".dsc"))
        roots.apt_install(root, SUITE, ["build-essential", "fakeroot", "dpkg-dev"])
        roots.run_in(root, ["dpkg-source", "-x", dsc, "src"], cwd="/build", capture=True)
        _backport(build / "src", version)
        roots.run_in(root, ["apt-get", "-y", "-q", "--no-install-recommends", "-P", PROFILES, "build-dep",
                            "/build/src"], binds=roots.apt_cache(SUITE))
        roots.run_in(root, ["dpkg-buildpackage", "-B", "-us", "-uc", f"--build-profiles={PROFILES}"], cwd="/build/src",
                     env={"DEB_BUILD_OPTIONS": PYTHON_BUILD_OPTIONS, **CONFIGURE_OVERRIDES}, nice=True)
        if out.exists():
            shutil.rmtree(out)
        out.mkdir()
        for deb in build.glob("*.deb"):
            shutil.copy2(deb, out / deb.name)
        done.write_text(version)
    finally:
        roots.remove_root(work)
    debs = sorted(out.glob("*.deb"))
    log(f"{PYTHON} {version} built in {(time.monotonic() - started) / 60:.0f} min: "
        f"{len(debs)} packages, {sum(d.stat().st_size for d in debs) / 2**20:.0f} MB in {out}")
    return out.name, debs


# -------------------------------------------------------------------------------- the build root

def _requirements() -> list[str]:
    """What the bundle needs from PyPI: the project's dependencies and every extra but the test tools."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra, packages in project.get("optional-dependencies", {}).items():
        if extra != "test":
            wanted += packages
    return wanted


BUILD_PACKAGES = ["binutils", "patchelf", "ca-certificates", *roots.QT_RUNTIME]


def build_root() -> Path:
    """bullseye + the Python 3.11 backport + desktop libraries + a venv with the dependencies.

    The root is made again from the pristine one whenever its packages or the Python build change
    (a rebuilt Python keeps its version number, so apt would not replace it in place)."""
    roots.require_tools()
    root = roots.cache_dir() / f"{SUITE}-{roots.host_arch()}-build"
    python_build, debs = python_debs()
    identity = hashlib.sha256(repr((BUILD_PACKAGES, python_build)).encode()).hexdigest()[:16]
    if not (root.exists() and _stamp(root, f"root-{identity}").exists()):
        log(f"making the {SUITE} build root: {root}")
        roots.unpack(SUITE, root)
        roots.apt_install(root, SUITE, BUILD_PACKAGES)
        incoming = root / "tmp" / "python-debs"
        incoming.mkdir(parents=True)
        wanted = [d for d in debs if re.match(rf"(lib)?{re.escape(PYTHON)}(-minimal|-stdlib)?_", d.name)]
        for deb in wanted:
            shutil.copy2(deb, incoming / deb.name)
        roots.apt_install(root, SUITE, [f"/tmp/python-debs/{d.name}" for d in wanted], update=False)
        shutil.rmtree(incoming)
        _stamp(root, f"root-{identity}").write_text(python_build)
    requirements = [*_requirements(), PYSIDE_CONSTRAINT]
    digest = hashlib.sha256("\n".join(requirements).encode()).hexdigest()[:16]
    if not _stamp(root, f"venv-{digest}").exists():
        log("venv in the build root: " + ", ".join(requirements))
        shutil.rmtree(root / "opt" / "venv", ignore_errors=True)
        roots.run_in(root, [f"/usr/bin/{PYTHON}", "-m", "venv", "--without-pip", "/opt/venv"])
        pip_wheel = _pip_wheel()
        shutil.copy2(pip_wheel, root / "tmp" / pip_wheel.name)
        _pip(root, [f"/tmp/{pip_wheel.name}/pip", "install", "--no-index", f"/tmp/{pip_wheel.name}"])
        _pip(root, ["-m", "pip", "install", "--only-binary", "PySide6-Essentials,shiboken6", *requirements])
        for old in _stamps(root).glob("venv-*"):
            old.unlink()
        _stamp(root, f"venv-{digest}").write_text("")
    return root


def _pip_wheel() -> Path:
    """pip itself, as a wheel from PyPI (Debian 11 has no pip for Python 3.11)."""
    folder = roots.cache_dir() / "wheels"
    found = sorted(folder.glob("pip-*.whl"))
    if found:
        return found[-1]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                    "--dest", str(folder), "pip"], check=True)
    return sorted(folder.glob("pip-*.whl"))[-1]


def _pip_env(root: Path) -> dict[str, str]:
    """pip in the build root reaches PyPI the way the host does (the host's certificate authorities)."""
    env = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_DEFAULT_TIMEOUT": "180"}
    host_ca = Path(os.environ.get("PIP_CERT") or "/etc/ssl/certs/ca-certificates.crt")
    if host_ca.is_file():
        shutil.copy2(host_ca, root / "etc" / "ssl" / "certs" / "dangjian-host-ca.crt")
        env["PIP_CERT"] = "/etc/ssl/certs/dangjian-host-ca.crt"
    return env


def _venv_python(root: Path, args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Python in the build root's venv (pip's downloads cached across roots)."""
    return roots.run_in(root, ["/opt/venv/bin/python", *args], env=_pip_env(root),
                        binds={roots.cache_dir() / "pip": "/root/.cache/pip"}, **kwargs)


def _pip(root: Path, args: list[str]) -> None:
    _venv_python(root, args)


# -------------------------------------------------------------------------------- bundle and .deb

def _copy_sources(root: Path) -> Path:
    src = root / "src"
    src.mkdir(exist_ok=True)
    for name in SOURCES:
        target = src / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target)
    return src


def source_key(root: Path) -> str:
    h = hashlib.sha256()
    for name in SOURCES:
        path = ROOT / name
        files = ([p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
                 if path.is_dir() else [path])
        for f in sorted(files):
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(f.read_bytes())
    freeze = _venv_python(root, ["-m", "pip", "freeze"], capture=True).stdout
    h.update(freeze.encode())
    h.update(" ".join(sorted(p.name for p in _stamps(root).iterdir())).encode())
    return h.hexdigest()


def _unversion_math(root: Path, bundle: Path) -> None:
    """Clear the GLIBC_2.29 version of MATH_2_29 symbols in every file of the bundle (patchelf, in the root)."""
    inside = "/" + str(bundle.relative_to(root))
    for elf in sorted(bundle.rglob("*")):
        if not elf.is_file() or elf.is_symlink() or elf.read_bytes()[:4] != b"\x7fELF":
            continue
        symbols = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True).stdout
        wanted = [name for name in MATH_2_29 if re.search(rf"\(GLIBC_2\.29\)\s+{name}$", symbols, re.M)]
        if wanted:
            path = f"{inside}/{elf.relative_to(bundle)}"
            roots.run_in(root, ["patchelf", *(a for n in wanted for a in ("--clear-symbol-version", n)), path])
            log(f"{elf.relative_to(bundle)}: {', '.join(wanted)} bound to the glibc it runs on")


def deb_path(build) -> Path:
    return build.DIST / f"{build.PACKAGE}_{build.version()}{SUFFIX}_{roots.host_arch()}.deb"


def build_legacy(build, *, force: bool = False) -> Path:
    """The bullseye bundle and its .deb in dist/, rebuilt only when the sources or the root changed."""
    root = build_root()
    key_file = build.DIST / f".package-key{SUFFIX.replace('~', '-')}"
    key = source_key(root)
    out = deb_path(build)
    if not force and out.exists() and key_file.exists() and key_file.read_text() == key:
        log(f"up to date (cached): {out}")
        return out
    key_file.unlink(missing_ok=True)
    src = _copy_sources(root)
    started = time.monotonic()
    _venv_python(root, ["-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "/src/dist",
                        "--workpath", "/src/build/pyinstaller", "/src/packaging/dangjian.spec"], cwd="/src", nice=True)
    bundle = src / "dist" / build.PACKAGE
    log(f"{SUITE} bundle built in {time.monotonic() - started:.0f} s ({build.folder_size(bundle) / 2**20:.0f} MB)")
    _unversion_math(root, bundle)
    build.build_deb(bundle, deb_version=f"{build.version()}{SUFFIX}", out=out,
                    work=ROOT / "build" / f"deb-root{SUFFIX}")
    floor, who = build.deb_glibc_floor(out)  # what is left once the desktop's own libraries are taken out
    if tuple(int(n) for n in floor.split(".")) > GLIBC_FLOOR:
        out.unlink()
        raise SystemExit(f"{who} 需要 glibc {floor}，超过了目标 {'.'.join(map(str, GLIBC_FLOOR))}")
    key_file.write_text(key)
    return out


def main() -> int:
    import importlib.util

    spec = importlib.util.spec_from_file_location("dangjian_packaging_build", ROOT / "packaging" / "build.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build
    spec.loader.exec_module(build)
    os.chdir(ROOT)
    with build.build_lock():
        build_legacy(build, force="--force" in sys.argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
