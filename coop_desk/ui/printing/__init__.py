"""Printed reports and PDFs, in the user's language, without a browser.

Each report is made in two steps. ``load_*`` (``documents``) calls the services in a worker
thread and returns frozen rows, never ORM objects; ``render_*`` turns those rows into the HTML
subset ``QTextDocument`` lays out, with every word through ``tr()`` and numbers and dates in the
user's locale. ``output`` writes the document to a PDF (``QPdfWriter``, A4, page numbers) or
sends it to a printer chosen in ``QPrintDialog``. ``actions`` are the menu actions of the GUI;
``cli`` is the entry point ``coop-desk ledger report --pdf`` uses (an offscreen
``QGuiApplication``, nothing shown).

Reports: the General Assembly's premium-use report (with the gender section), the project
balances, a member's card (data, plots, certification status) and the journal of a period.
"""
