"""Certification use cases: schemes and certificates (with their documents), per-plot organic
status, member status per scheme, internal inspections, corrective actions, the ICS approval
committee, sanctions, and the ICS views built from them (DOMAIN.md, "Organic group
certification: the Internal Control System").

Rules that decide who counts (documented here, applied everywhere):
- the *group* is every member whose register status is active or suspended and who is not
  excluded by an ICS sanction on the date;
- a member is *approved* once the latest committee decision on or before the date approves it;
- a member is *suspended* for certification when the register says suspended or an ICS
  suspension (or exclusion) is in force on the date; a suspended member's plots do not count
  as certified;
- *inspected this year* means an internal inspection dated from 1 January of the date's year up
  to the date.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk import paths
from coop_desk.domain.certification import (
    GROUP_RULE_SETTINGS,
    CertificateInput,
    CommitteeDecision,
    ConversionStatus,
    GroupRules,
    InspectionInput,
    InspectionResult,
    SanctionInput,
    SanctionKind,
    SchemeKind,
    conversion_status,
    counts_as_certified,
    coverage_percent,
    organic_from,
    reinspection_sample,
    sanction_active,
    validate_certificate,
    validate_inspection,
    validate_override,
    validate_sanction,
)
from coop_desk.domain.members import MemberStatus, full_name
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold, fold_key
from coop_desk.errors import NotFound, ValidationError
from coop_desk.models import (
    ApprovalDecision,
    Certificate,
    CertScheme,
    CorrectiveAction,
    Inspection,
    InspectionPlot,
    Member,
    MemberScheme,
    Plot,
    PlotOrganic,
    Sanction,
    Setting,
)
from coop_desk.services.access import Actor, Permission, require

# The schemes every database starts with (seeded by migration 0200).
BUILTIN_SCHEMES = [
    ("fairtrade", "Fairtrade", "fairtrade"),
    ("organic-eu", "Organic EU (Reg. 2018/848)", "organic"),
    ("organic-nop", "Organic USDA NOP", "organic"),
    ("organic-jas", "Organic JAS (Japan)", "organic"),
]

# Register statuses of members who belong to the certified group.
GROUP_STATUSES = (MemberStatus.ACTIVE.value, MemberStatus.SUSPENDED.value)

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


# --- rows ---------------------------------------------------------------------------------


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

    @property
    def holder(self) -> str:
        return f"{self.member_code} {self.member_name}" if self.member_id else "cooperative"

    def days_left(self, on: date) -> int:
        return (self.expiry_date - on).days

    def valid_on(self, on: date) -> bool:
        return self.issue_date <= on <= self.expiry_date


@dataclass(frozen=True)
class PlotStatusRow:
    plot_id: int
    member_id: int
    name: str
    total_area_ha: Decimal
    coffee_area_ha: Decimal
    conversion_start: date | None
    computed: ConversionStatus
    override: ConversionStatus | None
    override_reason: str
    status: ConversionStatus  # the override when there is one, else the computed status
    organic_from: date | None  # when the computed status reaches organic
    certified: bool  # organic, member approved and not suspended


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


@dataclass(frozen=True)
class ActionRow:
    id: int
    inspection_id: int
    member_id: int
    member_code: str
    member_name: str
    description: str
    due_date: date
    completed_on: date | None
    completion_note: str

    def overdue(self, on: date) -> bool:
        return self.completed_on is None and self.due_date < on


@dataclass(frozen=True)
class InspectionRow:
    id: int
    member_id: int
    member_code: str
    member_name: str
    inspection_date: date
    inspector: str
    result: str
    findings: str
    plot_ids: tuple[int, ...]
    plot_names: tuple[str, ...]
    yield_estimate_kg: Decimal | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None
    actions: tuple[ActionRow, ...]
    recorded_by: str


@dataclass(frozen=True)
class SanctionRow:
    id: int
    member_id: int
    member_code: str
    member_name: str
    kind: str
    decided_on: date
    starts_on: date | None
    ends_on: date | None
    reason: str
    inspection_id: int | None
    recorded_by: str

    def active(self, on: date) -> bool:
        return sanction_active(self.kind, self.starts_on, self.ends_on, self.decided_on, on)


@dataclass(frozen=True)
class DecisionRow:
    id: int
    member_id: int
    decision_date: date
    decision: str
    inspection_id: int | None
    reference: str
    notes: str
    recorded_by: str


@dataclass(frozen=True)
class MemberCertification:
    """Everything the member editor's certification tab shows, as of ``on``."""

    member_id: int
    code: str
    name: str
    register_status: str
    join_date: date
    on: date
    approved: bool
    approval_date: date | None
    suspended: bool
    excluded: bool
    schemes: tuple[SchemeStatusRow, ...]
    plots: tuple[PlotStatusRow, ...]
    inspections: tuple[InspectionRow, ...]  # newest first
    sanctions: tuple[SanctionRow, ...]  # newest first
    decisions: tuple[DecisionRow, ...]  # newest first
    certificates: tuple[CertificateRow, ...]

    @property
    def inspected_this_year(self) -> bool:
        return any(i.inspection_date.year == self.on.year for i in self.inspections)


@dataclass(frozen=True)
class FarmerRow:
    """One member of the group as the ICS approved-farmer list shows it."""

    member_id: int
    code: str
    name: str
    community: str
    gender: str
    join_date: date
    register_status: str
    approved: bool
    approval_date: date | None
    suspended: bool
    plots: tuple[PlotStatusRow, ...]
    yield_estimate_kg: Decimal | None
    last_inspection_date: date | None
    last_inspection_result: str | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None
    sanctions: tuple[SanctionRow, ...]

    @property
    def total_area_ha(self) -> Decimal:
        return sum((p.total_area_ha for p in self.plots), Decimal(0))

    def area(self, status: ConversionStatus) -> Decimal:
        return sum((p.total_area_ha for p in self.plots if p.status == status), Decimal(0))

    @property
    def certified_area_ha(self) -> Decimal:
        return sum((p.total_area_ha for p in self.plots if p.certified), Decimal(0))

    def inspected_in(self, year: int) -> bool:
        return self.last_inspection_date is not None and self.last_inspection_date.year == year


@dataclass(frozen=True)
class IcsOverview:
    on: date
    group_members: int
    inspected: int
    coverage_percent: Decimal
    not_inspected: tuple[FarmerRow, ...]
    open_actions: tuple[ActionRow, ...]  # not completed, earliest due first
    pending_approval: tuple[FarmerRow, ...]
    reinspection_sample: int
    area_by_status: dict[ConversionStatus, Decimal] = field(default_factory=dict)

    @property
    def overdue_actions(self) -> tuple[ActionRow, ...]:
        return tuple(a for a in self.open_actions if a.overdue(self.on))


# --- settings: the group rules ----------------------------------------------------------------


def group_rules(session: Session) -> GroupRules:
    """The cooperative's values of the group rules, defaults (DOMAIN.md) where none is set."""
    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(list(GROUP_RULE_SETTINGS.values()))
            )
        )
        .tuples()
        .all()
    )
    defaults = GroupRules()
    values: dict[str, object] = {}
    for name, key in GROUP_RULE_SETTINGS.items():
        raw = stored.get(key)
        default = getattr(defaults, name)
        if raw is None or raw == "":
            values[name] = default
            continue
        try:
            values[name] = Decimal(raw) if isinstance(default, Decimal) else int(raw)
        except (ValueError, InvalidOperation):
            values[name] = default  # an unreadable setting falls back; verify would show it
    return GroupRules(**values)  # type: ignore[arg-type]


def get_group_rules(session: Session, actor: Actor) -> GroupRules:
    require(actor, Permission.READ)
    return group_rules(session)


def save_group_rules(session: Session, actor: Actor, rules: GroupRules) -> GroupRules:
    require(actor, Permission.SETTINGS_WRITE)
    problems: list[Problem] = []
    if not 1 <= rules.conversion_months <= 120:
        problems.append(Problem("conversion_months", "the conversion period must be 1 to 120"))
    if rules.max_member_area_ha <= 0:
        problems.append(Problem("max_member_area_ha", "the area limit must be above 0 ha"))
    if rules.max_group_members < 1:
        problems.append(Problem("max_group_members", "the group limit must be at least 1"))
    if not Decimal(0) < rules.reinspection_share <= Decimal(1):
        problems.append(Problem("reinspection_share", "the share must be above 0 and at most 1"))
    if rules.reinspection_minimum < 0:
        problems.append(Problem("reinspection_minimum", "the minimum cannot be negative"))
    if problems:
        raise ValidationError(problems)
    for name, key in GROUP_RULE_SETTINGS.items():
        row = session.get(Setting, key) or Setting(key=key)
        row.value = str(getattr(rules, name))
        session.add(row)
    session.flush()
    return group_rules(session)


# --- schemes ----------------------------------------------------------------------------------


def list_schemes(session: Session, actor: Actor) -> list[SchemeRow]:
    require(actor, Permission.READ)
    return [
        _scheme_row(s)
        for s in session.scalars(
            select(CertScheme).order_by(CertScheme.builtin.desc(), CertScheme.name)
        )
    ]


def scheme_id(session: Session, code: str) -> int:
    found = session.scalar(select(CertScheme.id).where(CertScheme.code == code))
    if found is None:
        raise NotFound(f"There is no certification scheme {code!r}.")
    return found


def add_scheme(session: Session, actor: Actor, data: SchemeInput) -> SchemeRow:
    """A scheme the cooperative also holds (Rainforest Alliance, C.A.F.E. Practices...)."""
    require(actor, Permission.CERTS_WRITE)
    name = clean(data.name)
    code = fold(name).replace(" ", "-")[:40]
    problems: list[Problem] = []
    if not name:
        problems.append(Problem("name", "the scheme's name is required"))
    if data.kind not in set(SchemeKind):
        problems.append(Problem("kind", "the kind is fairtrade, organic or other"))
    existing = {fold_key(n) for n in session.scalars(select(CertScheme.name))}
    if name and fold_key(name) in existing:
        problems.append(Problem("name", f"the scheme {name!r} already exists"))
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
    return _scheme_row(scheme)


# --- certificates and their documents -------------------------------------------------------


def document_path(sha256: str, name: str = "") -> Path:
    """Where an attached document lives: the documents folder, named by its SHA-256 (with the
    original extension so the operating system opens it with the right program)."""
    suffix = Path(name).suffix.lower()[:10] if name else ""
    return paths.documents_dir() / f"{sha256}{suffix}"


def store_document(source: str | os.PathLike[str]) -> tuple[str, str]:
    """Copy a file into the documents folder under its SHA-256; returns (sha256, file name).

    The copy is written to a temporary file and renamed, so a half-copied document never
    carries a valid name. A file already stored (same content) is not copied again.
    """
    path = Path(source)
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = document_path(sha, path.name)
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        os.close(fd)
        try:
            shutil.copyfile(path, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return sha, path.name


def document_problems(source: str | None) -> list[Problem]:
    if not source:
        return []
    path = Path(source)
    if not path.is_file():
        return [Problem("document_path", f"the file {source} does not exist")]
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        return [Problem("document_path", "the file is larger than 100 MB")]
    return []


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
    names = _member_names(session, {c.member_id for c in certs if c.member_id})
    return [_certificate_row(c, names) for c in certs]


def get_certificate(session: Session, actor: Actor, certificate_id: int) -> CertificateRow:
    require(actor, Permission.READ)
    cert = session.get(Certificate, certificate_id)
    if cert is None:
        raise NotFound(f"There is no certificate with id {certificate_id}.")
    return _certificate_row(cert, _member_names(session, {cert.member_id or 0}))


def save_certificate(
    session: Session, actor: Actor, data: CertificateInput, certificate_id: int | None = None
) -> CertificateRow:
    """Create a certificate, or edit one (``certificate_id``). A new document replaces the
    attached one; without ``document_path`` the attached document stays."""
    require(actor, Permission.CERTS_WRITE)
    problems = validate_certificate(data)
    problems += document_problems(data.document_path)
    if data.scheme_id is not None and session.get(CertScheme, data.scheme_id) is None:
        problems.append(Problem("scheme_id", "the scheme does not exist"))
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        problems.append(Problem("member_id", f"there is no member with id {data.member_id}"))
    cert: Certificate | None = None
    if certificate_id is not None:
        cert = session.get(Certificate, certificate_id)
        if cert is None:
            raise NotFound(f"There is no certificate with id {certificate_id}.")
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
        try:
            cert.document_sha256, cert.document_name = store_document(data.document_path)
        except OSError as exc:
            raise ValidationError(
                [Problem("document_path", f"the file could not be copied: {exc.strerror or exc}")]
            ) from exc
    session.flush()
    session.refresh(cert)
    return _certificate_row(cert, _member_names(session, {cert.member_id or 0}))


# --- per-plot organic status and member scheme status ---------------------------------------


def set_plot_organic(
    session: Session,
    actor: Actor,
    plot_id: int,
    conversion_start: date | None,
    override: ConversionStatus | None = None,
    reason: str = "",
    *,
    today: date | None = None,
) -> PlotStatusRow:
    """Record a plot's conversion start and, when the computed status does not apply, an
    override with its reason (e.g. a plot shortened by the certifier, or taken back to
    conventional after a prohibited input)."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    plot = session.get(Plot, plot_id)
    if plot is None:
        raise NotFound(f"There is no plot with id {plot_id}.")
    problems = validate_override(override, reason, conversion_start, today)
    if problems:
        raise ValidationError(problems)
    row = session.get(PlotOrganic, plot_id) or PlotOrganic(plot_id=plot_id)
    row.conversion_start = conversion_start
    row.status_override = override.value if override is not None else None
    row.override_reason = clean(reason) if override is not None else ""
    row.updated_by = actor.username
    session.add(row)
    session.flush()
    rules = group_rules(session)
    facts = _status_facts(session, [plot.member_id], today)
    rows = _plot_rows(session, [plot.member_id], today, rules, facts)[plot.member_id]
    return next(r for r in rows if r.plot_id == plot_id)


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
) -> SchemeStatusRow:
    """Whether the member is in the certified scope of a scheme (Fairtrade: yes/no since)."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    member = _member(session, member_id)
    scheme = session.get(CertScheme, scheme_id_)
    problems: list[Problem] = []
    if scheme is None:
        problems.append(Problem("scheme_id", "the scheme does not exist"))
    if since > today:
        problems.append(Problem("since", "the date is in the future"))
    if since < member.join_date and in_scope:
        problems.append(
            Problem(
                "since", f"the member joined on {member.join_date.isoformat()}, after this date"
            )
        )
    if problems:
        raise ValidationError(problems)
    row = session.scalar(
        select(MemberScheme).where(
            MemberScheme.member_id == member_id, MemberScheme.scheme_id == scheme_id_
        )
    ) or MemberScheme(member_id=member_id, scheme_id=scheme_id_)
    row.in_scope = in_scope
    row.since = since
    row.notes = notes.strip()
    row.updated_by = actor.username
    session.add(row)
    session.flush()
    assert scheme is not None
    return SchemeStatusRow(
        scheme_id=scheme.id,
        scheme_name=scheme.name,
        scheme_kind=scheme.kind,
        member_certificates=scheme.member_certificates,
        in_scope=row.in_scope,
        since=row.since,
        notes=row.notes,
        certificate=None,
    )


# --- inspections, corrective actions, committee, sanctions ----------------------------------


def record_inspection(
    session: Session, actor: Actor, data: InspectionInput, *, today: date | None = None
) -> InspectionRow:
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    problems = validate_inspection(data, today)
    member = session.get(Member, data.member_id) if data.member_id is not None else None
    if data.member_id is not None and member is None:
        problems.append(Problem("member_id", f"there is no member with id {data.member_id}"))
    if member is not None:
        own = {p.id for p in member.plots}
        strangers = [p for p in data.plot_ids if p not in own]
        if strangers:
            problems.append(Problem("plot_ids", "a plot visited does not belong to this member"))
        if data.inspection_date and data.inspection_date < member.join_date - timedelta(days=366):
            problems.append(
                Problem("inspection_date", "the inspection is more than a year before joining")
            )
    if problems:
        raise ValidationError(problems)
    assert data.member_id is not None and data.inspection_date is not None
    inspection = Inspection(
        member_id=data.member_id,
        inspection_date=data.inspection_date,
        inspector=clean(data.inspector),
        result=data.result,
        findings=data.findings.strip(),
        yield_estimate_kg=data.yield_estimate_kg,
        last_prohibited_input=clean(data.last_prohibited_input),
        last_prohibited_input_date=data.last_prohibited_input_date,
        recorded_by=actor.username,
    )
    inspection.plots = [InspectionPlot(plot_id=p) for p in dict.fromkeys(data.plot_ids)]
    inspection.actions = [
        CorrectiveAction(
            description=a.description.strip(),
            due_date=a.due_date,
            completed_on=a.completed_on,
            completion_note="",
        )
        for a in data.corrective_actions
    ]
    session.add(inspection)
    session.flush()
    return _inspection_rows(session, [inspection])[0]


def list_inspections(
    session: Session,
    actor: Actor,
    *,
    member_id: int | None = None,
    year: int | None = None,
) -> list[InspectionRow]:
    require(actor, Permission.READ)
    stmt = select(Inspection).order_by(Inspection.inspection_date.desc(), Inspection.id.desc())
    if member_id is not None:
        stmt = stmt.where(Inspection.member_id == member_id)
    if year is not None:
        stmt = stmt.where(
            Inspection.inspection_date >= date(year, 1, 1),
            Inspection.inspection_date <= date(year, 12, 31),
        )
    return _inspection_rows(session, list(session.scalars(stmt)))


def complete_action(
    session: Session,
    actor: Actor,
    action_id: int,
    completed_on: date,
    note: str = "",
    *,
    today: date | None = None,
) -> ActionRow:
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    action = session.get(CorrectiveAction, action_id)
    if action is None:
        raise NotFound(f"There is no corrective action with id {action_id}.")
    problems: list[Problem] = []
    if action.completed_on is not None:
        problems.append(
            Problem("completed_on", f"already completed on {action.completed_on.isoformat()}")
        )
    if completed_on > today:
        problems.append(Problem("completed_on", "the completion date is in the future"))
    if completed_on < action.inspection.inspection_date:
        problems.append(Problem("completed_on", "completed before the inspection that asked it"))
    if problems:
        raise ValidationError(problems)
    action.completed_on = completed_on
    action.completion_note = note.strip()
    session.flush()
    return _action_rows(session, [action])[0]


def list_open_actions(session: Session, actor: Actor) -> list[ActionRow]:
    require(actor, Permission.READ)
    return _open_actions(session)


def _open_actions(session: Session) -> list[ActionRow]:
    actions = session.scalars(
        select(CorrectiveAction)
        .where(CorrectiveAction.completed_on.is_(None))
        .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
    )
    return _action_rows(session, list(actions))


def record_decision(
    session: Session,
    actor: Actor,
    member_id: int,
    decision: CommitteeDecision | str,
    decision_date: date,
    *,
    inspection_id: int | None = None,
    reference: str = "",
    notes: str = "",
    today: date | None = None,
) -> DecisionRow:
    """The ICS approval committee's decision on a member's inspection report."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    _member(session, member_id)
    problems: list[Problem] = []
    if decision not in set(CommitteeDecision):
        problems.append(Problem("decision", "the decision is approved or rejected"))
    if decision_date > today:
        problems.append(Problem("decision_date", "the decision is dated in the future"))
    if inspection_id is not None:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None or inspection.member_id != member_id:
            problems.append(
                Problem("inspection_id", "the report is not an inspection of this member")
            )
        elif inspection.inspection_date > decision_date:
            problems.append(Problem("inspection_id", "the inspection is later than the decision"))
        elif (
            decision == CommitteeDecision.APPROVED
            and inspection.result == InspectionResult.NOT_APPROVED
        ):
            problems.append(
                Problem("decision", "an inspection report that was not approved cannot be approved")
            )
    if problems:
        raise ValidationError(problems)
    row = ApprovalDecision(
        member_id=member_id,
        decision=str(decision),
        decision_date=decision_date,
        inspection_id=inspection_id,
        reference=clean(reference),
        notes=notes.strip(),
        recorded_by=actor.username,
    )
    session.add(row)
    session.flush()
    return _decision_row(row)


def record_sanction(
    session: Session, actor: Actor, data: SanctionInput, *, today: date | None = None
) -> SanctionRow:
    """A sanction of the ICS catalogue. It does not change the member's register status (that
    is the member register's decision); a suspension or exclusion takes the member's plots out
    of the certified area while it is in force."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    problems = validate_sanction(data, today)
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        problems.append(Problem("member_id", f"there is no member with id {data.member_id}"))
    if data.inspection_id is not None:
        inspection = session.get(Inspection, data.inspection_id)
        if inspection is None or inspection.member_id != data.member_id:
            problems.append(Problem("inspection_id", "the inspection is not of this member"))
    if problems:
        raise ValidationError(problems)
    assert data.member_id is not None and data.decided_on is not None
    starts = data.starts_on
    if data.kind == SanctionKind.EXCLUSION and starts is None:
        starts = data.decided_on
    row = Sanction(
        member_id=data.member_id,
        kind=data.kind,
        decided_on=data.decided_on,
        starts_on=starts if data.kind != SanctionKind.WARNING else None,
        ends_on=data.ends_on,
        reason=data.reason.strip(),
        inspection_id=data.inspection_id,
        recorded_by=actor.username,
    )
    session.add(row)
    session.flush()
    return _sanction_rows(session, [row])[0]


def list_sanctions(
    session: Session, actor: Actor, *, member_id: int | None = None
) -> list[SanctionRow]:
    require(actor, Permission.READ)
    stmt = select(Sanction).order_by(Sanction.decided_on.desc(), Sanction.id.desc())
    if member_id is not None:
        stmt = stmt.where(Sanction.member_id == member_id)
    return _sanction_rows(session, list(session.scalars(stmt)))


# --- the member's certification status -------------------------------------------------------


def member_certification(
    session: Session, actor: Actor, member_id: int, on: date | None = None
) -> MemberCertification:
    require(actor, Permission.READ)
    on = on or date.today()
    member = _member(session, member_id)
    rules = group_rules(session)
    facts = _status_facts(session, [member_id], on)
    plots = _plot_rows(session, [member_id], on, rules, facts)[member_id]
    fact = facts[member_id]
    schemes = list(session.scalars(select(CertScheme).order_by(CertScheme.id)))
    scope = {
        r.scheme_id: r
        for r in session.scalars(select(MemberScheme).where(MemberScheme.member_id == member_id))
    }
    certificates = list_certificates(session, actor, member_id=member_id)
    latest_cert: dict[int, CertificateRow] = {}
    for cert in certificates:  # newest expiry first
        latest_cert.setdefault(cert.scheme_id, cert)
    scheme_rows = tuple(
        SchemeStatusRow(
            scheme_id=s.id,
            scheme_name=s.name,
            scheme_kind=s.kind,
            member_certificates=s.member_certificates,
            in_scope=scope[s.id].in_scope if s.id in scope else None,
            since=scope[s.id].since if s.id in scope else None,
            notes=scope[s.id].notes if s.id in scope else "",
            certificate=latest_cert.get(s.id),
        )
        for s in schemes
    )
    decisions = session.scalars(
        select(ApprovalDecision)
        .where(ApprovalDecision.member_id == member_id)
        .order_by(ApprovalDecision.decision_date.desc(), ApprovalDecision.id.desc())
    )
    return MemberCertification(
        member_id=member.id,
        code=member.code,
        name=full_name(member.first_names, member.surnames),
        register_status=member.status,
        join_date=member.join_date,
        on=on,
        approved=fact.approved,
        approval_date=fact.approval_date,
        suspended=fact.suspended,
        excluded=fact.excluded,
        schemes=scheme_rows,
        plots=tuple(plots),
        inspections=tuple(list_inspections(session, actor, member_id=member_id)),
        sanctions=tuple(list_sanctions(session, actor, member_id=member_id)),
        decisions=tuple(_decision_row(d) for d in decisions),
        certificates=tuple(certificates),
    )


@dataclass(frozen=True)
class MemberChoice:
    id: int
    code: str
    name: str
    plots: tuple[tuple[int, str], ...]


def group_member_choices(session: Session, actor: Actor) -> list[MemberChoice]:
    """Members of the group (active or suspended) with their plots, for pickers."""
    require(actor, Permission.READ)
    members = session.execute(
        select(Member.id, Member.code, Member.first_names, Member.surnames)
        .where(Member.status.in_(GROUP_STATUSES))
        .order_by(Member.code_sort)
    ).all()
    plots: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pid, mid, name in session.execute(
        select(Plot.id, Plot.member_id, Plot.name).order_by(Plot.id)
    ):
        plots[mid].append((pid, name))
    return [
        MemberChoice(m.id, m.code, full_name(m.first_names, m.surnames), tuple(plots[m.id]))
        for m in members
    ]


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


# --- the ICS views ---------------------------------------------------------------------------


def farmer_list(session: Session, actor: Actor, on: date | None = None) -> list[FarmerRow]:
    """The ICS list: every member of the group with plots by status, yield estimate, last
    inspection and sanctions, in code order."""
    require(actor, Permission.READ)
    return _farmers(session, on or date.today(), group_rules(session))


def ics_overview(session: Session, actor: Actor, on: date | None = None) -> IcsOverview:
    require(actor, Permission.READ)
    on = on or date.today()
    rules = group_rules(session)
    return overview_from(session, on, rules, _farmers(session, on, rules))


def farmers_on(session: Session, on: date, rules: GroupRules) -> list[FarmerRow]:
    """The group on ``on`` (internal: for checks and alerts that already hold the rights)."""
    return _farmers(session, on, rules)


def overview_from(
    session: Session, on: date, rules: GroupRules, farmers: list[FarmerRow]
) -> IcsOverview:
    """The ICS overview from an already loaded farmer list."""
    inspected = [f for f in farmers if f.inspected_in(on.year)]
    areas: dict[ConversionStatus, Decimal] = {s: Decimal(0) for s in ConversionStatus}
    for f in farmers:
        for p in f.plots:
            areas[p.status] += p.total_area_ha
    return IcsOverview(
        on=on,
        group_members=len(farmers),
        inspected=len(inspected),
        coverage_percent=coverage_percent(len(inspected), len(farmers)),
        not_inspected=tuple(f for f in farmers if not f.inspected_in(on.year)),
        open_actions=tuple(_open_actions(session)),
        pending_approval=tuple(f for f in farmers if not f.approved),
        reinspection_sample=reinspection_sample(len(farmers), rules),
        area_by_status=areas,
    )


# --- internals ------------------------------------------------------------------------------


@dataclass
class _Facts:
    approved: bool = False
    approval_date: date | None = None
    suspended: bool = False
    excluded: bool = False


def _status_facts(
    session: Session, member_ids: Iterable[int] | None, on: date
) -> dict[int, _Facts]:
    """Approval, suspension and exclusion of members on ``on`` (all members when ``None``)."""
    ids = None if member_ids is None else list(member_ids)
    facts: dict[int, _Facts] = defaultdict(_Facts)
    members = select(Member.id, Member.status)
    if ids is not None:
        members = members.where(Member.id.in_(ids))
    for mid, status in session.execute(members):
        facts[mid].suspended = status == MemberStatus.SUSPENDED
    decisions = select(
        ApprovalDecision.member_id, ApprovalDecision.decision, ApprovalDecision.decision_date
    ).where(ApprovalDecision.decision_date <= on)
    if ids is not None:
        decisions = decisions.where(ApprovalDecision.member_id.in_(ids))
    latest: dict[int, tuple[date, int, str]] = {}
    approved_first: dict[int, date] = {}
    for index, (mid, decision, when) in enumerate(
        session.execute(decisions.order_by(ApprovalDecision.decision_date, ApprovalDecision.id))
    ):
        latest[mid] = (when, index, decision)
        if decision == CommitteeDecision.APPROVED:
            approved_first.setdefault(mid, when)
        else:
            approved_first.pop(mid, None)
    for mid, (_when, _i, decision) in latest.items():
        facts[mid].approved = decision == CommitteeDecision.APPROVED
        facts[mid].approval_date = approved_first.get(mid) if facts[mid].approved else None
    sanctions = select(
        Sanction.member_id, Sanction.kind, Sanction.starts_on, Sanction.ends_on, Sanction.decided_on
    ).where(Sanction.kind != SanctionKind.WARNING.value)
    if ids is not None:
        sanctions = sanctions.where(Sanction.member_id.in_(ids))
    for mid, kind, starts, ends, decided in session.execute(sanctions):
        if sanction_active(kind, starts, ends, decided, on):
            facts[mid].suspended = True
            if kind == SanctionKind.EXCLUSION:
                facts[mid].excluded = True
    return facts


def _plot_rows(
    session: Session,
    member_ids: list[int] | None,
    on: date,
    rules: GroupRules,
    facts: dict[int, _Facts],
) -> dict[int, list[PlotStatusRow]]:
    stmt = (
        select(
            Plot.id,
            Plot.member_id,
            Plot.name,
            Plot.total_area_ha,
            Plot.coffee_area_ha,
            PlotOrganic.conversion_start,
            PlotOrganic.status_override,
            PlotOrganic.override_reason,
        )
        .outerjoin(PlotOrganic, PlotOrganic.plot_id == Plot.id)
        .order_by(Plot.member_id, Plot.id)
    )
    if member_ids is not None:
        stmt = stmt.where(Plot.member_id.in_(member_ids))
    result: dict[int, list[PlotStatusRow]] = defaultdict(list)
    for row in session.execute(stmt):
        computed = conversion_status(row.conversion_start, on, rules.conversion_months)
        override = ConversionStatus(row.status_override) if row.status_override else None
        status = override or computed
        fact = facts.get(row.member_id) or _Facts()
        result[row.member_id].append(
            PlotStatusRow(
                plot_id=row.id,
                member_id=row.member_id,
                name=row.name,
                total_area_ha=row.total_area_ha,
                coffee_area_ha=row.coffee_area_ha,
                conversion_start=row.conversion_start,
                computed=computed,
                override=override,
                override_reason=row.override_reason or "",
                status=status,
                organic_from=(
                    organic_from(row.conversion_start, rules.conversion_months)
                    if row.conversion_start
                    else None
                ),
                certified=counts_as_certified(
                    status, approved=fact.approved, suspended=fact.suspended
                ),
            )
        )
    return result


def _farmers(session: Session, on: date, rules: GroupRules) -> list[FarmerRow]:
    members = session.execute(
        select(
            Member.id,
            Member.code,
            Member.first_names,
            Member.surnames,
            Member.community,
            Member.gender,
            Member.join_date,
            Member.status,
        )
        .where(Member.status.in_(GROUP_STATUSES), Member.join_date <= on)
        .order_by(Member.code_sort)
    ).all()
    facts = _status_facts(session, None, on)
    members = [m for m in members if not facts[m.id].excluded]
    plots = _plot_rows(session, None, on, rules, facts)
    last = _last_inspections(session, on)
    sanctions: dict[int, list[SanctionRow]] = defaultdict(list)
    for s in _sanction_rows(
        session,
        list(
            session.scalars(
                select(Sanction)
                .where(Sanction.decided_on <= on)
                .order_by(Sanction.decided_on.desc(), Sanction.id.desc())
            )
        ),
    ):
        sanctions[s.member_id].append(s)
    rows = []
    for m in members:
        insp = last.get(m.id)
        rows.append(
            FarmerRow(
                member_id=m.id,
                code=m.code,
                name=full_name(m.first_names, m.surnames),
                community=m.community,
                gender=m.gender,
                join_date=m.join_date,
                register_status=m.status,
                approved=facts[m.id].approved,
                approval_date=facts[m.id].approval_date,
                suspended=facts[m.id].suspended,
                plots=tuple(plots.get(m.id, [])),
                yield_estimate_kg=insp.yield_estimate_kg if insp else None,
                last_inspection_date=insp.inspection_date if insp else None,
                last_inspection_result=insp.result if insp else None,
                last_prohibited_input=insp.last_prohibited_input if insp else "",
                last_prohibited_input_date=insp.last_prohibited_input_date if insp else None,
                sanctions=tuple(sanctions.get(m.id, [])),
            )
        )
    return rows


@dataclass(frozen=True)
class _LastInspection:
    inspection_date: date
    result: str
    yield_estimate_kg: Decimal | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None


def _last_inspections(session: Session, on: date) -> dict[int, _LastInspection]:
    """Each member's latest inspection up to ``on`` (one query: ordered, last one wins)."""
    latest = (
        select(Inspection.member_id, func.max(Inspection.inspection_date).label("latest"))
        .where(Inspection.inspection_date <= on)
        .group_by(Inspection.member_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Inspection.member_id,
            Inspection.inspection_date,
            Inspection.result,
            Inspection.yield_estimate_kg,
            Inspection.last_prohibited_input,
            Inspection.last_prohibited_input_date,
        )
        .join(
            latest,
            (latest.c.member_id == Inspection.member_id)
            & (latest.c.latest == Inspection.inspection_date),
        )
        .order_by(Inspection.member_id, Inspection.id)
    )
    return {
        r.member_id: _LastInspection(
            r.inspection_date,
            r.result,
            r.yield_estimate_kg,
            r.last_prohibited_input,
            r.last_prohibited_input_date,
        )
        for r in rows
    }


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(f"There is no member with id {member_id}.")
    return member


def _member_names(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {
        r.id: (r.code, full_name(r.first_names, r.surnames))
        for r in session.execute(
            select(Member.id, Member.code, Member.first_names, Member.surnames).where(
                Member.id.in_(ids)
            )
        )
    }


def _scheme_row(s: CertScheme) -> SchemeRow:
    return SchemeRow(s.id, s.code, s.name, s.kind, s.member_certificates, s.builtin)


def _certificate_row(c: Certificate, names: dict[int, tuple[str, str]]) -> CertificateRow:
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
    )


def _action_rows(session: Session, actions: list[CorrectiveAction]) -> list[ActionRow]:
    owners = dict(
        session.execute(
            select(Inspection.id, Inspection.member_id).where(
                Inspection.id.in_({a.inspection_id for a in actions})
            )
        )
        .tuples()
        .all()
    )
    names = _member_names(session, set(owners.values()))
    rows = []
    for a in actions:
        mid = owners[a.inspection_id]
        code, name = names.get(mid, ("", ""))
        rows.append(
            ActionRow(
                a.id,
                a.inspection_id,
                mid,
                code,
                name,
                a.description,
                a.due_date,
                a.completed_on,
                a.completion_note,
            )
        )
    return rows


def _inspection_rows(session: Session, inspections: list[Inspection]) -> list[InspectionRow]:
    names = _member_names(session, {i.member_id for i in inspections})
    plot_names = dict(
        session.execute(
            select(Plot.id, Plot.name).where(Plot.member_id.in_({i.member_id for i in inspections}))
        )
        .tuples()
        .all()
    )
    rows = []
    for i in inspections:
        code, name = names.get(i.member_id, ("", ""))
        plot_ids = tuple(p.plot_id for p in i.plots)
        rows.append(
            InspectionRow(
                id=i.id,
                member_id=i.member_id,
                member_code=code,
                member_name=name,
                inspection_date=i.inspection_date,
                inspector=i.inspector,
                result=i.result,
                findings=i.findings,
                plot_ids=plot_ids,
                plot_names=tuple(plot_names.get(p, "") for p in plot_ids),
                yield_estimate_kg=i.yield_estimate_kg,
                last_prohibited_input=i.last_prohibited_input,
                last_prohibited_input_date=i.last_prohibited_input_date,
                actions=tuple(_action_rows(session, list(i.actions))) if i.actions else (),
                recorded_by=i.recorded_by,
            )
        )
    return rows


def _sanction_rows(session: Session, sanctions: list[Sanction]) -> list[SanctionRow]:
    names = _member_names(session, {s.member_id for s in sanctions})
    return [
        SanctionRow(
            id=s.id,
            member_id=s.member_id,
            member_code=names.get(s.member_id, ("", ""))[0],
            member_name=names.get(s.member_id, ("", ""))[1],
            kind=s.kind,
            decided_on=s.decided_on,
            starts_on=s.starts_on,
            ends_on=s.ends_on,
            reason=s.reason,
            inspection_id=s.inspection_id,
            recorded_by=s.recorded_by,
        )
        for s in sanctions
    ]


def _decision_row(d: ApprovalDecision) -> DecisionRow:
    return DecisionRow(
        d.id,
        d.member_id,
        d.decision_date,
        d.decision,
        d.inspection_id,
        d.reference,
        d.notes,
        d.recorded_by,
    )


def certified_coffee(session: Session, member_ids: Iterable[int], on: date) -> set[int]:
    """The members whose coffee counts as certified on ``on`` (deliveries and lots): approved
    by the ICS committee, neither suspended nor excluded, and with a plot counted as certified
    organic or in the scope of a Fairtrade scheme since that date. One query per kind of fact,
    whatever the number of members."""
    ids = list(set(member_ids))
    if not ids:
        return set()
    facts = _status_facts(session, ids, on)
    eligible = [m for m in ids if facts[m].approved and not facts[m].suspended]
    if not eligible:
        return set()
    plots = _plot_rows(session, eligible, on, group_rules(session), facts)
    organic = {m for m in eligible if any(p.certified for p in plots.get(m, []))}
    fairtrade = set(
        session.scalars(
            select(MemberScheme.member_id)
            .join(CertScheme, CertScheme.id == MemberScheme.scheme_id)
            .where(
                MemberScheme.member_id.in_(eligible),
                CertScheme.kind == SchemeKind.FAIRTRADE.value,
                MemberScheme.in_scope.is_(True),
                MemberScheme.since <= on,
            )
        )
    )
    return organic | fairtrade
