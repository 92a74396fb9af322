"""``ui.quick_start`` (issue 14): what ``coop_desk.app`` does before its imports."""

from __future__ import annotations

from tests.conftest import python_output

_run = python_output


def test_garbage_collection_is_given_back_after_the_imports():
    script = """
import gc
import coop_desk.app
print(gc.isenabled())
"""
    assert _run(script) == "True"
    # And left off when it was off before (a program that manages it itself).
    script = """
import gc
gc.disable()
import coop_desk.app
print(gc.isenabled())
"""
    assert _run(script) == "False"


def test_pysides_check_gives_the_same_answers_reading_bytes():
    """PySide6's per-module "does it use PySide6?" check, replaced by a read of the file's
    bytes, answers as PySide6's own does, and falls back to it for modules without a file."""
    script = """
import sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
from coop_desk.ui import quick_start
cheap = feature._mod_uses_pyside
assert cheap is not original and quick_start.read_sources_cheaply()
assert feature._mod_uses_pyside is cheap  # once only
import coop_desk.domain.money, coop_desk.ui.workers, json, sqlite3
for module in (coop_desk.domain.money, coop_desk.ui.workers, json, sqlite3, sys, PySide6.QtCore):
    assert cheap(module) == original(module), module
print(cheap(coop_desk.ui.workers), cheap(coop_desk.domain.money), cheap(sys))
"""
    assert _run(script) == "True False False"
