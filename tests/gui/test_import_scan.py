"""gui.import_scan: PySide6's question "does this module use PySide6?" answered without reading the
source, for the modules that cannot, with the same answer PySide6 gives."""

from __future__ import annotations

import inspect
import sys
import types

import PySide6.QtCore  # noqa: F401 - installs PySide6's import hook
import pytest

from dangjian_desktop.gui import import_scan

feature = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(getattr(feature, "_mod_uses_pyside", None) is None,
                                reason="this PySide6 asks no question after imports")


def test_the_data_layer_is_answered_without_reading_its_source(monkeypatch):
    assert import_scan.install() and import_scan.install()  # idempotent
    read = []
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj.__name__) or "import PySide6")
    for name in ("sqlalchemy.orm.fake", "asyncio.fake", "dangjian_desktop.services.fake", "psycopg.fake"):
        assert feature._mod_uses_pyside(types.ModuleType(name)) is False
    assert read == []
    # a window's module, or a library the list does not name, is asked PySide6's way
    assert feature._mod_uses_pyside(types.ModuleType("dangjian_desktop.gui.fake")) is True
    assert feature._mod_uses_pyside(types.ModuleType("somelibrary")) is True
    assert read == ["dangjian_desktop.gui.fake", "somelibrary"]


def test_the_answers_are_the_ones_pyside6_gives():
    """For every module loaded in the tests that the shortcut answers, PySide6 itself (reading the
    source) also says it does not use PySide6: nothing Qt is ever listed."""
    import dangjian_desktop.gui.app  # noqa: F401
    import dangjian_desktop.services.dashboard  # noqa: F401

    import_scan.install()
    asks = feature._mod_uses_pyside.pyside_s  # PySide6's own question
    answered = [m for name, m in list(sys.modules.items())
                if isinstance(m, types.ModuleType) and import_scan._without_qt(name)]
    assert len(answered) > 200 and any(m.__name__ == "sqlalchemy.orm" for m in answered)
    assert [m.__name__ for m in answered if asks(m)] == []
    assert asks(sys.modules["dangjian_desktop.gui.app"]) is True
