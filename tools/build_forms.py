"""Compile forms/*.ui (the source of truth) into dangjian_desktop/gui/forms/ui_*.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "dangjian_desktop" / "gui" / "forms"


def uic_command() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return [str(exe) if exe.exists() else "pyside6-uic"]


def compile_form(ui: Path) -> str:
    """The Python source uic makes for one .ui file."""
    result = subprocess.run([*uic_command(), "--from-imports", str(ui)], check=True,
                            capture_output=True, text=True, encoding="utf-8")
    return result.stdout


def target_for(ui: Path) -> Path:
    return OUT / f"ui_{ui.stem}.py"


def main() -> int:
    for ui in sorted(FORMS.glob("*.ui")):
        target_for(ui).write_text(compile_form(ui), encoding="utf-8")
        print(f"{ui.relative_to(ROOT)} -> {target_for(ui).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
