"""Dialogs of the Premium section: operations in plain words (premium received, project
payment, transfer / exchange, opening balance, reversal), contracts, the Development Plan,
the read-only entry detail and closing / reopening a fiscal year.

Each dialog builds its service call from its widgets, runs it with ``ctx.write(fn, "ledger")``
(one transaction), shows the service's problems next to the fields (``FormProblems``) and any
other error in words (``show_error``). The page creates them through ``open_*`` methods that
return the dialog without showing it, so tests fill the real widgets and click Save.
"""
