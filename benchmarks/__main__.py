"""Run every benchmark module (``benchmarks/bench_*.py``), each with its ``main()``."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("bench_"):
            importlib.import_module(f"benchmarks.{info.name}").main()


if __name__ == "__main__":
    main()
