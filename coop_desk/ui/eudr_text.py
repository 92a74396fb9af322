"""The EUDR findings and labels as the GUI shows them.

The Qt-free core words each finding (:class:`coop_desk.domain.geometry.GeoIssue`) through the
core's catalogue (:mod:`coop_desk.i18n`) in the language in effect, which the GUI sets at
start: the GUI shows ``message`` as it is, the same words the command line prints.
"""

from __future__ import annotations

from coop_desk.domain.eudr import EVIDENCE_LABELS, EvidenceKind
from coop_desk.domain.geometry import GeoIssue
from coop_desk.ui.labels import tr_label


def describe(found: GeoIssue) -> str:
    """The finding in the user's language."""
    return found.message


def evidence_label(kind: str) -> str:
    if not kind:
        return ""
    try:
        return tr_label(EVIDENCE_LABELS[EvidenceKind(kind)])
    except ValueError:
        return kind
