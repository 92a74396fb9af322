"""Certification alerts: what needs doing before the certifier comes (DOMAIN.md, "Organic
group certification"). Shown in the Certifications page, printed by ``coop-desk certs alerts``
and, for the lapses that matter to an audit, reported by ``coop-desk verify`` as compliance
warnings.

An alert for a certificate is raised only for the holder's *latest* certificate of a scheme:
once a renewal is recorded, the old one expiring is no longer news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    GroupRules,
    add_months,
    area_over_limit,
    group_over_limit,
)
from coop_desk.domain.money import format_amount
from coop_desk.i18n import N_, _
from coop_desk.services.access import SYSTEM, Actor, Permission, require
from coop_desk.services.certification.certificates import (
    CertificateRow,
    list_certificates,
    missing_member_certificates,
)
from coop_desk.services.certification.ics import FarmerRow, IcsOverview, farmers_on, overview_from
from coop_desk.services.certification.rules import group_rules
from coop_desk.services.verify import Finding, Severity, register

DEFAULT_DAYS = 90


class AlertKind(StrEnum):
    CERTIFICATE_EXPIRED = "certificate_expired"
    CERTIFICATE_EXPIRING = "certificate_expiring"
    CERTIFICATE_MISSING = "certificate_missing"
    ICS_COVERAGE = "ics_coverage"
    NOT_INSPECTED = "not_inspected"
    ACTION_OVERDUE = "action_overdue"
    MEMBER_AREA = "member_area"
    GROUP_SIZE = "group_size"
    CONVERSION_ENDING = "conversion_ending"
    APPROVAL_PENDING = "approval_pending"


class Level(StrEnum):
    URGENT = "urgent"
    WARNING = "warning"
    INFO = "info"


LEVEL_ORDER = {Level.URGENT: 0, Level.WARNING: 1, Level.INFO: 2}
LEVEL_LABELS = {Level.URGENT: N_("urgent"), Level.WARNING: N_("warning"), Level.INFO: N_("info")}

KIND_LABELS = {
    AlertKind.CERTIFICATE_EXPIRED: N_("Certificate expired"),
    AlertKind.CERTIFICATE_EXPIRING: N_("Certificate expiring"),
    AlertKind.CERTIFICATE_MISSING: N_("Member certificate missing"),
    AlertKind.ICS_COVERAGE: N_("ICS coverage"),
    AlertKind.NOT_INSPECTED: N_("Not inspected this year"),
    AlertKind.ACTION_OVERDUE: N_("Corrective action overdue"),
    AlertKind.MEMBER_AREA: N_("Member above the area limit"),
    AlertKind.GROUP_SIZE: N_("Group above the member limit"),
    AlertKind.CONVERSION_ENDING: N_("Plot leaving conversion"),
    AlertKind.APPROVAL_PENDING: N_("Awaiting committee approval"),
}


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    level: Level
    message: str  # in words, naming the record
    when: date | None = None  # the date that matters (expiry, due date, end of conversion)
    member_id: int | None = None
    record: str = ""  # "certificate 3", "member CPGP-3784-7", "plot 12"


def alerts(
    session: Session, actor: Actor, on: date | None = None, days: int = DEFAULT_DAYS
) -> list[Alert]:
    """Every certification alert on ``on`` with a horizon of ``days`` days, most urgent first."""
    require(actor, Permission.READ)
    return compute_alerts(session, on or date.today(), days)


@dataclass(frozen=True)
class Dashboard:
    """The ICS overview and the alerts, computed from one reading of the group (``farmers``:
    that reading, which ``certification_findings`` reuses instead of reading it again)."""

    overview: IcsOverview
    alerts: tuple[Alert, ...]
    farmers: tuple[FarmerRow, ...] = field(default=(), repr=False, compare=False)


def dashboard(
    session: Session, actor: Actor, on: date | None = None, days: int = DEFAULT_DAYS
) -> Dashboard:
    require(actor, Permission.READ)
    return _compute(session, on or date.today(), days)


def compute_alerts(session: Session, on: date, days: int = DEFAULT_DAYS) -> list[Alert]:
    return list(_compute(session, on, days).alerts)


def _compute(
    session: Session,
    on: date,
    days: int,
    rules: GroupRules | None = None,
    farmers: list[FarmerRow] | None = None,
) -> Dashboard:
    """The alerts on ``on``; ``rules`` and ``farmers`` (``farmers_on`` with those rules) when
    the caller has them already (``verify`` uses the farmers too: built once)."""
    if days < 0:
        raise ValueError(_("the number of days cannot be negative"))
    horizon = on + timedelta(days=days)
    if rules is None:
        rules = group_rules(session)
    found: list[Alert] = []
    found += _certificate_alerts(session, on, horizon)
    for missing in missing_member_certificates(session, on):
        found.append(
            Alert(
                AlertKind.CERTIFICATE_MISSING,
                Level.WARNING,
                _(
                    "{code} {missing_name} is in the scope of {scheme_name}, which certifies each member, but has no certificate of their own",
                    code=missing.code,
                    missing_name=missing.name,
                    scheme_name=missing.scheme_name,
                ),
                None,
                missing.member_id,
                f"member {missing.code}",
            )
        )
    if farmers is None:
        farmers = farmers_on(session, on, rules)
    overview = overview_from(session, on, rules, farmers)
    found += _ics_alerts(overview, on)
    found += _limit_alerts(farmers, overview.group_members, rules)
    for farmer in farmers:
        for plot in farmer.plots:
            if (
                plot.override is None
                and plot.organic_from is not None
                and on < plot.organic_from <= horizon
            ):
                found.append(
                    Alert(
                        AlertKind.CONVERSION_ENDING,
                        Level.INFO,
                        _(
                            "{code} {farmer_name}: plot {plot_name} ({total_area_ha} ha) becomes organic on {organic_from} (now {status})",
                            code=farmer.code,
                            farmer_name=farmer.name,
                            plot_name=plot.name,
                            total_area_ha=format_amount(plot.total_area_ha),
                            organic_from=plot.organic_from,
                            status=_(CONVERSION_LABELS[plot.status]),
                        ),
                        plot.organic_from,
                        farmer.member_id,
                        f"plot {plot.plot_id}",
                    )
                )
    found.sort(key=lambda a: (LEVEL_ORDER[a.level], a.when or date.max, a.kind, a.message))
    return Dashboard(overview, tuple(found), tuple(farmers))


def _certificate_alerts(session: Session, on: date, horizon: date) -> list[Alert]:
    latest: dict[tuple[int | None, int], CertificateRow] = {}
    for cert in list_certificates(session, SYSTEM, everyone=True):  # latest expiry first
        latest.setdefault((cert.member_id, cert.scheme_id), cert)
    found = []
    for cert in latest.values():
        if cert.member_id is None:
            what = _(
                "The cooperative's {scheme} certificate {number} ({certifier})",
                scheme=cert.scheme_name,
                number=cert.number,
                certifier=cert.certifier,
            )
        else:
            what = _(
                "{holder}: {scheme} certificate {number} ({certifier})",
                holder=cert.holder,
                scheme=cert.scheme_name,
                number=cert.number,
                certifier=cert.certifier,
            )
        if cert.expiry_date < on:
            found.append(
                Alert(
                    AlertKind.CERTIFICATE_EXPIRED,
                    Level.URGENT,
                    _(
                        "{what} expired on {expiry_date}; sales on certified terms stop until it is renewed",
                        what=what,
                        expiry_date=cert.expiry_date,
                    ),
                    cert.expiry_date,
                    cert.member_id,
                    f"certificate {cert.id}",
                )
            )
        elif cert.expiry_date <= horizon:
            left = cert.days_left(on)
            found.append(
                Alert(
                    AlertKind.CERTIFICATE_EXPIRING,
                    Level.WARNING if left > 30 else Level.URGENT,
                    _(
                        "{what} expires on {expiry_date}, in {left} days",
                        what=what,
                        expiry_date=cert.expiry_date,
                        left=left,
                    ),
                    cert.expiry_date,
                    cert.member_id,
                    f"certificate {cert.id}",
                )
            )
    return found


def _ics_alerts(overview: IcsOverview, on: date) -> list[Alert]:
    found = []
    if overview.inspected < overview.group_members:
        found.append(
            Alert(
                AlertKind.ICS_COVERAGE,
                Level.WARNING,
                _(
                    "ICS coverage {year}: {inspected} of {group_members} members inspected ({coverage_percent}%); the target is 100%",
                    year=on.year,
                    inspected=overview.inspected,
                    group_members=overview.group_members,
                    coverage_percent=overview.coverage_percent,
                ),
                date(on.year, 12, 31),
            )
        )
    for farmer in overview.not_inspected:
        last = (
            _("last inspected {date}", date=farmer.last_inspection_date)
            if farmer.last_inspection_date
            else _("never inspected")
        )
        found.append(
            Alert(
                AlertKind.NOT_INSPECTED,
                Level.WARNING,
                _(
                    "{code} {farmer_name} ({community}) is not inspected in {year}; {last}",
                    code=farmer.code,
                    farmer_name=farmer.name,
                    community=farmer.community or _("no community"),
                    year=on.year,
                    last=last,
                ),
                date(on.year, 12, 31),
                farmer.member_id,
                f"member {farmer.code}",
            )
        )
    for action in overview.overdue_actions:
        found.append(
            Alert(
                AlertKind.ACTION_OVERDUE,
                Level.URGENT,
                _(
                    "{member_code} {member_name}: corrective action '{description}' was due on {due_date} ({days} days ago)",
                    member_code=action.member_code,
                    member_name=action.member_name,
                    description=action.description,
                    due_date=action.due_date,
                    days=(on - action.due_date).days,
                ),
                action.due_date,
                action.member_id,
                f"corrective_action {action.id}",
            )
        )
    for farmer in overview.pending_approval:
        found.append(
            Alert(
                AlertKind.APPROVAL_PENDING,
                Level.INFO,
                _(
                    "{code} {farmer_name} joined on {join_date} and awaits the ICS committee's approval; the plots do not count as certified",
                    code=farmer.code,
                    farmer_name=farmer.name,
                    join_date=farmer.join_date,
                ),
                farmer.join_date,
                farmer.member_id,
                f"member {farmer.code}",
            )
        )
    return found


def _limit_alerts(farmers: list[FarmerRow], group_members: int, rules: GroupRules) -> list[Alert]:
    found = []
    if group_over_limit(group_members, rules):
        found.append(
            Alert(
                AlertKind.GROUP_SIZE,
                Level.URGENT,
                _(
                    "The group has {group_members} members; EU groups may have at most {max_group_members} (Reg. 2018/848)",
                    group_members=group_members,
                    max_group_members=rules.max_group_members,
                ),
            )
        )
    for farmer in farmers:
        if area_over_limit(farmer.total_area_ha, rules):
            found.append(
                Alert(
                    AlertKind.MEMBER_AREA,
                    Level.WARNING,
                    _(
                        "{code} {farmer_name} farms {total_area_ha} ha; EU group members farm at most {max_member_area_ha} ha (or have a small organic turnover)",
                        code=farmer.code,
                        farmer_name=farmer.name,
                        total_area_ha=format_amount(farmer.total_area_ha),
                        max_member_area_ha=format_amount(rules.max_member_area_ha),
                    ),
                    None,
                    farmer.member_id,
                    f"member {farmer.code}",
                )
            )
    return found


# --- compliance checks for `coop-desk verify` --------------------------------------------------

_VERIFY_KINDS = {
    AlertKind.CERTIFICATE_EXPIRED: "certs.certificate_expired",
    AlertKind.ACTION_OVERDUE: "certs.corrective_action_overdue",
    AlertKind.MEMBER_AREA: "certs.member_area",
    AlertKind.GROUP_SIZE: "certs.group_size",
}


@register("certs.compliance")
def check_certification(session: Session, today: date) -> list[Finding]:
    """Expired certificates, overdue corrective actions, the EU group limits, and approved
    members without an internal inspection in the last 12 months, as compliance warnings.

    The calendar-year coverage of the alerts would warn from every 1 January until the
    inspections are done; an auditor's question is rather "was every member inspected within
    a year?", which is what this check asks."""
    return certification_findings(_compute(session, today, 0), today)


def certification_findings(board: Dashboard, today: date) -> list[Finding]:
    """``check_certification``'s findings from a dashboard of ``today`` already computed (the
    home page's): the alerts it reports do not depend on the dashboard's horizon (expired
    certificates, overdue actions and the EU limits are facts of ``today``), and the
    inspection check reads the same farmer list, so nothing is read twice."""
    findings = [
        Finding(Severity.WARNING, _VERIFY_KINDS[a.kind], a.message, a.record)
        for a in board.alerts
        if a.kind in _VERIFY_KINDS
    ]
    year_ago = add_months(today, -12)
    for farmer in board.farmers:
        last = farmer.last_inspection_date
        if farmer.approved and (last is None or last < year_ago):
            when = _("last inspected {date}", date=last) if last else _("never inspected")
            findings.append(
                Finding(
                    Severity.WARNING,
                    "certs.inspection_overdue",
                    _(
                        "{code} {farmer_name} has no internal inspection in the 12 months before {today} ({when})",
                        code=farmer.code,
                        farmer_name=farmer.name,
                        today=today,
                        when=when,
                    ),
                    f"member {farmer.code}",
                )
            )
    return findings


__all__ = [
    "DEFAULT_DAYS",
    "KIND_LABELS",
    "Alert",
    "AlertKind",
    "Level",
    "Dashboard",
    "alerts",
    "certification_findings",
    "compute_alerts",
    "dashboard",
]
