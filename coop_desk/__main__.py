"""Allows ``python -m coop_desk``."""

from coop_desk.cli import main

raise SystemExit(main())
