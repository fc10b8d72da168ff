"""PySide6 reads the source of every module imported after it, and the window's start pays for it.

When PySide6 is imported it replaces `__import__` with its own, which after each new module asks
`shibokensupport.feature._mod_uses_pyside(module)`: `inspect.getsource` of the whole module, searched
for the word "PySide6", to decide whether `from __feature__ import snake_case` may switch that module
(napari#8584 traced the same). The start lane imports the data layer after PySide6 (SQLAlchemy with
asyncio and ssl, the models, the services: about 300 modules), so every one of their files was read
and searched: 223 million of the 2.72 billion instructions of that import (callgrind).

The program uses no `__feature__` anywhere, and the modules answered here cannot use PySide6: the
standard library, the data-layer libraries, and our own modules outside `gui` (tests/test_layering.py
keeps Qt out of them). For those the answer is given without reading the file; every other module is
still asked PySide6's way. On a PySide6 without this hook nothing changes.
"""

from __future__ import annotations

import sys

# libraries the data layer and the writers import; none of them knows Qt
_NOT_QT = frozenset({"sqlalchemy", "alembic", "mako", "psycopg", "psycopg_binary", "psycopg_pool", "greenlet",
                     "typing_extensions", "openpyxl", "et_xmlfile", "docx", "lxml", "xlsxwriter",
                     "python_calamine", "pypinyin", "chinese_calendar"})


def _without_qt(name: str) -> bool:
    top = name.partition(".")[0]
    if top == "dangjian_desktop":
        return not (name == "dangjian_desktop.gui" or name.startswith("dangjian_desktop.gui."))
    return top in sys.stdlib_module_names or top in _NOT_QT


def install() -> bool:
    """Answer PySide6's question without reading the source for modules that cannot use it (idempotent).
    False where this PySide6 has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    asks = getattr(feature, "_mod_uses_pyside", None)
    if asks is None:
        return False
    if getattr(asks, "pyside_s", None) is not None:  # already ours
        return True

    def mod_uses_pyside(module) -> bool:
        if _without_qt(getattr(module, "__name__", "")):
            return False
        return asks(module)

    mod_uses_pyside.pyside_s = asks  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside
    return True
