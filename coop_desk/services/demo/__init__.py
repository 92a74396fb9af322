"""The demo cooperative: a realistic Peruvian association to explore coop-desk with.

Deterministic (fixed seeds): the same ``today`` always gives the same data. Each part of the
program adds its own demo data in its own module, called in order by :func:`load_demo`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.errors import Conflict
from coop_desk.i18n import _
from coop_desk.models import Member
from coop_desk.services import cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.demo import certs as demo_certs
from coop_desk.services.demo import ledger as demo_ledger
from coop_desk.services.demo import members as demo_members
from coop_desk.services.demo import users as demo_users

# Steps in order; later steps may rely on data from earlier ones.
STEPS = [demo_users.load, demo_members.load, demo_certs.load, demo_ledger.load]


def load_demo(session: Session, actor: Actor, today: date | None = None) -> None:
    """Fill an empty database with the demo cooperative; refuse if members already exist."""
    require(actor, Permission.SETTINGS_WRITE)
    if session.scalar(select(func.count()).select_from(Member)):
        raise Conflict(
            _("The database already holds members; the demo is only loaded into an empty one.")
        )
    today = today or date.today()
    for step in STEPS:
        step(session, actor, today)
    # The demo cooperative speaks the language the program speaks as it is loaded.
    cooperative.name_defaults(session, cooperative.cooperative_language(session))
    session.flush()
