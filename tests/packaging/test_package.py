"""The installable program: the PyInstaller bundle and the .deb, built and installed the way a user gets them.

The first run builds the bundle (2–5 minutes); the build is cached under dist/ keyed on the
sources, so a second run without changes takes seconds.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("数据库", "界面资源", "主窗口", "Word 导出", "Excel 导出")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test runs on Linux")


def _load_build():
    spec = importlib.util.spec_from_file_location("dangjian_packaging_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="module")
def built():
    if os.environ.get("DANGJIAN_SKIP_PACKAGE_TEST"):
        pytest.skip("DANGJIAN_SKIP_PACKAGE_TEST 已设置：跳过构建安装包（CI 不设它）")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller 未安装（pip install -e '.[package]'），不能构建安装包")
    if shutil.which("objdump") is None:
        pytest.skip("缺少 objdump（apt-get install binutils），PyInstaller 在 Linux 上需要它")
    # Hold the lock while the tests use dist/: another test run in this tree must not rebuild under us.
    with build.build_lock():
        bundle, deb = build.build()
        yield bundle, deb


@contextlib.contextmanager
def _system_lock():
    """The installed package is one per machine: test runs from other clones of the repository wait."""
    import fcntl

    with open("/tmp/dangjian-desktop-install-test.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _clean_env(home: Path) -> dict:
    """A user's environment: own HOME, no test overrides, no display unless there is one."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DANGJIAN_", "QT_QPA_PLATFORM", "PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(home)
    env.pop("XDG_DATA_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    return env


def _self_test(exe: Path | str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, encoding="utf-8",
                          env=_clean_env(home), cwd=home, timeout=300)


def test_bundle_is_small_and_ships_what_it_needs_and_nothing_else(built):
    bundle, _deb = built
    size_mb = build.folder_size(bundle) / 2**20
    print(f"bundle: {size_mb:.0f} MB unpacked")
    assert size_mb < build.SIZE_LIMIT_MB
    internal = bundle / "_internal"
    names = [p.relative_to(internal).as_posix() for p in internal.rglob("*")]
    for unwanted in ("Qt6Qml", "Qt6Quick", "WebEngine", "Qt63D", "Multimedia", "Qt6Pdf", "/qml/"):
        assert not [n for n in names if unwanted in n], unwanted
    translations = [n.rsplit("/", 1)[-1] for n in names if n.endswith(".qm")]
    assert "qtbase_zh_CN.qm" in translations
    assert all("_zh_CN" in t for t in translations), translations
    # files read from disk at run time
    assert (internal / "dangjian_desktop/db/migrations/env.py").is_file()
    versions = sorted(p.name for p in (internal / "dangjian_desktop/db/migrations/versions").glob("*.py"))
    source_versions = sorted(p.name for p in (ROOT / "dangjian_desktop/db/migrations/versions").glob("*.py"))
    assert versions == source_versions
    assert (internal / "dangjian_desktop/resources/templates/official.docx").is_file()
    assert (internal / "dangjian_desktop/resources/icons/app.svg").is_file()
    assert (internal / "dangjian_desktop/resources/licenses/index.json").is_file()
    assert (internal / "docx/templates").is_dir()  # python-docx's own part templates


def test_bundle_passes_its_self_test_and_runs_the_command_line(built, tmp_path):
    bundle, _deb = built
    home = tmp_path / "张三"
    home.mkdir()
    result = _self_test(bundle / "dangjian-desktop", home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "（安装包，" in result.stdout  # it really was the frozen program
    for step in STEPS:
        assert f"[通过] {step}：" in result.stdout
    cli = bundle / "dangjian"
    env = _clean_env(home)
    db = home / "支部.db"
    run = lambda *args: subprocess.run([str(cli), "--db", str(db), *args], capture_output=True, text=True,  # noqa: E731
                                       encoding="utf-8", env=env, timeout=120)
    made = run("init", "--branch", "XX社区第一党支部", "--secretary", "张三")
    assert made.returncode == 0, made.stderr
    listed = run("members", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    refused = run("export", "roster", "--out", str(home / "花名册.txt"))
    assert refused.returncode == 1 and "xlsx" in refused.stderr and "Traceback" not in refused.stderr


def test_deb_metadata_and_layout(built, tmp_path):
    _bundle, deb = built
    if deb is None:
        pytest.skip("没有 dpkg-deb，不是 Debian 系统，不生成 .deb")
    field = lambda name: subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True,  # noqa: E731
                                        text=True, check=True).stdout.strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert field("Package") == "dangjian-desktop"
    assert field("Version") == project["version"]
    depends = field("Depends")
    assert depends.startswith("libc6 (>= 2.")
    for needed in ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon-x11-0", "libxcb-icccm4", "libdbus-1-3"):
        assert needed in depends
    contents = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in ("./opt/dangjian-desktop/dangjian-desktop", "./opt/dangjian-desktop/dangjian",
                 "./usr/bin/dangjian-desktop", "./usr/bin/dangjian",
                 "./usr/share/applications/dangjian-desktop.desktop",
                 "./usr/share/icons/hicolor/48x48/apps/dangjian-desktop.png",
                 "./usr/share/icons/hicolor/scalable/apps/dangjian-desktop.svg",
                 "./usr/share/doc/dangjian-desktop/copyright"):
        assert path in contents, path
    # the desktop's own libraries are left to the system (declared above), not shipped
    assert "_internal/libfontconfig.so.1" not in contents
    assert "_internal/libstdc++.so.6" not in contents
    if shutil.which("desktop-file-validate"):
        desktop = tmp_path / "dangjian-desktop.desktop"
        shutil.copy(ROOT / "packaging/deb/dangjian-desktop.desktop", desktop)
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr


def host_install_requested(env) -> bool:
    """Only CI (.ci/run) asks for the .deb to be installed on the machine running the tests."""
    return env.get("DANGJIAN_INSTALL_TEST") == "host"


def test_the_host_install_is_off_unless_ci_asks_for_it():
    assert not host_install_requested({})
    assert not host_install_requested({"DANGJIAN_INSTALL_TEST": "1"})
    assert host_install_requested({"DANGJIAN_INSTALL_TEST": "host"})
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci.index("export DANGJIAN_INSTALL_TEST=host") < ci.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "DANGJIAN_INSTALL_TEST" not in makefile


def test_installs_with_apt_runs_and_removes_cleanly(built, tmp_path):
    """On this machine itself: only where the machine is thrown away afterwards (CI). Elsewhere it would
    replace and then purge a real installation; `make package` tests the same in throw-away roots
    (tests/packaging/test_install_in_roots.py)."""
    _bundle, deb = built
    if deb is None:
        pytest.skip("没有 dpkg-deb，不是 Debian 系统，不生成 .deb")
    if not host_install_requested(os.environ):
        pytest.skip("在本机安装并卸载 .deb 只在 CI 中进行（.ci/run 设 DANGJIAN_INSTALL_TEST=host）；"
                    "make package 在一次性的 Debian 根目录中做同样的测试")
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("安装测试需要 root 和 apt-get（CI 里以 root 运行）")
    home = tmp_path / "李书记"
    data = home / ".local/share/dangjian-desktop"
    data.mkdir(parents=True)
    (data / "dangjian.db").write_bytes(b"the user's data")  # must survive install and removal
    apt = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    with _system_lock():  # one install at a time on this machine, whichever clone runs the test
        if subprocess.run(["dpkg", "-s", "dangjian-desktop"], capture_output=True).returncode == 0:
            subprocess.run([*apt, "purge", "dangjian-desktop"], check=True, capture_output=True, env=env)
        installed = subprocess.run([*apt, "install", str(deb)], capture_output=True, text=True, env=env)
        assert installed.returncode == 0, installed.stdout + installed.stderr
        try:
            assert shutil.which("dangjian-desktop") == "/usr/bin/dangjian-desktop"
            result = _self_test("dangjian-desktop", home)
            assert result.returncode == 0, result.stdout + result.stderr
            for step in STEPS:
                assert f"[通过] {step}：" in result.stdout
            helped = subprocess.run(["dangjian", "--help"], capture_output=True, text=True, encoding="utf-8",
                                    env=_clean_env(home))
            assert helped.returncode == 0 and "用法：dangjian" in helped.stdout  # argparse in Chinese (cli_words)
        finally:
            removed = subprocess.run([*apt, "purge", "dangjian-desktop"], capture_output=True, text=True, env=env)
        assert removed.returncode == 0, removed.stdout + removed.stderr
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "dangjian-desktop"], capture_output=True, text=True)
    assert status.returncode != 0 or "not-installed" in status.stdout, status.stdout  # purged: no trace in dpkg
    assert not Path("/opt/dangjian-desktop").exists()
    assert not Path("/usr/bin/dangjian").exists()
    assert not Path("/usr/share/applications/dangjian-desktop.desktop").exists()
    assert (data / "dangjian.db").read_bytes() == b"the user's data"
