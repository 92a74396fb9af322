"""Labels that come from the Qt-free layers (domain, services, exchange), made translatable.

The domain layer cannot import Qt, so its label dictionaries (``STATUS_LABELS``,
``GENDER_LABELS``, the certification labels ...) hold plain English strings. lupdate cannot see
a string passed through ``self.tr(variable)``; this module lists every such string with
``QT_TRANSLATE_NOOP("labels", ...)`` so it lands in the catalogue, and :func:`tr_label` looks the
text up at run time. ``tests/ui/test_translations.py`` checks that the list stays complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "labels"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``source`` for the catalogue under ``context`` and returns it as it is, to be
    translated where it is shown. Qt's own does the same but PySide6's stubs type its result
    as ``object``; this one is typed, and lupdate finds its calls by the same name."""
    return source


KNOWN: frozenset[str] = frozenset(
    {
        # domain.members: STATUS_LABELS, GENDER_LABELS
        QT_TRANSLATE_NOOP("labels", "Active"),
        QT_TRANSLATE_NOOP("labels", "Suspended"),
        QT_TRANSLATE_NOOP("labels", "Withdrawn"),
        QT_TRANSLATE_NOOP("labels", "Expelled"),
        QT_TRANSLATE_NOOP("labels", "Deceased"),
        QT_TRANSLATE_NOOP("labels", "Female"),
        QT_TRANSLATE_NOOP("labels", "Male"),
        # domain.premium: SCHEME_LABELS
        QT_TRANSLATE_NOOP("labels", "Fairtrade International"),
        QT_TRANSLATE_NOOP("labels", "Fair Trade USA"),
        QT_TRANSLATE_NOOP("labels", "None (conventional)"),
        # domain.certification: CONVERSION_LABELS, INSPECTION_RESULT_LABELS, SANCTION_LABELS,
        # COMMITTEE_LABELS, SCHEME_KIND_LABELS
        QT_TRANSLATE_NOOP("labels", "Conventional"),
        QT_TRANSLATE_NOOP("labels", "In conversion T1"),
        QT_TRANSLATE_NOOP("labels", "In conversion T2"),
        QT_TRANSLATE_NOOP("labels", "In conversion T3"),
        QT_TRANSLATE_NOOP("labels", "Organic"),
        QT_TRANSLATE_NOOP("labels", "Approved"),
        QT_TRANSLATE_NOOP("labels", "Approved with conditions"),
        QT_TRANSLATE_NOOP("labels", "Not approved"),
        QT_TRANSLATE_NOOP("labels", "Warning"),
        QT_TRANSLATE_NOOP("labels", "Suspension"),
        QT_TRANSLATE_NOOP("labels", "Exclusion"),
        QT_TRANSLATE_NOOP("labels", "Rejected"),
        QT_TRANSLATE_NOOP("labels", "Fairtrade"),
        QT_TRANSLATE_NOOP("labels", "Other"),
        # services.access: ROLE_LABELS
        QT_TRANSLATE_NOOP("labels", "Administrator"),
        QT_TRANSLATE_NOOP("labels", "Treasurer"),
        QT_TRANSLATE_NOOP("labels", "Secretary"),
        QT_TRANSLATE_NOOP("labels", "Auditor"),
        # services.certification.alerts: KIND_LABELS and the alert levels
        QT_TRANSLATE_NOOP("labels", "Certificate expired"),
        QT_TRANSLATE_NOOP("labels", "Certificate expiring"),
        QT_TRANSLATE_NOOP("labels", "Member certificate missing"),
        QT_TRANSLATE_NOOP("labels", "ICS coverage"),
        QT_TRANSLATE_NOOP("labels", "Not inspected this year"),
        QT_TRANSLATE_NOOP("labels", "Corrective action overdue"),
        QT_TRANSLATE_NOOP("labels", "Member above the area limit"),
        QT_TRANSLATE_NOOP("labels", "Group above the member limit"),
        QT_TRANSLATE_NOOP("labels", "Plot leaving conversion"),
        QT_TRANSLATE_NOOP("labels", "Awaiting committee approval"),
        QT_TRANSLATE_NOOP("labels", "urgent"),
        QT_TRANSLATE_NOOP("labels", "warning"),
        QT_TRANSLATE_NOOP("labels", "info"),
        # services.ledger: ENTRY_KIND_LABELS, account ROLE_LABELS, the fund row's name
        QT_TRANSLATE_NOOP("labels", "Manual entry"),
        QT_TRANSLATE_NOOP("labels", "Shipment (premium earned)"),
        QT_TRANSLATE_NOOP("labels", "Premium received"),
        QT_TRANSLATE_NOOP("labels", "Project payment"),
        QT_TRANSLATE_NOOP("labels", "Transfer"),
        QT_TRANSLATE_NOOP("labels", "Currency exchange"),
        QT_TRANSLATE_NOOP("labels", "Opening balance"),
        QT_TRANSLATE_NOOP("labels", "Balances carried from the previous year"),
        QT_TRANSLATE_NOOP("labels", "Reversal"),
        QT_TRANSLATE_NOOP("labels", "Bank account"),
        QT_TRANSLATE_NOOP("labels", "Cash"),
        QT_TRANSLATE_NOOP("labels", "Premium receivable"),
        QT_TRANSLATE_NOOP("labels", "Premium income"),
        QT_TRANSLATE_NOOP("labels", "Premium fund"),
        QT_TRANSLATE_NOOP("labels", "Project expense"),
        QT_TRANSLATE_NOOP("labels", "Opening balances"),
        # services.member_import: ACTION_LABELS
        QT_TRANSLATE_NOOP("labels", "New"),
        QT_TRANSLATE_NOOP("labels", "Update"),
        QT_TRANSLATE_NOOP("labels", "Unchanged"),
        QT_TRANSLATE_NOOP("labels", "Error"),
        # domain.certification: ORGANIC_STATUS_LABELS (beyond CONVERSION_LABELS)
        QT_TRANSLATE_NOOP("labels", "In conversion (year not given)"),
        # exchange.roster: FIELDS (labels of the import wizard's column mapping)
        QT_TRANSLATE_NOOP("labels", "Member code"),
        QT_TRANSLATE_NOOP("labels", "Surnames"),
        QT_TRANSLATE_NOOP("labels", "First names"),
        QT_TRANSLATE_NOOP("labels", "First surname (paterno)"),
        QT_TRANSLATE_NOOP("labels", "Second surname (materno)"),
        QT_TRANSLATE_NOOP("labels", "Full name (surnames first)"),
        QT_TRANSLATE_NOOP("labels", "Full name (names first)"),
        QT_TRANSLATE_NOOP("labels", "DNI"),
        QT_TRANSLATE_NOOP("labels", "Gender"),
        QT_TRANSLATE_NOOP("labels", "Birth date"),
        QT_TRANSLATE_NOOP("labels", "Join date"),
        QT_TRANSLATE_NOOP("labels", "Community"),
        QT_TRANSLATE_NOOP("labels", "Phone"),
        QT_TRANSLATE_NOOP("labels", "Total area (ha)"),
        QT_TRANSLATE_NOOP("labels", "Coffee area (ha)"),
        QT_TRANSLATE_NOOP("labels", "Plot"),
        QT_TRANSLATE_NOOP("labels", "Altitude (m)"),
        QT_TRANSLATE_NOOP("labels", "Varieties"),
        QT_TRANSLATE_NOOP("labels", "Latitude"),
        QT_TRANSLATE_NOOP("labels", "Longitude"),
        QT_TRANSLATE_NOOP("labels", "Organic status"),
        QT_TRANSLATE_NOOP("labels", "Member status"),
        QT_TRANSLATE_NOOP("labels", "Status date"),
        QT_TRANSLATE_NOOP("labels", "Status reason"),
        QT_TRANSLATE_NOOP("labels", "Notes"),
    }
)


def tr_label(text: str) -> str:
    """The translation of a label from the Qt-free layers (the English text when none)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
