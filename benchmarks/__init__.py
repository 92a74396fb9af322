"""Performance benchmarks, run with ``make bench``; they print a table, never fail a build."""
