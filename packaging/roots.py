"""Throw-away Debian roots (debootstrap + chroot) for building and testing packages without touching the host.

Every command runs in its own mount and PID namespace (`unshare`): /proc, /dev and the cache folders
are mounted there only, and vanish with the namespace, even if the build is killed; no process
started inside outlives the command. The pristine root of each suite is made once by debootstrap
from the Debian archive and kept as a tarball in the cache; a fresh root is that tarball unpacked.

Needs root (debootstrap, chroot, unshare) and the debootstrap package; nothing else on the host
is installed or changed.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIRROR = os.environ.get("DANGJIAN_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SECURITY_MIRROR = os.environ.get("DANGJIAN_DEBIAN_SECURITY_MIRROR", "http://deb.debian.org/debian-security")
# What a desktop has, and what Qt's xcb platform plugin and our bundle load (cf. .ci/run and README 开发).
QT_RUNTIME = ["libgl1", "libegl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0", "libx11-6",
              "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
              "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-xkb1",
              "libxkbcommon0", "libxkbcommon-x11-0", "libcups2"]


def cache_dir() -> Path:
    """Heavy, reusable artefacts (roots, the built Python, downloaded packages); DANGJIAN_PACKAGE_CACHE moves it."""
    path = Path(os.environ.get("DANGJIAN_PACKAGE_CACHE") or ROOT / "build" / "cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def log(text: str) -> None:
    print(f"[roots] {text}", flush=True)


def host_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def require_tools() -> None:
    """Refuse clearly when this machine cannot make roots (not root, no debootstrap)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        raise SystemExit("在 Debian 根目录（chroot）中构建和测试需要 root 权限：sudo make package")
    missing = [tool for tool in ("debootstrap", "chroot", "unshare") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"缺少 {', '.join(missing)}：sudo apt-get install debootstrap")


def sources_list(suite: str) -> str:
    return (f"deb {MIRROR} {suite} main\n"
            f"deb {MIRROR} {suite}-updates main\n"
            f"deb {SECURITY_MIRROR} {suite}-security main\n")


# -------------------------------------------------------------------------------- running inside

def run_in(root: Path, argv: list[str], *, env: dict[str, str] | None = None, cwd: str = "/",
           binds: dict[Path, str] | None = None, nice: bool = False, check: bool = True,
           capture: bool = False, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run `argv` inside `root` with a clean environment; `binds` maps host folders to paths in the root."""
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf")  # the host's name servers, for apt and pip
    mounts = [f'mount -t proc proc {shlex.quote(str(root / "proc"))}',
              f'mount --rbind /dev {shlex.quote(str(root / "dev"))}']
    for host, inside in (binds or {}).items():
        target = root / inside.lstrip("/")
        target.mkdir(parents=True, exist_ok=True)
        host.mkdir(parents=True, exist_ok=True)
        mounts.append(f"mount --bind {shlex.quote(str(host))} {shlex.quote(str(target))}")
    base_env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root",
                "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive"}
    base_env.update(env or {})
    inner = ["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in base_env.items()),
             "/bin/sh", "-c", 'cd "$0" && exec "$@"', cwd, *argv]
    script = " && ".join(mounts) + f" && exec chroot {shlex.quote(str(root))} " + shlex.join(inner)
    command = ["unshare", "--mount", "--pid", "--fork", "--propagation", "private", "/bin/sh", "-c", script]
    if nice:
        command = ["nice", "-n", "19", *command]
    return subprocess.run(command, check=check, timeout=timeout, text=True,
                          capture_output=capture, encoding="utf-8" if capture else None)


def apt_cache(suite: str) -> dict[Path, str]:
    """Downloaded .debs kept between roots of one suite, so a fresh root installs without downloading again."""
    return {cache_dir() / "apt" / suite: "/var/cache/apt/archives"}


def apt_install(root: Path, suite: str, packages: list[str], *, update: bool = True) -> None:
    if update:
        run_in(root, ["apt-get", "-q", "update"], binds=apt_cache(suite), capture=True)
    run_in(root, ["apt-get", "-y", "-q", "--no-install-recommends", "install", *packages],
           binds=apt_cache(suite))


# -------------------------------------------------------------------------------- pristine roots

def base_tarball(suite: str) -> Path:
    """A minimal installed Debian `suite` (debootstrap --variant=minbase, with its updates), as a tarball."""
    arch = host_arch()
    tar = cache_dir() / f"{suite}-{arch}-minbase.tar"
    if tar.exists():
        return tar
    require_tools()
    work = cache_dir() / f"{suite}-{arch}-minbase.tmp"
    if work.exists():
        remove_root(work)
    started = time.monotonic()
    log(f"debootstrap {suite} ({arch}) from {MIRROR} (once; cached as {tar.name})")
    subprocess.run(["debootstrap", "--variant=minbase", f"--arch={arch}", suite, str(work), MIRROR],
                   check=True, stdout=subprocess.DEVNULL)
    (work / "etc" / "apt" / "sources.list").write_text(sources_list(suite), encoding="utf-8")
    (work / "etc" / "apt" / "apt.conf.d" / "90dangjian").write_text(
        'APT::Install-Recommends "false";\n'
        # a dated mirror (snapshot) serves Release files past their Valid-Until
        'Acquire::Check-Valid-Until "false";\n', encoding="utf-8")
    run_in(work, ["apt-get", "-q", "update"], binds=apt_cache(suite), capture=True)
    run_in(work, ["apt-get", "-y", "-q", "dist-upgrade"], binds=apt_cache(suite), capture=True)
    run_in(work, ["apt-get", "clean"])
    subprocess.run(["tar", "-C", str(work), "--numeric-owner", "-cf", str(tar) + ".part", "."], check=True)
    os.replace(str(tar) + ".part", tar)
    remove_root(work)
    log(f"{suite} root ready in {time.monotonic() - started:.0f} s: {tar} ({tar.stat().st_size / 2**20:.0f} MB)")
    return tar


def unpack(suite: str, target: Path) -> Path:
    """A fresh root of `suite` at `target` (made from the cached pristine tarball)."""
    tar = base_tarball(suite)
    if target.exists():
        remove_root(target)
    target.mkdir(parents=True)
    subprocess.run(["tar", "-C", str(target), "--numeric-owner", "-xf", str(tar)], check=True)
    return target


@contextlib.contextmanager
def fresh_root(suite: str):
    """A throw-away root of `suite`, deleted afterwards: a machine that has never seen our package."""
    require_tools()
    parent = cache_dir() / "tmp"
    parent.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{suite}-", dir=parent))
    try:
        yield unpack(suite, folder / "root")
    finally:
        remove_root(folder)


def remove_root(folder: Path) -> None:
    """Delete a root, but never through a mount point (a host folder bound into it would go too)."""
    inside = str(folder.resolve()) + "/"
    with open("/proc/self/mountinfo", encoding="utf-8") as handle:
        mounted = [line.split()[4] for line in handle if line.split()[4].startswith(inside)]
    if mounted:
        raise SystemExit(f"{folder} 中还有挂载点，不删除：{', '.join(mounted)}")
    shutil.rmtree(folder, ignore_errors=True)
