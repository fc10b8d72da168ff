"""Benchmarks of a 党委-sized database (`make bench`): measured, target, same-run baseline, pass/fail."""
