"""党支部工作台 (dangjian-desktop): an offline desktop tool for party branch secretaries."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("dangjian-desktop")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

APP_NAME = "党支部工作台"
APP_ID = "dangjian-desktop"
