"""Keep the ``python-format`` flag only on messages that really are %-formatted.

Babel flags any msgid that *looks* like a %-placeholder, so "25% of the premium" (a brace-format
message with a literal per cent sign) is read as the placeholder "% o" and its Spanish "25% de"
as "% d"; compiling then fails on the mismatch. Our own messages use ``str.format``; only
argparse's messages (``%(prog)s``, ``%s``) are %-formatted.

Usage: python tools/po_format_flags.py coop_desk/i18n/locale/es/LC_MESSAGES/coop_desk.po
"""

import re
import sys
from pathlib import Path

# A real %-placeholder: %(name)x, or %x right after the per cent sign (no space flag).
REAL = re.compile(r"%(\([a-z_]+\))?[-#0+]*\d*(\.\d+)?[sdrifgeExXoc]")


def main(path: str) -> None:
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if not line.startswith("#,") or "python-format" not in line:
            continue
        msgid = next((later for later in lines[i + 1 :] if later.startswith("msgid ")), "")
        if REAL.search(msgid.replace("%%", "")):
            continue
        flags = [f.strip() for f in line[2:].split(",") if f.strip() != "python-format"]
        lines[i] = "#, " + ", ".join(flags) + "\n" if flags else ""
    Path(path).write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
