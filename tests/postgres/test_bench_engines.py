"""bench/engines.py runs from a fresh checkout (its own demo desk and throwaway cluster) and prints
one table with a SQLite and a PostgreSQL figure, or a reason, for every measure."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEASURES = ["search p95 per keystroke, Latin names", "search p95 per keystroke, Devanagari names",
            "search p95 per keystroke, phone fragments", "sale commit p95, two counters at once",
            "import of a 300-row client sheet", "insights refresh", "copy-to of the 300-client demo desk"]


@pytest.mark.slow
def test_engines_bench_prints_both_engines_side_by_side(tmp_path):
    env = {**os.environ, "CLIENTDESK_BENCH_DATA": str(tmp_path)}  # no demo desk of an earlier run
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "engines.py"), "--clients", "300", "--sales", "5"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(re.findall(r"a 10,000,000-step Python loop in [\d.]+ s", done.stdout)) == 2  # the speed, start and end
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("measure "))
    columns = re.split(r"\s{2,}", lines[header].strip())
    assert columns == ["measure", "target", "SQLite", "PostgreSQL"]
    starts = [lines[header].index(name) for name in columns]
    rows = {}
    for line in lines[header + 2:]:
        if not line.strip() or line.startswith("["):
            break
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [None])]
        rows[cells[0]] = cells
    assert set(MEASURES) <= set(rows), sorted(rows)
    for name in MEASURES[:-1]:  # a figure or "not available [n]" under each engine
        for cell in rows[name][2:]:
            assert re.fullmatch(r"[\d.]+ m?s( \(.*\))?|not available \[\d+\]", cell), (name, cell)
    assert rows[MEASURES[-1]][2] == "(the source)"
    # the search on both engines is measured on this branch already: figures, not reasons
    assert all(re.fullmatch(r"[\d.]+ ms \(n=\d+\)", cell) for cell in rows[MEASURES[0]][2:])
    # every "not available [n]" has its reason below the table
    marks = {int(n) for n in re.findall(r"not available \[(\d+)\]", done.stdout)}
    for n in marks:
        assert re.search(rf"^\[{n}\] (SQLite|PostgreSQL), .*: not available: \S", done.stdout, re.M)
