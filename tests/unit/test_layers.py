"""The layers hold, by a test rather than by goodwill.

The contracts live in pyproject.toml (``[tool.importlinter]``): front ends > db > services >
exchange | models > domain, exchange without a database, workbooks (openpyxl) only in exchange,
no file hashing in the front ends (one document store), front ends reaching file formats only
through services (rosters and cash books are read for the preview by the import services), no
Qt below the GUI, no import cycles between sibling modules. ``lint-imports`` checks them statically; these tests run it on
the source, show that it fails when a forbidden import is added (on a copy of the package),
and check at run time that importing the whole core loads no Qt (a dynamic import is invisible
to a static check).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

import coop_desk

PACKAGE = Path(coop_desk.__file__).parent
ROOT = PACKAGE.parent
PYPROJECT = ROOT / "pyproject.toml"
CORE = ["domain", "models", "services", "exchange", "db", "errors", "paths", "cli"]


def test_the_import_contracts_hold(capsys):
    code = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out
    for contract in (
        "Layers",
        "exchange holds file formats only",
        "Front ends call services",
        "One xlsx path",
        "One document store",
        "Nothing below the GUI",
    ):
        assert f"{contract}" in out
    assert "0 broken" in out


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory) -> Path:
    """The package and its contracts, copied: each case below adds one import to the copy."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(PACKAGE, root / "coop_desk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PYPROJECT, root / "pyproject.toml")
    return root


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy, not the installed package
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("module", "line", "named"),
    [
        (
            "exchange/xlsx.py",
            "from coop_desk.services import members",
            "coop_desk.exchange is not allowed to import coop_desk.services",
        ),
        (
            "services/members.py",
            "from coop_desk.ui import labels",
            "coop_desk.services is not allowed to import coop_desk.ui",
        ),
        ("domain/money.py", "import PySide6.QtCore", "coop_desk.domain.money -> PySide6 "),
        # A second workbook writer, or a file hasher in the GUI (issue 9 found both).
        (
            "services/member_export.py",
            "import openpyxl",
            "coop_desk.services.member_export -> openpyxl",
        ),
        ("ui/documents.py", "import hashlib", "coop_desk.ui.documents -> hashlib"),
        # A front end that reads a roster or a cash book itself, past the import services.
        (
            "ui/dialogs/ledger_excel.py",
            "from coop_desk.exchange.cashbook import read_cashbook",
            "coop_desk.ui.dialogs.ledger_excel -> coop_desk.exchange.cashbook",
        ),
        (
            "cli/members_excel.py",
            "from coop_desk.exchange import roster",
            "coop_desk.cli.members_excel -> coop_desk.exchange.roster",
        ),
        ("models/base.py", "from coop_desk.exchange import xlsx", "coop_desk.models"),
        ("exchange/values.py", "import sqlalchemy", "coop_desk.exchange.values -> sqlalchemy"),
        (
            "services/ledger/accounts.py",
            "from coop_desk.services.ledger import operations",
            "No cycles are allowed in coop_desk.services.ledger",
        ),
    ],
)
def test_a_forbidden_import_breaks_a_contract(package_copy, module, line, named):
    target = package_copy / "coop_desk" / module
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(f"{original}\n{line}  # added by the test\n", encoding="utf-8")
        result = _lint(package_copy)
    finally:
        target.write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert named in result.stdout, result.stdout


def test_the_copy_itself_keeps_the_contracts(package_copy):
    """The cases above fail because of their added line, not because the copy differs."""
    result = _lint(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def _core_modules() -> list[str]:
    modules = []
    for name in CORE:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
        for file in files:
            parts = list(file.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules.append(".".join(parts))
    return modules


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for m in {_core_modules()!r}: importlib.import_module(m)\n"
        "from coop_desk.cli import build_parser; build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
