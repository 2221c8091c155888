"""clientdesk.lazy: a module imported on first use is not announced as loaded before that (a
library asking `"numpy" in sys.modules` must not be made to load it), and works as the module
once used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clientdesk.lazy import lazy_import

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_lazy_module_is_loaded_on_first_use_and_not_announced_before():
    out = _run("import sys\n"
               "from clientdesk.lazy import lazy_import\n"
               "np = lazy_import('numpy')\n"
               "print('numpy' in sys.modules)\n"
               "print(int(np.arange(4).sum()), 'numpy' in sys.modules, np.pi > 3)\n")
    assert out == ["False", "6", "True", "True"]


def test_a_number_sent_to_the_server_does_not_load_a_lazy_numpy():
    """psycopg adapts numpy's integers when numpy is in sys.modules: with insights' lazy numpy
    registered there, an import's first number sent to the server loaded numpy (half a second)."""
    pytest.importorskip("psycopg")
    out = _run("import sys\n"
               "import clientdesk.insights.service\n"
               "from psycopg.types.numeric import IntNumericDumper\n"
               "from decimal import Decimal\n"
               "IntNumericDumper(int).dump(5)\n"
               "print('numpy' in sys.modules)\n")
    assert out == ["False"]


def test_a_missing_module_fails_at_once():
    with pytest.raises(ModuleNotFoundError):
        lazy_import("no_such_module_here")
