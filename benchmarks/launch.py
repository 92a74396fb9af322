"""``python -m benchmarks.launch RESULT.json CMD ...``: run CMD and write its wall time and
peak RSS to RESULT.json.

Why a launcher: Linux records, at ``exec``, the high-water RSS of the address space being
replaced into the new program's ``ru_maxrss``; ``subprocess`` starts children with ``vfork``,
so every child of the (large) benchmark process reported the benchmark's own peak (a 90 MB
process showed 1.8 GB). The launcher is a small process: its children inherit its small peak
(about 20 MB, below every memory target by far). It also times the child itself, so Python's
start-up of the launcher is no part of the figure, and hands the child ``BENCH_T0`` (the GUI
probe's clock origin) taken just before the child starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    result, command = Path(sys.argv[1]), sys.argv[2:]
    os.environ["BENCH_T0"] = repr(time.time())
    start = time.perf_counter()
    process = subprocess.Popen(command)  # stdout/stderr: the launcher's, read by the bench
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    result.write_text(json.dumps({"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024}))
    return code


if __name__ == "__main__":
    sys.exit(main())
