"""The printed reports: what each one reads (``load_*``, in a worker thread) and how it is laid
out (``Reports.render_*``, HTML for ``QTextDocument``, on the GUI thread).

Figures come from the services that own them (``reports.ga_summary``, ``contract_dues``,
``plan.list_approvals``, ``gender.gender_report``, ``project_balances``, ``fund_report``,
``journal.list_journal_lines``, ``members.get_member``, ``certification.member_certification``);
nothing is recomputed here except sums of the rows shown, for the "Total" lines.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    INSPECTION_RESULT_LABELS,
    SANCTION_LABELS,
    ConversionStatus,
    InspectionResult,
    SanctionKind,
)
from coop_desk.domain.members import GENDER_LABELS, STATUS_LABELS, MemberStatus
from coop_desk.services import certification, cooperative, members
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import gender, journal, plan, reports
from coop_desk.services.ledger.books import ENTRY_KIND_LABELS, EntryKind
from coop_desk.ui.labels import tr_label
from coop_desk.ui.widgets import format_date, format_decimal

ZERO = Decimal("0.00")
CHUNK = 30  # rows per printed table (see Table.html)


# --- what each report reads ------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    cooperative: str
    tax_id: str
    flo_id: str
    made_by: str
    made_at: datetime


def _header(session: Session, actor: Actor) -> Header:
    profile = cooperative.get_profile(session, actor)
    return Header(
        profile.name if profile else "",
        profile.tax_id if profile else "",
        profile.flo_id if profile else "",
        actor.username,
        datetime.now(UTC),
    )


@dataclass(frozen=True)
class AssemblyData:
    header: Header
    summary: reports.GASummary
    dues: tuple[reports.ContractDueRow, ...]
    approvals: tuple[plan.ApprovalRow, ...]
    gender: gender.GenderReport


def load_assembly(
    session: Session,
    actor: Actor,
    year: int,
    *,
    local_rate: Decimal | None = None,
    today: date | None = None,
) -> AssemblyData:
    """The General Assembly's premium-use report for ``year``."""
    require(actor, Permission.EXPORT)
    today = today or date.today()
    return AssemblyData(
        _header(session, actor),
        reports.ga_summary(session, actor, year, local_rate=local_rate),
        tuple(reports.contract_dues(session, actor, year=year, today=today)),
        tuple(plan.list_approvals(session, actor, year)),
        gender.gender_report(session, actor, year, today=today),
    )


@dataclass(frozen=True)
class BalancesData:
    header: Header
    year: int
    projects: tuple[reports.ProjectBalanceRow, ...]
    fund: reports.FundRow


def load_balances(session: Session, actor: Actor, year: int) -> BalancesData:
    require(actor, Permission.EXPORT)
    return BalancesData(
        _header(session, actor),
        year,
        tuple(reports.project_balances(session, actor, year)),
        reports.fund_report(session, actor, year),
    )


@dataclass(frozen=True)
class MemberCardData:
    header: Header
    member: members.MemberDetail
    certification: certification.MemberCertification


def load_member_card(
    session: Session, actor: Actor, member_id: int, today: date | None = None
) -> MemberCardData:
    require(actor, Permission.EXPORT)
    return MemberCardData(
        _header(session, actor),
        members.get_member(session, actor, member_id),
        certification.member_certification(session, actor, member_id, today or date.today()),
    )


@dataclass(frozen=True)
class JournalData:
    header: Header
    date_from: date
    date_to: date
    lines: tuple[journal.JournalLine, ...]


def load_journal(session: Session, actor: Actor, date_from: date, date_to: date) -> JournalData:
    require(actor, Permission.EXPORT)
    flt = journal.JournalFilter(date_from=date_from, date_to=date_to)
    return JournalData(
        _header(session, actor),
        date_from,
        date_to,
        tuple(journal.list_journal_lines(session, actor, flt)),
    )


# --- layout -------------------------------------------------------------------------------------

STYLE = """
body { font-family: sans-serif; font-size: 8.5pt; color: #000; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; margin-top: 12pt; margin-bottom: 4pt; color: #1f3d5a; }
p.meta { color: #444; margin-top: 0; }
p.note { color: #444; font-style: italic; }
th { background-color: #e6edf3; font-weight: bold; font-size: 8pt; }
td { font-size: 8pt; }
td.total, th.total { font-weight: bold; border-top: 1px solid #000; }
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def money(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{format_decimal(value, 1)} %"


class Table:
    """An HTML table: header cells, rows, numeric columns aligned right, optional total row."""

    def __init__(
        self,
        headers: Sequence[str],
        right: Iterable[int] = (),
        first_width: int = 0,
        widths: Sequence[int] = (),
    ) -> None:
        self.headers = list(headers)
        self.right = set(right)
        # Percent of the page per column (``widths``), or only for the first one (names).
        self.widths = list(widths) or ([first_width] if first_width else [])
        self.rows: list[str] = []

    def row(self, cells: Sequence[object], *, bold: bool | Iterable[int] = False) -> None:
        """A row (``bold``: all of it, or the cells at those indexes); with fewer cells than
        columns, the last cell spans the rest."""
        strong = set(range(len(cells))) if bold is True else set(bold or ())
        tds = []
        for i, cell in enumerate(cells):
            align = ' align="right"' if i in self.right else ""
            last = i == len(cells) - 1 and len(cells) < len(self.headers)
            span = f" colspan={len(self.headers) - i}" if last else ""
            text = esc(cell)
            if i in strong:
                text = f"<b>{text}</b>"
            tds.append(f"<td{align}{span}>{text}</td>")
        self.rows.append("<tr>" + "".join(tds) + "</tr>")

    def html(self) -> str:
        head = "".join(
            f"<th{' align=right' if i in self.right else ''}"
            f"{f' width={self.widths[i]}%' if i < len(self.widths) else ''}>"
            f"{esc(h)}</th>"
            for i, h in enumerate(self.headers)
        )
        # Measured on the demo's journal (280 rows): 2.7 s to print as one table with
        # border-collapse, 0.8 s without it; tables of CHUNK rows, each with the header,
        # keep a long list's pages readable.
        top = (
            '<table border="0.5" cellspacing="0" cellpadding="3" width="100%" '
            'style="border-color: #999;">'
            + (f"<thead><tr>{head}</tr></thead>" if any(self.headers) else "")
        )
        chunks = [self.rows[i : i + CHUNK] for i in range(0, len(self.rows), CHUNK)] or [[]]
        return "".join(top + "".join(rows) + "</table>" for rows in chunks)


class Reports(QObject):
    """Renders the reports (a QObject so its words go through ``self.tr``)."""

    def _h2(self, text: str) -> str:
        return f"<h2>{esc(text)}</h2>"

    def _p(self, text: str) -> str:
        return f"<p>{esc(text)}</p>"

    def _page(self, title: str, header: Header, subtitle: str, body: list[str]) -> str:
        ids = []
        if header.tax_id:
            ids.append(self.tr("RUC {0}").format(esc(header.tax_id)))
        if header.flo_id:
            ids.append(self.tr("FLO ID {0}").format(esc(header.flo_id)))
        meta = self.tr("Made on {0} by {1} with coop-desk").format(
            esc(format_date(header.made_at.astimezone().date())), esc(header.made_by)
        )
        top = [
            f"<h1>{esc(title)}</h1>",
            f"<p class='meta'><b>{esc(header.cooperative)}</b>"
            + (" · " + " · ".join(ids) if ids else "")
            + f"<br>{esc(subtitle)}<br>{meta}</p>",
        ]
        return (
            f"<html><head><style>{STYLE}</style></head><body>"
            + "".join(top + body)
            + "</body></html>"
        )

    # --- the General Assembly's report -----------------------------------------------------
    def render_assembly(self, data: AssemblyData) -> str:
        s = data.summary
        usd, local = s.reporting_currency, s.local_currency
        body: list[str] = []
        if s.local_rate is not None:
            body.append(
                "<p>"
                + esc(
                    self.tr(
                        "The fund is kept in {2} value (each payment at the rate recorded on it); "
                        "the {0} column converts it at {1} {0} per {2} (the last rate recorded in "
                        "the year), for reference."
                    ).format(local, format_decimal(s.local_rate, 4), usd)
                )
                + "</p>"
            )
        if s.provisional:
            body.append(
                "<p class='note'>"
                + esc(
                    self.tr("The previous year is not closed: the opening balance is provisional.")
                )
                + "</p>"
            )
        body.append(self._h2(self.tr("The Premium fund")))
        fund = Table(
            [
                "",
                self.tr("{0} value").format(usd),
                self.tr("{0}, converted").format(local) if s.local_rate else local,
            ],
            right={1, 2},
            first_width=50,
        )
        for label, value in (
            (self.tr("Balance at the start of the year"), s.opening),
            (self.tr("Premium earned (contracts shipped)"), s.earned),
            (self.tr("Premium received"), s.received),
            (self.tr("Premium spent on projects"), s.spent),
            (self.tr("Balance carried over"), s.carried_over),
            (self.tr("of which still receivable"), s.receivable),
        ):
            fund.row([label, money(value), money(s.local(value))])
        body.append(fund.html())

        body.append(self._h2(self.tr("Premium received per contract")))
        if data.dues:
            dues = Table(
                [
                    self.tr("Contract"),
                    self.tr("Buyer"),
                    self.tr("Premium due"),
                    self.tr("Received"),
                    self.tr("Outstanding"),
                ],
                right={2, 3, 4},
            )
            for c in data.dues:
                dues.row(
                    [
                        c.number,
                        c.buyer_name,
                        money(c.premium_due),
                        money(c.received),
                        money(c.outstanding),
                    ]
                )
            dues.row(
                [
                    self.tr("Total"),
                    "",
                    money(sum((c.premium_due for c in data.dues), ZERO)),
                    money(sum((c.received for c in data.dues), ZERO)),
                    money(sum((c.outstanding for c in data.dues), ZERO)),
                ],
                bold=True,
            )
            body.append(dues.html())
        else:
            body.append(self._p(self.tr("No contract in this year.")))

        body.append(self._h2(self.tr("Premium spent per project")))
        other = any(line.paid_other for line in s.lines)
        lines = Table(
            [
                self.tr("Project"),
                self.tr("Approved budget ({0})").format(usd),
                self.tr("Spent ({0} value)").format(usd),
                self.tr("Remaining ({0})").format(usd),
                self.tr("Paid in {0}").format(usd),
                self.tr("Paid in {0}").format(local),
                *([self.tr("Paid in other currencies")] if other else []),
                self.tr("Quality"),
            ],
            right={1, 2, 3, 4, 5},
            widths=[] if other else [21, 14, 14, 13, 13, 15, 10],
            first_width=21,
        )
        for line in s.lines:
            lines.row(
                [
                    line.name,
                    money(line.approved),
                    money(line.spent),
                    money(line.remaining) if line.approved is not None else "—",
                    money(line.paid_usd),
                    money(line.paid_local),
                    *([line.paid_other_text()] if other else []),
                    self.tr("yes") if line.productivity_quality else self.tr("no"),
                ]
            )
        approved_total = sum((x.approved or ZERO for x in s.lines), ZERO)
        lines.row(
            [
                self.tr("Total"),
                money(approved_total),
                money(s.spent),
                money(approved_total - s.spent),
                money(sum((x.paid_usd for x in s.lines), ZERO)),
                money(sum((x.paid_local for x in s.lines), ZERO)),
                *([""] if other else []),
                "",
            ],
            bold=True,
        )
        body.append(lines.html())
        body.append(
            "<p class='note'>"
            + esc(
                self.tr(
                    "Paid: the amounts as paid, in each currency. Spent ({0} value): each payment "
                    "at the rate recorded on it."
                ).format(usd)
            )
            + "</p>"
        )

        share = s.quality
        percent = format_decimal(share.share * 100, 0)
        body.append(
            self._h2(
                self.tr("Productivity and quality (at least {0}% of the Premium)").format(percent)
            )
        )
        quality = Table(["", usd], right={1}, first_width=70)
        quality.row([self.tr("Spent on productivity / quality"), money(share.spent)])
        quality.row(
            [
                self.tr("Required: {0}% of the premium received").format(percent),
                money(share.required),
            ]
        )
        quality.row([self.tr("Share of the premium received"), pct(share.percent)])
        quality.row([self.tr("Met"), self.tr("yes") if share.met else self.tr("no")], bold=True)
        body.append(quality.html())

        body.append(self._h2(self.tr("General Assembly approvals of the plan")))
        if data.approvals:
            approvals = Table(
                [
                    self.tr("Version"),
                    self.tr("Date"),
                    self.tr("Minutes"),
                    self.tr("Present"),
                    self.tr("Women"),
                    self.tr("For / against / abstaining"),
                    self.tr("Budget ({0})").format(usd),
                ],
                right={1, 3, 4, 6},
                widths=[11, 14, 13, 14, 11, 17, 20],
            )
            for a in data.approvals:
                version = str(a.version) + (" " + self.tr("(in force)") if a.current else "")
                approvals.row(
                    [
                        version,
                        format_date(a.approval_date),
                        a.minutes_number,
                        a.members_present,
                        a.women_present,
                        f"{a.votes_for} / {a.votes_against} / {a.votes_abstaining}",
                        money(a.total),
                    ]
                )
            body.append(approvals.html())
        else:
            body.append(self._p(self.tr("No approval recorded for this year.")))

        body.append(self.gender_section(data.gender))
        president, treasurer = esc(self.tr("President")), esc(self.tr("Treasurer"))
        body.append(
            "<br><br><table width='100%'><tr>"
            f"<td align='center'>______________________<br>{president}</td>"
            f"<td align='center'>______________________<br>{treasurer}</td>"
            "</tr></table>"
        )
        return self._page(
            self.assembly_title(s.year),
            data.header,
            self.tr("Report of the Board to the General Assembly, fiscal year {0}").format(s.year),
            body,
        )

    def assembly_title(self, year: int) -> str:
        return self.tr("Use of the Fairtrade Premium in {0}").format(year)

    def gender_section(self, g: gender.GenderReport) -> str:
        """The gender report as a section (also printed on its own from its dialog)."""
        table = Table(
            [self.tr("Group"), self.tr("Women"), self.tr("Total"), self.tr("Share of women")],
            right={1, 2, 3},
            first_width=50,
        )
        for label, share in self.gender_rows(g):
            table.row([label, share.women, share.total, pct(share.percent)])
        parts = [self._h2(self.tr("Participation of women")), table.html()]
        if g.programme_name:
            programme = Table(["", "USD"], right={1}, first_width=70)
            programme.row(
                [
                    self.tr("Approved budget of “{0}”").format(g.programme_name),
                    money(g.programme_budget),
                ]
            )
            programme.row(
                [
                    self.tr("Spent on “{0}” in {1}").format(g.programme_name, g.year),
                    money(g.programme_spent),
                ]
            )
            programme.row(
                [self.tr("Share of all the Premium spent on projects"), pct(g.programme_share)]
            )
            parts.append("<br>" + programme.html())
        return "".join(parts)

    def gender_rows(self, g: gender.GenderReport) -> list[tuple[str, gender.Share]]:
        return [
            (self.tr("Active members (on {0})").format(format_date(g.on)), g.members),
            (
                self.tr("General Assembly attendance ({0} meetings)").format(len(g.meetings)),
                g.assembly,
            ),
            (self.tr("Members of the organic group (ICS)"), g.group),
            (self.tr("Inspected internally in {0}").format(g.on.year), g.inspected),
        ]

    def render_gender(self, data: AssemblyData) -> str:
        return self._page(
            self.tr("Gender report {0}").format(data.gender.year),
            data.header,
            self.tr("Women's participation and the women's programme, fiscal year {0}").format(
                data.gender.year
            ),
            [self.gender_section(data.gender)],
        )

    # --- project balances -------------------------------------------------------------------
    def render_balances(self, data: BalancesData) -> str:
        f = data.fund
        projects = Table(
            [
                self.tr("Project"),
                self.tr("Approved (USD)"),
                self.tr("Spent (USD)"),
                self.tr("Remaining (USD)"),
                self.tr("% used"),
                self.tr("Paid in USD"),
                self.tr("Paid in local currency"),
            ],
            right={1, 2, 3, 4, 5, 6},
            first_width=24,
        )
        for p in data.projects:
            projects.row(
                [
                    p.name,
                    money(p.approved),
                    money(p.spent),
                    money(p.remaining) if p.approved is not None else "—",
                    pct(p.percent_used),
                    money(p.paid_usd),
                    money(p.paid_local),
                ]
            )
        approved = sum((p.approved or ZERO for p in data.projects), ZERO)
        spent = sum((p.spent for p in data.projects), ZERO)
        projects.row(
            [self.tr("Total"), money(approved), money(spent), money(approved - spent), "", "", ""],
            bold=True,
        )
        over = [p.name for p in data.projects if p.over_budget]
        body = [self._h2(self.tr("Projects")), projects.html()]
        if over:
            body.append(
                "<p class='note'>"
                + esc(
                    self.tr("Over budget or without an approved budget: {0}").format(
                        ", ".join(over)
                    )
                )
                + "</p>"
            )
        fund = Table(["", "USD"], right={1}, first_width=70)
        for label, value in (
            (self.tr("Opening balance"), f.opening),
            (self.tr("Opening balances entered"), f.opening_balances),
            (self.tr("Premium earned"), f.earned),
            (self.tr("Premium received"), f.received),
            (self.tr("Spent on projects"), f.spent),
            (self.tr("Exchange differences"), f.exchange),
            (self.tr("Closing balance"), f.closing),
            (self.tr("Premium receivable at the end of the year"), f.receivable),
            (self.tr("In bank and cash at the end of the year"), f.cash),
        ):
            fund.row([label, money(value)])
        body += [self._h2(self.tr("Premium fund (USD value)")), fund.html()]
        if f.provisional:
            body.append(
                "<p class='note'>"
                + esc(
                    self.tr("The previous year is not closed: the opening balance is provisional.")
                )
                + "</p>"
            )
        return self._page(
            self.tr("Project balances {0}").format(data.year),
            data.header,
            self.tr("Approved budget, spending and remaining per project; the Premium fund"),
            body,
        )

    # --- a member's card -----------------------------------------------------------------------
    def render_member_card(self, data: MemberCardData) -> str:
        m, c = data.member, data.certification
        details = Table(["", ""], first_width=30)
        for label, value in (
            (self.tr("Member code"), m.code),
            (self.tr("Surnames"), m.surnames),
            (self.tr("First names"), m.first_names),
            (self.tr("DNI"), m.dni or "—"),
            (self.tr("Gender"), tr_label(GENDER_LABELS.get(m.gender, m.gender))),
            (self.tr("Birth date"), format_date(m.birth_date) or "—"),
            (self.tr("Join date"), format_date(m.join_date)),
            (
                self.tr("Status"),
                tr_label(STATUS_LABELS[MemberStatus(m.status)])
                + " "
                + self.tr("since {0}").format(format_date(m.status_date)),
            ),
            (self.tr("Community"), m.community or "—"),
            (self.tr("Phone"), m.phone or "—"),
        ):
            details.row([label, value])
        body = [self._h2(self.tr("Member")), details.html()]

        status_by_plot = {p.plot_id: p for p in c.plots}
        plots = Table(
            [
                self.tr("Plot"),
                self.tr("Total area (ha)"),
                self.tr("Coffee area (ha)"),
                self.tr("Altitude (m)"),
                self.tr("Varieties"),
                self.tr("Organic status"),
            ],
            right={1, 2, 3},
        )
        for p in m.plots:
            st = status_by_plot.get(p.id)
            organic = tr_label(CONVERSION_LABELS[ConversionStatus(st.status)]) if st else "—"
            plots.row(
                [
                    p.name,
                    format_decimal(p.total_area_ha),
                    format_decimal(p.coffee_area_ha),
                    p.altitude_m or "—",
                    p.varieties,
                    organic,
                ]
            )
        plots.row(
            [
                self.tr("Total"),
                format_decimal(sum((p.total_area_ha for p in m.plots), ZERO)),
                format_decimal(sum((p.coffee_area_ha for p in m.plots), ZERO)),
                "",
                "",
                "",
            ],
            bold=True,
        )
        body += [self._h2(self.tr("Plots")), plots.html()]

        cert = Table(["", ""], first_width=30)
        cert.row(
            [
                self.tr("ICS committee approval"),
                self.tr("approved on {0}").format(format_date(c.approval_date))
                if c.approved and c.approval_date
                else (self.tr("approved") if c.approved else self.tr("not approved")),
            ]
        )
        if c.suspended or c.excluded:
            cert.row(
                [
                    self.tr("Sanction in force"),
                    self.tr("excluded") if c.excluded else self.tr("suspended"),
                ]
            )
        for scheme in c.schemes:
            state = (
                self.tr("in scope since {0}").format(format_date(scheme.since))
                if scheme.in_scope and scheme.since
                else self.tr("in scope")
                if scheme.in_scope
                else self.tr("not in scope")
                if scheme.in_scope is False
                else self.tr("not recorded")
            )
            if scheme.certificate is not None:
                state += " · " + self.tr("certificate {0} valid until {1}").format(
                    scheme.certificate.number, format_date(scheme.certificate.expiry_date)
                )
            cert.row([scheme.scheme_name, state])
        last = c.inspections[0] if c.inspections else None
        cert.row(
            [
                self.tr("Last internal inspection"),
                self.tr("{0} by {1}: {2}").format(
                    format_date(last.inspection_date),
                    last.inspector,
                    tr_label(INSPECTION_RESULT_LABELS[InspectionResult(last.result)]),
                )
                if last
                else self.tr("never inspected"),
            ]
        )
        body += [
            self._h2(self.tr("Certification status on {0}").format(format_date(c.on))),
            cert.html(),
        ]
        if c.sanctions:
            sanctions = Table([self.tr("Decided on"), self.tr("Sanction"), self.tr("Reason")])
            for sa in c.sanctions:
                sanctions.row(
                    [
                        format_date(sa.decided_on),
                        tr_label(SANCTION_LABELS[SanctionKind(sa.kind)]),
                        sa.reason,
                    ]
                )
            body += [self._h2(self.tr("Sanctions")), sanctions.html()]
        return self._page(
            self.tr("Member card: {0}").format(m.code),
            data.header,
            m.full_name,
            body,
        )

    # --- the journal of a period ---------------------------------------------------------------
    def render_journal(self, data: JournalData) -> str:
        table = Table(
            [
                self.tr("Entry"),
                self.tr("Date"),
                self.tr("Account"),
                self.tr("Currency"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("USD value"),
            ],
            right={4, 5, 6},
            widths=[13, 13, 26, 9, 12, 12, 15],
        )
        debits: dict[str, Decimal] = defaultdict(lambda: ZERO)
        credits: dict[str, Decimal] = defaultdict(lambda: ZERO)
        entries = 0
        current = None
        for line in data.lines:
            if line.entry_id != current:
                current = line.entry_id
                entries += 1
                what = tr_label(ENTRY_KIND_LABELS[EntryKind(line.kind)])
                details = " · ".join(
                    x
                    for x in (
                        what,
                        line.description,
                        line.payee,
                        self.tr("voucher {0}").format(line.voucher) if line.voucher else "",
                        self.tr("reverses {0}").format(line.reverses_number)
                        if line.reverses_number
                        else "",
                    )
                    if x
                )
                table.row([line.number, format_date(line.entry_date), details], bold={2})
            debit = line.amount if line.amount > 0 else None
            credit = -line.amount if line.amount < 0 else None
            if debit is not None:
                debits[line.currency] += debit
            if credit is not None:
                credits[line.currency] += credit
            table.row(
                [
                    "",
                    "",
                    f"{line.account_code} {line.account_name}",
                    line.currency,
                    money(debit) if debit is not None else "",
                    money(credit) if credit is not None else "",
                    money(line.usd_value),
                ]
            )
        for currency in sorted(set(debits) | set(credits)):
            table.row(
                [
                    self.tr("Total"),
                    "",
                    "",
                    currency,
                    money(debits[currency]),
                    money(credits[currency]),
                    "",
                ],
                bold=True,
            )
        body = [
            "<p>" + esc(self.tr("Entries: {0}").format(entries)) + "</p>",
            table.html(),
        ]
        return self._page(
            self.tr("Journal from {0} to {1}").format(
                format_date(data.date_from), format_date(data.date_to)
            ),
            data.header,
            self.tr("Every entry of the Premium ledger in the period, with its postings"),
            body,
        )
