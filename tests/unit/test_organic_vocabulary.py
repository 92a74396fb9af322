"""One organic-status vocabulary (``domain.certification``): the roster reader reads every
spelling it accepted before into the codes and labels the certifications module uses."""

from __future__ import annotations

import pytest

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    IN_CONVERSION_YEAR_UNKNOWN,
    ORGANIC_STATUS_LABELS,
    ConversionStatus,
    organic_status_label,
)
from coop_desk.exchange import values as v

T1, T2, T3 = ConversionStatus.T1, ConversionStatus.T2, ConversionStatus.T3
ORGANIC, CONVENTIONAL = ConversionStatus.ORGANIC, ConversionStatus.CONVENTIONAL

# What the roster reader accepted before the vocabularies were merged, and what it read.
SPELLINGS = {
    "Orgánico": ORGANIC,
    "organico": ORGANIC,
    "ORGANICO": ORGANIC,
    "ORG.": ORGANIC,
    "org": ORGANIC,
    "Bio": ORGANIC,
    "ecológico": ORGANIC,
    "O": ORGANIC,
    "Sí": ORGANIC,
    "S": ORGANIC,
    "x": ORGANIC,
    "T1": T1,
    "t2": T2,
    "T 3": T3,
    "TR1": T1,
    "tr2": T2,
    "Transición 1": T1,
    "transicion 2": T2,
    "2do año de transición": T2,
    "primer año de transición": T1,
    "Tercer año en conversión": T3,
    "En transicion año II": T2,
    "conversion iii": T3,
    "Transition 1": T1,
    "Transición I": T1,
    "1er año transición": T1,
    "En conversión (año 2)": T2,
    "T": IN_CONVERSION_YEAR_UNKNOWN,
    "tr": IN_CONVERSION_YEAR_UNKNOWN,
    "En conversión": IN_CONVERSION_YEAR_UNKNOWN,
    "in transition": IN_CONVERSION_YEAR_UNKNOWN,
    "Convencional": CONVENTIONAL,
    "CONV": CONVENTIONAL,
    "No orgánico": CONVENTIONAL,
    "No eco": CONVENTIONAL,
    "C": CONVENTIONAL,
    "no": CONVENTIONAL,
    "N": CONVENTIONAL,
}


@pytest.mark.parametrize(("raw", "expected"), SPELLINGS.items())
def test_roster_spellings_read_into_the_domain_vocabulary(raw, expected):
    status = v.read_organic_status(raw)
    assert status == expected
    assert status in ORGANIC_STATUS_LABELS


def test_blank_and_unknown_values():
    assert v.read_organic_status(None) is None
    assert v.read_organic_status("  ") is None
    with pytest.raises(ValueError, match="not an organic status"):
        v.read_organic_status("segundo año")


def test_the_roster_shows_the_certification_labels():
    """Before, the roster said "Transition year 2 (T2)" where a plot said "In conversion T2"."""
    assert organic_status_label(v.read_organic_status("Transición 2")) == "In conversion T2"
    for status in ConversionStatus:
        assert organic_status_label(status) == CONVERSION_LABELS[status]
    assert set(ORGANIC_STATUS_LABELS) == {*ConversionStatus, IN_CONVERSION_YEAR_UNKNOWN}
    assert organic_status_label(IN_CONVERSION_YEAR_UNKNOWN) == "In conversion (year not given)"
    assert IN_CONVERSION_YEAR_UNKNOWN not in set(ConversionStatus)  # no plot can hold it
    assert organic_status_label(None) == ""


def test_exchange_has_no_vocabulary_of_its_own():
    assert not hasattr(v, "OrganicStatus")
