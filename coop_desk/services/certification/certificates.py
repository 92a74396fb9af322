"""Certificates of the cooperative and of members (scheme, certifier, number, scope, issue and
expiry dates, the attached document), and the members in the scope of a scheme that certifies
each farm who hold no certificate of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import CertificateInput, validate_certificate
from coop_desk.domain.members import full_name
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Certificate, CertScheme, Member, MemberScheme
from coop_desk.services import documents, versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.standing import GROUP_STATUSES, member_names


@dataclass(frozen=True)
class CertificateRow:
    id: int
    scheme_id: int
    scheme_name: str
    scheme_kind: str
    member_id: int | None
    member_code: str
    member_name: str
    certifier: str
    number: str
    scope: str
    issue_date: date
    expiry_date: date
    document_sha256: str | None
    document_name: str
    notes: str
    record_version: int = 1  # of the stored row (``services.versions``)

    @property
    def holder(self) -> str:
        return f"{self.member_code} {self.member_name}" if self.member_id else "cooperative"

    def days_left(self, on: date) -> int:
        return (self.expiry_date - on).days


def list_certificates(
    session: Session, actor: Actor, *, member_id: int | None = None, everyone: bool = False
) -> list[CertificateRow]:
    """The cooperative's certificates (default), one member's (``member_id``) or all of them
    (``everyone``), latest expiry first."""
    require(actor, Permission.READ)
    stmt = select(Certificate).order_by(Certificate.expiry_date.desc(), Certificate.id.desc())
    if not everyone:
        stmt = stmt.where(
            Certificate.member_id == member_id
            if member_id is not None
            else Certificate.member_id.is_(None)
        )
    certs = list(session.scalars(stmt))
    names = member_names(session, {c.member_id for c in certs if c.member_id})
    return [certificate_row(c, names) for c in certs]


def get_certificate(session: Session, actor: Actor, certificate_id: int) -> CertificateRow:
    require(actor, Permission.READ)
    cert = session.get(Certificate, certificate_id)
    if cert is None:
        raise NotFound(
            _("There is no certificate with id {certificate_id}.", certificate_id=certificate_id)
        )
    return certificate_row(cert, member_names(session, {cert.member_id or 0}))


def save_certificate(
    session: Session,
    actor: Actor,
    data: CertificateInput,
    certificate_id: int | None = None,
    *,
    record_version: int | None = None,
) -> CertificateRow:
    """Create a certificate, or edit one (``certificate_id``). A new document replaces the
    attached one; without ``document_path`` the attached document stays. ``record_version``:
    the version the user's form showed (refused with ``StaleEdit`` when it changed since)."""
    require(actor, Permission.CERTS_WRITE)
    problems = validate_certificate(data)
    problems += documents.document_problems(data.document_path, "document_path")
    if data.scheme_id is not None and session.get(CertScheme, data.scheme_id) is None:
        problems.append(Problem("scheme_id", _("the scheme does not exist")))
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        problems.append(
            Problem(
                "member_id", _("there is no member with id {member_id}", member_id=data.member_id)
            )
        )
    cert: Certificate | None = None
    if certificate_id is not None:
        cert = session.get(Certificate, certificate_id)
        if cert is None:
            raise NotFound(
                _(
                    "There is no certificate with id {certificate_id}.",
                    certificate_id=certificate_id,
                )
            )
        versions.check(
            session, cert, record_version, _("The certificate {number}", number=cert.number)
        )
    if problems:
        raise ValidationError(problems)
    assert data.scheme_id is not None and data.issue_date and data.expiry_date
    if cert is None:
        cert = Certificate(recorded_by=actor.username)
        session.add(cert)
    cert.scheme_id = data.scheme_id
    cert.member_id = data.member_id
    cert.certifier = clean(data.certifier)
    cert.number = clean(data.number)
    cert.scope = data.scope.strip()
    cert.issue_date = data.issue_date
    cert.expiry_date = data.expiry_date
    cert.notes = data.notes.strip()
    if data.document_path:
        stored = documents.store_document(session, actor, data.document_path, field="document_path")
        cert.document_sha256, cert.document_name = stored.sha256, stored.name
    session.flush()
    session.refresh(cert)
    return certificate_row(cert, member_names(session, {cert.member_id or 0}))


@dataclass(frozen=True)
class MissingCertificate:
    member_id: int
    code: str
    name: str
    scheme_id: int
    scheme_name: str


def missing_member_certificates(session: Session, on: date) -> list[MissingCertificate]:
    """Members of the group in the scope of a scheme that certifies each farm, without any
    certificate of their own for it (expired ones are reported as expired instead)."""
    schemes = {
        s.id: s.name
        for s in session.scalars(select(CertScheme).where(CertScheme.member_certificates))
    }
    if not schemes:
        return []
    holders = set(
        session.execute(
            select(Certificate.member_id, Certificate.scheme_id).where(
                Certificate.member_id.is_not(None), Certificate.scheme_id.in_(list(schemes))
            )
        ).tuples()
    )
    rows = session.execute(
        select(
            MemberScheme.member_id,
            MemberScheme.scheme_id,
            Member.code,
            Member.first_names,
            Member.surnames,
        )
        .join(Member, Member.id == MemberScheme.member_id)
        .where(
            MemberScheme.in_scope,
            MemberScheme.since <= on,
            MemberScheme.scheme_id.in_(list(schemes)),
            Member.status.in_(GROUP_STATUSES),
        )
        .order_by(Member.code_sort)
    )
    return [
        MissingCertificate(
            r.member_id,
            r.code,
            full_name(r.first_names, r.surnames),
            r.scheme_id,
            schemes[r.scheme_id],
        )
        for r in rows
        if (r.member_id, r.scheme_id) not in holders
    ]


def certificate_row(c: Certificate, names: dict[int, tuple[str, str]]) -> CertificateRow:
    code, name = names.get(c.member_id or 0, ("", ""))
    return CertificateRow(
        id=c.id,
        scheme_id=c.scheme_id,
        scheme_name=c.scheme.name,
        scheme_kind=c.scheme.kind,
        member_id=c.member_id,
        member_code=code,
        member_name=name,
        certifier=c.certifier,
        number=c.number,
        scope=c.scope,
        issue_date=c.issue_date,
        expiry_date=c.expiry_date,
        document_sha256=c.document_sha256,
        document_name=c.document_name,
        notes=c.notes,
        record_version=c.version,
    )
