"""Argument types the commands share (argparse ``type=``): one reading of a typed value, one
message when it is not one."""

from __future__ import annotations

import argparse
from datetime import date

from coop_desk.i18n import _


def iso_date(text: str) -> date:
    """A date typed as ``YYYY-MM-DD``; argparse shows the message and the usage otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date (YYYY-MM-DD)", text=text)
        ) from exc
