"""The layers stay honest: clientdesk/ imports no Qt, ui/ imports no storage layer."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(folder: str):
    for path in (ROOT / folder).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                yield path, node.module


def test_domain_never_imports_qt():
    bad = [(str(p), m) for p, m in imported_modules("clientdesk") if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert bad == []


def test_ui_never_imports_the_storage_layer():
    bad = [(str(p), m) for p, m in imported_modules("ui")
           if m.split(".")[0] in ("peewee", "playhouse") or m == "clientdesk.models" or m.startswith("clientdesk.models.")
           or m.endswith(".models") and m.startswith("clientdesk")]
    assert bad == []
