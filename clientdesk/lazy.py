"""Import a module on first use, so start-up does not pay for scipy, reportlab or the Excel
writers before anyone asks for insights, cards or an export.

The stand-in is not put in `sys.modules` until the module is really loaded: other libraries ask
`"numpy" in sys.modules` to decide whether to adapt numpy's types (psycopg does, on the first
number it sends to the shop's server), and a lazily registered module answered yes and made
them load it (half a second, in the middle of an import)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


class _Deferred(ModuleType):
    """Stands for a module until one of its attributes is first read; then it loads the module
    and takes over its attributes, so later reads cost what a module's do."""

    def __getattr__(self, attr: str):
        if attr.startswith("__") and attr.endswith("__"):  # copy, pickle and inspect probe these
            raise AttributeError(attr)
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attr)


def lazy_import(name: str) -> ModuleType:
    """The module `name`, loaded only when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    if importlib.util.find_spec(name) is None:  # a missing module fails here, at start-up, as an import would
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return _Deferred(name)
