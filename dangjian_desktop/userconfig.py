"""Per-user preferences kept outside the database (last database, remembered folders)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from dangjian_desktop import paths, private


class UserConfig:
    """A small JSON file in the user's config folder; a damaged file is treated as empty."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "config.json"
        self._data: dict[str, Any] = {}
        private.restrict(self.path)  # it may hold the shared database's password: an older version left it 0644
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._data = loaded
        except (OSError, ValueError):
            self._data = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._data[key] = value
        private.own_dir(self.path.parent)
        tmp = self.path.with_suffix(".tmp")
        # owner-only at every write, not only when the shared database's password is first saved
        # (a later write of the last branch shown would otherwise leave it readable by everyone)
        private.create_file(tmp)
        tmp.write_text(json.dumps(self._data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)  # never a half-written config
