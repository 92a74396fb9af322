"""The EUDR findings in the user's language.

The Qt-free core describes each finding with a stable ``code`` and ``params`` (numbers,
positions, names; no English words) and an English ``message`` for the command line
(:class:`coop_desk.domain.geometry.GeoIssue`). Here every code has its sentence through
``QCoreApplication.translate`` so the Spanish catalogue covers it; a code without a sentence
falls back to the English message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from coop_desk.domain.eudr import EVIDENCE_LABELS, EvidenceKind
from coop_desk.domain.geometry import GeoIssue
from coop_desk.ui.labels import QT_TRANSLATE_NOOP, tr_label


def _t(text: str) -> str:
    return QCoreApplication.translate("EudrIssue", text)


def _ring(params: dict[str, str]) -> str:
    part, hole = params.get("part", ""), params.get("hole", "")
    name = (
        _t(QT_TRANSLATE_NOOP("EudrIssue", "part {0} of the boundary")).format(part)
        if part
        else _t(QT_TRANSLATE_NOOP("EudrIssue", "the boundary"))
    )
    return (
        _t(QT_TRANSLATE_NOOP("EudrIssue", "hole {0} of {1}")).format(hole, name) if hole else name
    )


def _hint(params: dict[str, str]) -> str:
    hints = {
        "swapped": _t(QT_TRANSLATE_NOOP("EudrIssue", "latitude and longitude seem swapped")),
        "lon_sign": _t(QT_TRANSLATE_NOOP("EudrIssue", "the longitude should be negative (west)")),
        "lat_sign": _t(QT_TRANSLATE_NOOP("EudrIssue", "the latitude should be negative (south)")),
        "both_signs": _t(
            QT_TRANSLATE_NOOP("EudrIssue", "both signs seem wrong (Peru is south and west)")
        ),
        "swapped_signs": _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue", "latitude and longitude seem swapped and without their minus signs"
            )
        ),
    }
    hint = hints.get(params.get("hint", ""), "")
    return f"; {hint}" if hint else ""


def _reason(params: dict[str, str]) -> str:
    """Reasons from the file readers, in words when they are one of the usual ones."""
    reason = params.get("reason", "")
    known = {
        "the feature has no geometry": _t(
            QT_TRANSLATE_NOOP("EudrIssue", "the feature has no geometry")
        ),
        "the placemark has no geometry": _t(
            QT_TRANSLATE_NOOP("EudrIssue", "the placemark has no geometry")
        ),
        "the polygon has no outer boundary": _t(
            QT_TRANSLATE_NOOP("EudrIssue", "the polygon has no outer boundary")
        ),
        "the placemark holds several points; give one point per plot": _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue", "the placemark holds several points; give one point per plot"
            )
        ),
        "the placemark holds several lines; draw the plot as one polygon": _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue", "the placemark holds several lines; draw the plot as one polygon"
            )
        ),
        "the coordinates are in degrees but the file is declared UTM": _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue", "the coordinates are in degrees but the file is declared UTM"
            )
        ),
    }
    if reason in known:
        return known[reason]
    if "look like UTM metres" in reason:
        return _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue",
                "the coordinates look like UTM metres: choose the UTM zone (17S, 18S or 19S)",
            )
        )
    return reason


SENTENCES: dict[str, Callable[[dict[str, str]], str]] = {
    "out_of_range": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue", "{0} is not a coordinate (latitude -90 to 90, longitude -180 to 180){1}"
        )
    ).format(p["position"], _hint(p)),
    "outside_peru": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "outside Peru: {0} is about {1} km from the border{2}")
    ).format(p["position"], p["km"], _hint(p)),
    "near_border": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "on Peru's border ({0}, within {1} m of it): make sure it is on the Peruvian side",
        )
    ).format(p["position"], p["metres"]),
    "too_few_positions": lambda p: (
        _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue",
                "{0} has {1} positions; a polygon needs at least 4 (3 corners and the first one "
                "again to close it)",
            )
        ).format(_ring(p), p["count"])
        if "count" in p
        else _t(
            QT_TRANSLATE_NOOP(
                "EudrIssue", "{0} has fewer than 3 different corners: it encloses no area"
            )
        ).format(_ring(p))
    ),
    "not_closed": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "{0} is not closed: it ends at {1}, {2} m from where it starts ({3}); the last "
            "position must repeat the first",
        )
    ).format(_ring(p), p["end"], p["metres"], p["start"]),
    "self_crossing": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the boundary crosses itself near {0}: the corners are out of order (walk the outline "
            "in one direction, without going back across it)",
        )
    ).format(p["position"]),
    "bad_hole": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "a hole of the boundary lies outside it")
    ),
    "invalid_boundary": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "the boundary is not a valid polygon ({0})")
    ).format(p["reason"]),
    "unreadable_boundary": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "the stored boundary cannot be read ({0}); import it again")
    ).format(p["reason"]),
    "no_geolocation": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "no geolocation: record the plot's boundary (or, up to {0} ha, a GPS point)",
        )
    ).format(p["limit"]),
    "needs_polygon": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the plot has {0} ha, more than {1} ha: the regulation asks for its boundary (a "
            "polygon), a GPS point is not enough",
        )
    ).format(p["area"], p["limit"]),
    "no_recorded_area": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue", "the register has no area for this plot; its boundary measures {0} ha"
        )
    ).format(p["measured"]),
    "area_mismatch": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the boundary measures {0} ha but the register says {1} ha ({2}%, tolerance {3}%): "
            "correct the area or the boundary",
        )
    ).format(p["measured"], p["recorded"], p["difference"], p["tolerance"]),
    "no_planting_date": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "when the coffee was planted is not recorded: the buyer must show the plot was not "
            "forest cleared after {0}",
        )
    ).format(p["cutoff"]),
    "planted_after_cutoff": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "coffee planted on {0}, after {1}: a buyer cannot accept this plot without proof that "
            "the land was already farmland by then",
        )
    ).format(p["planted"], p["cutoff"]),
    "replanted_on_farmland": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "coffee planted on {0}, after {1}, on land farmed since {2}: keep the evidence of that "
            "earlier use ready for the buyer",
        )
    ).format(p["planted"], p["cutoff"], p["farmland"]),
    "no_evidence": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "no deforestation-free evidence recorded: give its kind and a reference or attach the "
            "document",
        )
    ),
    "overlap": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the boundary overlaps plot {0} by {1} m²: two plots cannot cover the same land",
        )
    ).format(p["other"], p["area"]),
    "unreadable_geometry": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "the geometry cannot be read: {0}")
    ).format(_reason(p)),
    "track_too_short": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the line has {0} different positions; walking around a plot takes at least 3",
        )
    ).format(p["count"]),
    "track_closed": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue", "the line was closed by joining its end to its start ({0} m apart)"
        )
    ).format(p["metres"]),
    "boundary_too_large": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "the boundary has {0} positions, more than a plot's boundary can keep: simplify it "
            "(a walked track keeps a position every few metres)",
        )
    ).format(p["count"]),
    "unknown_member": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "there is no member with the code {0}")
    ).format(p["member"]),
    "no_member": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue",
            "no member code in the feature (name {0!r}): name the property holding it, or start "
            "the feature's name with the member code",
        )
    ).format(p["label"]),
    "member_without_plots": lambda p: _t(
        QT_TRANSLATE_NOOP(
            "EudrIssue", "{0} has no plot in the register: add the plot in the member editor first"
        )
    ).format(p["member"]),
    "unknown_plot": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "{0} has no plot named {1!r} (its plots: {2})")
    ).format(p["member"], p["plot"], p["plots"]),
    "which_plot": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "{0} has {1} plots ({2}): name the plot in the file")
    ).format(p["member"], p["count"], p["plots"]),
    "duplicate_feature": lambda p: _t(
        QT_TRANSLATE_NOOP("EudrIssue", "features {0} are all for {1} {2}: keep one in the file")
    ).format(p["numbers"], p["member"], p["plot"]),
}


def describe(found: GeoIssue) -> str:
    """The finding in the user's language (the English message for an unknown code)."""
    sentence = SENTENCES.get(found.code)
    if sentence is None:
        return found.message
    try:
        return sentence(found.params)
    except (KeyError, IndexError):
        return found.message


def evidence_label(kind: str) -> str:
    if not kind:
        return ""
    try:
        return tr_label(EVIDENCE_LABELS[EvidenceKind(kind)])
    except ValueError:
        return kind
