"""The audit trail in words a person recognises, for the GUI and the command line.

An audit record names a table, a row id and column values ("journal_entry 97",
"account_id=2"). This module turns it into what the record is for people: the entity
("Journal entry"), its human key ("2026-0032", "CPGP-3784-3 (Núñez Vega, Rosa)", "1020 Bank
PEN"), each changed field under its label ("Account") with foreign keys shown as the name of
what they point to, coded values as their labels ("Withdrawn", "Project payment"), and internal
columns (ids, search keys, sort keys, timestamps the record itself carries) left out. It also
says which record a person would open to see it: the member or the journal entry.

Model. The key of a record is computed from its own audited values (the snapshot after the
change, or before a delete), so a deleted plot is still named. A foreign key is named by the
key of the row it points to, read from the database once per batch (``describe``), or from
its last audit snapshot when that row was deleted since. Words are English here; the GUI shows
the entity, field and value labels through its catalogue (``ui/labels.py`` lists them).
"""

from __future__ import annotations

import importlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coop_desk.domain import members, premium
from coop_desk.i18n import N_, _, formats
from coop_desk.models import AuditRecord, Base
from coop_desk.services import access
from coop_desk.services.access import SYSTEM, Actor, Permission, require
from coop_desk.services.audit.canonical import Action
from coop_desk.services.audit.reader import AuditRow
from coop_desk.services.audit.writer import BASELINE_REASON, BASELINE_USER
from coop_desk.services.ledger import accounts as ledger_accounts
from coop_desk.services.ledger.books import ENTRY_KIND_LABELS, entry_number

ENTITY_LABELS: dict[str, str] = {
    "account": N_("Account"),
    "app_user": N_("User account"),
    "approval_decision": N_("Committee decision"),
    "budget_line": N_("Budget line"),
    "buyer": N_("Buyer"),
    "cert_scheme": N_("Certification scheme"),
    "certificate": N_("Certificate"),
    "contract": N_("Contract"),
    "cooperative": N_("Cooperative"),
    "corrective_action": N_("Corrective action"),
    "delivery": N_("Delivery"),
    "fiscal_year_event": N_("Fiscal year close or reopening"),
    "inspection": N_("Internal inspection"),
    "inspection_plot": N_("Plot inspected"),
    "journal_entry": N_("Journal entry"),
    "lot": N_("Lot"),
    "member": N_("Member"),
    "member_scheme": N_("Member's certification scope"),
    "member_status_change": N_("Status change"),
    "plan_approval": N_("GA approval of the plan"),
    "plot": N_("Plot"),
    "plot_organic": N_("Plot's organic status"),
    "posting": N_("Posting"),
    "premium_rate": N_("Price table row"),
    "project": N_("Project"),
    "sanction": N_("Sanction"),
    "setting": N_("Setting"),
}

# Field labels by column name (one label per name across tables).
FIELD_LABELS: dict[str, str] = {
    "account_id": N_("Account"),
    "action": N_("Action"),
    "active": N_("Active"),
    "altitude_m": N_("Altitude (m)"),
    "amount": N_("Amount"),
    "approval_date": N_("Approval date"),
    "approval_id": N_("GA approval"),
    "bank_details": N_("Bank details"),
    "birth_date": N_("Birth date"),
    "boundary": N_("Boundary"),
    "boundary_source": N_("Boundary taken from"),
    "builtin": N_("Built in"),
    "buyer_id": N_("Buyer"),
    "certified": N_("Certified"),
    "certifier": N_("Certifier"),
    "code": N_("Code"),
    "coffee_area_ha": N_("Coffee area (ha)"),
    "coffee_planted_on": N_("Coffee planted on"),
    "collection_point": N_("Collection point"),
    "community": N_("Community"),
    "completed_on": N_("Completed on"),
    "completion_note": N_("Completion note"),
    "contract_id": N_("Contract"),
    "conversion_start": N_("Conversion start"),
    "country": N_("Country"),
    "created_by": N_("Created by"),
    "created_on": N_("Created on"),
    "currency": N_("Currency"),
    "decided_on": N_("Decided on"),
    "decision": N_("Decision"),
    "decision_date": N_("Decision date"),
    "delivery_date": N_("Delivery date"),
    "description": N_("Description"),
    "dni": N_("DNI"),
    "document_name": N_("Document"),
    "document_sha256": N_("Document fingerprint (SHA-256)"),
    "due_date": N_("Due date"),
    "due_diligence_reference": N_("Due-diligence reference"),
    "effective_date": N_("Effective date"),
    "ends_on": N_("Ends on"),
    "entry_date": N_("Date"),
    "entry_id": N_("Entry"),
    "evidence_document_name": N_("Evidence document"),
    "evidence_document_sha256": N_("Evidence document fingerprint (SHA-256)"),
    "evidence_kind": N_("Deforestation-free evidence"),
    "evidence_reference": N_("Evidence reference"),
    "expiry_date": N_("Expiry date"),
    "farmland_since": N_("Farmland since"),
    "findings": N_("Findings"),
    "first_names": N_("First names"),
    "fiscal_year_start_month": N_("Fiscal year starts in month"),
    "flo_id": N_("FLO ID"),
    "full_name": N_("Full name"),
    "gender": N_("Gender"),
    "in_scope": N_("In scope"),
    "inspection_date": N_("Inspection date"),
    "inspection_id": N_("Inspection"),
    "inspector": N_("Inspector"),
    "issue_date": N_("Issue date"),
    "join_date": N_("Join date"),
    "key": N_("Key"),
    "kg": N_("Kilograms"),
    "kind": N_("Kind"),
    "language": N_("Language"),
    "last_prohibited_input": N_("Last prohibited input"),
    "last_prohibited_input_date": N_("Date of the last prohibited input"),
    "latitude": N_("Latitude"),
    "line": N_("Line"),
    "local_currency": N_("Local currency"),
    "longitude": N_("Longitude"),
    "lot_id": N_("Lot"),
    "member_certificates": N_("Certificates per member"),
    "member_id": N_("Member"),
    "members_present": N_("Members present"),
    "memo": N_("Memo"),
    "minimum_natural": N_("Minimum price, natural"),
    "minimum_washed": N_("Minimum price, washed"),
    "minutes_number": N_("Minutes"),
    "moisture_pct": N_("Moisture %"),
    "must_change_password": N_("Must change the password"),
    "name": N_("Name"),
    "new_status": N_("To"),
    "note": N_("Note"),
    "notes": N_("Notes"),
    "number": N_("Number"),
    "objective": N_("Objective"),
    "old_status": N_("From"),
    "organic": N_("Organic"),
    "organic_differential": N_("Organic differential"),
    "override_reason": N_("Reason for the override"),
    "password_changed_at": N_("Password changed"),
    "password_hash": N_("Password"),
    "payee": N_("Payee"),
    "phone": N_("Phone"),
    "plot_id": N_("Plot"),
    "premium": N_("Premium"),
    "price_per_kg": N_("Price per kg"),
    "process": N_("Process"),
    "producer_member_id": N_("Micro-lot producer"),
    "productivity_quality": N_("Productivity / quality"),
    "project_id": N_("Project"),
    "quantity": N_("Quantity"),
    "quantity_unit": N_("Unit"),
    "rate": N_("Exchange rate"),
    "reason": N_("Reason"),
    "recorded_by": N_("Recorded by"),
    "reference": N_("Reference"),
    "reporting_currency": N_("Reporting currency"),
    "responsible": N_("Responsible"),
    "result": N_("Result"),
    "reverses_id": N_("Reverses"),
    "role": N_("Role"),
    "scheme": N_("Scheme"),
    "scheme_id": N_("Scheme"),
    "scope": N_("Scope"),
    "shipment_date": N_("Shipment date"),
    "short_name": N_("Short name"),
    "signing_date": N_("Signing date"),
    "since": N_("Since"),
    "starts_on": N_("Starts on"),
    "status": N_("Status"),
    "status_date": N_("Status date"),
    "status_override": N_("Status set by hand"),
    "surnames": N_("Surnames"),
    "tax_id": N_("RUC"),
    "timeline": N_("Timeline"),
    "total_area_ha": N_("Total area (ha)"),
    "trail_head": N_("Audit trail head"),
    "updated_by": N_("Updated by"),
    "usd_value": N_("USD value"),
    "username": N_("User name"),
    "valid_from": N_("Valid from"),
    "value": N_("Value"),
    "varieties": N_("Varieties"),
    "votes_abstaining": N_("Abstentions"),
    "votes_against": N_("Votes against"),
    "votes_for": N_("Votes for"),
    "voucher": N_("Voucher"),
    "women_present": N_("Women present"),
    "year": N_("Year"),
    "yield_estimate_kg": N_("Yield estimate (kg)"),
    "yield_factor_pct": N_("Yield factor %"),
}

# Internal columns: ids, search and sort keys, version counters, and the moments the row
# records about itself (the audit record has its own time).
HIDDEN_COLUMNS = frozenset(
    {
        "id",
        "code_sort",
        "search_key",
        "created_at",
        "updated_at",
        "recorded_at",
        "version",
        "failed_attempts",
        "locked_until",
        "last_login_at",
    }
)
# Columns a table repeats from its parent or shows in its key.
HIDDEN_BY_TABLE: dict[str, frozenset[str]] = {
    "posting": frozenset({"fiscal_year", "entry_date"}),
    "journal_entry": frozenset({"fiscal_year", "number"}),
    # the boundary's box is computed from the boundary (to find neighbours quickly)
    "plot": frozenset({"bbox_west", "bbox_south", "bbox_east", "bbox_north"}),
}

YES, NO = N_("yes"), N_("no")
ACTION_LABELS = {"insert": N_("created"), "update": N_("changed"), "delete": N_("deleted")}


class _Later(Mapping[Any, str]):
    """A label mapping of a domain module, imported when first read: the main window needs
    this module for the signed-in user's name, not the certification rules or the EUDR rules
    (shapely, numpy and pyproj: a third of its start; issue 14)."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def _labels(self) -> Mapping[Any, str]:
        labels: Mapping[Any, str] = getattr(importlib.import_module(self.module), self.name)
        return labels

    def __getitem__(self, key: Any) -> str:
        return self._labels()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._labels())

    def __len__(self) -> int:
        return len(self._labels())


_CERTIFICATION = "coop_desk.domain.certification"


# Coded values shown as their labels, by (table, column) or by column.
_CODED: dict[tuple[str, str] | str, Mapping[Any, str]] = {
    "status": members.STATUS_LABELS,
    "old_status": members.STATUS_LABELS,
    "new_status": members.STATUS_LABELS,
    "gender": members.GENDER_LABELS,
    ("app_user", "role"): access.ROLE_LABELS,
    ("account", "role"): ledger_accounts.ROLE_LABELS,
    ("journal_entry", "kind"): ENTRY_KIND_LABELS,
    ("contract", "scheme"): premium.SCHEME_LABELS,
    ("premium_rate", "scheme"): premium.SCHEME_LABELS,
    ("sanction", "kind"): _Later(_CERTIFICATION, "SANCTION_LABELS"),
    ("inspection", "result"): _Later(_CERTIFICATION, "INSPECTION_RESULT_LABELS"),
    ("approval_decision", "decision"): _Later(_CERTIFICATION, "COMMITTEE_LABELS"),
    ("cert_scheme", "kind"): _Later(_CERTIFICATION, "SCHEME_KIND_LABELS"),
    ("plot_organic", "status_override"): _Later(_CERTIFICATION, "CONVERSION_LABELS"),
    ("plot", "evidence_kind"): _Later("coop_desk.domain.eudr", "EVIDENCE_LABELS"),
}


@dataclass(frozen=True)
class FieldWords:
    field: str  # the column
    label: str  # "Account"
    before: str  # in words: "1020 Bank PEN", "Withdrawn", "" when empty
    after: str
    coded: bool = False  # the values are labels ("Withdrawn", "yes"), translatable as such


@dataclass(frozen=True)
class RecordWords:
    """An audit record as a person reads it."""

    record: AuditRow
    entity: str  # "Journal entry"
    key: str  # "2026-0032"
    fields: tuple[FieldWords, ...]  # the changed fields (every field of an insert or delete)
    target: tuple[str, int] | None  # what to open: ("member", 12), ("journal_entry", 97)

    @property
    def title(self) -> str:
        """ "Journal entry 2026-0032"."""
        return f"{self.entity} {self.key}".strip()

    def summary(self, limit: int = 6) -> str:
        """The fields in words: "Phone: 976 123 456 → 987 654 321; Status: Active → Withdrawn"."""
        parts = []
        for f in self.fields[:limit]:
            if self.record.action == Action.INSERT:
                parts.append(f"{f.label}: {f.after or '—'}")
            elif self.record.action == Action.DELETE:
                parts.append(f"{f.label}: {f.before or '—'}")
            else:
                parts.append(f"{f.label}: {f.before or '—'} → {f.after or '—'}")
        more = len(self.fields) - limit
        if more > 0:
            parts.append(f"(+{more})")
        return "; ".join(parts)


def is_shown(table_name: str, column: str) -> bool:
    return column not in HIDDEN_COLUMNS and column not in HIDDEN_BY_TABLE.get(
        table_name, frozenset()
    )


def entity_label(table_name: str) -> str:
    """ "Journal entry" in the language in effect."""
    return _(ENTITY_LABELS.get(table_name, table_name.replace("_", " ").capitalize()))


def field_label(column: str) -> str:
    return _(FIELD_LABELS.get(column, column.replace("_", " ").capitalize()))


def _tables() -> dict[str, Table]:
    return {t.name: t for t in Base.metadata.sorted_tables}


def _column_order(table_name: str) -> dict[str, int]:
    table = _tables().get(table_name)
    return {c.name: i for i, c in enumerate(table.columns)} if table is not None else {}


def _foreign_keys(table_name: str) -> dict[str, str]:
    """column -> table it points to."""
    table = _tables().get(table_name)
    if table is None:
        return {}
    return {
        c.name: next(iter(c.foreign_keys)).column.table.name
        for c in table.columns
        if c.foreign_keys
    }


class _Names:
    """Keys of the rows foreign keys point to, read once per table for a batch of records."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.wanted: dict[str, set[str]] = defaultdict(set)
        self.values: dict[tuple[str, str], dict[str, Any]] = {}
        self.loaded: set[tuple[str, str]] = set()

    def want(self, table_name: str, record_id: object) -> None:
        if record_id is not None:
            self.wanted[table_name].add(str(record_id))

    def _load(self) -> None:
        tables = _tables()
        for table_name, ids in list(self.wanted.items()):
            todo = [i for i in ids if (table_name, i) not in self.loaded]
            if not todo:
                continue
            table = tables.get(table_name)
            pk = list(table.primary_key.columns) if table is not None else []
            if table is not None and len(pk) == 1:
                typed: list[Any] = [int(i) if i.isdigit() else i for i in todo]
                for row in self.session.execute(select(table).where(pk[0].in_(typed))):
                    mapping = dict(row._mapping)
                    self.values[(table_name, str(mapping[pk[0].name]))] = mapping
            # Rows deleted since: their last audit snapshot names them.
            missing = [i for i in todo if (table_name, i) not in self.values]
            if missing:
                for record_id, before, after in self.session.execute(
                    select(AuditRecord.record_id, AuditRecord.before, AuditRecord.after)
                    .where(AuditRecord.table_name == table_name, AuditRecord.record_id.in_(missing))
                    .order_by(AuditRecord.id)
                ):
                    snapshot = _json(after) or _json(before)
                    if snapshot:
                        self.values[(table_name, record_id)] = snapshot
            self.loaded.update((table_name, i) for i in todo)

    def values_of(self, table_name: str, record_id: object) -> dict[str, Any] | None:
        if record_id is None:
            return None
        key = (table_name, str(record_id))
        if key not in self.loaded:
            self.want(table_name, record_id)
            self._load()
        return self.values.get(key)

    def key(self, table_name: str, record_id: object) -> str:
        values = self.values_of(table_name, record_id)
        if values is None:
            return f"#{record_id}"
        return _key(table_name, values, self)


def _json(text: str | None) -> dict[str, Any] | None:
    return json.loads(text) if text else None


def _member_key(values: Mapping[str, Any]) -> str:
    name = members.full_name(values.get("first_names") or "", values.get("surnames") or "")
    return f"{values.get('code', '')} ({name})" if name else str(values.get("code", ""))


def _label(mapping: Mapping[Any, str], value: Any) -> str:
    return _(mapping.get(value, str(value))) if value is not None else ""


def _day(value: Any) -> str:
    """A stored ISO date as the language writes it (27/11/2026)."""
    try:
        return formats.date_text(date.fromisoformat(str(value)))
    except ValueError:
        return str(value or "")


# How each entity is named, from its values (and the names of what it points to).
_KEYS: dict[str, Callable[[Mapping[str, Any], _Names], str]] = {
    "member": lambda v, n: _member_key(v),
    "journal_entry": lambda v, n: entry_number(int(v["fiscal_year"]), int(v["number"])),
    "posting": lambda v, n: (
        f"{n.key('journal_entry', v.get('entry_id'))}, {n.key('account', v.get('account_id'))}"
    ),
    "account": lambda v, n: f"{v.get('code', '')} {v.get('name', '')}".strip(),
    "project": lambda v, n: str(v.get("name", "")),
    "buyer": lambda v, n: str(v.get("name", "")),
    "contract": lambda v, n: str(v.get("number", "")),
    "app_user": lambda v, n: str(v.get("username", "")),
    "cooperative": lambda v, n: str(v.get("short_name") or v.get("name", "")),
    "setting": lambda v, n: str(v.get("key", "")),
    "cert_scheme": lambda v, n: str(v.get("name", "")),
    "premium_rate": lambda v, n: (
        f"{_label(premium.SCHEME_LABELS, v.get('scheme'))}, {v.get('valid_from', '')}"
    ),
    "plan_approval": lambda v, n: f"{v.get('year', '')}, {v.get('minutes_number', '')}",
    "budget_line": lambda v, n: (
        f"{n.key('plan_approval', v.get('approval_id'))}: {n.key('project', v.get('project_id'))}"
    ),
    "certificate": lambda v, n: str(v.get("number") or n.key("cert_scheme", v.get("scheme_id"))),
    "inspection": lambda v, n: (
        f"{n.key('member', v.get('member_id'))}, {v.get('inspection_date', '')}"
    ),
    "member_scheme": lambda v, n: (
        f"{n.key('member', v.get('member_id'))}, {n.key('cert_scheme', v.get('scheme_id'))}"
    ),
    "member_status_change": lambda v, n: (
        f"{n.key('member', v.get('member_id'))}, {v.get('effective_date', '')}"
    ),
    "plot": lambda v, n: (
        f"{v.get('name') or '#' + str(v.get('id', ''))}, {n.key('member', v.get('member_id'))}"
    ),
    "approval_decision": lambda v, n: (
        f"{n.key('member', v.get('member_id'))}, {v.get('decision_date', '')}"
    ),
    "corrective_action": lambda v, n: str(v.get("description", ""))[:60],
    "inspection_plot": lambda v, n: (
        f"{n.key('inspection', v.get('inspection_id'))}: {n.key('plot', v.get('plot_id'))}"
    ),
    "plot_organic": lambda v, n: n.key("plot", v.get("plot_id")),
    "sanction": lambda v, n: (
        f"{n.key('member', v.get('member_id'))}, "
        f"{_label(_CODED[('sanction', 'kind')], v.get('kind'))}"
    ),
    "fiscal_year_event": lambda v, n: f"{v.get('year', '')}, {_(str(v.get('action', '')))}",
    "delivery": lambda v, n: f"{v.get('number', '')}, {n.key('member', v.get('member_id'))}",
    "lot": lambda v, n: str(v.get("code", "")),
}


def _key(table_name: str, values: Mapping[str, Any], names: _Names) -> str:
    make = _KEYS.get(table_name)
    if make is None:
        return f"#{values.get('id', '')}"
    try:
        return make(values, names)
    except (KeyError, TypeError, ValueError):
        return f"#{values.get('id', '')}"


# What a person opens to see the record: the member it belongs to, or the journal entry.
def _target(table_name: str, values: Mapping[str, Any], names: _Names) -> tuple[str, int] | None:
    def as_id(value: Any) -> int | None:
        return int(value) if value is not None and str(value).isdigit() else None

    if table_name == "member":
        member = as_id(values.get("id"))
    elif table_name == "journal_entry":
        entry = as_id(values.get("id"))
        return ("journal_entry", entry) if entry is not None else None
    elif table_name in ("posting", "fiscal_year_event"):
        entry = as_id(values.get("entry_id"))
        return ("journal_entry", entry) if entry is not None else None
    elif table_name == "plot_organic":
        plot = names.values_of("plot", values.get("plot_id"))
        member = as_id(plot.get("member_id")) if plot else None
    else:
        member = as_id(values.get("member_id"))
    return ("member", member) if member is not None else None


# What the program itself did: set-up, the demo, ``coop-desk init`` (SYSTEM); the records
# of rows that existed before the audit trail (the baseline written by a migration).
_PROGRAM_USERS = {SYSTEM.username: N_("system"), BASELINE_USER: N_("migration")}
_STORED_REASONS = {BASELINE_REASON: N_("the row existed before the audit trail was introduced")}


def user_words(username: str) -> str:
    """Who made a change as people read it: the account's name, or the program (in the
    language in effect) for what the program itself did."""
    program = _PROGRAM_USERS.get(username)
    return _(program) if program else username


def reason_words(reason: str) -> str:
    """A change's reason as typed, or in the language in effect when the program wrote it."""
    stored = _STORED_REASONS.get(reason)
    return _(stored) if stored else reason


def _value_words(
    table_name: str, column: str, value: Any, fks: Mapping[str, str], names: _Names
) -> str:
    if value is None or value == "":
        return ""
    if column in fks:
        return names.key(fks[column], value)
    if column.endswith("_by") and isinstance(value, str):
        return user_words(value)
    if column == "password_hash":
        return "••••••"
    if (table_name, column) == ("plot", "boundary"):
        return _boundary_words(str(value))
    if isinstance(value, bool):
        return _(YES) if value else _(NO)
    coded = _CODED.get((table_name, column)) or _CODED.get(column)
    if coded is not None:
        return _label(coded, value)
    if isinstance(value, str):
        return _plain(column, value)
    return str(value)


def _boundary_words(text: str) -> str:
    """A stored boundary as its size, not its thousands of digits."""
    from coop_desk.domain.geometry import GeometryError, boundary_from_json  # shapely: late

    try:
        boundary = boundary_from_json(text)
    except (GeometryError, ValueError, KeyError, TypeError):
        return text[:60]
    return _("a boundary of {n} positions", n=boundary.position_count)


def is_coded(table_name: str, column: str, *values: Any) -> bool:
    """Whether the field's values are shown as labels (a status, a yes/no)."""
    if (table_name, column) in _CODED or column in _CODED:
        return True
    return any(isinstance(v, bool) for v in values)


def _plain(column: str, text: str) -> str:
    """Stored text as people write it, in the language in effect: a date (27/11/2026), a
    timestamp in local time, a rate with four decimals (3.7500), an amount or area without the
    column's extra zeros (0.500000 -> 0.50)."""
    if _ISO_DATE.fullmatch(text):
        return _day(text)
    if len(text) > 19 and text[10:11] == "T" and text[:4].isdigit():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        return formats.datetime_text(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    if _DECIMAL.fullmatch(text):
        value = Decimal(text)
        if column == "rate":
            return formats.rate(value)
        places = len(text.partition(".")[2].rstrip("0"))
        return formats.amount(value, max(2, places))
    return text


_DECIMAL = re.compile(r"-?\d+\.\d+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def describe(session: Session, actor: Actor, rows: Sequence[AuditRow]) -> list[RecordWords]:
    """Each audit record in words (in the order given)."""
    require(actor, Permission.READ)
    names = _Names(session)
    for row in rows:
        for column, table in _foreign_keys(row.table_name).items():
            for snapshot in (row.before, row.after):
                if snapshot:
                    names.want(table, snapshot.get(column))
    names._load()
    described = []
    for row in rows:
        values = row.after or row.before or {}
        fks = _foreign_keys(row.table_name)
        order = _column_order(row.table_name)
        fields = tuple(
            FieldWords(
                change.field,
                field_label(change.field),
                _value_words(row.table_name, change.field, change.before, fks, names),
                _value_words(row.table_name, change.field, change.after, fks, names),
                is_coded(row.table_name, change.field, change.before, change.after),
            )
            for change in sorted(row.changes, key=lambda c: order.get(c.field, len(order)))
            if is_shown(row.table_name, change.field)
            # A record created or deleted: its empty fields say nothing.
            and (
                row.action == Action.UPDATE
                or change.before not in (None, "")
                or change.after not in (None, "")
            )
        )
        described.append(
            RecordWords(
                row,
                entity_label(row.table_name),
                _key(row.table_name, values, names),
                fields,
                _target(row.table_name, values, names),
            )
        )
    return described


def record_title(session: Session, actor: Actor, table_name: str, record_id: object) -> str:
    """ "Member CPGP-3784-3 (Núñez Vega, Rosa)": how a record is named in words."""
    require(actor, Permission.READ)
    names = _Names(session)
    return f"{entity_label(table_name)} {names.key(table_name, record_id)}".strip()


def name_records(session: Session, actor: Actor, refs: Iterable[str]) -> dict[str, tuple[str, str]]:
    """References as findings write them ("journal_entry 97", "contract 13") -> (entity, key)
    in words ("Journal entry", "2026-0032"); references that name no record are left out."""
    require(actor, Permission.READ)
    names = _Names(session)
    tables = _tables()
    parsed = {}
    keyed = {}
    for ref in set(refs):
        table_name, _, record_id = ref.partition(" ")
        if table_name in tables and record_id.isdigit():
            parsed[ref] = (table_name, record_id)
            names.want(table_name, record_id)
        elif table_name in tables and record_id:
            # Already named by its key ("member CPGP-3784-7"), not by its id.
            keyed[ref] = (entity_label(table_name), record_id)
    names._load()
    return keyed | {
        ref: (entity_label(table_name), names.key(table_name, record_id))
        for ref, (table_name, record_id) in parsed.items()
    }


def describe_lines(described: Iterable[RecordWords]) -> list[str]:
    """One line per record (and one for its fields), for the command line."""
    lines = []
    for d in described:
        r = d.record
        action = _(ACTION_LABELS.get(r.action, r.action))
        line = (
            f"{r.id:>6}  {formats.datetime_text(r.at, seconds=True)}  {user_words(r.username):<12} "
            f"{action:<10} {d.title}" + (f"  [{reason_words(r.reason)}]" if r.reason else "")
        )
        if d.fields:
            line += f"\n        {d.summary()}"
        lines.append(line)
    return lines
