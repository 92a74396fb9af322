"""``users``: user accounts on the command line (an administrator signs in with --user)."""

from __future__ import annotations

import argparse

from coop_desk.cli.context import ENV_NEW_PASSWORD, CliContext, read_password
from coop_desk.cli.output import table
from coop_desk.i18n import _
from coop_desk.services import users
from coop_desk.services.access import ROLE_LABELS, Role


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "users",
        help=_("user accounts and roles"),
        description=_(
            "User accounts. Changes need an administrator: coop-desk --user ADMIN users ..."
        ),
    )
    commands = group.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    lst = commands.add_parser("list", help=_("list the accounts"))
    lst.set_defaults(handler=run_list)

    add = commands.add_parser(
        "add",
        help=_("add an account"),
        description=_(
            "Add an account. Its password comes from {ENV_NEW_PASSWORD} or a prompt.",
            ENV_NEW_PASSWORD=ENV_NEW_PASSWORD,
        ),
    )
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--full-name", default="")
    add.set_defaults(handler=run_add)

    reset = commands.add_parser(
        "reset-password",
        help=_("set a new password for an account (administrator)"),
        description=_(
            "The new password comes from {ENV_NEW_PASSWORD} or a prompt; the user must change "
            "it at the next sign-in (in the desktop application, or with coop-desk --user NAME "
            "users change-password).",
            ENV_NEW_PASSWORD=ENV_NEW_PASSWORD,
        ),
    )
    reset.add_argument("username")
    reset.set_defaults(handler=run_reset)

    deactivate = commands.add_parser("deactivate", help=_("stop an account from signing in"))
    deactivate.add_argument("username")
    deactivate.set_defaults(handler=run_deactivate)

    reactivate = commands.add_parser("reactivate", help=_("let a deactivated account sign in"))
    reactivate.add_argument("username")
    reactivate.set_defaults(handler=run_reactivate)

    role = commands.add_parser("set-role", help=_("change an account's role"))
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(handler=run_set_role)

    passwd = commands.add_parser(
        "change-password",
        help=_("change your own password (the user given with --user)"),
        description=_(
            "The new password comes from {ENV_NEW_PASSWORD} or a prompt. After an "
            "administrator reset it, this is the only command the account may run.",
            ENV_NEW_PASSWORD=ENV_NEW_PASSWORD,
        ),
    )
    passwd.set_defaults(handler=run_change_password)


def _new_password(username: str) -> str:
    return read_password(
        _("New password for {username}: ", username=username), ENV_NEW_PASSWORD, confirm=True
    )


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.read(users.list_users)
    print(
        table(
            [_("User"), _("Name"), _("Role"), _("Active"), _("Last sign-in")],
            (
                [
                    r.username,
                    r.full_name,
                    _(ROLE_LABELS[r.role]),
                    _("yes") if r.active else _("no"),
                    f"{r.last_login_at:%Y-%m-%d %H:%M}Z" if r.last_login_at else "",
                ]
                for r in rows
            ),
        )
    )
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.actor()  # signed in before the new password is asked for
    password = _new_password(args.username)
    row = ctx.write(
        lambda s, a: users.create_user(s, a, args.username, args.role, password, args.full_name)
    )
    print(
        _(
            "Account {username} ({role_label}) created.",
            username=row.username,
            role_label=_(row.role_label),
        )
    )
    return 0


def run_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.actor()  # signed in before the new password is asked for
    password = _new_password(args.username)
    row = ctx.write(lambda s, a: users.reset_password(s, a, args.username, password))
    print(
        _(
            "Password of {username} reset; it must be changed at the next sign-in (coop-desk "
            "--user {username} users change-password).",
            username=row.username,
        )
    )
    return 0


def run_deactivate(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.write(lambda s, a: users.deactivate_user(s, a, args.username))
    print(_("Account {username} deactivated.", username=row.username))
    return 0


def run_reactivate(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.write(lambda s, a: users.reactivate_user(s, a, args.username))
    print(_("Account {username} reactivated.", username=row.username))
    return 0


def run_set_role(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.write(lambda s, a: users.set_role(s, a, args.username, args.role))
    print(
        _(
            "{username} is now {role_label}.",
            username=row.username,
            role_label=_(row.role_label).lower(),
        )
    )
    return 0


def run_change_password(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.cli.context import ENV_PASSWORD

    actor = ctx.actor(changing_password=True)
    old = ctx.sign_in_password()  # --user just signed in with it: not asked twice
    if old is None:
        old = read_password(
            _("Current password for {username}: ", username=actor.username), ENV_PASSWORD
        )
    new = _new_password(actor.username)
    with ctx.db.transaction(actor) as session:
        users.change_password(session, actor, old, new)
    print(_("Password changed."))
    return 0
