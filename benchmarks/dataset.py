"""The federation-sized data set of issue 14, generated with bulk inserts and a matching audit
trail, and cached under ``benchmarks/.data/``.

What it holds (``Scale.FULL``): 100,000 members of 40 base cooperatives, with their status
history, 1-3 plots each with organic conversion status, Fairtrade scope, the ICS committee's
approval and last internal inspection; and ten closed-out fiscal years of the Premium ledger:
50 projects with a General Assembly approved budget each year, 100 Fairtrade contracts a year
(shipment and premium received, with bank charges), monthly USD -> PEN exchanges and project
payments (a voucher with one to seven item lines), 1,000,000 postings in all, about 20,000
entries a year numbered 1..n per year. Every year but the last is closed (carry entries).

How: the small set-up (profile, projects, buyers, certificates, GA approvals, year closes) goes
through the services, so their rules and the ORM's audit listener apply; the bulk (members,
plots, certification status, contracts, entries, postings) is inserted table by table with
``bulk.BulkWriter``, which writes for every row the audit record the listener would have written,
chained after the newest one. ``verify`` therefore finds the data consistent: its remaining
findings are the realistic compliance warnings seeded on purpose (about 1% of members not
inspected in the last 12 months, 0.2% of payments without a voucher, a group larger than the
EU limit).

Amounts are whole multiples of a step that makes every PEN amount convert to exact cents at the
month's rate, so each posting's USD value is exact and entries balance in USD without rounding;
a sample of entries is checked against ``domain.ledger.usd_values``.

The cache key holds ``GENERATOR_VERSION``, the Alembic head(s) and the month of generation
(inspections and closed years are relative to today), so a schema change or a new month
builds a fresh file.
"""

from __future__ import annotations

import functools
import json
import math
import random
import resource
import shutil
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, text

from benchmarks.bulk import BulkWriter, Sink, bulk, table_of
from coop_desk.db import Database
from coop_desk.domain.certification import CertificateInput
from coop_desk.domain.ledger import Leg, usd_values
from coop_desk.domain.members import code_sort_key, search_key
from coop_desk.domain.premium import (
    Process,
    QuantityUnit,
    Scheme,
    contract_figures,
    contract_kg,
    pick_rate,
)
from coop_desk.domain.text import fold
from coop_desk.models import (
    ApprovalDecision,
    Contract,
    Inspection,
    JournalEntry,
    Member,
    MemberScheme,
    MemberStatusChange,
    Plot,
    PlotOrganic,
    Posting,
)
from coop_desk.services import certification as certs
from coop_desk.services import cooperative
from coop_desk.services.access import SYSTEM
from coop_desk.services.demo.members import COMMUNITIES, MEN, SURNAMES, VARIETIES, WOMEN
from coop_desk.services.ledger import accounts, contracts, fiscal, plan
from coop_desk.services.ledger.books import entry_number

GENERATOR_VERSION = 3
DATA_DIR = Path(__file__).resolve().parent / ".data"
SECRETARY = "secretario"
TREASURER = "tesorero"
D = Decimal

# Each table's columns in the order the generator fills them (checked against the models).
MEMBER_COLUMNS = "id code code_sort first_names surnames dni gender birth_date join_date status status_date community phone notes search_key created_at updated_at"
MEMBERSTATUSCHANGE_COLUMNS = (
    "id member_id old_status new_status effective_date reason recorded_at recorded_by"
)
PLOT_COLUMNS = (
    "id member_id name total_area_ha coffee_area_ha altitude_m varieties latitude longitude"
    " code boundary boundary_source bbox_west bbox_south bbox_east bbox_north"
    " coffee_planted_on farmland_since evidence_kind evidence_reference"
    " evidence_document_sha256 evidence_document_name"
)
# A plot's EU deforestation records (issue 13) are left empty: the benchmarks do not read them.
NO_EUDR_RECORDS = (None, None, "", None, None, None, None, None, None, "", "", None, "")
PLOTORGANIC_COLUMNS = (
    "plot_id conversion_start status_override override_reason updated_at updated_by"
)
MEMBERSCHEME_COLUMNS = "id member_id scheme_id in_scope since notes updated_at updated_by"
APPROVALDECISION_COLUMNS = (
    "id member_id decision_date decision inspection_id reference notes recorded_at recorded_by"
)
INSPECTION_COLUMNS = "id member_id inspection_date inspector result findings yield_estimate_kg last_prohibited_input last_prohibited_input_date recorded_at recorded_by"
CONTRACT_COLUMNS = "id buyer_id number signing_date scheme organic process quantity quantity_unit kg shipment_date notes created_at created_by due_diligence_reference"
JOURNALENTRY_COLUMNS = "id fiscal_year number entry_date kind description reference contract_id project_id payee voucher document_sha256 document_name reverses_id search_key created_at created_by"
POSTING_COLUMNS = (
    "id entry_id line account_id fiscal_year entry_date currency amount rate usd_value memo"
)


@dataclass(frozen=True)
class Scale:
    members: int
    postings: int
    years: int
    projects: int
    contracts_per_year: int
    buyers: int = 8

    @property
    def label(self) -> str:
        return f"m{self.members}-p{self.postings}-y{self.years}-j{self.projects}"


FULL = Scale(members=100_000, postings=1_000_000, years=10, projects=50, contracts_per_year=100)
# For the test of the generator: a few seconds, same code paths.
TINY = Scale(members=400, postings=6_000, years=3, projects=12, contracts_per_year=6)


@dataclass
class BuildReport:
    scale: dict[str, int]
    as_of: str
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    audit_records: int = 0
    cpu_seconds: float = 0.0  # the generator's and its writer process's
    last_year: int = 0
    journal_entries_last_year: int = 0


# --- cache ------------------------------------------------------------------------------------


def alembic_heads() -> str:
    from alembic.script import ScriptDirectory

    from coop_desk.db import alembic_config

    return "+".join(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))


def cache_key(scale: Scale, as_of: date) -> str:
    return f"v{GENERATOR_VERSION}-{alembic_heads()}-{as_of:%Y%m}-{scale.label}"


def cached(scale: Scale = FULL, as_of: date | None = None) -> tuple[Path, BuildReport, bool]:
    """The generated database for ``scale`` (built when missing): path, report, fresh?"""
    as_of = as_of or date.today()
    key = cache_key(scale, as_of)
    path = DATA_DIR / f"federation-{key}.sqlite"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, BuildReport(**json.loads(meta.read_text())), False
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for old in DATA_DIR.glob("federation-*"):  # other versions: one big file is enough
        if scale.label in old.name:
            old.unlink()
    partial = path.with_name(path.name + ".partial")
    for leftover in DATA_DIR.glob(partial.name + "*"):
        leftover.unlink()
    report = build(partial, scale, as_of)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    shutil.move(partial, path)
    meta.write_text(json.dumps(asdict(report), indent=1))
    return path, report, True


# --- the generator ----------------------------------------------------------------------------


def build(path: Path, scale: Scale = FULL, as_of: date | None = None) -> BuildReport:
    """Create the database at ``path`` (must not exist) and fill it."""
    as_of = as_of or date.today()
    start = time.perf_counter()
    cpu = time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    db = Database.open(path)
    # Our own file, rebuilt if lost: no fsync while generating, in this process either (the
    # writer process has its own). A commit at synchronous=FULL (``db.make_engine``) fsyncs the
    # WAL and each checkpoint the database file, writing out every page the writer left in
    # the page cache; the contents are the same either way.
    db.engine.dispose()
    event.listen(db.engine, "connect", _no_fsync)
    try:
        rng = random.Random(14)
        report = BuildReport(asdict(scale), as_of.isoformat(), 0.0)
        setup = _set_up(db, scale, as_of)
        # The trail's secondary indexes are built once at the end (a sort) instead of row by
        # row: nothing reads them while the data set is generated (the listener finds the
        # chain's head by primary key). Same SQL as the migrations created them.
        with db.engine.begin() as conn:
            indexes = conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = 'audit_record' AND sql IS NOT NULL"
                )
            ).all()
            for name, _sql in indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
        sink = Sink(db.engine.url.render_as_string(hide_password=False))
        try:
            _register(db, sink, scale, as_of, rng, setup, report)
            _ledger(db, sink, scale, as_of, rng, setup, report)
        finally:
            sink.close()
        with db.engine.begin() as conn:
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
        # No ANALYZE: a cooperative's database has no planner statistics either.
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with db.reading(SYSTEM) as s:
            from coop_desk.models import AuditRecord

            report.audit_records = int(s.scalar(select(func.count(AuditRecord.id))) or 0)
    finally:
        db.close()
    report.seconds = round(time.perf_counter() - start, 1)
    used = time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    report.cpu_seconds = round(used - cpu, 1)
    return report


def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
    """After ``db``'s own pragmas (listeners run in the order they were added)."""
    dbapi_connection.execute("PRAGMA synchronous=OFF")


@dataclass
class _SetUp:
    first_year: int
    last_year: int
    projects: list[int]
    quality: list[int]
    expense_account: dict[int, int]
    admin_project: int
    buyers: list[int]
    receivable: dict[int, int]
    bank_usd: int
    bank_pen: int
    exchange: int
    income: int
    fairtrade: int
    terms: list[Any]


PROJECT_THEMES = [
    ("Becas", False),
    ("Útiles escolares", False),
    ("Aulas", False),
    ("Renovación de cafetales", True),
    ("Secadores solares", True),
    ("Módulos de beneficio", True),
    ("Abonos orgánicos", True),
    ("Catación", True),
    ("Comité de mujeres", False),
    ("Salud", False),
    ("Caminos", False),
    ("Agua potable", False),
]
PAYEES = [
    "Vivero San Ignacio",
    "Metalmecánica Jaén",
    "Librería El Estudiante",
    "Ferretería El Constructor",
    "Agroinsumos Chota",
    "Comité de Mujeres",
    "Imprenta Jaén",
    "Transportes Marañón",
    "Laboratorio de Catación Norte",
    "Farmacia Santa Rosa",
]
ITEMS = [
    "seedlings",
    "compost",
    "cement",
    "roofing",
    "school supplies",
    "scholarship",
    "workshop",
    "transport",
    "tools",
    "materials",
]
PREFIXES = [f"CP{chr(65 + i // 26)}{chr(65 + i % 26)}-{3700 + i}" for i in range(40)]


def _set_up(db: Database, scale: Scale, as_of: date) -> _SetUp:
    """What the services write: profile, projects, buyers, the cooperative's certificates."""
    first_year = as_of.year - scale.years
    with db.transaction(SYSTEM) as s:
        cooperative.save_profile(
            s,
            SYSTEM,
            cooperative.Profile(
                name="Federación Regional de Cooperativas Cafetaleras (benchmark)",
                short_name="FRCC",
                country="PE",
                flo_id="9914",
                fiscal_year_start_month=1,
            ),
        )
        existing = plan.list_projects(s, SYSTEM, include_inactive=True)
        for n in range(len(existing), scale.projects):
            theme, counts_for_quality = PROJECT_THEMES[n % len(PROJECT_THEMES)]
            plan.create_project(
                s,
                SYSTEM,
                plan.ProjectInput(
                    name=f"{theme} {PREFIXES[n % len(PREFIXES)]}",
                    objective=f"{theme} for the members of base cooperative {n}",
                    productivity_quality=counts_for_quality,
                ),
            )
        for n in range(scale.buyers):
            contracts.create_buyer(s, SYSTEM, name=f"Roaster {n + 1} Fair Coffee", country="US")
        fairtrade = certs.scheme_id(s, "fairtrade")
        for code, certifier, number in (
            ("fairtrade", "FLOCERT", "9914"),
            ("organic-eu", "Control Union Perú", "CU-PE-9914"),
        ):
            certs.save_certificate(
                s,
                SYSTEM,
                CertificateInput(
                    scheme_id=certs.scheme_id(s, code),
                    certifier=certifier,
                    number=number,
                    issue_date=as_of - timedelta(days=200),
                    expiry_date=as_of + timedelta(days=900),
                    scope="Green coffee of the federation's members",
                ),
            )
    with db.reading(SYSTEM) as s:
        projects = plan.list_projects(s, SYSTEM, include_inactive=True)
        chart = accounts.list_accounts(s, SYSTEM, include_inactive=True)
        buyer_rows = contracts.list_buyers(s, SYSTEM)
        terms = contracts.all_terms(s)

        def role(name: str, currency: str | None = None) -> int:
            found = [a.id for a in chart if a.role == name and currency in (None, a.currency)]
            return found[0]

        expense = {p.id: p.account_id for p in projects}
        receivable = {b.id: b.account_id for b in buyer_rows}
    admin = next(p.id for p in projects if p.key == "administration")
    quality = [p.id for p in projects if p.productivity_quality and p.id != admin]
    return _SetUp(
        first_year=first_year,
        last_year=as_of.year - 1,
        projects=[p.id for p in projects if p.id != admin],
        quality=quality,
        expense_account=expense,
        admin_project=admin,
        buyers=[b.id for b in buyer_rows],
        receivable=receivable,
        bank_usd=role("bank", "USD"),
        bank_pen=role("bank", "PEN"),
        exchange=role("exchange"),
        income=role("premium_income"),
        fairtrade=fairtrade,
        terms=terms,
    )


@functools.cache
def _stamp(day: date, hour: int = 15) -> datetime:
    """When a row of ``day`` was entered (UTC): one value per day, so caches stay small."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _next_id(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0) + 1


# --- the member register and certification status ----------------------------------------------


def _register(
    db: Database,
    sink: Sink,
    scale: Scale,
    as_of: date,
    rng: random.Random,
    setup: _SetUp,
    report: BuildReport,
) -> None:
    adoption = date(setup.first_year, 1, 5)
    quantity = D("0.000001")
    with bulk(db.engine, sink) as trail:
        members = BulkWriter(trail, table_of(Member), SECRETARY, MEMBER_COLUMNS)
        changes = BulkWriter(
            trail, table_of(MemberStatusChange), SECRETARY, MEMBERSTATUSCHANGE_COLUMNS
        )
        plots = BulkWriter(trail, table_of(Plot), SECRETARY, PLOT_COLUMNS)
        organic = BulkWriter(trail, table_of(PlotOrganic), SECRETARY, PLOTORGANIC_COLUMNS)
        schemes = BulkWriter(trail, table_of(MemberScheme), SECRETARY, MEMBERSCHEME_COLUMNS)
        decisions = BulkWriter(
            trail, table_of(ApprovalDecision), SECRETARY, APPROVALDECISION_COLUMNS
        )
        inspections = BulkWriter(trail, table_of(Inspection), SECRETARY, INSPECTION_COLUMNS)
        member_id = _next_id(db, "member")
        change_id = _next_id(db, "member_status_change")
        plot_id = _next_id(db, "plot")
        scheme_row = _next_id(db, "member_scheme")
        decision_id = _next_id(db, "approval_decision")
        inspection_id = _next_id(db, "inspection")
        per_base = max(1, math.ceil(scale.members / len(PREFIXES)))
        for n in range(scale.members):
            base = n // per_base
            code = f"{PREFIXES[base]}-{n % per_base + 1}"
            woman = rng.random() < 0.32
            first = rng.choice(WOMEN if woman else MEN)
            if rng.random() < 0.35:
                first = f"{first} {rng.choice(WOMEN if woman else MEN)}"
            surnames = f"{rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
            dni = f"{10_000_000 + (n * 104_729) % 80_000_000:08d}"
            community = f"{rng.choice(COMMUNITIES)} {base + 1}"
            birth = date(rng.randint(1945, 2000), rng.randint(1, 12), rng.randint(1, 28))
            join = min(
                as_of - timedelta(days=90),
                date(rng.randint(max(birth.year + 18, 1995), as_of.year), rng.randint(1, 12), 1),
            )
            created = _stamp(max(join, adoption), 14)
            roll = rng.random()
            status, status_date, reason = "active", join, ""
            if roll < 0.02:
                status, reason = "withdrawn", "moved to the coast"
            elif roll < 0.03:
                status, reason = "deceased", "deceased"
            elif roll < 0.04:
                status, reason = "suspended", "ICS finding: prohibited herbicide"
            if status != "active":
                status_date = min(as_of - timedelta(days=30), join + timedelta(days=400))
            phone = f"9{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else ""
            mid = member_id + n
            members.add(
                (
                    mid,
                    code,
                    code_sort_key(code),
                    first,
                    surnames,
                    dni,
                    "F" if woman else "M",
                    birth,
                    join,
                    status,
                    status_date,
                    community,
                    phone,
                    "",
                    search_key(code, first, surnames, dni, community),
                    created,
                    created,
                ),
                created,
            )
            changes.add(
                (
                    change_id,
                    mid,
                    None,
                    "active",
                    join,
                    "joined the cooperative",
                    created,
                    SECRETARY,
                ),
                created,
            )
            change_id += 1
            if status != "active":
                when = _stamp(status_date, 16)
                changes.add(
                    (change_id, mid, "active", status, status_date, reason, when, SECRETARY), when
                )
                change_id += 1
            farm = D(rng.randint(5, 45)) / 10
            count = rng.choice((1, 1, 1, 2, 2, 3))
            for p in range(count):
                total = (farm / count).quantize(quantity)
                coffee = (total * D(rng.randint(5, 10)) / 10).quantize(quantity)
                gps = rng.random() < 0.4
                plots.add(
                    (
                        plot_id,
                        mid,
                        f"Parcela {p + 1}",
                        total,
                        coffee,
                        rng.randint(1200, 2050),
                        ", ".join(sorted(rng.sample(VARIETIES, rng.randint(1, 3)))),
                        D(-rng.randint(5_000_000, 7_300_000)) / 1_000_000 if gps else None,
                        D(-rng.randint(77_500_000, 79_000_000)) / 1_000_000 if gps else None,
                        *NO_EUDR_RECORDS,
                    ),
                    created,
                )
                look = rng.random()
                if look < 0.03:
                    start: date | None = None  # conventional, not converting
                elif look < 0.08:
                    start = as_of - timedelta(days=rng.randint(30, 1_080))  # T1..T3
                else:
                    start = min(join, as_of - timedelta(days=1_200)) - timedelta(
                        days=rng.randint(0, 700)
                    )
                organic.add((plot_id, start, None, "", created, SECRETARY), created)
                plot_id += 1
            if status not in ("active", "suspended"):
                continue
            since = max(join, date(2005, 1, 1))
            schemes.add(
                (
                    scheme_row,
                    mid,
                    setup.fairtrade,
                    rng.random() > 0.02,
                    since,
                    "",
                    created,
                    SECRETARY,
                ),
                created,
            )
            scheme_row += 1
            if rng.random() < 0.002:
                continue  # joined, inspected, waiting for the committee
            decided = min(as_of - timedelta(days=60), join + timedelta(days=30))
            decisions.add(
                (
                    decision_id,
                    mid,
                    decided,
                    "approved",
                    None,
                    f"Acta CAI {decided.year}-{n % 997 + 1:03d}",
                    "",
                    _stamp(decided),
                    SECRETARY,
                ),
                _stamp(decided),
            )
            decision_id += 1
            if rng.random() < 0.01:
                seen = as_of - timedelta(days=rng.randint(400, 500))  # overdue (verify warns)
            else:
                seen = as_of - timedelta(days=rng.randint(5, 330))
            inspections.add(
                (
                    inspection_id,
                    mid,
                    seen,
                    f"Inspector {base % 12 + 1}",
                    "approved",
                    "",
                    D(rng.randint(500, 3_000)),
                    "",
                    None,
                    _stamp(seen),
                    SECRETARY,
                ),
                _stamp(seen),
            )
            inspection_id += 1
        for writer in trail.writers:
            report.rows[writer.table.name] = writer.count


# --- the Premium ledger ---------------------------------------------------------------------------


@dataclass
class _Entry:
    day: date
    order: int  # same-day order: shipments, receipts, exchanges, payments
    kind: str
    description: str
    reference: str = ""
    payee: str = ""
    voucher: str = ""
    project_id: int | None = None
    contract_id: int | None = None
    # (account, currency, amount cents, rate as 8-decimal int, usd cents, memo)
    legs: list[tuple[int, str, int, int, int, str]] = field(default_factory=list)


RATE_ONE = 100_000_000  # 1.00000000 as the Rate column stores it


def _ledger(
    db: Database,
    sink: Sink,
    scale: Scale,
    as_of: date,
    rng: random.Random,
    setup: _SetUp,
    report: BuildReport,
) -> None:
    per_year = scale.postings // scale.years
    for year in range(setup.first_year, setup.last_year + 1):
        if year > setup.first_year:
            with db.transaction(SYSTEM) as s:
                fiscal.close_year(s, SYSTEM, year - 1, today=as_of)
        with db.reading(SYSTEM) as s:
            carried = int(
                s.scalar(select(func.count(Posting.id)).where(Posting.fiscal_year == year)) or 0
            )
            next_number = int(
                s.scalar(
                    select(func.max(JournalEntry.number)).where(JournalEntry.fiscal_year == year)
                )
                or 0
            )
        # The last year takes what is left, so the whole journal has exactly scale.postings.
        left = per_year - carried if year < setup.last_year else scale.postings - _postings(db)
        contract_rows, entries, spent = _year(scale, year, as_of, rng, setup, left)
        with db.transaction(SYSTEM) as s:
            budget = {
                p: D(max(1_000, math.ceil(spent.get(p, 0) * 1.1 / 100 / 100) * 100))
                for p in [*setup.projects, setup.admin_project]
            }
            plan.record_approval(
                s,
                SYSTEM,
                year,
                plan.ApprovalInput(
                    date(year, 1, 20),
                    f"Acta AG {year}-01",
                    members_present=812,
                    women_present=260,
                    votes_for=790,
                    votes_against=12,
                    votes_abstaining=10,
                ),
                budget,
            )
        entries.sort(key=lambda e: (e.day, e.order))
        with bulk(db.engine, sink) as trail:
            contract_writer = BulkWriter(trail, table_of(Contract), TREASURER, CONTRACT_COLUMNS)
            entry_writer = BulkWriter(
                trail, table_of(JournalEntry), TREASURER, JOURNALENTRY_COLUMNS
            )
            posting_writer = BulkWriter(trail, table_of(Posting), TREASURER, POSTING_COLUMNS)
            contract_id = _next_id(db, "contract")
            ids: dict[int, int] = {}
            for local, row in contract_rows:
                ids[local] = contract_id
                contract_writer.add((contract_id, *row, ""), row[-2])
                contract_id += 1
            entry_id = _next_id(db, "journal_entry")
            posting_id = _next_id(db, "posting")
            for n, e in enumerate(entries, start=next_number + 1):
                created = _stamp(e.day)
                label = entry_number(year, n)
                key = fold(" ".join([label, e.description, e.reference, e.payee, e.voucher]))
                entry_writer.add(
                    (
                        entry_id,
                        year,
                        n,
                        e.day,
                        e.kind,
                        e.description,
                        e.reference,
                        ids.get(e.contract_id) if e.contract_id is not None else None,
                        e.project_id,
                        e.payee,
                        e.voucher,
                        "",
                        "",
                        None,
                        key,
                        created,
                        TREASURER,
                    ),
                    created,
                )
                for line, (account, currency, amount, rate, usd, memo) in enumerate(e.legs, 1):
                    posting_writer.add(
                        (
                            posting_id,
                            entry_id,
                            line,
                            account,
                            year,
                            e.day,
                            currency,
                            _cents(amount),
                            _rate(rate),
                            _cents(usd),
                            memo,
                        ),
                        created,
                    )
                    posting_id += 1
                entry_id += 1
            for writer in trail.writers:
                report.rows[writer.table.name] = (
                    report.rows.get(writer.table.name, 0) + writer.count
                )
        if year == setup.last_year:
            report.last_year = year
            report.journal_entries_last_year = next_number + len(entries)


_CENTS: dict[int, Decimal] = {}
_RATES: dict[int, Decimal] = {}


def _cents(value: int) -> Decimal:
    found = _CENTS.get(value)
    if found is None:
        found = _CENTS[value] = D(value).scaleb(-2)
    return found


def _rate(value: int) -> Decimal:
    found = _RATES.get(value)
    if found is None:
        found = _RATES[value] = D(value).scaleb(-8)
    return found


def _postings(db: Database) -> int:
    with db.reading(SYSTEM) as s:
        return int(s.scalar(select(func.count(Posting.id))) or 0)


def _year(
    scale: Scale,
    year: int,
    as_of: date,
    rng: random.Random,
    setup: _SetUp,
    postings_left: int,
) -> tuple[list[tuple[int, tuple[Any, ...]]], list[_Entry], dict[int, int]]:
    """One fiscal year in memory: contract rows, entries (unnumbered) and USD cents spent per
    project (for the budget the General Assembly approves before the first payment)."""
    entries: list[_Entry] = []
    contract_rows: list[tuple[int, tuple[Any, ...]]] = []
    spent: dict[int, int] = defaultdict(int)
    received = 0
    n_contracts = scale.contracts_per_year
    charge = 1_500  # USD 15.00 of bank charges per premium payment
    for c in range(n_contracts):
        buyer = setup.buyers[c % len(setup.buyers)]
        signed = date(year, 1, 5) + timedelta(days=c * 250 // max(1, n_contracts))
        shipped = signed + timedelta(days=rng.randint(20, 45))
        paid = shipped + timedelta(days=rng.randint(15, 40))
        scheme = Scheme.FAIRTRADE if c % 10 else Scheme.FAIR_TRADE_USA
        organic = rng.random() < 0.6
        bags = D(rng.randint(150, 300))
        kg = contract_kg(bags, QuantityUnit.BAGS)
        figures = contract_figures(
            kg, pick_rate(setup.terms, scheme, signed), organic=organic, process=Process.WASHED
        )
        number = f"FT-{year}-{c + 1:03d}"
        created = _stamp(signed, 13)
        contract_rows.append(
            (
                c,
                (
                    buyer,
                    number,
                    signed,
                    str(scheme),
                    organic,
                    str(Process.WASHED),
                    bags,
                    str(QuantityUnit.BAGS),
                    kg,
                    shipped,
                    "",
                    created,
                    TREASURER,
                ),
            )
        )
        due = int(figures.premium_due * 100)
        entries.append(
            _Entry(
                shipped,
                0,
                "shipment",
                f"Premium due on contract {number} ({figures.pounds:,} lb x "
                f"{figures.premium_rate.normalize():f})",
                reference=number,
                contract_id=c,
                legs=[
                    (setup.receivable[buyer], "USD", due, RATE_ONE, due, ""),
                    (setup.income, "USD", -due, RATE_ONE, -due, ""),
                ],
            )
        )
        entries.append(
            _Entry(
                paid,
                1,
                "receipt",
                f"Premium received on contract {number}",
                reference=number,
                contract_id=c,
                legs=[
                    (setup.bank_usd, "USD", due - charge, RATE_ONE, due - charge, "received"),
                    (
                        setup.expense_account[setup.admin_project],
                        "USD",
                        charge,
                        RATE_ONE,
                        charge,
                        "bank charges",
                    ),
                    (setup.receivable[buyer], "USD", -due, RATE_ONE, -due, ""),
                ],
            )
        )
        spent[setup.admin_project] += charge
        received += due
    months = list(range(2, 13))
    left = postings_left - 5 * n_contracts - 4 * len(months)
    sizes: list[int] = []
    while left >= 2:
        size = rng.randint(2, 8)
        if left - size < 2:
            size = left  # the last entry takes the rest (at most 9 postings)
        sizes.append(size)
        left -= size
    legs_total = sum(s - 1 for s in sizes)
    budget = received * 85 // 100 - n_contracts * charge  # cents to spend this year
    average = max(100, budget // max(1, legs_total))
    rates = {m: 355 + rng.randint(0, 40) for m in months}  # PEN per USD, 3.55 .. 3.95
    pen_needed: dict[int, int] = defaultdict(int)  # month -> PEN cents paid
    for count, size in enumerate(sizes):
        month = rng.choice(months)
        day = date(year, month, rng.randint(1, 28))
        quality = rng.random() < 0.4
        project = rng.choice(setup.quality if quality else setup.projects)
        pen = rng.random() < 0.66
        p = rates[month] if pen else 100
        step = 100 // math.gcd(p, 100)  # USD cents for which the PEN amount is exact
        legs = []
        total_usd = 0
        for line in range(size - 1):
            usd = max(step, (rng.randint(average // 5, average * 9 // 5) // step) * step)
            amount = usd * p // 100
            legs.append(
                (
                    setup.expense_account[project],
                    "PEN" if pen else "USD",
                    amount,
                    p * 1_000_000,
                    usd,
                    ITEMS[(count + line) % len(ITEMS)],
                )
            )
            total_usd += usd
        spent[project] += total_usd
        total = total_usd * p // 100
        legs.append(
            (
                setup.bank_pen if pen else setup.bank_usd,
                "PEN" if pen else "USD",
                -total,
                p * 1_000_000,
                -total_usd,
                "",
            )
        )
        if pen:
            pen_needed[month] += total
        voucher = "" if rng.random() < 0.002 else f"F{count % 7 + 1:03d}-{count + 1:06d}"
        entries.append(
            _Entry(
                day,
                3,
                "payment",
                f"{ITEMS[count % len(ITEMS)].capitalize()} for the project",
                payee=PAYEES[count % len(PAYEES)],
                voucher=voucher,
                project_id=project,
                legs=legs,
            )
        )
        if count % 997 == 0:  # the domain's own USD valuation agrees with ours
            check = usd_values([Leg(cur, _cents(a), _rate(r)) for _, cur, a, r, _, _ in legs])
            assert [int(v * 100) for v in check] == [leg[4] for leg in legs], legs
    for month in months:
        p = rates[month]
        step = 100 // math.gcd(p, 100)
        need = pen_needed.get(month, 0) * 100 // p + step  # USD cents, rounded up to a step
        usd = math.ceil(need / step) * step
        soles = usd * p // 100
        entries.append(
            _Entry(
                date(year, month, 1),
                2,
                "exchange",
                "USD to PEN exchange for the month's payments",
                legs=[
                    (setup.bank_pen, "PEN", soles, p * 1_000_000, usd, "converted"),
                    (setup.exchange, "PEN", -soles, p * 1_000_000, -usd, "converted"),
                    (setup.exchange, "USD", usd, RATE_ONE, usd, "converted"),
                    (setup.bank_usd, "USD", -usd, RATE_ONE, -usd, "converted"),
                ],
            )
        )
    return contract_rows, entries, spent
