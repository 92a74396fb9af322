"""Certifications and the organic Internal Control System (issue 4; DOMAIN.md, "Organic group
certification: the Internal Control System"). Qt-free; the GUI and the CLI call these modules.

Modules
    scope         certification schemes; each member's scope per scheme (in scope, since)
    certificates  certificates of the cooperative and of members, with their document
    plots         per-plot organic conversion (T1, T2, T3, organic) and documented overrides
    inspections   internal inspections and the corrective actions they ask for
    committee     the ICS approval committee's decisions
    sanctions     the ICS sanction catalogue: warning, suspension, exclusion
    standing      who counts on a date (approved, suspended, excluded)
    rules         the group rules (conversion months, EU limits, re-inspection sample)
    ics           the ICS views: approved-farmer list, overview, one member's certification
    alerts        what needs doing before the certifier comes; compliance checks for verify

Every use case takes ``(session, actor, ...)``, checks the actor's permission, never commits
(callers use ``db.transaction(actor)``) and returns frozen row dataclasses. The names other
modules use are importable from this package: ``from coop_desk.services import certification``.

The model
=========

Schemes are Fairtrade, organic (EU, USDA NOP, JAS: built in, seeded by migration 0200) and any
other the cooperative adds. A certificate belongs to the cooperative (``member_id`` NULL) or,
for a scheme that certifies each farm, to one member; it may carry one attached document,
kept in the document store (``services.documents``) under its SHA-256 with its original name.

A plot's organic status is computed from its conversion start and the group rules' conversion
period (36 months for coffee): T1, T2, T3, then organic. A documented override (with its
reason) replaces the computed status, e.g. a conversion shortened by the certifier or a plot
taken back to conventional after a prohibited input.

Rules that decide who counts (``standing``; applied by every view and alert):
- the *group* is every member whose register status is active or suspended and who is not
  excluded by an ICS sanction on the date;
- a member is *approved* once the latest committee decision on or before the date approves it;
- a member is *suspended* for certification when the register says suspended or an ICS
  suspension (or exclusion) is in force on the date; a suspended member's plots do not count
  as certified;
- *inspected this year* means an internal inspection dated from 1 January of the date's year up
  to the date.
A plot counts as *certified* when its status is organic and its member is approved and not
suspended. Every figure (areas by status, coverage, alerts) is computed from the records on the
date asked for; nothing is a stored total.
"""

from coop_desk.domain.certification import ConversionStatus
from coop_desk.services.certification import alerts
from coop_desk.services.certification.certificates import (
    CertificateRow,
    MissingCertificate,
    get_certificate,
    list_certificates,
    missing_member_certificates,
    save_certificate,
)
from coop_desk.services.certification.committee import DecisionRow, record_decision
from coop_desk.services.certification.ics import (
    FarmerRow,
    IcsOverview,
    MemberCertification,
    MemberChoice,
    certified_coffee,
    farmer_list,
    farmers_on,
    group_member_choices,
    ics_overview,
    member_certification,
    overview_from,
)
from coop_desk.services.certification.inspections import (
    ActionRow,
    InspectionRow,
    complete_action,
    list_inspections,
    list_open_actions,
    record_inspection,
)
from coop_desk.services.certification.plots import (
    PlotStatusRow,
    plot_organic_columns,
    record_plot_organic,
    set_plot_organic,
)
from coop_desk.services.certification.rules import get_group_rules, group_rules, save_group_rules
from coop_desk.services.certification.sanctions import SanctionRow, list_sanctions, record_sanction
from coop_desk.services.certification.scope import (
    BUILTIN_SCHEMES,
    SchemeInput,
    SchemeRow,
    SchemeStatusRow,
    add_scheme,
    list_schemes,
    member_scheme_columns,
    record_member_scheme,
    scheme_id,
    set_member_scheme,
)
from coop_desk.services.certification.standing import GROUP_STATUSES

__all__ = [
    "BUILTIN_SCHEMES",
    "GROUP_STATUSES",
    "ActionRow",
    "CertificateRow",
    "ConversionStatus",
    "DecisionRow",
    "FarmerRow",
    "IcsOverview",
    "InspectionRow",
    "MemberCertification",
    "MemberChoice",
    "MissingCertificate",
    "PlotStatusRow",
    "SanctionRow",
    "SchemeInput",
    "SchemeRow",
    "SchemeStatusRow",
    "add_scheme",
    "alerts",
    "certified_coffee",
    "complete_action",
    "farmer_list",
    "farmers_on",
    "get_certificate",
    "get_group_rules",
    "group_member_choices",
    "group_rules",
    "ics_overview",
    "list_certificates",
    "list_inspections",
    "list_open_actions",
    "list_sanctions",
    "list_schemes",
    "member_certification",
    "missing_member_certificates",
    "overview_from",
    "record_decision",
    "record_inspection",
    "member_scheme_columns",
    "plot_organic_columns",
    "record_member_scheme",
    "record_plot_organic",
    "record_sanction",
    "save_certificate",
    "save_group_rules",
    "scheme_id",
    "set_member_scheme",
    "set_plot_organic",
]
