"""The reports the Reports menu opens, by name (``dialog.ReportDialog`` makes them). Apart, so
that the menu is built without importing the reports' services (issue 14: start-up time)."""

ASSEMBLY = "assembly"
BALANCES = "balances"
JOURNAL = "journal"
MEMBER = "member"
GENDER = "gender"
