"""Importing a member roster read by :mod:`coop_desk.exchange.roster` into the register.

The front ends call three functions, one per step of the user's action: ``read_file`` (the
file's sheets and columns, for mapping them by hand), ``preview_file`` (the file read with that
mapping and compared with the register: what the user sees before importing) and
``apply_import`` (the import itself, of the roster the preview read).

``plan_import`` compares each row with the register and says what would happen: ``new``,
``update`` (with the fields that change), ``unchanged`` or ``error`` (with every problem, its
Excel row and column). Errors are what cannot be stored (an impossible date, a duplicate
code, a DNI that is not 8 digits); what is only unlikely (a member who joined before the age
of 14) is a warning: listed with its row and column, and the row is imported. ``apply_import`` does it in the caller's transaction: by default nothing
is written when any row is invalid; with ``skip_invalid`` the valid rows are imported and the
others reported. It applies the preview's plan while the register is unchanged (otherwise it
plans again); new members are inserted in bulk, a batch at a time, with the columns and audit
records the register's own services would write (``_create_batch``); members already
registered are updated through ``members.update_member``.

Rules:
- members are matched by code (a row without a code matches by DNI); importing the same file
  again updates, never duplicates;
- only columns present in the file are compared and written; a blank cell never erases a stored
  value (an import must not lose data);
- a roster's area columns describe one plot: it is matched by name (or is the member's only
  plot), otherwise added; other plots of the member are kept;
- organic and Fairtrade status are stored by the certifications module in the same
  transaction (``set_plot_organic`` on each plot the row describes, or the member's only plot;
  ``set_member_scheme`` for the Fairtrade scope), only when they differ from what is stored.
  Writing them needs ``CERTS_WRITE`` too: a user without it is refused the whole import (the
  preview says so) rather than have part of the file silently dropped. Values with no home
  (``transition`` without its year, an organic status for a member without a plot, a register
  without a Fairtrade scheme) stay in the member's notes on one line starting with ``Roster:``
  (replaced, not repeated, on re-import).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    ConversionStatus,
    effective_status,
    organic_status_label,
)
from coop_desk.domain.members import (
    GENDER_LABELS,
    STATUS_LABELS,
    MemberInput,
    MemberStatus,
    PlotInput,
    full_name,
    member_warnings,
    next_member_code,
    validate_member,
    validate_status_change,
)
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import fold
from coop_desk.errors import PermissionDenied, ValidationError
from coop_desk.exchange.roster import FIELD_LABELS, PlotData, RosterRow, read_roster
from coop_desk.exchange.roster import FIELDS as FIELDS
from coop_desk.exchange.roster import FieldSpec as FieldSpec
from coop_desk.exchange.roster import Roster as Roster
from coop_desk.exchange.roster import write_template as _write_template
from coop_desk.exchange.sheets import SkippedRow, SourceColumn, collector_paused, inspect_sheets
from coop_desk.exchange.sheets import summarise_skipped as summarise_skipped
from coop_desk.exchange.values import read_date
from coop_desk.exchange.xlsx import WorkbookError as WorkbookError
from coop_desk.i18n import N_, _, formats, remembered
from coop_desk.models import CertScheme, Member, MemberScheme, MemberStatusChange, Plot, PlotOrganic
from coop_desk.services import audit, limit_guard
from coop_desk.services import certification as cert_service
from coop_desk.services import changes as change_feed
from coop_desk.services import members as member_service
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.batches import collected_per_batch
from coop_desk.services.members import MemberDetail

ProgressFn = Callable[[int, int, str], None]

NEW = "new"
UPDATE = "update"
UNCHANGED = "unchanged"
ERROR = "error"

ACTION_LABELS = {
    NEW: N_("New"),
    UPDATE: N_("Update"),
    UNCHANGED: N_("Unchanged"),
    ERROR: N_("Error"),
}

ROSTER_NOTE_PREFIX = "Roster: "
DEFAULT_PLOT_NAME = "Parcela 1"
IMPORT_REASON = N_("status from the imported roster")

FIELD_TITLES = {
    "code": N_("code"),
    "first_names": N_("first names"),
    "surnames": N_("surnames"),
    "gender": N_("gender"),
    "dni": N_("DNI"),
    "birth_date": N_("birth date"),
    "join_date": N_("join date"),
    "community": N_("community"),
    "phone": N_("phone"),
    "notes": N_("notes"),
    "status": N_("status"),
}

# Which roster field a MemberInput problem points at (for the column in the message).
_PROBLEM_SOURCES = {
    "code": ("code",),
    "first_names": ("first_names", "full_name_names_first", "full_name_surnames_first"),
    "surnames": (
        "surnames",
        "surname_1",
        "surname_2",
        "full_name_surnames_first",
        "full_name_names_first",
    ),
    "gender": ("gender",),
    "dni": ("dni",),
    "birth_date": ("birth_date",),
    "join_date": ("join_date",),
    "phone": ("phone",),
    "total_area_ha": ("total_area",),
    "coffee_area_ha": ("coffee_area",),
    "altitude_m": ("altitude",),
    "latitude": ("latitude",),
    "longitude": ("longitude",),
    "name": ("plot_name",),
    "status": ("status",),
    "effective_date": ("status_date",),
    "reason": ("status_reason",),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    def describe(self) -> str:
        blank = _("(blank)")
        return f"{self.field}: {self.old or blank} → {self.new or blank}"


@dataclass(frozen=True)
class RowPlan:
    row: int
    code: str
    name: str
    action: str
    changes: tuple[FieldChange, ...] = ()
    problems: tuple[Problem, ...] = ()
    # What is unlikely but may be true (domain.members.member_warnings): listed, imported.
    warnings: tuple[Problem, ...] = ()
    organic_status: str | None = None
    fairtrade: bool | None = None
    member_id: int | None = None
    data: MemberInput | None = None
    # A new member's ``data`` as stored (``members.normalised``), which the plan validated.
    stored: MemberInput | None = field(default=None, compare=False, repr=False)
    status: str | None = None
    status_date: date | None = None
    status_reason: str = ""
    sheet: str = ""  # set when the roster was read from several sheets
    # Certification writes this row makes: (plot name, override or None, reason) per plot, and
    # the Fairtrade scope (in scope, since, notes). Empty/None: nothing to write.
    organic_writes: tuple[tuple[str, ConversionStatus | None, str], ...] = ()
    fairtrade_write: tuple[bool, date, str] | None = None
    member_changed: bool = True  # False: only certification data changes

    @property
    def has_cert_writes(self) -> bool:
        return bool(self.organic_writes) or self.fairtrade_write is not None

    @property
    def label(self) -> str:
        return f"{self.sheet}!{self.row}" if self.sheet else str(self.row)

    @property
    def summary(self) -> str:
        """The row's problems or changes in a line: the row is the table's own column, so
        each problem names only its column, or the field in words ("Join date")."""
        if self.problems:
            return "; ".join(_in_row(p) for p in self.problems)
        parts = [_("warning: {problem}", problem=_in_row(w)) for w in self.warnings]
        parts += [c.describe() for c in self.changes]
        return "; ".join(parts)


@dataclass(frozen=True)
class ImportPlan:
    sheet: str
    header_row: int
    columns: tuple[SourceColumn, ...]
    rows: tuple[RowPlan, ...]
    skipped: tuple[SkippedRow, ...]
    notes: tuple[str, ...] = ()
    # What the plan was made from besides the file's rows (``_basis``): ``apply_import``
    # applies it as it is only while that holds. Not part of what the plan says.
    basis: tuple[int, date, date | None] | None = field(default=None, compare=False, repr=False)
    roster: Roster | None = field(default=None, compare=False, repr=False)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def has_errors(self) -> bool:
        return any(r.action == ERROR for r in self.rows)

    @property
    def warnings(self) -> list[Problem]:
        """What is unlikely in rows that will be imported anyway."""
        return [w for r in self.rows if r.action != ERROR for w in r.warnings]

    def summary(self) -> str:
        warned = sum(1 for r in self.rows if r.warnings and r.action != ERROR)
        return _(
            "{new} new, {update} to update, {unchanged} unchanged, {errors} with errors, "
            "{warned} with warnings (imported), {skipped} skipped (blank, titles, totals)",
            new=self.count(NEW),
            update=self.count(UPDATE),
            unchanged=self.count(UNCHANGED),
            errors=self.count(ERROR),
            warned=warned,
            skipped=len(self.skipped),
        )


class ImportRefused(ValidationError):
    """Rows of the roster have errors and the import was not asked to skip them: nothing was
    imported. ``plan`` says what every row would have done (the report shows it)."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(plan.problems)
        self.plan = plan


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    created: int
    updated: int
    unchanged: int
    rejected: int
    certifications: int = 0  # plot statuses and Fairtrade scopes written


@dataclass(frozen=True)
class Preview:
    """A roster file as read (sheets, header, columns, rows) and what importing it would do."""

    roster: Roster
    plan: ImportPlan


# What the front ends need of the file format is re-exported above (``FIELDS``, ``FieldSpec``,
# ``Roster``, ``summarise_skipped``, ``WorkbookError``: ``X as X``) or wrapped below, so that they
# read rosters through this service only (the contract "front ends call services").
def sheet_names(path: str | Path) -> list[str]:
    """The sheet names of the workbook in ``path`` (for choosing the roster's sheet)."""
    return inspect_sheets(path)


def field_label(field: str | None) -> str:
    """The label of a roster field in the current language; ``-`` for none."""
    return _(FIELD_LABELS.get(field or "", "-"))


def read_join_date(text: str) -> date | None:
    """A join date typed by the user, in any form a roster's cell may hold (``12/05/2003``,
    ``2003-05-12``, ``12 de mayo de 2003``); ``ValueError`` says why it is not a date."""
    return read_date(text)


def write_template(path: str | Path, language: str | None = None) -> Path:
    """Write the roster template (recognised headers and an example row) in ``language``."""
    return _write_template(path, language)


def read_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    today: date | None = None,
    progress: ProgressFn | None = None,
    read_ahead: bool = False,
) -> Roster:
    """Read the roster in ``path`` (every cell checked, each problem with its row and column);
    ``mapping`` (column index -> field) overrides the recognised columns. Reads no database: the
    file step of the import wizard, before the columns are mapped. A file that cannot be read
    raises ``WorkbookError`` saying why. ``read_ahead``: a big sheet's cells are read by a
    child process meanwhile, where that is safe (``read_roster``): the command line asks for
    it; the GUI, which reads in a worker thread, does not."""
    return read_roster(
        path, sheet=sheet, mapping=mapping, today=today, progress=progress, read_ahead=read_ahead
    )


def preview_file(
    session: Session,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    default_join_date: date | None = None,
    today: date | None = None,
    progress: ProgressFn | None = None,
    read_ahead: bool = False,
) -> Preview:
    """Read the roster in ``path`` and compare it with the register: what the import would do,
    row by row (``plan_import``). Reads only; the CLI and the wizard show it before importing
    ``preview.roster`` with ``apply_import``. ``read_ahead`` as in ``read_file``."""
    require(actor, Permission.READ)
    roster = read_file(
        path, sheet=sheet, mapping=mapping, today=today, progress=progress, read_ahead=read_ahead
    )
    plan = plan_import(
        session, actor, roster, today=today, progress=progress, default_join_date=default_join_date
    )
    return Preview(roster, plan)


@dataclass(frozen=True)
class _CertState:
    """What the certifications module stores, to compare the roster with."""

    fairtrade_scheme: int | None
    scope: dict[int, tuple[bool, date, str]]  # member id -> (in scope, since, notes)
    plots: dict[int, tuple[date | None, ConversionStatus | None]]  # plot id -> (start, override)
    conversion_months: int
    source: str  # the file's name, for the reasons recorded


def plan_import(
    session: Session,
    actor: Actor,
    roster: Roster,
    *,
    today: date | None = None,
    progress: ProgressFn | None = None,
    default_join_date: date | None = None,
    planned: Callable[[list[RowPlan]], None] | None = None,
) -> ImportPlan:
    """What importing ``roster`` would do, row by row. Reads only.

    ``default_join_date``: the date of joining of new members whose row gives none (many
    rosters have no such column); members already registered keep theirs. ``planned``, when
    given, is handed the plans of every ``BATCH`` rows as soon as they are made
    (``apply_import`` inserts them meanwhile).

    Python's cyclic garbage collector is paused meanwhile (``collector_paused``, as the
    reading of the file is): a plan makes tens of thousands of small objects and keeps them
    (one plan per row, its member as stored), which hold no reference cycles, so the
    collector's passes over them found nothing and cost a fifth of the plan."""
    require(actor, Permission.READ)
    with collector_paused():
        return _plan_import(session, actor, roster, today, progress, default_join_date, planned)


def _plan_import(
    session: Session,
    actor: Actor,
    roster: Roster,
    today: date | None,
    progress: ProgressFn | None,
    default_join_date: date | None,
    planned: Callable[[list[RowPlan]], None] | None,
) -> ImportPlan:
    today = today or date.today()
    report = progress or (lambda _d, _t, _s: None)
    basis = _basis(session, today, default_join_date)
    existing = member_service.load_register(session)
    certs = _load_certs(session, roster.path.name)
    by_code = {m.code: m for m in existing.values()}
    dni_owner = {m.dni: m.code for m in existing.values() if m.dni}
    columns = {c.field: c for c in roster.columns if c.field}
    per_sheet = {
        name: {c.field: c for c in cols if c.field} for name, cols in roster.sheet_columns.items()
    }
    seen_codes: dict[str, str] = {}
    seen_dnis: dict[str, str] = {}
    # A new member's row without a code is named the next free code (the rule the member
    # editor suggests with), one each, after every code of the register and of the file.
    taken = set(by_code) | {c for r in roster.rows if (c := r.values.get("code"))}

    def next_free() -> str:
        code = next_member_code(taken) or ""
        taken.add(code)
        return code

    plans: list[RowPlan] = []
    total = len(roster.rows)
    # What the rows' changes say (a scope, a status, yes and no) repeats from row to row:
    # translated once each.
    words = remembered()
    for index, row in enumerate(roster.rows, start=1):
        plans.append(
            _plan_row(
                row,
                per_sheet.get(row.sheet, columns),
                by_code,
                dni_owner,
                seen_codes,
                seen_dnis,
                today,
                default_join_date,
                certs,
                next_free,
                words,
            )
        )
        if index % BATCH == 0:
            report(index, total, _("Comparing with the register…"))
            if planned is not None:
                planned(plans[index - BATCH :])
    if planned is not None and len(plans) % BATCH:
        planned(plans[len(plans) - len(plans) % BATCH :])
    notes = list(roster.notes)
    if any(p.action == ERROR and p.member_id is None for p in plans):
        fields = roster.fields | ({"join_date"} if default_join_date else set())
        notes += _missing_columns(fields)
    if any(p.has_cert_writes for p in plans) and not actor.can(Permission.CERTS_WRITE):
        notes.append(
            _(
                "The file sets organic or Fairtrade status, which needs permission to change "
                "certification records: your role cannot import it. Ask a secretary or an "
                "administrator, or remove the Estado orgánico / Comercio Justo columns."
            )
        )
    return ImportPlan(
        roster.sheet,
        roster.header_row,
        roster.columns,
        tuple(plans),
        roster.skipped,
        tuple(notes),
        basis,
        roster,
    )


_REQUIRED_FOR_NEW = (
    ("gender", ("gender",), N_("gender (Sexo)")),
    ("join_date", ("join_date",), N_("the date of joining (Fecha de ingreso)")),
    (
        "names",
        ("first_names", "full_name_names_first", "full_name_surnames_first"),
        N_("first names (Nombres)"),
    ),
    (
        "surnames",
        ("surnames", "surname_1", "full_name_names_first", "full_name_surnames_first"),
        N_("surnames (Apellidos)"),
    ),
)


def _missing_columns(fields: set[str]) -> list[str]:
    """File-level hints: a column every new member needs is not in the file (or not mapped)."""
    hints = []
    if "code" not in fields:
        hints.append(
            _(
                "The file has no member code column (Código): members are matched by code (or "
                "by DNI for members already registered). Map the column that holds the code."
            )
        )
    return hints + [
        _(
            "The file has no column for {field}: new members cannot be created without it. "
            "Add the column, or map it by hand.",
            field=_(label),
        )
        for _key, sources, label in _REQUIRED_FOR_NEW
        if not fields & set(sources)
    ]


def apply_import(
    session: Session,
    actor: Actor,
    roster: Roster,
    *,
    skip_invalid: bool = False,
    today: date | None = None,
    progress: ProgressFn | None = None,
    default_join_date: date | None = None,
    plan: ImportPlan | None = None,
) -> ImportResult:
    """Import ``roster`` in the caller's transaction. Raises ``ValidationError`` with every
    problem (nothing written) when a row is invalid, unless ``skip_invalid``.

    ``plan``: the preview's plan of this roster (``preview_file``), applied as it is when
    nothing was written in the register since it was made (the audit trail's head is the
    same: ``changes.head``) for the same day and default join date; otherwise, or without
    it, the roster is planned again in this transaction, and then each batch's new members
    are inserted as soon as the batch is planned (SQLite inserts them while the next batch
    is planned: the command line's import of 10,000 rows took about 0.3 s less than planning
    first). A row with an error still refuses the whole import (``ImportRefused``, with the
    plan of every row): the caller's rollback removes what was inserted."""
    require(actor, Permission.MEMBERS_WRITE)
    today = today or date.today()
    report = progress or (lambda _d, _t, _s: None)
    may_certify = actor.can(Permission.CERTS_WRITE)
    fresh = (
        plan is None
        or plan.roster is not roster
        or plan.basis != _basis(session, today, default_join_date)
    )
    fairtrade = _fairtrade_scheme(session)
    ids: _Ids | None = None  # taken at the first batch, before anything is queued
    created = written = 0
    done = 0  # the rows of the plan whose new members were inserted (or are queued)
    other_status: list[tuple[RowPlan, int]] = []
    bulk: audit.BulkInserts | None = None
    held = False  # a row that stops the import was planned: nothing more is inserted

    def create(rows: list[RowPlan]) -> None:
        nonlocal created, written, done, held, ids
        if held or _refusal(rows, skip_invalid, may_certify):
            held = True  # refused below, with every problem of the file
            return
        new_rows = [r for r in rows if r.action == NEW]
        done += len(rows)
        if not new_rows:
            return
        assert bulk is not None
        if ids is None:
            ids = _Ids(session)
        bulk.tag = new_rows
        written += _create_batch(
            session,
            actor,
            new_rows,
            fairtrade,
            today,
            _ids_for(ids, new_rows, fairtrade),
            other_status,
        )
        created += len(new_rows)
        batch_done()
        report(done, len(roster.rows), _("Importing members…"))

    # The collector's own passes are paused while new members are inserted (their rows and
    # records hold no cycles); what a batch leaves is collected after it (``batch_done``).
    # SQLite inserts a batch's rows while the next batch is made (``audit.bulk_inserts``).
    # A roster planned here (no preview, or the register changed since) is planned and
    # inserted batch by batch: a batch's rows are inserted while the next is planned. A row
    # with an error stops the inserting; the import is then refused (the caller rolls back),
    # as it is before anything is inserted when the preview's plan is given.
    try:
        with collector_paused(), collected_per_batch() as batch_done:
            with audit.bulk_inserts(session) as bulk:
                if fresh:
                    plan = plan_import(
                        session,
                        actor,
                        roster,
                        today=today,
                        default_join_date=default_join_date,
                        planned=create,
                    )
                assert plan is not None
                refusal = _refusal(list(plan.rows), skip_invalid, may_certify)
                if refusal == ERROR:
                    raise ImportRefused(plan)
                if refusal is not None:
                    # Refused, not skipped: an import that drops half of what the file says
                    # would leave the register and the ICS disagreeing with the roster
                    # without anyone noticing.
                    raise PermissionDenied(
                        _(
                            "The file sets organic or Fairtrade status: importing it also "
                            "needs permission to change certification records, which your "
                            "role does not have. Nothing was imported."
                        )
                    )
                rest = list(plan.rows[done:])
                for start in range(0, len(rest), BATCH):
                    create(rest[start : start + BATCH])
    except IntegrityError as exc:
        if "code" not in str(exc.orig) and "dni" not in str(exc.orig):
            raise
        # The rows of the batch whose insert failed (on SQLite it ran while a later batch
        # was being made).
        failed: list[RowPlan] = (bulk.tag if bulk is not None else None) or []
        if not failed:
            raise
        raise ValidationError(
            [
                Problem(
                    "code",
                    _(
                        "a member code or DNI of rows {first} to {last} was registered by "
                        "another user while the file was being imported; nothing was "
                        "imported: import the file again",
                        first=failed[0].label,
                        last=failed[-1].label,
                    ),
                )
            ]
        ) from exc
    updated = 0
    work = [r for r in plan.rows if r.action in (NEW, UPDATE)]
    for row, member_id in other_status:
        # Registered with another status: joined, then changed, as the register records it
        # (a second status change with its reason, the member updated), by its own rule.
        member_service.change_status(
            session,
            actor,
            member_id,
            MemberStatus(row.status or ""),
            row.status_date or today,
            row.status_reason or _(IMPORT_REASON),
        )
    for row in work:
        if row.action != UPDATE:
            continue
        assert row.data is not None and row.member_id is not None
        if row.member_changed:
            member_service.update_member(session, actor, row.member_id, row.data, today=today)
        member_id = row.member_id
        current = MemberStatus(
            session.scalar(select(Member.status).where(Member.id == member_id)) or "active"
        )
        updated += 1
        if row.status and row.status != current:
            member_service.change_status(
                session,
                actor,
                member_id,
                MemberStatus(row.status),
                row.status_date or today,
                row.status_reason or _(IMPORT_REASON),
            )
        written += _write_certs(session, actor, member_id, row, fairtrade, today)
        if updated % 200 == 0:
            report(created + updated, len(work), _("Importing members…"))
    session.flush()
    return ImportResult(
        plan,
        created,
        updated,
        plan.count(UNCHANGED),
        plan.count(ERROR) if skip_invalid else 0,
        written,
    )


def _refusal(rows: list[RowPlan], skip_invalid: bool, may_certify: bool) -> str | None:
    """Why an import of ``rows`` is refused, if it is: ``ERROR`` (a row has an error and
    invalid rows are not to be skipped) before ``"certs"`` (the file changes certification
    records, which the role may not)."""
    if not skip_invalid and any(r.action == ERROR for r in rows):
        return ERROR
    if not may_certify and any(r.has_cert_writes for r in rows if r.action in (NEW, UPDATE)):
        return "certs"
    return None


def _basis(
    session: Session, today: date, default_join_date: date | None
) -> tuple[int, date, date | None]:
    """What a plan depends on besides the roster: the register (its newest audit record: every
    write adds one), the day and the default join date."""
    return (change_feed.head(session), today, default_join_date)


# New members are inserted this many at a time (``audit.insert_audited`` per table, with
# their audit records), between progress reports.
BATCH = 1000

_MEMBER: Table = Member.__table__  # type: ignore[assignment]
_CHANGE: Table = MemberStatusChange.__table__  # type: ignore[assignment]
_PLOT: Table = Plot.__table__  # type: ignore[assignment]
_SCOPE: Table = MemberScheme.__table__  # type: ignore[assignment]
_ORGANIC: Table = PlotOrganic.__table__  # type: ignore[assignment]


def _create_batch(
    session: Session,
    actor: Actor,
    rows: list[RowPlan],
    fairtrade: int | None,
    today: date,
    ids: dict[str, Iterator[int]],
    other_status: list[tuple[RowPlan, int]],
) -> int:
    """Register the members of ``rows`` (planned ``new``): their rows inserted in bulk, with
    their audit records, by ``audit.insert_audited``; returns the certification rows written.

    Each member's columns are those ``members.build_member`` gives (``new_member_columns``,
    ``joined_columns``, ``plot_columns``), its certification status those of the
    certifications module's writers (``member_scheme_columns``, ``plot_organic_columns``,
    which validate them): one rule each, whichever path writes. The plan validated every row
    (``validate_member`` on the data as stored) and checked codes and DNIs unique against the
    register read in this transaction and the rest of the file; the unique constraints of the
    database refuse a code or DNI another computer registers meanwhile, and then nothing is
    imported (``apply_import`` says so). Every value is checked against the limits
    (``limit_guard``), as a flush is: by one checker per table and batch, which answers a
    repeated date or amount once.

    The ids come from ``ids`` (``_ids_for``; on SQLite no query after the first batch's)
    and members registered with another status than active go to ``other_status``
    (their change is made after the bulk, by ``members.change_status``): nothing here reads
    the database, so that on SQLite the batches' inserts run while the next batch is made
    (``audit.bulk_inserts``). Measured for 10,000 rows: SQLite's own inserts (the tables'
    rows and as many audit records, with their indexes) are about 0.8 s of 1.9 s; the rest
    is per value (columns, limits, after-images, hashes), each pass written once in the
    audit writer and the limit guard."""
    dialect = session.get_bind().dialect
    build = {t.name: audit.row_builder(t, dialect) for t in _TABLES}
    check = {t.name: limit_guard.row_checker(t) for t in _TABLES}
    new: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in _TABLES}
    member_ids, change_ids = ids[_MEMBER.name], ids[_CHANGE.name]
    plot_ids, scope_ids = ids[_PLOT.name], ids[_SCOPE.name]
    problems: list[Problem] = []

    def add(table: Table, row: RowPlan, values: dict[str, Any]) -> None:
        found = check[table.name](values)
        if found:
            problems.extend(replace(p, row=row.row, sheet=row.sheet or None) for p in found)
        new[table.name].append(build[table.name](values))

    written = 0
    for row in rows:
        data = row.stored  # normalised and validated by the plan
        assert data is not None
        member_id = next(member_ids)
        if row.status and row.status != MemberStatus.ACTIVE:
            other_status.append((row, member_id))
        add(_MEMBER, row, {**member_service.new_member_columns(data), "id": member_id})
        add(
            _CHANGE,
            row,
            {
                **member_service.joined_columns(data, actor),
                "id": next(change_ids),
                "member_id": member_id,
            },
        )
        plots: dict[str, int] = {}
        for plot in data.plots:
            plot_id = plots[fold(plot.name)] = next(plot_ids)
            add(
                _PLOT,
                row,
                {**member_service.plot_columns(plot), "id": plot_id, "member_id": member_id},
            )
        if row.fairtrade_write is not None and fairtrade is not None:
            assert data.join_date is not None
            in_scope, since, notes = row.fairtrade_write
            values = cert_service.member_scheme_columns(
                actor, data.join_date, in_scope, since, notes, today=today
            )
            add(
                _SCOPE,
                row,
                {**values, "id": next(scope_ids), "member_id": member_id, "scheme_id": fairtrade},
            )
            written += 1
        for name, override, reason in row.organic_writes:
            values = cert_service.plot_organic_columns(
                actor,
                None,  # a new plot: no conversion start recorded (see _write_certs)
                override,
                reason if override is not None else "",
                today=today,
            )
            add(_ORGANIC, row, {**values, "plot_id": plots[fold(name)]})
            written += 1
    if problems:
        raise ValidationError(problems)
    for table in _TABLES:
        audit.insert_audited(session, table, new[table.name])
    return written


# In the order their foreign keys need.
_TABLES: tuple[Table, ...] = (_MEMBER, _CHANGE, _PLOT, _SCOPE, _ORGANIC)


class _Ids:
    """Ids for the rows the import inserts, batch by batch, taken in this write transaction
    (writers are serialised: ``Database.transaction``). On SQLite each table's largest id is
    read once, before the first batch is queued (so the queued inserts are not waited for),
    and the ids follow it, as SQLite itself would number them; on PostgreSQL each batch takes
    its ids from the column's sequence, as its inserts would."""

    def __init__(self, session: Session) -> None:
        self.session = session
        session.flush()  # the ids follow what is written
        self.sequences = session.get_bind().dialect.name == "postgresql"
        self.next: dict[str, int] = {}
        if not self.sequences:
            for table in _TABLES:
                if "id" in table.c:
                    self.next[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1

    def take(self, table: Table, count: int) -> list[int]:
        if count == 0:
            return []
        if self.sequences:
            return list(
                self.session.scalars(
                    text(
                        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                        "FROM generate_series(1, :n)"
                    ),
                    {"table": table.name, "n": count},
                )
            )
        first = self.next[table.name]
        self.next[table.name] = first + count
        return list(range(first, first + count))


def _ids_for(ids: _Ids, rows: list[RowPlan], fairtrade: int | None) -> dict[str, Iterator[int]]:
    """The ids of every row ``_create_batch`` inserts for the new members ``rows``, by
    table."""
    counts = {
        _MEMBER.name: len(rows),
        _CHANGE.name: len(rows),
        _PLOT.name: sum(len(r.stored.plots) for r in rows if r.stored),
        _SCOPE.name: sum(1 for r in rows if r.fairtrade_write is not None)
        if fairtrade is not None
        else 0,
    }
    return {
        table.name: iter(ids.take(table, counts[table.name]))
        for table in _TABLES
        if table.name in counts
    }


def _write_certs(
    session: Session,
    actor: Actor,
    member_id: int,
    row: RowPlan,
    fairtrade: int | None,
    today: date,
) -> int:
    """The row's organic and Fairtrade status, through the certifications services."""
    written = 0
    if row.fairtrade_write is not None and fairtrade is not None:
        in_scope, since, notes = row.fairtrade_write
        cert_service.set_member_scheme(
            session, actor, member_id, fairtrade, in_scope, since, notes, today=today
        )
        written += 1
    if row.organic_writes:
        plots = {
            fold(name): plot_id
            for plot_id, name in session.execute(
                select(Plot.id, Plot.name).where(Plot.member_id == member_id)
            )
        }
        for name, override, reason in row.organic_writes:
            plot_id = plots[fold(name)]
            stored = session.get(PlotOrganic, plot_id)
            # The roster says what the status is today, not when conversion started: the
            # certification domain has no helper deriving a start date from a status (and a
            # status fits a whole year of possible dates), so the recorded conversion start is
            # kept and the roster's status is an override with its source as the reason, which
            # the ICS shows. ``None``: the dates already give the roster's status, so an older
            # override is removed instead.
            cert_service.record_plot_organic(
                session,
                actor,
                plot_id,
                stored.conversion_start if stored else None,
                override,
                reason if override is not None else "",
                today=today,
                stored=stored,
            )
            written += 1
    session.flush()
    return written


# --- planning one row ---------------------------------------------------------------------------


def _plan_row(
    row: RosterRow,
    columns: dict[str, SourceColumn],
    by_code: dict[str, MemberDetail],
    dni_owner: dict[str, str],
    seen_codes: dict[str, str],
    seen_dnis: dict[str, str],
    today: date,
    default_join_date: date | None,
    certs: _CertState,
    next_free: Callable[[], str] = lambda: "",
    words: Callable[..., str] = _,
) -> RowPlan:
    values = row.values
    problems = list(row.problems)
    bad_fields = {p.field for p in problems}

    def problem(field_key: str, message: str) -> None:
        problems.append(
            Problem(field_key, message, row.row, _column_of(field_key, columns), row.sheet or None)
        )

    code = values.get("code")
    dni = values.get("dni")
    if not code and "code" not in bad_fields:
        if dni and dni in dni_owner:
            code = dni_owner[dni]  # matched by DNI
        else:
            free = next_free()
            problem(
                "code",
                _("the member code is required (the next free code is {code})", code=free)
                if free
                else _("the member code is required"),
            )
    if code:
        if code in seen_codes:
            problem(
                "code", _("the code {code} is also on row {row}", code=code, row=seen_codes[code])
            )
        else:
            seen_codes[code] = row.label
    if dni:
        if dni in seen_dnis:
            problem("dni", _("the DNI {dni} is also on row {row}", dni=dni, row=seen_dnis[dni]))
        else:
            seen_dnis[dni] = row.label
        owner = dni_owner.get(dni)
        if owner and owner != code:
            problem("dni", _("the DNI {dni} is registered for member {code}", dni=dni, code=owner))
    existing = by_code.get(code) if code else None
    if (
        existing is None
        and default_join_date is not None
        and values.get("join_date") is None
        and "join_date" not in bad_fields
    ):
        values = {**values, "join_date": default_join_date}  # a new member only
    data, targets = _merge(existing, values, row, code or "", certs)
    status = values.get("status")
    status_date = values.get("status_date")
    status_reason = values.get("status_reason") or ""
    warnings: list[Problem] = []
    stored: MemberInput | None = None
    if data is not None:
        for w in member_warnings(data, today):
            source = _problem_field(w.field)
            warnings.append(
                Problem(source, w.message, row.row, _column_of(source, columns), row.sheet or None)
            )
        # The data as it will be stored (``apply_import`` stores it without validating again).
        stored = member_service.normalised(data)
        for p in validate_member(stored, today):
            source = _problem_field(p.field)
            if source in bad_fields or any(
                q.field == source and q.message.startswith(p.message) for q in problems
            ):
                continue  # already reported (with the cell's own reason, or a hint)
            problems.append(
                Problem(source, p.message, row.row, _column_of(source, columns), row.sheet or None)
            )
        current = MemberStatus(existing.status) if existing else MemberStatus.ACTIVE
        if status and status != current and data.join_date is not None:
            since = existing.status_date if existing else data.join_date
            for p in validate_status_change(
                current,
                MemberStatus(status),
                status_date or today,
                status_reason or IMPORT_REASON,
                since,
            ):
                source = _problem_field(p.field)
                problems.append(
                    Problem(
                        source, p.message, row.row, _column_of(source, columns), row.sheet or None
                    )
                )
    name = full_name(values.get("first_names") or "", values.get("surnames") or "")
    if existing and not name:
        name = full_name(existing.first_names, existing.surnames)
    common: dict[str, Any] = dict(
        warnings=_unique(warnings),
        sheet=row.sheet,
        row=row.row,
        code=code or "",
        name=name,
        organic_status=row.organic_status,
        fairtrade=row.fairtrade,
        status=status,
        status_date=status_date,
        status_reason=status_reason,
    )
    if problems:
        return RowPlan(action=ERROR, problems=_unique(problems), **common)
    assert data is not None
    cert_changes, organic_writes, fairtrade_write = _cert_changes(
        existing, data, row, targets, certs, today, words
    )
    common.update(organic_writes=organic_writes, fairtrade_write=fairtrade_write)
    if existing is None:
        return RowPlan(action=NEW, data=data, stored=stored, changes=tuple(cert_changes), **common)
    changes = _changes(existing, data, status, words)
    return RowPlan(
        action=UPDATE if changes or cert_changes else UNCHANGED,
        changes=tuple(changes + cert_changes),
        member_id=existing.id,
        data=data,
        member_changed=bool(changes),
        **common,
    )


_CONVERSION_STATUSES = frozenset(ConversionStatus)


def _organic_home(row: RosterRow, targets: list[int]) -> bool:
    """Whether the row's organic status can be stored on a plot (the certifications module
    knows T1..T3 by year; "in transition" without the year has no status to store)."""
    return bool(targets) and row.organic_status in _CONVERSION_STATUSES


def _cert_changes(
    existing: MemberDetail | None,
    data: MemberInput,
    row: RosterRow,
    targets: list[int],
    certs: _CertState,
    today: date,
    _: Callable[..., str] = _,  # the plan's ``remembered`` translation
) -> tuple[
    list[FieldChange],
    tuple[tuple[str, ConversionStatus | None, str], ...],
    tuple[bool, date, str] | None,
]:
    """The certification data the row changes, compared with what is stored."""
    changes: list[FieldChange] = []
    source = f"from roster {certs.source} (row {row.label})"
    fairtrade_write: tuple[bool, date, str] | None = None
    if row.fairtrade is not None and certs.fairtrade_scheme is not None:
        stored = certs.scope.get(existing.id) if existing else None
        if stored is None or stored[0] != row.fairtrade:
            assert data.join_date is not None  # validate_member requires it
            # Keep the date already recorded; otherwise the member's join date (the roster
            # gives none). In scope never before joining (set_member_scheme checks it).
            since = stored[1] if stored else data.join_date
            if row.fairtrade and since < data.join_date:
                since = data.join_date
            notes = stored[2] if stored and stored[2] else source
            fairtrade_write = (row.fairtrade, since, notes)
            changes.append(
                FieldChange(
                    _("Fairtrade scope"),
                    "" if stored is None else (_("yes") if stored[0] else _("no")),
                    _(
                        "{answer} since {date}",
                        answer=_("yes") if row.fairtrade else _("no"),
                        date=since,
                    ),
                )
            )
    organic_writes: list[tuple[str, ConversionStatus | None, str]] = []
    if _organic_home(row, targets):
        wanted = ConversionStatus(row.organic_status or "")
        for index in targets:
            plot = data.plots[index]
            start, override = certs.plots.get(plot.id, (None, None)) if plot.id else (None, None)
            current = effective_status(start, today, override, certs.conversion_months)
            if current == wanted:
                continue
            computed = effective_status(start, today, None, certs.conversion_months)
            organic_writes.append((plot.name, None if computed == wanted else wanted, source))
            changes.append(
                FieldChange(
                    _("plot {plot}: organic status", plot=plot.name),
                    _(CONVERSION_LABELS[current]),
                    _(CONVERSION_LABELS[wanted]),
                )
            )
    return changes, tuple(organic_writes), fairtrade_write


def _merge(
    existing: MemberDetail | None,
    values: dict[str, Any],
    row: RosterRow,
    code: str,
    certs: _CertState,
) -> tuple[MemberInput, list[int]]:
    """The member as it would be saved: stored values, overridden by non-blank cells; and the
    indexes of the plots the row describes (or the member's only plot), for the organic status."""

    def pick(key: str, stored: Any) -> Any:
        value = values.get(key)
        return stored if value is None or value == "" else value

    if existing is None:
        base = MemberInput(
            code=code,
            first_names="",
            surnames="",
            gender="",
            join_date=None,
            plots=(),
        )
        base_notes = ""
        plots: list[PlotInput] = []
    else:
        base = existing.to_input()
        base_notes = existing.notes
        plots = list(base.plots)
    notes = pick("notes", base_notes)
    other_phones = values.get("other_phones") or ""
    targets: list[int] = []
    for plot in row.plots:
        plots, target = _merge_plot(plots, plot)
        if target is not None and target not in targets:
            targets.append(target)
    if not targets and len(plots) == 1:
        targets = [0]
    if row.organic_status is not None or row.fairtrade is not None or other_phones:
        # Blank cells erase nothing: the Roster: line changes only when the file says something.
        # Values stored by the certifications module are not repeated there.
        notes = roster_notes(
            notes,
            None if _organic_home(row, targets) else row.organic_status,
            None if certs.fairtrade_scheme is not None else row.fairtrade,
            other_phones,
        )
    merged = replace(
        base,
        code=code,
        first_names=pick("first_names", base.first_names),
        surnames=pick("surnames", base.surnames),
        gender=pick("gender", base.gender),
        join_date=pick("join_date", base.join_date),
        dni=pick("dni", base.dni),
        birth_date=pick("birth_date", base.birth_date),
        community=pick("community", base.community),
        phone=pick("phone", base.phone),
        notes=notes,
        plots=tuple(plots),
    )
    return merged, targets


def _merge_plot(plots: list[PlotInput], plot: PlotData) -> tuple[list[PlotInput], int | None]:
    """The plots with ``plot`` merged in, and the index of the plot it became (None: the row
    describes no plot)."""
    if plot.total_area_ha is None and plot.coffee_area_ha is None and not plot.name:
        return plots, None
    name = plot.name
    target: int | None = None
    if name:
        for index, existing in enumerate(plots):
            if fold(existing.name) == fold(name):
                target = index
    elif len(plots) == 1:
        target = 0  # the file's area columns describe the member's only plot
    if target is None:
        return [
            *plots,
            PlotInput(
                name=name or (DEFAULT_PLOT_NAME if not plots else f"Parcela {len(plots) + 1}"),
                total_area_ha=plot.total_area_ha
                if plot.total_area_ha is not None
                else (plot.coffee_area_ha or Decimal(0)),
                coffee_area_ha=plot.coffee_area_ha
                if plot.coffee_area_ha is not None
                else Decimal(0),
                altitude_m=plot.altitude_m,
                varieties=plot.varieties,
                latitude=plot.latitude,
                longitude=plot.longitude,
            ),
        ], len(plots)
    old = plots[target]
    merged = replace(
        old,
        total_area_ha=old.total_area_ha if plot.total_area_ha is None else plot.total_area_ha,
        coffee_area_ha=old.coffee_area_ha if plot.coffee_area_ha is None else plot.coffee_area_ha,
        altitude_m=old.altitude_m if plot.altitude_m is None else plot.altitude_m,
        varieties=plot.varieties or old.varieties,
        latitude=old.latitude if plot.latitude is None else plot.latitude,
        longitude=old.longitude if plot.longitude is None else plot.longitude,
    )
    return [*plots[:target], merged, *plots[target + 1 :]], target


def roster_notes(
    notes: str, organic: str | None, fairtrade: bool | None, other_phones: str = ""
) -> str:
    """``notes`` with its ``Roster:`` line replaced by the file's organic/Fairtrade status
    (and any further phone numbers the roster gave)."""
    lines = [line for line in notes.splitlines() if not line.startswith(ROSTER_NOTE_PREFIX)]
    parts = []
    if other_phones:
        parts.append(f"other phones {other_phones}")
    if organic:
        parts.append(f"organic status {organic_status_label(organic)}")
    if fairtrade is not None:
        parts.append(f"Fairtrade {'yes' if fairtrade else 'no'}")
    if parts:
        lines.append(ROSTER_NOTE_PREFIX + "; ".join(parts))
    return "\n".join(lines).strip()


def _changes(
    existing: MemberDetail,
    data: MemberInput,
    status: str | None,
    _: Callable[..., str] = _,  # the plan's ``remembered`` translation
) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for key, old, new in (
        ("first_names", existing.first_names, data.first_names),
        ("surnames", existing.surnames, data.surnames),
        ("gender", existing.gender, data.gender),
        ("dni", existing.dni, data.dni),
        ("birth_date", existing.birth_date, data.birth_date),
        ("join_date", existing.join_date, data.join_date),
        ("community", existing.community, data.community.strip()),
        ("phone", existing.phone, data.phone.strip()),
        ("notes", existing.notes, data.notes.strip()),
    ):
        if _show(old) != _show(new):
            changes.append(FieldChange(_(FIELD_TITLES[key]), _show(old), _show(new)))
    if status and status != existing.status:
        changes.append(
            FieldChange(
                _(FIELD_TITLES["status"]),
                _(STATUS_LABELS[MemberStatus(existing.status)]),
                _(STATUS_LABELS[MemberStatus(status)]),
            )
        )
    before = {p.id: p for p in existing.plots}
    for plot in data.plots:
        if plot.id is None:
            changes.append(
                FieldChange(
                    _("plot {plot}", plot=plot.name),
                    "",
                    _(
                        "{total} ha, coffee {coffee} ha",
                        total=_show(plot.total_area_ha),
                        coffee=_show(plot.coffee_area_ha),
                    ),
                )
            )
            continue
        old_plot = before[plot.id]
        for label, a, b in (
            (_("total area (ha)"), old_plot.total_area_ha, plot.total_area_ha),
            (_("coffee area (ha)"), old_plot.coffee_area_ha, plot.coffee_area_ha),
            (_("altitude (m)"), old_plot.altitude_m, plot.altitude_m),
            (_("varieties"), old_plot.varieties, plot.varieties),
            (_("latitude"), old_plot.latitude, plot.latitude),
            (_("longitude"), old_plot.longitude, plot.longitude),
        ):
            if _show(a) != _show(b):
                changes.append(
                    FieldChange(
                        _("plot {plot}: {field}", plot=plot.name, field=label), _show(a), _show(b)
                    )
                )
    return changes


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        normal = value.normalize()
        return format(
            normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal, "f"
        )
    if isinstance(value, date):
        return formats.date_text(value)
    if isinstance(value, str) and value in GENDER_LABELS and len(value) == 1:
        return value
    return str(value).strip()


def _problem_field(member_field: str) -> str:
    """``plots[1].total_area_ha`` -> ``total_area``; ``first_names`` -> ``first_names``."""
    leaf = member_field.rsplit(".", 1)[-1]
    sources = _PROBLEM_SOURCES.get(leaf)
    return sources[0] if sources else leaf


def _column_of(field_key: str, columns: dict[str, SourceColumn]) -> str | None:
    for candidate in _PROBLEM_SOURCES.get(field_key, (field_key,)):
        column = columns.get(candidate)
        if column is not None:
            return column.describe()
    if field_key in columns:
        return columns[field_key].describe()
    return None


def _in_row(problem: Problem) -> str:
    where = problem.column or _(FIELD_LABELS.get(problem.field, problem.field))
    return f"{where}: {problem.message}" if where else problem.message


def _unique(problems: list[Problem]) -> tuple[Problem, ...]:
    out: list[Problem] = []
    for p in problems:
        if p not in out:
            out.append(p)
    return tuple(out)


def _fairtrade_scheme(session: Session) -> int | None:
    """The Fairtrade scheme (created with the certifications tables); None if it was removed."""
    return session.scalar(
        select(CertScheme.id).where(CertScheme.code == "fairtrade").order_by(CertScheme.id)
    )


def _load_certs(session: Session, source: str) -> _CertState:
    fairtrade = _fairtrade_scheme(session)
    scope: dict[int, tuple[bool, date, str]] = {}
    if fairtrade is not None:
        for member_id, in_scope, since, notes in session.execute(
            select(
                MemberScheme.member_id,
                MemberScheme.in_scope,
                MemberScheme.since,
                MemberScheme.notes,
            ).where(MemberScheme.scheme_id == fairtrade)
        ):
            scope[member_id] = (bool(in_scope), since, notes or "")
    plots = {
        plot_id: (start, ConversionStatus(override) if override else None)
        for plot_id, start, override in session.execute(
            select(PlotOrganic.plot_id, PlotOrganic.conversion_start, PlotOrganic.status_override)
        )
    }
    months = cert_service.group_rules(session).conversion_months
    return _CertState(fairtrade, scope, plots, months, source)
