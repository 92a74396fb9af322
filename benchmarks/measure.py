"""Timing helpers: whole child processes with their peak memory, and medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock, start of the process to its exit
    peak_mb: float  # peak resident set size of the process (ru_maxrss)
    returncode: int
    stdout: str
    stderr: str


def child_env(home: Path) -> dict[str, str]:
    """The environment of every measured process: offscreen Qt, and settings and data folders
    of its own (no saved window geometry, language or backups of the person running it)."""
    env = dict(os.environ)
    env.pop("COOP_DESK_DB", None)
    env.pop("COOP_DESK_LANG", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env["COOP_DESK_DATA_DIR"] = str(home / "coop-desk-data")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run(argv: Sequence[str], env: dict[str, str], timeout: float = 1800) -> Run:
    """Run ``argv`` to its end: its wall time and peak RSS, as measured by ``launch``."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result = Path(handle.name)
    try:
        process = subprocess.Popen(
            [PYTHON, "-m", "benchmarks.launch", str(result), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        measured = json.loads(result.read_text() or '{"seconds": 0, "peak_mb": 0}')
    finally:
        result.unlink(missing_ok=True)
    return Run(measured["seconds"], measured["peak_mb"], process.returncode, out, err)


def coop_desk(database: Path, *args: str) -> list[str]:
    return [PYTHON, "-m", "coop_desk", "--db", str(database), *args]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls of ``fn`` (in this process)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
