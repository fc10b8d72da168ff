"""Where things live: the user's data folder, the default database, bundled resources."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from dangjian_desktop import APP_ID


def data_dir() -> Path:
    """The user's data folder (overridable with DANGJIAN_DATA_DIR, e.g. for tests)."""
    override = os.environ.get("DANGJIAN_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))
    return path


def config_dir() -> Path:
    override = os.environ.get("DANGJIAN_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_ID, appauthor=False))


def default_database() -> Path:
    return data_dir() / "dangjian.db"


def demo_database() -> Path:
    return data_dir() / "demo.db"


def resource(*parts: str) -> Path:
    """A file shipped in resources/ (icons, templates, translations)."""
    return Path(str(resources.files("dangjian_desktop.resources").joinpath(*parts)))
