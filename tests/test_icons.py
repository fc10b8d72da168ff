"""The app icon exists in every size the platforms ask for, rendered from the SVG source."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


@pytest.mark.parametrize("size", (16, 24, 32, 48, 64, 128, 256, 512))
def test_png_sizes(qapp, size):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / f"app-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    # the red square fills the middle; the corners stay transparent (rounded)
    assert image.pixelColor(size // 2, size - max(2, size // 8)).red() > 150
    assert image.pixelColor(0, 0).alpha() == 0


def test_windows_ico_holds_the_sizes_explorer_asks_for(qapp):
    from PySide6.QtGui import QImage

    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        image = QImage.fromData(data[offset:offset + length], "PNG")
        assert not image.isNull()
        assert image.width() == (w or 256) == (h or 256)
        assert bpp == 32
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_svg_source_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ICONS / "app.svg")).isValid()
