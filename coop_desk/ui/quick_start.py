"""What ``coop_desk.app`` does before importing the rest of the program (issue 14).

**Garbage collection paused while the program imports.** Importing SQLAlchemy, the models and
the services creates a few hundred thousand objects; the cyclic collector walked the growing
heap about 150 times meanwhile (50 ms of the start), finding next to nothing. ``app`` imports
this module first, which pauses it, and calls :func:`imports_done` after its imports, which
gives it back as it was; ``app.run`` then hands collection to the GUI thread
(``ui.workers.collecting_on_the_gui_thread``). Since the window is shown first, SQLAlchemy,
the models and the services are imported later, in ``app.prepare_database_layer`` (a pool
thread, automatic collection off), which freezes what it imported (``gc.freeze``) so the
GUI thread's collector does not walk it.

**PySide6's import hook, made cheap.**
Once PySide6 is imported, its ``__feature__`` support (``shibokensupport.feature``) looks at
every module imported afterwards to decide whether it uses PySide6: it calls
``inspect.getsource(module)`` and searches the text for "PySide6". ``getsource`` goes through
``linecache`` and ``tokenize`` for each module and keeps every source in memory; over the few
hundred modules the program imports at start (SQLAlchemy's, ours) that was about a quarter of
the time to the main window (issue 14).

:func:`read_sources_cheaply` replaces that check by the same question asked of the module's
file as bytes. The answer is the same for every module with a ``.py`` file; any other module
(built-in, compiled, zipped) still goes through PySide6's own check. This module imports
nothing from PySide6: it changes the hook only when PySide6 already installed it.
"""

from __future__ import annotations

import gc
import sys
from types import ModuleType
from typing import Any

_MARK = "_coop_desk_cheap"
_collecting = gc.isenabled()


def imports_done() -> None:
    """Give garbage collection back as it was before this module was imported."""
    if _collecting:
        gc.enable()


def read_sources_cheaply() -> bool:
    """Make PySide6's per-module check read the file's bytes. False when PySide6 is not
    imported yet (call again after importing it) or has no such check."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, _MARK, False):
        return original is not None

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    setattr(_mod_uses_pyside, _MARK, True)
    feature._mod_uses_pyside = _mod_uses_pyside
    return True


# Imported by ``coop_desk.app`` right after PySide6, before everything else.
gc.disable()
read_sources_cheaply()
