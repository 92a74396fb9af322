"""What a command handler needs: the database (opened on first use), the signed-in actor, and
one transaction per command (``ctx.read`` / ``ctx.write``, as the GUI's ``AppContext`` has)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.orm import Session

from coop_desk.db import Database
from coop_desk.domain import limits
from coop_desk.i18n import _
from coop_desk.services import users
from coop_desk.services.access import LOCAL, SYSTEM, Actor

T = TypeVar("T")

ENV_PASSWORD = "COOP_DESK_PASSWORD"
ENV_NEW_PASSWORD = "COOP_DESK_NEW_PASSWORD"


class CliError(Exception):
    """A usage problem found by a command (a file that does not exist, a bad option value)."""


def book_year(text: str) -> int:
    """An argument naming a fiscal year the books can hold (``domain.limits``)."""
    try:
        year = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("'{text}' is not a year", text=text)) from exc
    if beyond := limits.check_book_year(year):
        raise argparse.ArgumentTypeError(beyond)
    return year


def read_password(prompt: str, env: str = ENV_PASSWORD, *, confirm: bool = False) -> str:
    """A password from the environment variable ``env`` or, when unset, typed at a prompt
    that does not echo (twice when ``confirm``)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise CliError(_("the two passwords differ"))
    except EOFError as exc:
        raise CliError(
            _("no password given (set {env} or type it at the prompt)", env=env)
        ) from exc
    return first


def ask_server_password(where: str, retry: bool) -> str | None:
    """The database server's password, typed at a prompt that does not echo (never on the
    command line). None when there is no terminal to ask on."""
    if retry:
        print(_("The server refused that password."), file=sys.stderr)
    try:
        return getpass.getpass(_("Password for the database {where}: ", where=where))
    except EOFError:
        return None


@dataclass
class CliContext:
    db_target: str | None = None
    username: str | None = None
    _db: Database | None = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    _password: str | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(self.db_target, ask_password=ask_server_password)
            if self._db.schema_problems:
                # Reads go on (verify names every difference); every write is refused.
                print(_("warning: {warning}", warning=self._db.damage_message()), file=sys.stderr)
        return self._db

    def actor(self, *, changing_password: bool = False) -> Actor:
        """The acting user.

        With ``--user NAME``: that user, once the password (``COOP_DESK_PASSWORD`` or a prompt)
        is right; if an administrator reset it, only ``users change-password``
        (``changing_password``) is allowed until it is changed. Without: the local system
        while the database has no accounts and never had any (so a fresh database can be set
        up), else a read-only local auditor: lists, reports and verify work; any change is
        refused by the services with a hint to use ``--user``.
        """
        if self._actor is None:
            if self.username:
                password = read_password(_("Password for {username}: ", username=self.username))
                actor = users.sign_in(self.db, self.username, password)
                with self.db.reading(actor) as session:
                    must_change = users.get_user(session, actor, actor.username)
                if must_change.must_change_password and not changing_password:
                    raise CliError(
                        _(
                            "an administrator reset the password of {user}: change it first, "
                            "with: coop-desk --user {user} users change-password",
                            user=actor.username,
                        )
                    )
                self._password = password
                self._actor = actor
            else:
                with self.db.reading(None) as session:
                    self._actor = LOCAL if users.has_users(session) else SYSTEM
        return self._actor

    def read(self, fn: Callable[[Session, Actor], T]) -> T:
        """Run read-only service calls as the actor: ``ctx.read(users.list_users)``."""
        actor = self.actor()
        with self.db.reading(actor) as session:
            return fn(session, actor)

    def write(self, fn: Callable[[Session, Actor], T]) -> T:
        """Run the command's change as one transaction: committed when ``fn`` returns, rolled
        back when it raises."""
        actor = self.actor()
        with self.db.transaction(actor) as session:
            return fn(session, actor)

    def sign_in_password(self) -> str | None:
        """The password ``--user`` signed in with in this run (not asked for twice)."""
        return self._password

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
