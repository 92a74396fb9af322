"""The certification core runs without Qt: importing it must not load PySide6."""

from __future__ import annotations

import subprocess
import sys


def test_certification_core_does_not_import_qt():
    code = (
        "import sys\n"
        "import coop_desk.domain.certification, coop_desk.services.certification\n"
        "import coop_desk.services.certification.alerts, coop_desk.exchange.ics_export\n"
        "import coop_desk.cli.certs, coop_desk.services.demo.certs\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
