"""Demo accounts, one per role, each with the password ``demo`` (stated in the README):
admin (administrator), tesorero (treasurer), secretario (secretary), auditor (auditor)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coop_desk.services import users
from coop_desk.services.access import Actor, Role

DEMO_PASSWORD = "demo"
DEMO_USERS = [
    ("admin", "Rosa Huamán Carranza", Role.ADMINISTRATOR),
    ("tesorero", "Wilmer Delgado Sánchez", Role.TREASURER),
    ("secretario", "Flor Tantaleán Vásquez", Role.SECRETARY),
    ("auditor", "Jaime Vílchez Rojas", Role.AUDITOR),
]


def load(session: Session, actor: Actor, today: date) -> None:
    taken = {u.username for u in users.list_users(session, actor)}
    for username, full_name, role in DEMO_USERS:
        if username in taken:  # e.g. an "admin" created by `coop-desk init --admin admin`
            continue
        users.create_user(
            session, actor, username, role, DEMO_PASSWORD, full_name, allow_weak_password=True
        )
