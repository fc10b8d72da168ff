"""One window per database: a second start on the same file brings the first window forward."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(path: Path | str) -> str:
    """A local-socket name for this database and this user (same file → same name)."""
    key = str(Path(path).expanduser().resolve())
    try:
        user = getpass.getuser()
    except Exception:  # no user name available (rare): the path alone still separates databases
        user = ""
    digest = hashlib.sha256(f"{user}|{key}".encode("utf-8")).hexdigest()[:20]
    return f"dangjian-desktop-{digest}"


class SingleInstance(QObject):
    """Holds the database's local server while a window works on it."""

    sig_raise = Signal()  # another start asked for this window

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server: QLocalServer | None = None
        self.name: str | None = None

    @staticmethod
    def notify_running(path: Path | str, timeout_ms: int = 500) -> bool:
        """True if another window holds `path`; it is asked to come forward."""
        socket = QLocalSocket()
        socket.connectToServer(server_name(path))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(b"raise\n")
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def claim(self, path: Path | str) -> bool:
        """Become the window for `path`; False if another window already is (it was raised)."""
        name = server_name(path)
        if self.name == name:
            return True
        if self.notify_running(path):
            return False
        self.release()
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            QLocalServer.removeServer(name)  # left behind by a crashed program (Unix)
            if not server.listen(name):
                return True  # cannot guard (unusual system); work on without the guard
        server.newConnection.connect(self._on_connection)
        self.server, self.name = server, name
        return True

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():
                self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(b"raise"):
            self.sig_raise.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
        self.server, self.name = None, None
