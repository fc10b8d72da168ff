"""`make bench`: measure the figures of issue 9 on the 党委-sized database and print the table.

Every figure prints the measured value, its target and the baseline it is compared with,
all measured in this run. A figure whose feature has not landed prints "not yet available".

    python -m bench                      # all figures
    python -m bench --only check,grid    # some of them
    python -m bench --profile check      # the figure under pyinstrument, to see where time goes
    python -m bench --rebuild            # make the cached database again
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import figures
from bench.data import CACHE, party_committee_db
from bench.report import markdown, plain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="党支部工作台性能基准")
    parser.add_argument("--only", help="只测这些项目（逗号分隔）：" + "，".join(figures.ALL))
    parser.add_argument("--runs", type=int, default=5, help="启动时间等项目的重复次数（取中位数）")
    parser.add_argument("--rebuild", action="store_true", help="重新生成缓存的基准数据库")
    parser.add_argument("--profile", metavar="FIGURE", help="在 pyinstrument 下运行一个项目并打印耗时分布")
    args = parser.parse_args(argv)
    # measured as the program runs: both entry points set this policy at start-up
    from dangjian_desktop.runtime import tune_garbage_collector

    tune_garbage_collector()

    source, built = party_committee_db(rebuild=args.rebuild)
    if built is not None:
        print(f"基准数据库已生成：{source.name}，用时 {built:.1f} s，{source.stat().st_size / 2**20:.0f} MB")
    else:
        print(f"使用缓存的基准数据库：{source.name}（{source.stat().st_size / 2**20:.0f} MB）")

    keys = list(figures.ALL)
    if args.only:
        keys = [k.strip() for k in args.only.split(",") if k.strip()]
        unknown = [k for k in keys if k not in figures.ALL]
        if unknown:
            parser.error(f"没有这些项目：{', '.join(unknown)}")
    if args.profile:
        keys = [args.profile]

    with tempfile.TemporaryDirectory(prefix="dangjian-bench-") as tmp:
        work = Path(tmp)
        # the program's own folders (config, log) point into the scratch folder, never the user's
        os.environ["DANGJIAN_DATA_DIR"] = str(work / "data")
        os.environ["DANGJIAN_CONFIG_DIR"] = str(work / "config")
        bench = figures.Bench(source=source, work=work, runs=args.runs)
        try:
            results = _measure_all(keys, bench, args.profile)
        finally:
            if bench.pg is not None:
                bench.pg.stop()
    print()
    print(plain(results))
    (CACHE / "last-run.md").write_text(markdown(results) + "\n", encoding="utf-8")
    print(f"\n表格（Markdown）已写入 {CACHE / 'last-run.md'}")
    return 0 if all(f.passed is not False for f in results) else 1


def _measure_all(keys: list[str], bench: figures.Bench, profile: str | None) -> list:
    results = []
    for key in keys:
        started = time.perf_counter()
        print(f"… {figures.ALL[key][0]}", flush=True)
        if profile:
            from pyinstrument import Profiler

            with Profiler(interval=0.001) as profiler:
                fig = figures.measure(key, bench)
            print(profiler.output_text(unicode=True, color=False, show_all=False))
        else:
            fig = figures.measure(key, bench)
        results.append(fig)
        print(f"  {fig.row()[1]}（{time.perf_counter() - started:.1f} s）", flush=True)
    return results


if __name__ == "__main__":
    sys.exit(main())
