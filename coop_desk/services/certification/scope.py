"""Certification schemes (the built-in ones and those the cooperative adds) and each member's
scope: whether the member is in the certified scope of a scheme, and since when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import SchemeKind
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold, fold_key
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import N_, _
from coop_desk.models import CertScheme, Member, MemberScheme
from coop_desk.services import versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.certificates import CertificateRow
from coop_desk.services.certification.standing import find_member

# The schemes every database starts with (seeded by migration 0200, in English; a new
# cooperative's are named in its language by ``cooperative.name_defaults``).
BUILTIN_SCHEMES = [
    ("fairtrade", "Fairtrade", "fairtrade"),
    ("organic-eu", N_("Organic EU (Reg. 2018/848)"), "organic"),
    ("organic-nop", N_("Organic USDA NOP"), "organic"),
    ("organic-jas", N_("Organic JAS (Japan)"), "organic"),
]


@dataclass(frozen=True)
class SchemeRow:
    id: int
    code: str
    name: str
    kind: str
    member_certificates: bool
    builtin: bool


@dataclass(frozen=True)
class SchemeInput:
    name: str
    kind: str = SchemeKind.OTHER.value
    member_certificates: bool = False


@dataclass(frozen=True)
class SchemeStatusRow:
    scheme_id: int
    scheme_name: str
    scheme_kind: str
    member_certificates: bool
    in_scope: bool | None  # None: nothing recorded for this scheme
    since: date | None
    notes: str
    certificate: CertificateRow | None  # the member's own latest certificate of the scheme
    record_version: int = 0  # of the stored scope row; 0: nothing recorded yet


def list_schemes(session: Session, actor: Actor) -> list[SchemeRow]:
    require(actor, Permission.READ)
    return [
        scheme_row(s)
        for s in session.scalars(
            select(CertScheme).order_by(CertScheme.builtin.desc(), CertScheme.name)
        )
    ]


def scheme_id(session: Session, code: str) -> int:
    found = session.scalar(select(CertScheme.id).where(CertScheme.code == code))
    if found is None:
        raise NotFound(_("There is no certification scheme '{code}'.", code=code))
    return found


def add_scheme(session: Session, actor: Actor, data: SchemeInput) -> SchemeRow:
    """A scheme the cooperative also holds (Rainforest Alliance, C.A.F.E. Practices...)."""
    require(actor, Permission.CERTS_WRITE)
    name = clean(data.name)
    code = fold(name).replace(" ", "-")[:40]
    problems: list[Problem] = []
    if not name:
        problems.append(Problem("name", _("the scheme's name is required")))
    if data.kind not in set(SchemeKind):
        problems.append(Problem("kind", _("the kind is fairtrade, organic or other")))
    existing = {fold_key(n) for n in session.scalars(select(CertScheme.name))}
    if name and fold_key(name) in existing:
        problems.append(Problem("name", _("the scheme '{name}' already exists", name=name)))
    if problems:
        raise ValidationError(problems)
    scheme = CertScheme(
        code=code,
        name=name,
        kind=data.kind,
        member_certificates=data.member_certificates,
        builtin=False,
    )
    session.add(scheme)
    session.flush()
    return scheme_row(scheme)


def set_member_scheme(
    session: Session,
    actor: Actor,
    member_id: int,
    scheme_id_: int,
    in_scope: bool,
    since: date,
    notes: str = "",
    *,
    today: date | None = None,
    record_version: int | None = None,
) -> SchemeStatusRow:
    """Whether the member is in the certified scope of a scheme (Fairtrade: yes/no since).
    ``record_version``: the version the user's form showed (``SchemeStatusRow``); refused
    with ``StaleEdit`` when another user changed the member's scope since."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    member = find_member(session, member_id)
    scheme = session.get(CertScheme, scheme_id_)
    problems = [] if scheme else [Problem("scheme_id", _("the scheme does not exist"))]
    problems += _scope_problems(member.join_date, in_scope, since, today)
    if problems:
        raise ValidationError(problems)
    assert scheme is not None
    stored = session.scalar(
        select(MemberScheme).where(
            MemberScheme.member_id == member_id, MemberScheme.scheme_id == scheme_id_
        )
    )
    what = _("The scope of member {code} in {scheme}", code=member.code, scheme=scheme.name)
    versions.check_row(
        session,
        stored,
        MemberScheme.__tablename__,
        stored.id if stored is not None else "",
        record_version,
        what,
    )
    row = record_member_scheme(
        session, actor, member, scheme_id_, in_scope, since, notes, today=today, stored=stored
    )
    session.flush()
    return SchemeStatusRow(
        scheme_id=scheme.id,
        scheme_name=scheme.name,
        scheme_kind=scheme.kind,
        member_certificates=scheme.member_certificates,
        in_scope=row.in_scope,
        since=row.since,
        notes=row.notes,
        certificate=None,
        record_version=row.version,
    )


def record_member_scheme(
    session: Session,
    actor: Actor,
    member: Member,
    scheme_id_: int,
    in_scope: bool,
    since: date,
    notes: str = "",
    *,
    today: date,
    stored: MemberScheme | None,
) -> MemberScheme:
    """Validate and write (not flushed) the member's place in an existing scheme, over its
    ``stored`` row or as a new one. ``set_member_scheme`` reads what it needs first; the
    roster import, which knows the members it has just created have no row, writes through
    this alone (no query, no return row)."""
    values = member_scheme_columns(actor, member.join_date, in_scope, since, notes, today=today)
    row = stored or MemberScheme(member_id=member.id, scheme_id=scheme_id_)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    return row


def member_scheme_columns(
    actor: Actor, join_date: date, in_scope: bool, since: date, notes: str = "", *, today: date
) -> dict[str, object]:
    """Validate a member's place in a scheme (the member joined on ``join_date``) and return
    the columns it sets: what ``record_member_scheme`` writes on its row, and what the roster
    import inserts in bulk for the members it registers."""
    require(actor, Permission.CERTS_WRITE)
    problems = _scope_problems(join_date, in_scope, since, today)
    if problems:
        raise ValidationError(problems)
    return {
        "in_scope": in_scope,
        "since": since,
        "notes": notes.strip(),
        "updated_by": actor.username,
    }


def _scope_problems(join_date: date, in_scope: bool, since: date, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if since > today:
        problems.append(Problem("since", _("the date is in the future")))
    if since < join_date and in_scope:
        problems.append(
            Problem(
                "since",
                _("the member joined on {join_date}, after this date", join_date=join_date),
            )
        )
    return problems


def scheme_row(s: CertScheme) -> SchemeRow:
    return SchemeRow(s.id, s.code, s.name, s.kind, s.member_certificates, s.builtin)
