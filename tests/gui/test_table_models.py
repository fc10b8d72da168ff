"""Every table model of the program is a RowsModel: plain rows from a service, fixed headers."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel

import dangjian_desktop.gui as gui
from dangjian_desktop.gui.table_model import RowsModel


def test_every_item_model_of_ours_derives_from_rows_model():
    models = []
    for info in pkgutil.walk_packages(gui.__path__, gui.__name__ + "."):
        if ".forms." in info.name:
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (cls.__module__ == module.__name__ and issubclass(cls, QAbstractItemModel)
                    and not issubclass(cls, QSortFilterProxyModel) and cls is not RowsModel):
                models.append(cls)
    names = {cls.__name__ for cls in models}
    assert {"MemberTableModel", "ReminderModel", "TimelineModel", "ProblemsModel", "AppraisalModel",
            "AttachmentsModel", "StageCardsModel"} <= names
    assert [cls.__name__ for cls in models if not issubclass(cls, RowsModel)] == []
