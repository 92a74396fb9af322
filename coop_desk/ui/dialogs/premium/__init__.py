"""Dialogs of the Premium section: operations in plain words (premium received, project
payment, transfer / exchange, opening balance, reversal), contracts, the Development Plan,
the read-only entry detail and closing / reopening a fiscal year.

Each form is a ``ui.dialogs.form.FormDialog``: it builds its service call from its widgets;
the base runs it in one transaction, announces "ledger", shows the service's problems next to
the fields and any other error in words. The page creates them through ``open_*`` methods that
return the dialog without showing it, so tests fill the real widgets and click Save.
"""
