"""Process-wide settings of the interpreter, made once by each entry point (`dangjian`, `dangjian-desktop`)."""

from __future__ import annotations

import gc

# Python collects its youngest generation after 700 new container objects by default. A `check`
# over a 党委 holds ~100,000 objects at once (the roster, 发展 steps, meeting dates) and frees
# them by reference counting, making few reference cycles (~300): at 700 the collector runs
# hundreds of times per check, and the older generations in turn pass over every object in the
# program, finding nothing to free (bench: `python -m bench --only check`).
GEN0_THRESHOLD = 50_000

_tuned = False  # tune_garbage_collector ran: the process is the program's own, not a test's


def tune_garbage_collector() -> None:
    """Collect young objects less often, and leave what exists at start-up (modules, classes,
    functions: never garbage) out of every later collection. The whole process, all threads:
    nothing pauses or resumes the collector around one piece of work."""
    global _tuned
    gc.collect()
    gc.freeze()
    _gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
    _tuned = True


def keep_loaded() -> None:
    """After the window's start lane imported the data layer (SQLAlchemy, the models, the services:
    some 70,000 objects the collector tracks, made after tune_garbage_collector froze the start-up's),
    leave them out of later collections too. Otherwise the GUI thread's first timed collection
    (gui.gcguard) passes over every one of them, finding nothing, just before 首页's data is shown.
    Only in the program's own process: a test's heap is the test's."""
    if _tuned:
        gc.freeze()
