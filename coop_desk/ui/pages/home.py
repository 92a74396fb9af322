"""Home: the first page after sign-in, telling each role what needs attention.

The figures come from one service call (``services.home.home``) made in a pool thread by a
``BackgroundLoader``; the page only draws them: link cards for the figures (each opens the page
behind it), two QtCharts charts (spending per project against its approved budget; the Premium
per year) and the open compliance findings. Which sections show depends on the role (the
service decides). A warning heads the page while the last good backup is more than a week old.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services.verify import Finding, Severity
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.models.table import Column, RowTableModel, plain_table
from coop_desk.ui.pages.base import Page
from coop_desk.ui.widgets import format_date, format_decimal
from coop_desk.ui.workers import BackgroundLoader

if TYPE_CHECKING:
    from coop_desk.services.home import Home

APPROVED_COLOUR = QColor("#9fb3c8")
SPENT_COLOUR = QColor("#2e6da4")
OVER_COLOUR = QColor("#c0392b")
RECEIVED_COLOUR = QColor("#3c8d5a")
WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a; padding: 6px;"


def _chart_value(amount: Decimal) -> float:
    # Charts draw with floating point; the exact Decimal figures stay in the cards and tables.
    return float(amount)


class FindingsModel(RowTableModel[Finding]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    self.tr("Severity"),
                    lambda f: f.severity,
                    lambda s: self.tr("Error") if s == Severity.ERROR else self.tr("Warning"),
                ),
                Column(self.tr("Finding"), lambda f: f.message),
            ],
            parent,
            colour=lambda f: OVER_COLOUR if f.severity == Severity.ERROR else None,
        )


def finding_target(finding: Finding) -> tuple[str, str]:
    """The page (and tab) behind a finding: ledger checks on the Premium's Compliance tab,
    certification ones on the Certifications' alerts."""
    if finding.check.startswith("certs."):
        return "certs", "alerts"
    return "premium", "compliance"


class HomePage(Page):
    key = "home"
    topics = frozenset({"members", "ledger", "certs", "settings", "backup", "users"})
    help_topic = "home"
    loaded = Signal()  # the figures of a refresh are drawn

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Callable[[], date] = date.today
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.figures: Home | None = None

        self.heading = QLabel()
        self.heading.setObjectName("home_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.loading_label = QLabel(self.tr("Loading…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.loading_label)
        top.addWidget(self.refresh_button)

        # The backup warning, with what to do about it.
        self.backup_banner = QFrame()
        self.backup_banner.setObjectName("backup_banner")
        self.backup_banner.setStyleSheet(f"#backup_banner {{{WARNING_STYLE}}}")
        self.backup_text = QLabel()
        self.backup_text.setWordWrap(True)
        self.backup_now_button = QPushButton(self.tr("Back up now"))
        self.backup_settings_button = QPushButton(self.tr("Backup settings…"))
        self.backup_now_button.clicked.connect(self._back_up_now)
        self.backup_settings_button.clicked.connect(self._backup_settings)
        banner = QHBoxLayout(self.backup_banner)
        banner.addWidget(self.backup_text, 1)
        banner.addWidget(self.backup_now_button)
        banner.addWidget(self.backup_settings_button)
        self.backup_banner.hide()

        # The figures: link cards that open the page behind them.
        self.cards_box = QWidget()
        self.cards = QGridLayout(self.cards_box)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.members_card = self._card("members_card", lambda: self.navigate.emit("members", ""))
        self.gender_card = self._card("gender_card", self._gender_report)
        self.ics_card = self._card("ics_card", lambda: self.navigate.emit("certs", "ics"))
        self.certificates_card = self._card(
            "certificates_card", lambda: self.navigate.emit("certs", "alerts")
        )
        self.received_card = self._card(
            "received_card", lambda: self.navigate.emit("premium", "balances")
        )
        self.spent_card = self._card("spent_card", lambda: self.navigate.emit("premium", "journal"))
        self.remaining_card = self._card(
            "remaining_card", lambda: self.navigate.emit("premium", "balances")
        )
        self.warnings_card = self._card("warnings_card", self._open_first_finding)
        self.backup_card = self._card("backup_card", self._backup_settings)

        # Charts
        self.projects_view = self._chart_view("projects_chart")
        self.projects_chart = self._new_chart(
            self.projects_view, self.tr("Spending per project against the approved budget")
        )
        self.years_view = self._chart_view("years_chart")
        self.years_chart = self._new_chart(self.years_view, self.tr("Premium per year (USD)"))
        charts = QHBoxLayout()
        charts.addWidget(self.projects_view, 3)
        charts.addWidget(self.years_view, 2)

        # Findings
        self.findings_model = FindingsModel(self)
        self.findings_view = plain_table(self.findings_model, 3)
        self.findings_view.setObjectName("home_findings")
        self.findings_view.doubleClicked.connect(lambda _i: self.open_finding())
        self.findings_box = QGroupBox(self.tr("Open compliance findings"))
        fl = QVBoxLayout(self.findings_box)
        fl.addWidget(self.findings_view)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.backup_banner)
        layout.addWidget(self.cards_box)
        layout.addLayout(charts)
        layout.addWidget(self.findings_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.loader = BackgroundLoader(self)
        self.loader.failed.connect(self._load_failed)
        self.loader.finished.connect(self.loaded)

    def title(self) -> str:
        return self.tr("Home")

    def apply_permissions(self) -> None:
        # What the page shows depends on the role: another user, another home.
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    # --- building blocks ----------------------------------------------------------------
    def _card(self, name: str, slot: Callable[[], object]) -> QCommandLinkButton:
        card = QCommandLinkButton(self.cards_box)
        card.setObjectName(name)
        card.setMinimumWidth(200)
        card.clicked.connect(lambda _c=False: slot())
        card.hide()
        return card

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(290)
        view.setMaximumHeight(340)
        return view

    def _new_chart(self, view: QChartView, title: str) -> QChart:
        """A new, empty chart in ``view``. Each load draws into a new chart and the old one
        is deleted later, from the event loop: deleting its series and axes at once
        (``removeAllSeries``) could free a bar the scene still has events queued for, or the
        series whose ``clicked`` is on the stack (a click that opened a dialog, in whose
        event loop a load finished) - a crash in Qt's event processing."""
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        old = view.chart()
        view.setChart(chart)  # the view owns the new chart and lets go of the old one
        old.deleteLater()
        return chart

    def _chart_clicked(self) -> None:
        # After the click's own signal has returned: what opening the page does (build it,
        # a dialog, a nested event loop) never runs inside a series' signal.
        QTimer.singleShot(0, self, lambda: self.navigate.emit("premium", "balances"))

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor, today, now = self.ctx.db, self.ctx.actor, self.today(), self.now()

        def read() -> Home:  # a pool thread, its own Session
            # The figures' services (certification, ledger) are imported here, in the pool
            # thread, once the window is up: no part of the start (issue 14).
            from coop_desk.services import home

            with db.reading(actor) as session:
                return home.home(session, actor, today, now=now)

        self.loading_label.show()
        self.status_message.emit(self.tr("Loading the home page…"))
        self.loader.load(read, self._apply)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading_label.hide()
        show_error(self, exc)

    def _apply(self, h: Home) -> None:
        from coop_desk.services.home import Section  # imported by the load (``refresh``)

        self.figures = h
        self.loading_label.hide()
        self.heading.setText(self.tr("Today, {0}").format(format_date(h.on)))
        self._apply_cards(h)
        self._apply_backup(h)
        self._apply_projects_chart(h)
        self._apply_years_chart(h)
        self.findings_model.set_rows(h.findings)
        self.findings_box.setVisible(
            h.shows(Section.LEDGER_WARNINGS) or h.shows(Section.CERT_WARNINGS)
        )
        self.status_message.emit(
            self.tr("{0} warnings, {1} errors").format(len(h.warnings), len(h.errors))
        )

    def _apply_cards(self, h: Home) -> None:
        from coop_desk.services import home
        from coop_desk.services.home import Section

        cards: list[QCommandLinkButton] = []
        if h.members is not None and h.register is not None:
            self.members_card.setText(self.tr("{0} active members").format(h.members.members))
            self.members_card.setDescription(
                self.tr("{0} in the register. Open the register").format(h.register.members)
            )
            share = format_decimal(h.members.women_share * 100, 1)
            self.gender_card.setText(self.tr("{0}% women").format(share))
            self.gender_card.setDescription(
                self.tr("{0} women among the active members. Open the gender report").format(
                    h.members.women
                )
            )
            cards += [self.members_card, self.gender_card]
        if h.ics is not None and h.shows(Section.ICS):
            if h.ics.group_members:
                self.ics_card.setText(
                    self.tr("ICS coverage {0}%").format(format_decimal(h.ics.coverage_percent, 1))
                )
            else:  # 0 of 0 is not "100% covered" to a reader: nobody is in the group yet
                self.ics_card.setText(self.tr("ICS coverage: nobody in the group yet"))
            self.ics_card.setDescription(
                self.tr("{0} of {1} members inspected in {2}").format(
                    h.ics.inspected, h.ics.group_members, h.on.year
                )
            )
            cards.append(self.ics_card)
        if h.shows(Section.CERTIFICATES):
            self.certificates_card.setText(
                self.tr("Certificates to renew: {0}").format(len(h.certificates))
            )
            first = min((a.when for a in h.certificates if a.when), default=None)
            self.certificates_card.setDescription(
                self.tr("Expired or expiring within {0} days; the first on {1}").format(
                    home.EXPIRY_DAYS, format_date(first)
                )
                if first
                else self.tr("None expires within {0} days").format(home.EXPIRY_DAYS)
            )
            cards.append(self.certificates_card)
        if h.fund is not None:
            usd = " USD"
            self.received_card.setText(format_decimal(h.fund.received) + usd)
            self.received_card.setDescription(self.tr("Premium received in {0}").format(h.year))
            self.spent_card.setText(format_decimal(h.fund.spent) + usd)
            self.spent_card.setDescription(self.tr("Spent on projects in {0}").format(h.year))
            self.remaining_card.setText(format_decimal(h.fund.closing) + usd)
            self.remaining_card.setDescription(self.tr("Remaining in the Premium fund"))
            cards += [self.received_card, self.spent_card, self.remaining_card]
        if h.shows(Section.LEDGER_WARNINGS) or h.shows(Section.CERT_WARNINGS):
            self.warnings_card.setText(
                self.tr("Compliance warnings: {0}").format(len(h.warnings))
                if not h.errors
                else self.tr("Integrity errors: {0}").format(len(h.errors))
            )
            self.warnings_card.setDescription(self.tr("Open the first one"))
            cards.append(self.warnings_card)
        if h.backup is not None:
            good = h.backup.last_good
            self.backup_card.setText(
                self.tr("Last backup {0}").format(format_date(good.at.astimezone().date()))
                if good
                else self.tr("No backup yet")
            )
            self.backup_card.setDescription(
                self.tr("{0} daily and {1} monthly copies in {2}").format(
                    len(h.backup.daily), len(h.backup.monthly), h.backup.folder
                )
            )
            cards.append(self.backup_card)
        for card in (
            self.members_card,
            self.gender_card,
            self.ics_card,
            self.certificates_card,
            self.received_card,
            self.spent_card,
            self.remaining_card,
            self.warnings_card,
            self.backup_card,
        ):
            self.cards.removeWidget(card)
            card.hide()
        for i, card in enumerate(cards):
            self.cards.addWidget(card, i // 3, i % 3)
            card.show()

    def _apply_backup(self, h: Home) -> None:
        state = h.backup
        stale = state is not None and state.stale
        self.backup_banner.setVisible(stale)
        if state is None or not stale:
            return
        if state.last_good is None:
            text = self.tr("No good backup of this database has been made yet.")
        else:
            days = (self.now() - state.last_good.at).days
            text = self.tr("The last good backup was made {0} days ago.").format(days)
        if not state.available:
            text += " " + self.tr("The backup folder {0} cannot be reached.").format(
                state.folder.parent
            )
        self.backup_text.setText(text)

    def _apply_projects_chart(self, h: Home) -> None:
        from coop_desk.services.home import Section

        chart = self.projects_chart = self._new_chart(
            self.projects_view, self.projects_chart.title()
        )
        visible = h.shows(Section.PROJECTS) and bool(h.projects)
        self.projects_view.setVisible(visible)
        if not visible:
            return
        rows = list(reversed(h.projects))  # horizontal bars draw bottom-up: keep plan order
        approved = QBarSet(self.tr("Approved"))
        approved.setColor(APPROVED_COLOUR)
        spent = QBarSet(self.tr("Spent"))
        spent.setColor(SPENT_COLOUR)
        spent.setSelectedColor(OVER_COLOUR)
        for i, row in enumerate(rows):
            approved.append(_chart_value(row.approved or Decimal(0)))
            spent.append(_chart_value(row.spent))
            if row.over_budget:
                spent.selectBar(i)  # over budget (or without one) in red
        series = QHorizontalBarSeries()
        series.append(approved)
        series.append(spent)
        series.clicked.connect(lambda _i, _s: self._chart_clicked())
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([row.name for row in rows])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        values.setTitleText("USD")
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        values.applyNiceNumbers()

    def _apply_years_chart(self, h: Home) -> None:
        from coop_desk.services.home import Section

        chart = self.years_chart = self._new_chart(self.years_view, self.years_chart.title())
        visible = h.shows(Section.PREMIUM_YEARS) and bool(h.premium_years)
        self.years_view.setVisible(visible)
        if not visible:
            return
        received = QBarSet(self.tr("Received"))
        received.setColor(RECEIVED_COLOUR)
        spent = QBarSet(self.tr("Spent"))
        spent.setColor(SPENT_COLOUR)
        remaining = QBarSet(self.tr("Remaining"))
        remaining.setColor(APPROVED_COLOUR)
        for row in h.premium_years:
            received.append(_chart_value(row.received))
            spent.append(_chart_value(row.spent))
            remaining.append(_chart_value(row.closing))
        series = QBarSeries()
        for bar_set in (received, spent, remaining):
            series.append(bar_set)
        series.clicked.connect(lambda _i, _s: self._chart_clicked())
        chart.addSeries(series)
        years = QBarCategoryAxis()
        years.append([str(row.year) for row in h.premium_years])
        chart.addAxis(years, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(years)
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        values.applyNiceNumbers()

    # --- actions -----------------------------------------------------------------------------
    def open_finding(self, row: int | None = None) -> None:
        finding = self.findings_model.row_at(
            self.findings_view.currentIndex().row() if row is None else row
        )
        if finding is not None:
            self.navigate.emit(*finding_target(finding))

    def _open_first_finding(self) -> None:
        if self.findings_model.rowCount():
            self.open_finding(0)

    def _gender_report(self) -> None:
        from coop_desk.ui.printing.gender import GenderReportDialog

        dialog = GenderReportDialog(self.ctx, self)
        dialog.exec()

    def _back_up_now(self) -> None:
        from coop_desk.ui import backup_actions

        backup_actions.back_up_now(self, self.ctx)

    def _backup_settings(self) -> None:
        from coop_desk.ui import backup_actions

        backup_actions.open_backup_dialog(self, self.ctx).exec()
