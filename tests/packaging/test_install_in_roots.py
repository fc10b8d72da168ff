"""Both .deb files installed the way a user installs them, on machines that have never seen them.

Each package goes into a fresh Debian root (packaging/roots.py: debootstrap once, then a throw-away
copy per test): `apt-get install ./….deb` pulls its Depends from the Debian archive, the installed
program passes its `--self-test` (offscreen: the root has no display) and the command line works,
then `apt-get purge` leaves no trace but the user's data. The Debian 12 package is tried on
Debian 12; the Debian 11 one (glibc 2.31, for 统信UOS/麒麟) on Debian 11 and on Debian 12.

Part of `make package` (which sets DANGJIAN_PACKAGE_TESTS=1), not of every `make test`: it needs
root, debootstrap and the Debian archive, and a few minutes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("数据库", "界面资源", "主窗口", "Word 导出", "Excel 导出")

pytestmark = pytest.mark.skipif(
    not os.environ.get("DANGJIAN_PACKAGE_TESTS"),
    reason="make package 的测试（在一次性的 Debian 根目录中安装两个 .deb）；make package 会运行它")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def packages():
    build = _load("dangjian_packaging_build", ROOT / "packaging" / "build.py")
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        pytest.fail("make package 的安装测试需要 root 和 debootstrap（sudo apt-get install debootstrap）")
    with build.build_lock():  # cached: builds only if `make package` did not just do it
        _bundle, deb = build.build()
        legacy = build.load_legacy()
        old = legacy.build_legacy(build)
    build.report([deb, old])
    return {"bookworm": deb, "bullseye": old}, legacy.roots


@pytest.mark.parametrize("package, suite", [("bookworm", "bookworm"), ("bullseye", "bullseye"),
                                            ("bullseye", "bookworm")],
                         ids=["debian12-package-on-debian12", "debian11-package-on-debian11",
                              "debian11-package-on-debian12"])
def test_installs_runs_and_purges_in_a_fresh_root(packages, package, suite):
    debs, roots = packages
    deb = debs[package]
    with roots.fresh_root(suite) as root:
        home = root / "home" / "李书记"
        data = home / ".local/share/dangjian-desktop"
        data.mkdir(parents=True)
        (data / "dangjian.db").write_bytes(b"the user's data")  # must survive install and removal
        shutil.copy2(deb, root / "tmp" / deb.name)
        run = lambda argv, **kw: roots.run_in(root, argv, capture=True, check=False, **kw)  # noqa: E731

        roots.apt_install(root, suite, [f"/tmp/{deb.name}"])  # its Depends come from the Debian archive
        assert (root / "usr/bin/dangjian-desktop").is_file() and (root / "opt/dangjian-desktop").is_dir()

        user = {"HOME": "/home/李书记"}
        tested = run(["dangjian-desktop", "--self-test"], env=user, cwd="/home/李书记", timeout=600)
        print(tested.stdout)
        assert tested.returncode == 0, tested.stdout + tested.stderr
        assert "（安装包，" in tested.stdout
        for step in STEPS:
            assert f"[通过] {step}：" in tested.stdout
        made = run(["dangjian", "--db", "/tmp/支部.db", "init", "--branch", "测试支部"], env=user)
        assert made.returncode == 0, made.stderr
        listed = run(["dangjian", "--db", "/tmp/支部.db", "members", "list", "--json"], env=user)
        assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stderr

        removed = run(["apt-get", "-y", "-q", "purge", "dangjian-desktop"])
        assert removed.returncode == 0, removed.stdout + removed.stderr
        status = run(["dpkg-query", "-W", "-f=${Status}", "dangjian-desktop"])
        assert status.returncode != 0 or "not-installed" in status.stdout, status.stdout
        for gone in ("opt/dangjian-desktop", "usr/bin/dangjian", "usr/bin/dangjian-desktop",
                     "usr/share/applications/dangjian-desktop.desktop"):
            assert not (root / gone).exists(), gone
        assert (data / "dangjian.db").read_bytes() == b"the user's data"
