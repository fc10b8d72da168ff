"""`dangjian-desktop --self-test` passes on a working installation and fails when a step fails."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from dangjian_desktop.gui import self_test

STEPS = ("数据库", "界面资源", "主窗口", "Word 导出", "Excel 导出")


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_self_test_passes_and_cleans_up(qtbot, workdir, monkeypatch, capsys):
    monkeypatch.setenv("DANGJIAN_DATA_DIR", os.environ["DANGJIAN_DATA_DIR"])  # restored afterwards
    monkeypatch.setenv("DANGJIAN_CONFIG_DIR", os.environ["DANGJIAN_CONFIG_DIR"])
    assert self_test.run_self_test() == 0
    lines = _lines(capsys)
    for step in STEPS:
        assert any(line.startswith(f"[通过] {step}：") for line in lines), (step, lines)
    assert lines[-1] == "自检通过。"
    folder = Path(next(line for line in lines if line.startswith("临时文件夹：")).split("：", 1)[1])
    assert "党支部工作台自检" in folder.name
    assert not folder.exists()  # nothing left behind when it passed
    report = Path(tempfile.gettempdir()) / self_test.REPORT_NAME
    assert report.read_text(encoding="utf-8").splitlines() == lines
    # it never touched the user's (here: the test's) data folder
    assert not (workdir / "数据" / "dangjian.db").exists()


def test_a_failing_step_gives_exit_code_1_and_keeps_the_files(qtbot, workdir, monkeypatch, capsys):
    monkeypatch.setenv("DANGJIAN_DATA_DIR", os.environ["DANGJIAN_DATA_DIR"])
    monkeypatch.setenv("DANGJIAN_CONFIG_DIR", os.environ["DANGJIAN_CONFIG_DIR"])
    # a bundle that lost its Word template
    import dangjian_desktop.paths as paths

    real = paths.resource
    monkeypatch.setattr(paths, "resource", lambda *parts: (
        workdir / "缺失.docx" if parts == ("templates", "official.docx") else real(*parts)))
    assert self_test.run_self_test() == 1
    lines = _lines(capsys)
    assert any(line.startswith("[失败] 界面资源：") and "缺少 Word 模板" in line for line in lines)
    assert lines[-1].startswith("自检失败。留下的文件在 ")
    folder = Path(lines[-1].split("留下的文件在 ", 1)[1])
    assert (folder / "自检.db").exists()


def test_the_installed_command_runs_it(workdir):
    exe = Path(sys.executable).with_name("dangjian-desktop")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, encoding="utf-8",
                            env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("[通过]") == len(STEPS)
