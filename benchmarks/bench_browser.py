"""Print how long the practice widgets take, in a real browser, from clicking Check to the
feedback appearing.

The browser test (tests/browser/test_lab.py) measures each Check inside the page, with
performance.now() from the click to the moment the feedback shows the expected text, and
prints the figures at the end of its run. This script runs that test a few times and sums
the figures up; it asserts nothing.

    python benchmarks/bench_browser.py            # 3 runs
    python benchmarks/bench_browser.py --runs 5

It needs what the browser test needs: /usr/bin/chromium and the playwright package.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURE = re.compile(r"^Check to feedback in the browser \((?P<label>[^)]*)\): (?P<ms>\d+) ms$")


def run_once() -> tuple[dict[str, float], float]:
    """One run of the browser test: its Check-to-feedback figures and its wall time."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-m", "browser", "-q", "tests/browser"],
                            cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the browser test did not pass (exit {result.returncode}):\n{result.stdout[-3000:]}")
    figures = {m["label"]: float(m["ms"]) for m in map(FIGURE.match, result.stdout.splitlines()) if m}
    if not figures:
        sys.exit(f"the browser test printed no figures (was it skipped?):\n{result.stdout[-3000:]}")
    return figures, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="how many times to run the browser test")
    runs = parser.parse_args().runs
    by_label: dict[str, list[float]] = defaultdict(list)
    walls = []
    for n in range(runs):
        figures, wall = run_once()
        walls.append(wall)
        for label, ms in figures.items():
            by_label[label].append(ms)
        print(f"run {n + 1}: {wall:.1f} s in all, " + ", ".join(f"{k} {v:.0f} ms" for k, v in figures.items()))
    print(f"\nCheck to feedback in the browser, over {runs} runs (median, min to max):")
    for label, values in by_label.items():
        print(f"  {label:<20} {statistics.median(values):6.0f} ms   {min(values):.0f} to {max(values):.0f} ms")
    print(f"Whole browser test (start JupyterLab, run the notebook, answer, stop): "
          f"median {statistics.median(walls):.1f} s")


if __name__ == "__main__":
    main()
