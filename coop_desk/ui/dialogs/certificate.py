"""Add or edit a certificate (of the cooperative or of a member), with its document file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from coop_desk.domain.certification import CertificateInput
from coop_desk.services import certification as certs
from coop_desk.services.access import Permission
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.cert_form import CertFormDialog
from coop_desk.ui.dialogs.form import Prepared
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import DateField, field_row


class CertificateDialog(CertFormDialog):
    def __init__(
        self,
        ctx: AppContext,
        certificate: certs.CertificateRow | None = None,
        *,
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.certificate = certificate
        self.member_id = certificate.member_id if certificate else member_id
        self.document_path: str | None = None
        self.setWindowTitle(
            self.tr("Edit certificate") if certificate else self.tr("New certificate")
        )
        self.scheme = QComboBox()
        self.add_scheme_button = QPushButton(self.tr("Add scheme…"))
        self.add_scheme_button.clicked.connect(self.add_scheme)
        scheme_row = field_row(self.scheme, self.add_scheme_button)
        self.certifier = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("FLO ID for Fairtrade"))
        today = date.today()
        self.issue_date = DateField(today)
        self.expiry_date = DateField(today + timedelta(days=365))
        self.scope = QPlainTextEdit()
        self.scope.setFixedHeight(60)
        self.notes = QLineEdit()
        self.document_label = QLabel(self.tr("no document"))
        self.document_button = QPushButton(self.tr("Choose file…"))
        self.document_button.clicked.connect(self.pick_document)
        doc_row = field_row(self.document_label, self.document_button)
        self.add_field(self.tr("&Scheme"), "scheme_id", scheme_row)
        self.add_field(self.tr("&Certifier"), "certifier", self.certifier)
        self.add_field(self.tr("&Number"), "number", self.number)
        self.add_field(self.tr("&Issued"), "issue_date", self.issue_date)
        self.add_field(self.tr("&Expires"), "expiry_date", self.expiry_date)
        self.add_field(self.tr("Sco&pe"), "scope", self.scope)
        self.add_field(self.tr("N&otes"), "notes", self.notes)
        self.add_field(self.tr("&Document"), "document_path", doc_row)
        self._load_schemes()
        if certificate:
            self._fill(certificate)
        self.add_scheme_button.setEnabled(ctx.can(Permission.CERTS_WRITE))

    def _load_schemes(self, select_id: int | None = None) -> None:
        self.scheme.clear()
        for s in self.ctx.read(certs.list_schemes):
            self.scheme.addItem(s.name, s.id)
        if select_id is not None:
            self.scheme.setCurrentIndex(self.scheme.findData(select_id))

    def _fill(self, c: certs.CertificateRow) -> None:
        self.certificate = c
        self.scheme.setCurrentIndex(self.scheme.findData(c.scheme_id))
        self.certifier.setText(c.certifier)
        self.number.setText(c.number)
        self.issue_date.set_date_value(c.issue_date)
        self.expiry_date.set_date_value(c.expiry_date)
        self.scope.setPlainText(c.scope)
        self.notes.setText(c.notes)
        if c.document_sha256:
            self.document_label.setText(
                self.tr("{0} (SHA-256 {1}…)").format(c.document_name, c.document_sha256[:12])
            )
        self.mark_loaded()

    def can_reload(self) -> bool:
        return self.certificate is not None

    def reload_record(self) -> None:
        assert self.certificate is not None
        cert_id = self.certificate.id
        self._fill(self.ctx.read(lambda s, a: certs.get_certificate(s, a, cert_id)))

    # --- interactions tests can replace --------------------------------------------------
    def ask_scheme_name(self) -> str | None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Add scheme"),
            self.tr("Name of the scheme (e.g. Rainforest Alliance):"),
        )
        return name if ok else None

    def choose_document(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate document"),
            "",
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
        )
        return path or None

    # --- actions -------------------------------------------------------------------------
    def add_scheme(self) -> None:
        name = self.ask_scheme_name()
        if not name:
            return
        try:
            row = self.ctx.write(
                lambda s, a: certs.add_scheme(s, a, certs.SchemeInput(name=name)), "certs"
            )
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self._load_schemes(row.id)

    def pick_document(self) -> None:
        path = self.choose_document()
        if path:
            self.set_document(path)

    def set_document(self, path: str) -> None:
        self.document_path = path
        self.document_label.setText(Path(path).name)
        self.problems.clear_field("document_path")

    def data(self) -> CertificateInput:
        return CertificateInput(
            scheme_id=self.scheme.currentData(),
            certifier=self.certifier.text(),
            number=self.number.text(),
            issue_date=self.issue_date.date_value(),
            expiry_date=self.expiry_date.date_value(),
            scope=self.scope.toPlainText(),
            notes=self.notes.text(),
            member_id=self.member_id,
            document_path=self.document_path,
        )

    def prepare(self) -> Prepared:
        data = self.data()
        cert = self.certificate
        cert_id = cert.id if cert else None
        version = cert.record_version if cert else None
        return [], lambda s, a: certs.save_certificate(s, a, data, cert_id, record_version=version)
