"""Issue 14's performance figures: ``make bench`` (``python -m benchmarks``) prints each one
with its target and ``met`` or ``MISSED``; performance targets live here, never in the tests.

- ``dataset``: the federation-sized data set, generated with bulk inserts and a matching audit
  trail (``bulk``), cached in ``benchmarks/.data/``;
- ``figures``: what is measured, against which target, how; ``measure`` and ``launch``: whole
  child processes with their wall time and peak memory;
- ``gui_probe``: the GUI timings, observed from outside the program in an offscreen child;
- ``floors``: openpyxl write-only and read-only, the floors of the workbook ratios;
  ``roster``: the 10,000-row roster workbook;
- ``DIAGNOSIS.md``: where the time and memory go, per missed figure.
"""
