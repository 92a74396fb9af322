"""Benchmarks: ``python -m benchmarks`` runs every ``bench_*`` module in this package."""
