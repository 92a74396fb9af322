"""Issue 9's findings about the shape of the code, kept from coming back.

- Dead code: a module-level function or class, or a method, that nothing in ``coop_desk``
  mentions besides its definition (``db.has_tables``, ``xlsx.write_table``,
  ``journal.update_entry``... had no caller). The few kept for the tests or the benchmarks are
  listed with the reason.
- Private modules used as public API: a module whose name starts with ``_`` (the old
  ``services/ledger/_common.py``) is imported only from inside its own package, and a private
  function (``_name``) only inside its own module.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import coop_desk

PACKAGE = Path(coop_desk.__file__).parent
# Frozen copies by design: a migration never calls live code, and nothing calls a migration.
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)

# name -> why it stays although no code of the program calls it.
KEPT = {
    "_argparse_plural": "only read by the message extraction (argparse's own plural)",
    "post_entry": "the manual-entry use case; the tests and benchmarks post through it",
    "default_rates": "DOMAIN.md's price table, which the seeded rates are tested against",
    "beancount_balances": "the beancount package's own balances, for the export's tests",
    "match_cash_header": "the cash book's header rule, asked directly by its tests",
    "set_field": "the import wizard's mapping, set by the GUI tests as a user would",
    "show_page": "the main window's navigation, driven by the GUI tests",
    "set_filter": "the audit page's filter, driven by the GUI tests",
    "visible_messages": "what a form shows, read by the GUI tests",
    "page_classes": "every section's page class, walked by the GUI tests (issue 14)",
    "_search_now": "the members page's search without its typing delay, for the GUI tests",
    "typed_labels": "what a stale form shows the user typed, read by the GUI tests (issue 12)",
    "typed_budget": "the budget lines the user typed in a stale revision, for the GUI tests",
}


# A camelCase method is a Qt virtual the widget overrides (wheelEvent, sizeHint): Qt calls it.
# The program's own names are snake_case (ruff's N802 lets a camelCase one in only with a noqa).
_QT_OVERRIDE = re.compile(r"^[a-z]+[A-Z]\w*$")


def _mentions() -> Counter[str]:
    words: Counter[str] = Counter()
    for path in SOURCES:
        words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path.read_text(encoding="utf-8")))
    return words


def _definitions(tree: ast.Module) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for node in tree.body:
        if (
            isinstance(node, ast.FunctionDef | ast.ClassDef)
            and not node.decorator_list
            and not node.name.startswith("__")  # module __getattr__ (PEP 562): Python calls it
        ):
            found.append((node.name, node.lineno))
        if isinstance(node, ast.ClassDef):
            found.extend(
                (sub.name, sub.lineno)
                for sub in node.body
                if isinstance(sub, ast.FunctionDef)
                and not sub.decorator_list
                and not sub.name.startswith("__")
                and not _QT_OVERRIDE.match(sub.name)
            )
    return found


def test_no_function_or_class_without_a_caller():
    words = _mentions()
    dead = [
        f"{path.relative_to(PACKAGE.parent)}:{line} {name}"
        for path in SOURCES
        for name, line in _definitions(ast.parse(path.read_text(encoding="utf-8")))
        if words[name] <= 1 and name not in KEPT
    ]
    assert dead == [], "defined but never called in coop_desk:\n" + "\n".join(dead)


def test_the_kept_ones_are_still_there():
    """An entry of KEPT whose definition went away is removed from the list too."""
    defined = {
        name
        for path in SOURCES
        for name, _line in _definitions(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert set(KEPT) <= defined


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _private_imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append((node.module, node.lineno))
            names.extend(
                (f"{node.module}.{a.name}", node.lineno)
                for a in node.names
                if _is_module(f"{node.module}.{a.name}")
            )
        elif isinstance(node, ast.Import):
            names.extend((a.name, node.lineno) for a in node.names)
    return names


def test_private_modules_are_imported_only_inside_their_package():
    offenders = []
    for path in SOURCES:
        importer = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for module, line in _private_imports(path):
            parts = module.split(".")
            private = [i for i, part in enumerate(parts) if part.startswith("_") and i > 0]
            if parts[0] != "coop_desk" or not private:
                continue
            package = ".".join(parts[: private[0]])
            if not (importer + ".").startswith(package + "."):
                offenders.append(f"{importer}:{line} imports {module}")
    assert offenders == [], "\n".join(offenders)


def test_private_functions_are_not_imported_from_another_module():
    offenders = []
    for path in SOURCES:
        importer = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(
                "coop_desk"
            ):
                continue
            offenders.extend(
                f"{importer}:{node.lineno} imports {node.module}.{a.name}"
                for a in node.names
                # ``_`` is the message catalogue's function and ``__version__`` a dunder: public.
                if a.name.startswith("_") and a.name != "_" and not a.name.startswith("__")
            )
    assert offenders == [], "\n".join(offenders)


def test_dialogs_save_through_the_one_form_base():
    """Issue 9 found two form-dialog bases and four dialogs with their own ``save()``: the GUI
    defines ``save`` once, in ``ui/dialogs/form.py``, and every form dialog inherits it."""
    defined = [
        f"{path.relative_to(PACKAGE.parent)}:{sub.lineno} {node.name}.save"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        for sub in node.body
        if isinstance(sub, ast.FunctionDef) and sub.name == "save"
    ]
    assert [d.split(" ")[1] for d in defined] == ["FormDialog.save"], defined
    assert defined[0].startswith("coop_desk/ui/dialogs/form.py:")
