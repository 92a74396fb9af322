"""The home dashboard's figures: what needs attention, for the signed-in role, in one call.

``home(session, actor, today)`` reads every figure the dashboard shows in one session; the GUI
calls it in a pool thread and only draws the result. Nothing is computed here that another
service owns: the register's counts and share of women (``members.register_counts``), the ICS
coverage and the certificate alerts (``cert_alerts.dashboard``), the Premium fund and the
project balances (``ledger.reports``), the compliance checks (``ledger.checks.compliance`` and
the certification check of ``verify``), the backup status (``backup.status``).

Each role sees the sections of its work (``SECTIONS``): the treasurer the Premium, the
secretary the register and certifications, administrators and auditors everything; only the
sections of the role are computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from coop_desk.domain.members import MemberStatus
from coop_desk.services import backup, members
from coop_desk.services.access import Actor, Permission, Role, require
from coop_desk.services.backup import BackupStatus
from coop_desk.services.certification import IcsOverview
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.ledger import checks, fiscal, reports
from coop_desk.services.members import RegisterCounts
from coop_desk.services.verify import Finding, Severity

EXPIRY_DAYS = 90  # certificates expiring within this many days are shown


class Section(StrEnum):
    MEMBERS = "members"  # members, active, share of women
    ICS = "ics"  # ICS coverage this year
    CERTIFICATES = "certificates"  # certificates expired or expiring within 90 days
    PREMIUM = "premium"  # premium received, spent, remaining this year
    PROJECTS = "projects"  # spending per project against its approved budget
    PREMIUM_YEARS = "premium_years"  # premium per year
    LEDGER_WARNINGS = "ledger_warnings"  # the ledger's compliance findings
    CERT_WARNINGS = "cert_warnings"  # the certification compliance findings
    BACKUP = "backup"  # the last good backup


_ALL = frozenset(Section)
SECTIONS: dict[Role, frozenset[Section]] = {
    Role.ADMINISTRATOR: _ALL,
    Role.TREASURER: frozenset(
        {
            Section.PREMIUM,
            Section.PROJECTS,
            Section.PREMIUM_YEARS,
            Section.LEDGER_WARNINGS,
            Section.BACKUP,
        }
    ),
    Role.SECRETARY: frozenset(
        {
            Section.MEMBERS,
            Section.ICS,
            Section.CERTIFICATES,
            Section.CERT_WARNINGS,
            Section.BACKUP,
        }
    ),
    Role.AUDITOR: _ALL - {Section.BACKUP},
}


@dataclass(frozen=True)
class Home:
    on: date
    sections: frozenset[Section]
    year: int  # the current fiscal year
    members: RegisterCounts | None  # active members (``women``: active women)
    register: RegisterCounts | None  # the whole register
    ics: IcsOverview | None
    certificates: tuple[cert_alerts.Alert, ...]  # expired or expiring, most urgent first
    fund: reports.FundRow | None  # this fiscal year: received, spent, closing = remaining
    projects: tuple[reports.ProjectBalanceRow, ...]
    premium_years: tuple[reports.FundRow, ...]  # every year with entries, oldest first
    findings: tuple[Finding, ...]  # open compliance findings (errors first)
    backup: BackupStatus | None  # None: not this role's, or not a SQLite file here

    def shows(self, section: Section) -> bool:
        return section in self.sections

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.WARNING)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.ERROR)


def home(
    session: Session,
    actor: Actor,
    today: date | None = None,
    *,
    now: datetime | None = None,
) -> Home:
    """The dashboard of ``actor``'s role on ``today``."""
    require(actor, Permission.READ)
    today = today or date.today()
    sections = SECTIONS[actor.role]
    year = fiscal.current_year(session, actor, today)

    active = register = None
    if Section.MEMBERS in sections:
        active = members.register_counts(
            session, actor, members.MemberFilter(status=MemberStatus.ACTIVE)
        )
        register = members.register_counts(session, actor)

    ics = None
    certificates: tuple[cert_alerts.Alert, ...] = ()
    board = None  # read once: the ICS figures, the certificates and the certification check
    if sections & {Section.ICS, Section.CERTIFICATES, Section.CERT_WARNINGS}:
        board = cert_alerts.dashboard(session, actor, today, EXPIRY_DAYS)
    if board is not None and sections & {Section.ICS, Section.CERTIFICATES}:
        ics = board.overview
        certificates = tuple(
            a
            for a in board.alerts
            if a.kind
            in (
                cert_alerts.AlertKind.CERTIFICATE_EXPIRED,
                cert_alerts.AlertKind.CERTIFICATE_EXPIRING,
            )
        )

    fund = None
    if Section.PREMIUM in sections:
        fund = reports.fund_report(session, actor, year)
    projects: tuple[reports.ProjectBalanceRow, ...] = ()
    if Section.PROJECTS in sections:
        projects = tuple(reports.project_balances(session, actor, year))
    premium_years: tuple[reports.FundRow, ...] = ()
    if Section.PREMIUM_YEARS in sections:
        years = [y.year for y in fiscal.list_fiscal_years(session, actor, today) if y.year <= year]
        premium_years = tuple(reports.fund_report(session, actor, y) for y in years)

    findings: list[Finding] = []
    if Section.LEDGER_WARNINGS in sections:
        findings += checks.compliance(session, actor, today)
    if board is not None and Section.CERT_WARNINGS in sections:
        findings += cert_alerts.certification_findings(board, today)
    findings.sort(key=lambda f: (f.severity != Severity.ERROR, f.check))

    state = None
    if Section.BACKUP in sections:
        state = backup_status(session, now)

    return Home(
        on=today,
        sections=sections,
        year=year,
        members=active,
        register=register,
        ics=ics,
        certificates=certificates,
        fund=fund,
        projects=projects,
        premium_years=premium_years,
        findings=tuple(findings),
        backup=state,
    )


def backup_status(session: Session, now: datetime | None = None) -> BackupStatus:
    """The backup status of the database this session reads, from this PC's backup folder."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return backup.status(
        backup.configured_folder(), backup.database_name(url), now or datetime.now(UTC)
    )
