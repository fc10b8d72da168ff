"""党支部工作台 (dangjian-desktop): an offline desktop tool for party branch secretaries."""

APP_NAME = "党支部工作台"
APP_ID = "dangjian-desktop"


def __getattr__(name: str) -> str:
    """`__version__`, looked up when first asked for: importlib.metadata costs tens of
    milliseconds, which the window would otherwise wait for at start (bench/: 冷启动)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("dangjian-desktop")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
