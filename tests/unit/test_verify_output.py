"""``verify`` prints findings grouped per check: a check with many findings shows its count and
the first ones, ``--all`` every one; the integrity verdict is unchanged."""

from __future__ import annotations

from coop_desk.cli.verify import EXAMPLES, finding_lines
from coop_desk.services.verify import Finding, Severity


def many(check: str, count: int, severity: Severity = Severity.WARNING) -> list[Finding]:
    return [
        Finding(severity, check, f"payment {n} has no voucher", f"entry {n}") for n in range(count)
    ]


def test_a_check_with_many_findings_prints_its_count_and_the_first_ones():
    findings = many("premium.voucher_missing", 410) + many("ledger.unbalanced", 2, Severity.ERROR)
    lines = finding_lines(findings)
    assert lines[0] == f"WARNING premium.voucher_missing: 410 findings, the first {EXAMPLES}:"
    assert lines[1 : 1 + EXAMPLES] == [f"  {f.describe()}" for f in findings[:EXAMPLES]]
    assert lines[1 + EXAMPLES] == (
        f"  ... and {410 - EXAMPLES} more premium.voucher_missing findings "
        "(verify --all lists every one)"
    )
    # A check with few findings prints each, as before.
    assert lines[2 + EXAMPLES :] == [f.describe() for f in findings[410:]]
    assert len(lines) == EXAMPLES + 4


def test_all_prints_every_finding_and_few_are_not_grouped():
    findings = many("certs.inspection_overdue", EXAMPLES + 1)
    assert finding_lines(findings, show_all=True) == [f.describe() for f in findings]
    assert finding_lines(findings[:EXAMPLES]) == [f.describe() for f in findings[:EXAMPLES]]
    assert finding_lines([]) == []


def test_the_same_check_with_errors_and_warnings_is_grouped_per_severity():
    findings = many("x.check", EXAMPLES + 1, Severity.ERROR) + many("x.check", 1)
    lines = finding_lines(findings)
    assert lines[0].startswith("ERROR x.check: 6 findings")
    assert lines[-1] == findings[-1].describe()
