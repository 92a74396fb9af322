"""Qt only: windows, pages, dialogs, item models and workers. Calls ``services``; holds no
business rules and no queries of its own."""
