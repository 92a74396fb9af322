"""Compile the core's gettext catalogue (.po -> .mo) with Babel, checking every message.

Why not ``pybabel compile``: Babel reads any msgid that *looks* like a %-placeholder as
python-format, so "25% of the premium" (a brace-format message with a literal per cent sign)
is checked as the placeholder "% o" against its Spanish "25% de" ("% d") and the compile
fails. Our own messages use ``str.format``; only argparse's (``%(prog)s``, ``%s``) are
%-formatted. This checks placeholders only where a real one exists and fails on anything else.

Usage: python tools/compile_catalogue.py path/to/coop_desk.po   (writes coop_desk.mo beside it)
"""

import re
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# A real %-placeholder: %(name)x, or %x right after the per cent sign (no space flag).
REAL = re.compile(r"%(\([a-z_]+\))?[-#0+]*\d*(\.\d+)?[sdrifgeExXoc]")


def main(path: str) -> int:
    po = Path(path)
    with po.open("rb") as f:
        catalog = read_po(f, locale="es")
    failures = 0
    for message, errors in catalog.check():
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        real = any(REAL.search(i.replace("%%", "")) for i in ids)
        for error in errors:
            if not real and "placeholder" in str(error):
                continue
            failures += 1
            print(f"{po}:{message.lineno}: {error}", file=sys.stderr)
    if failures:
        return 1
    with po.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalog)
    done = sum(1 for m in catalog if m.id and m.string)
    print(f"{done} of {len(catalog)} messages translated in {po}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
