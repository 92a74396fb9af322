"""The cooperative's profile: name, tax id, FLO ID, currencies, fiscal year start, and the
language of its workbooks."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from coop_desk import i18n
from coop_desk.services import cooperative
from coop_desk.services.access import Permission
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared
from coop_desk.ui.labels import QT_TRANSLATE_NOOP

MONTHS = [
    QT_TRANSLATE_NOOP("SettingsDialog", "January"),
    QT_TRANSLATE_NOOP("SettingsDialog", "February"),
    QT_TRANSLATE_NOOP("SettingsDialog", "March"),
    QT_TRANSLATE_NOOP("SettingsDialog", "April"),
    QT_TRANSLATE_NOOP("SettingsDialog", "May"),
    QT_TRANSLATE_NOOP("SettingsDialog", "June"),
    QT_TRANSLATE_NOOP("SettingsDialog", "July"),
    QT_TRANSLATE_NOOP("SettingsDialog", "August"),
    QT_TRANSLATE_NOOP("SettingsDialog", "September"),
    QT_TRANSLATE_NOOP("SettingsDialog", "October"),
    QT_TRANSLATE_NOOP("SettingsDialog", "November"),
    QT_TRANSLATE_NOOP("SettingsDialog", "December"),
]


class SettingsDialog(FormDialog):
    topic = "settings"
    permission = Permission.SETTINGS_WRITE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Cooperative settings"))
        self.setMinimumWidth(600)  # a cooperative's full name is long
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.tax_id = QLineEdit()
        self.flo_id = QLineEdit()
        self.reporting_currency = QLineEdit()
        self.reporting_currency.setMaxLength(3)
        self.local_currency = QLineEdit()
        self.local_currency.setMaxLength(3)
        self.fiscal_month = QComboBox()
        self.fiscal_month.addItems([self.tr(m) for m in MONTHS])
        # The language of the workbooks (ledger, Assembly report, audit pack, ICS list, member
        # export), whatever language each user's program speaks.
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.add_field(self.tr("&Name"), "name", self.name)
        self.add_field(self.tr("S&hort name"), "short_name", self.short_name)
        self.add_field(self.tr("&Country (ISO code)"), "country", self.country)
        self.add_field(self.tr("&Tax id (RUC)"), "tax_id", self.tax_id)
        self.add_field(self.tr("&Fairtrade FLO ID"), "flo_id", self.flo_id)
        self.add_field(
            self.tr("&Reporting currency"), "reporting_currency", self.reporting_currency
        )
        self.add_field(self.tr("&Local currency"), "local_currency", self.local_currency)
        self.add_field(
            self.tr("Fiscal year &starts in"), "fiscal_year_start_month", self.fiscal_month
        )
        self.add_field(self.tr("&Workbooks in"), "language", self.language)
        self._load()
        editable = ctx.can(Permission.SETTINGS_WRITE)
        for widget in (
            self.name,
            self.short_name,
            self.country,
            self.tax_id,
            self.flo_id,
            self.reporting_currency,
            self.local_currency,
        ):
            widget.setReadOnly(not editable)
        self.fiscal_month.setEnabled(editable)
        self.language.setEnabled(editable)

    def _load(self) -> None:
        profile = self.ctx.read(cooperative.get_profile) or cooperative.Profile(name="")
        self.loaded_version = profile.record_version
        self.name.setText(profile.name)
        self.short_name.setText(profile.short_name)
        self.country.setText(profile.country)
        self.tax_id.setText(profile.tax_id)
        self.flo_id.setText(profile.flo_id)
        self.reporting_currency.setText(profile.reporting_currency)
        self.local_currency.setText(profile.local_currency)
        self.fiscal_month.setCurrentIndex(profile.fiscal_year_start_month - 1)
        index = self.language.findData(profile.language or i18n.language())
        self.language.setCurrentIndex(max(index, 0))
        self.mark_loaded()

    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        self._load()

    def profile(self) -> cooperative.Profile:
        return cooperative.Profile(
            name=self.name.text(),
            short_name=self.short_name.text(),
            country=self.country.text(),
            tax_id=self.tax_id.text(),
            flo_id=self.flo_id.text(),
            reporting_currency=self.reporting_currency.text(),
            local_currency=self.local_currency.text(),
            fiscal_year_start_month=self.fiscal_month.currentIndex() + 1,
            record_version=self.loaded_version,
            language=str(self.language.currentData() or ""),
        )

    def prepare(self) -> Prepared:
        profile = self.profile()
        return [], lambda s, a: cooperative.save_profile(s, a, profile)
