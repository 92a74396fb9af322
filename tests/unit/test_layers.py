"""The Qt-free core never imports PySide6: services and the CLI run without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coop_desk

PACKAGE = Path(coop_desk.__file__).parent
QT_FREE = ["domain", "models", "services", "exchange", "cli", "migrations"]
QT_FREE_FILES = ["db.py", "errors.py", "paths.py", "__init__.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def qt_free_files() -> list[Path]:
    files = [PACKAGE / f for f in QT_FREE_FILES]
    for sub in QT_FREE:
        files.extend(sorted((PACKAGE / sub).rglob("*.py")))
    return files


def test_no_qt_import_in_the_core_source():
    offenders = []
    for path in qt_free_files():
        for name in _imports(path):
            if name.split(".")[0] == "PySide6" or name.startswith("coop_desk.ui"):
                # the `gui` command imports the app lazily inside its handler, by design
                if path.name == "basic.py" and name == "coop_desk.app":
                    continue
                # so does `ledger report --pdf`, the one command Qt lays out (issue 15)
                if path.name == "ledger_excel.py" and name == "coop_desk.ui.printing.cli":
                    continue
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = []
    for path in qt_free_files():
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if "migrations" in parts:
            continue  # Alembic scripts run only inside Alembic's context
        modules.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from coop_desk.cli import build_parser; build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
