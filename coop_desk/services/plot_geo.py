"""Plot geolocation and deforestation-free records for the EU deforestation regulation.

Use cases: the rules' settings; a plot's boundary (set from a file or cleared), its planting
date and evidence (with an attached document); the check of every plot with explanations
(:func:`plot_checks`, the one place the rules of :mod:`coop_desk.domain.eudr` are applied to
stored plots: the member editor, the map, the buyer's export and ``verify`` all use it); and
the import of boundaries and points from GeoJSON, KML/KMZ and GPX files
(:func:`import_geometry`), matched to plots by plot code, member code and plot name, with a
preview that says, feature by feature, what will happen or why it cannot be used.

A point is kept in the plot's latitude/longitude (6 decimals, about 10 cm); a boundary as
GeoJSON geometry text with the surveyed digits (:mod:`coop_desk.domain.geometry`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from coop_desk.domain.eudr import (
    EUDR_RULE_SETTINGS,
    EudrRules,
    EvidenceKind,
    PlotFacts,
    check_area,
    check_plots,
    validate_rules,
)
from coop_desk.domain.geometry import (
    Boundary,
    GeoIssue,
    GeometryError,
    Position,
    Severity,
    boundary_from_json,
    bounding_box,
    check_boundary,
    check_positions,
    geodesic_area_ha,
    geometry_json,
    issue,
)
from coop_desk.domain.limits import check_text
from coop_desk.domain.members import ParseError, full_name, parse_code
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.errors import NotFound, ValidationError
from coop_desk.exchange.geofiles import GeoFeature, GeoFile, guess_fields, read_geo_file
from coop_desk.i18n import N_, _
from coop_desk.models import Member, Plot, Setting
from coop_desk.services import documents
from coop_desk.services.access import Actor, Permission, require

POINT_PLACES = Decimal("0.000001")  # the plot's latitude/longitude columns hold 6 decimals


# --- settings -------------------------------------------------------------------------------


def eudr_rules(session: Session) -> EudrRules:
    """The cooperative's values of the rules, the regulation's defaults where none is set."""
    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(list(EUDR_RULE_SETTINGS.values()))
            )
        )
        .tuples()
        .all()
    )
    defaults = EudrRules()
    values: dict[str, object] = {}
    for name, key in EUDR_RULE_SETTINGS.items():
        raw = stored.get(key)
        default = getattr(defaults, name)
        try:
            if not raw:
                values[name] = default
            elif isinstance(default, date):
                values[name] = date.fromisoformat(raw)
            else:
                values[name] = Decimal(raw)
        except (ValueError, InvalidOperation):
            values[name] = default  # an unreadable setting falls back to the default
    return EudrRules(**values)  # type: ignore[arg-type]


def get_rules(session: Session, actor: Actor) -> EudrRules:
    require(actor, Permission.READ)
    return eudr_rules(session)


def save_rules(session: Session, actor: Actor, rules: EudrRules) -> EudrRules:
    require(actor, Permission.SETTINGS_WRITE)
    problems = [Problem(f, m) for f, m in validate_rules(rules)]
    if problems:
        raise ValidationError(problems)
    for name, key in EUDR_RULE_SETTINGS.items():
        value = getattr(rules, name)
        row = session.get(Setting, key) or Setting(key=key)
        row.value = value.isoformat() if isinstance(value, date) else format(value, "f")
        session.add(row)
    session.flush()
    return eudr_rules(session)


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlotGeoRow:
    """One plot as the EUDR checks see it, with every finding explained."""

    plot_id: int
    member_id: int
    member_code: str
    member_name: str
    member_dni: str | None
    community: str
    plot_name: str
    plot_code: str
    total_area_ha: Decimal
    coffee_area_ha: Decimal
    point: Position | None
    boundary: Boundary | None
    boundary_area_ha: Decimal | None
    boundary_source: str
    coffee_planted_on: date | None
    farmland_since: date | None
    evidence_kind: str
    evidence_reference: str
    evidence_document_name: str
    evidence_document_sha256: str | None
    issues: tuple[GeoIssue, ...] = ()

    @property
    def label(self) -> str:
        """How a plot is named in messages: member code and plot name."""
        return f"{self.member_code} {self.plot_name}"

    @property
    def passes(self) -> bool:
        return not any(i.is_error for i in self.issues)

    @property
    def errors(self) -> tuple[GeoIssue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def geometry_kind(self) -> str:
        """``polygon``, ``point`` or ``none``: what a buyer's file would carry."""
        if self.boundary is not None:
            return "polygon"
        return "point" if self.point is not None else "none"

    def facts(self) -> PlotFacts:
        return PlotFacts(
            plot_id=self.plot_id,
            total_area_ha=self.total_area_ha,
            point=self.point,
            boundary=self.boundary,
            coffee_planted_on=self.coffee_planted_on,
            farmland_since=self.farmland_since,
            evidence_kind=self.evidence_kind,
            evidence_reference=self.evidence_reference,
            has_evidence_document=self.evidence_document_sha256 is not None,
        )


def _load_rows(
    session: Session, where: ColumnElement[bool] | None = None
) -> tuple[list[PlotGeoRow], dict[int, str]]:
    """Plot rows (unchecked) and, per plot id, why its stored boundary cannot be read."""
    stmt = (
        select(
            Plot.id,
            Plot.member_id,
            Member.code,
            Member.first_names,
            Member.surnames,
            Member.dni,
            Member.community,
            Plot.name,
            Plot.code.label("plot_code"),
            Plot.total_area_ha,
            Plot.coffee_area_ha,
            Plot.latitude,
            Plot.longitude,
            Plot.boundary,
            Plot.boundary_source,
            Plot.coffee_planted_on,
            Plot.farmland_since,
            Plot.evidence_kind,
            Plot.evidence_reference,
            Plot.evidence_document_name,
            Plot.evidence_document_sha256,
        )
        .join(Member, Member.id == Plot.member_id)
        .order_by(Member.code_sort, Plot.id)
    )
    if where is not None:
        stmt = stmt.where(where)
    rows: list[PlotGeoRow] = []
    unreadable: dict[int, str] = {}
    for r in session.execute(stmt):
        boundary: Boundary | None = None
        area: Decimal | None = None
        if r.boundary:
            try:
                boundary = boundary_from_json(r.boundary)
                area = geodesic_area_ha(boundary)
            except (GeometryError, ValueError) as exc:
                unreadable[r.id] = str(exc)
                boundary = None
        point = (
            Position(r.longitude, r.latitude)
            if r.latitude is not None and r.longitude is not None
            else None
        )
        rows.append(
            PlotGeoRow(
                plot_id=r.id,
                member_id=r.member_id,
                member_code=r.code,
                member_name=full_name(r.first_names, r.surnames),
                member_dni=r.dni,
                community=r.community,
                plot_name=r.name,
                plot_code=r.plot_code or "",
                total_area_ha=r.total_area_ha,
                coffee_area_ha=r.coffee_area_ha,
                point=point,
                boundary=boundary,
                boundary_area_ha=area,
                boundary_source=r.boundary_source,
                coffee_planted_on=r.coffee_planted_on,
                farmland_since=r.farmland_since,
                evidence_kind=r.evidence_kind,
                evidence_reference=r.evidence_reference,
                evidence_document_name=r.evidence_document_name,
                evidence_document_sha256=r.evidence_document_sha256,
            )
        )
    return rows, unreadable


def _neighbours(session: Session, member_ids: Collection[int]) -> ColumnElement[bool] | None:
    """Plots of other members whose boundary's box meets a box of these members' plots: the
    only ones an overlap can come from."""
    boxes = session.execute(
        select(Plot.bbox_west, Plot.bbox_south, Plot.bbox_east, Plot.bbox_north).where(
            Plot.member_id.in_(list(member_ids)), Plot.bbox_west.is_not(None)
        )
    ).all()
    if not boxes:
        return None
    return or_(
        *(
            and_(
                Plot.bbox_west <= east,
                Plot.bbox_east >= west,
                Plot.bbox_south <= north,
                Plot.bbox_north >= south,
            )
            for west, south, east, north in boxes
        )
    )


def plot_checks(
    session: Session,
    actor: Actor,
    *,
    member_ids: Collection[int] | None = None,
    rules: EudrRules | None = None,
) -> list[PlotGeoRow]:
    """Every plot (or the plots of ``member_ids``) with its findings. Overlaps are looked for
    among all plots of the cooperative, so a member's plot overlapping a neighbour's shows;
    for some members only the neighbours whose boxes meet theirs are read."""
    require(actor, Permission.READ)
    rules = rules or eudr_rules(session)
    wanted = None if member_ids is None else set(member_ids)
    if wanted is None:
        rows, unreadable = _load_rows(session)
    elif not wanted:
        return []
    else:
        near = _neighbours(session, wanted)
        mine = Plot.member_id.in_(list(wanted))
        rows, unreadable = _load_rows(session, mine if near is None else or_(mine, near))
    facts = [replace(r.facts(), unreadable_boundary=unreadable.get(r.plot_id, "")) for r in rows]
    labels = {r.plot_id: r.label for r in rows}
    found = check_plots(facts, rules, labels)
    return [
        replace(r, issues=tuple(found[r.plot_id]))
        for r in rows
        if wanted is None or r.member_id in wanted
    ]


def plot_check(session: Session, actor: Actor, plot_id: int) -> PlotGeoRow:
    plot = _plot(session, plot_id)
    for row in plot_checks(session, actor, member_ids=[plot.member_id]):
        if row.plot_id == plot_id:
            return row
    raise NotFound(
        _("There is no plot with id {id}.", id=plot_id)
    )  # pragma: no cover - just loaded


# --- writing a plot's records -----------------------------------------------------------------


def _plot(session: Session, plot_id: int) -> Plot:
    plot = session.get(Plot, plot_id)
    if plot is None:
        raise NotFound(_("There is no plot with id {id}.", id=plot_id))
    return plot


def set_boundary(
    session: Session, actor: Actor, plot_id: int, boundary: Boundary | None, source: str = ""
) -> None:
    """Store (or, with ``None``, remove) a plot's boundary. A boundary that is not closed,
    crosses itself or lies outside Peru is refused with the reasons; one whose area differs
    from the recorded area or that overlaps another plot is stored (the fix may be the
    register's area or the other plot) and shows in the checks."""
    require(actor, Permission.MEMBERS_WRITE)
    plot = _plot(session, plot_id)
    if boundary is not None:
        errors = [i for i in check_boundary(boundary) if i.is_error]
        too_big = _too_big(boundary)
        if errors or too_big:
            raise ValidationError(
                [Problem("boundary", i.message) for i in errors]
                + ([Problem("boundary", too_big.message)] if too_big else [])
            )
    _write_boundary(plot, boundary, source)
    session.flush()


def _too_big(boundary: Boundary) -> GeoIssue | None:
    """A boundary beyond what a plot can keep (domain.limits), as a finding."""
    if check_text("plot", "boundary", geometry_json(boundary)) is None:
        return None
    return issue(
        "boundary_too_large",
        N_(
            "the boundary has {count} positions, more than a plot's boundary can keep: simplify it "
            "(a walked track keeps a position every few metres)"
        ),
        count=boundary.position_count,
    )


def _write_boundary(plot: Plot, boundary: Boundary | None, source: str) -> None:
    """The one place a plot's boundary is written: its text, box and source together."""
    if boundary is None:
        plot.boundary = None
        plot.boundary_source = ""
        plot.bbox_west = plot.bbox_south = plot.bbox_east = plot.bbox_north = None
        return
    plot.boundary = geometry_json(boundary)
    plot.boundary_source = clean(source)[:255]
    plot.bbox_west, plot.bbox_south, plot.bbox_east, plot.bbox_north = bounding_box(boundary)


def set_point(session: Session, actor: Actor, plot_id: int, point: Position | None) -> None:
    """Store the plot's GPS point (rounded half up to 6 decimals, about 10 cm)."""
    require(actor, Permission.MEMBERS_WRITE)
    plot = _plot(session, plot_id)
    if point is None:
        plot.latitude = plot.longitude = None
    else:
        errors = [i for i in check_positions([point]) if i.is_error]
        if errors:
            raise ValidationError([Problem("point", i.message) for i in errors])
        plot.latitude = point.lat.quantize(POINT_PLACES, ROUND_HALF_UP)
        plot.longitude = point.lon.quantize(POINT_PLACES, ROUND_HALF_UP)
    session.flush()


@dataclass(frozen=True)
class EvidenceInput:
    """A plot's deforestation-free records. ``document_path``: a file to attach (replacing the
    attached one); ``remove_document`` detaches it."""

    coffee_planted_on: date | None
    farmland_since: date | None = None
    evidence_kind: str = ""
    evidence_reference: str = ""
    document_path: str | None = None
    remove_document: bool = False
    plot_code: str = ""


def validate_evidence(data: EvidenceInput, today: date) -> list[Problem]:
    problems: list[Problem] = []
    for name, value in (
        ("coffee_planted_on", data.coffee_planted_on),
        ("farmland_since", data.farmland_since),
    ):
        if value is not None and value > today:
            problems.append(Problem(name, _("the date is in the future")))
        if value is not None and value < date(1900, 1, 1):
            problems.append(Problem(name, _("the date is before 1900")))
    if (
        data.farmland_since is not None
        and data.coffee_planted_on is not None
        and data.farmland_since > data.coffee_planted_on
    ):
        problems.append(
            Problem(
                "farmland_since",
                _(
                    "farmland since is after the coffee was planted: the coffee's planting date "
                    "already says since when the land is farmed"
                ),
            )
        )
    if data.evidence_kind and data.evidence_kind not in {k.value for k in EvidenceKind}:
        problems.append(
            Problem(
                "evidence_kind",
                _("{kind} is not a kind of evidence", kind=repr(data.evidence_kind)),
            )
        )
    if (data.evidence_reference.strip() or data.document_path) and not data.evidence_kind:
        problems.append(Problem("evidence_kind", _("say what kind of evidence this is")))
    if len(data.evidence_reference) > 200:
        problems.append(Problem("evidence_reference", _("at most {n} characters", n=200)))
    if data.plot_code:
        try:
            parse_code(data.plot_code)
        except ParseError as exc:
            problems.append(Problem("plot_code", str(exc)))
    problems += documents.document_problems(data.document_path, "document_path")
    return problems


def set_evidence(
    session: Session,
    actor: Actor,
    plot_id: int,
    data: EvidenceInput,
    *,
    today: date | None = None,
) -> None:
    """Record when the plot was planted, the evidence, and the plot's code. (Its findings
    after the change: :func:`plot_check`.)"""
    require(actor, Permission.MEMBERS_WRITE)
    plot = _plot(session, plot_id)
    problems = validate_evidence(data, today or date.today())
    code = parse_code(data.plot_code) if data.plot_code and not problems else None
    if code:
        clash = session.execute(
            select(Plot.id, Member.code, Plot.name)
            .join(Member, Member.id == Plot.member_id)
            .where(Plot.code == code, Plot.id != plot_id)
        ).first()
        if clash:
            problems.append(
                Problem(
                    "plot_code",
                    _(
                        "the code {code} is already used by {member} {plot}",
                        code=code,
                        member=clash[1],
                        plot=clash[2],
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    plot.coffee_planted_on = data.coffee_planted_on
    plot.farmland_since = data.farmland_since
    plot.evidence_kind = data.evidence_kind
    plot.evidence_reference = clean(data.evidence_reference)
    plot.code = code
    if data.document_path:
        stored = documents.store_document(session, actor, data.document_path, field="document_path")
        plot.evidence_document_sha256, plot.evidence_document_name = stored.sha256, stored.name
    elif data.remove_document:
        plot.evidence_document_sha256, plot.evidence_document_name = None, ""
    session.flush()


def evidence_document_copy(session: Session, actor: Actor, plot_id: int) -> Path | None:
    """The plot's evidence document written to a temporary folder under its own name, for the
    operating system to open (None when none is attached)."""
    require(actor, Permission.READ)
    plot = _plot(session, plot_id)
    if not plot.evidence_document_sha256:
        return None
    return documents.temporary_copy(
        session, actor, plot.evidence_document_sha256, plot.evidence_document_name
    )


@documents.references_from
def _evidence_documents(session: Session) -> Iterable[documents.DocumentReference]:
    """Plots' deforestation-free evidence, for verify and the documents commands."""
    rows = session.execute(
        select(
            Plot.id,
            Plot.evidence_document_sha256,
            Plot.evidence_document_name,
            Member.code,
            Plot.name,
        )
        .join(Member, Member.id == Plot.member_id)
        .where(Plot.evidence_document_sha256.is_not(None), Plot.evidence_document_sha256 != "")
        .order_by(Plot.id)
    )
    for pid, sha, name, code, plot_name in rows:
        yield documents.DocumentReference(
            sha,
            name,
            f"plot {pid}",
            _("the deforestation-free evidence of {member} {plot}", member=code, plot=plot_name),
        )


# --- importing boundaries and points ------------------------------------------------------------


class ImportAction:
    BOUNDARY = "boundary"  # the feature becomes the plot's boundary
    POINT = "point"  # the feature becomes the plot's GPS point
    UNCHANGED = "unchanged"  # the plot already has exactly this geometry
    SKIP = "skip"  # cannot be used: see the problems


@dataclass(frozen=True)
class ImportRow:
    feature_number: int
    feature_label: str
    action: str
    plot_id: int | None = None
    member_code: str = ""
    plot_name: str = ""
    replaces: bool = False  # the plot had a geometry of this kind that this one replaces
    problems: tuple[GeoIssue, ...] = ()  # why it cannot be used (action SKIP)
    warnings: tuple[GeoIssue, ...] = ()  # worth a look; imported all the same
    geometry: Position | Boundary | None = field(default=None, compare=False, repr=False)

    @property
    def usable(self) -> bool:
        return self.action in (ImportAction.BOUNDARY, ImportAction.POINT)


@dataclass(frozen=True)
class ImportOptions:
    member_field: str | None = None  # the feature property holding the member code
    plot_field: str | None = None  # the property naming the plot (or its code)
    source_name: str = ""  # the file's name, kept with each boundary


@dataclass(frozen=True)
class ImportResult:
    kind: str
    crs: str
    rows: tuple[ImportRow, ...]
    applied: bool

    @property
    def usable(self) -> int:
        return sum(1 for r in self.rows if r.usable)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.rows if r.action == ImportAction.SKIP)


@dataclass
class _Index:
    members: dict[str, tuple[int, str]]  # code -> (member id, code)
    plots_by_member: dict[int, list[tuple[int, str, str | None]]]  # (plot id, name, code)
    plots_by_code: dict[str, tuple[int, int]]  # plot code -> (plot id, member id)
    plot_names: dict[int, str]
    plot_members: dict[int, int]
    member_codes: dict[int, str]
    boundaries: dict[int, str | None]
    points: dict[int, tuple[Decimal | None, Decimal | None]]
    areas: dict[int, Decimal]


def _index(session: Session) -> _Index:
    index = _Index({}, defaultdict(list), {}, {}, {}, {}, {}, {}, {})
    for mid, code in session.execute(select(Member.id, Member.code)):
        index.members[code.upper()] = (mid, code)
        index.member_codes[mid] = code
    for pid, mid, name, code, boundary, lat, lon, area in session.execute(
        select(
            Plot.id,
            Plot.member_id,
            Plot.name,
            Plot.code,
            Plot.boundary,
            Plot.latitude,
            Plot.longitude,
            Plot.total_area_ha,
        ).order_by(Plot.id)
    ):
        index.plots_by_member[mid].append((pid, name, code))
        if code:
            index.plots_by_code[code.upper()] = (pid, mid)
        index.plot_names[pid] = name
        index.plot_members[pid] = mid
        index.boundaries[pid] = boundary
        index.points[pid] = (lat, lon)
        index.areas[pid] = area
    return index


_SEPARATORS = " \t,;/|:-–—_"


def _member_from(text: str, index: _Index) -> tuple[int, str, str] | None:
    """(member id, code, rest of the text) when ``text`` starts with a member's code, the
    longest code first ("VR-101 Lote 1" -> VR-101, "Lote 1")."""
    words = text.split()
    for take in range(len(words), 0, -1):
        candidate = " ".join(words[:take])
        try:
            code = parse_code(candidate)
        except ParseError:
            continue
        if code in index.members:
            mid, stored = index.members[code]
            return mid, stored, " ".join(words[take:]).strip(_SEPARATORS)
    return None


def _match(
    feature: GeoFeature, options: ImportOptions, index: _Index
) -> tuple[int | None, GeoIssue | None]:
    props = feature.properties
    member_value = clean(props.get(options.member_field or "", ""))
    plot_value = clean(props.get(options.plot_field or "", ""))
    # 1. a plot code, in the plot property or as the feature's name
    for candidate in (plot_value, clean(feature.label)):
        if candidate and candidate.upper() in index.plots_by_code:
            return index.plots_by_code[candidate.upper()][0], None
    # 2. the member, from its property or from the start of the feature's name
    found = _member_from(member_value, index) if member_value else None
    rest = ""
    if found is None and not member_value:
        found = _member_from(clean(feature.label), index)
        if found is not None:
            rest = found[2]
    if found is None:
        if member_value:
            return None, issue(
                "unknown_member",
                N_("there is no member with the code {member}"),
                member=member_value,
            )
        return None, issue(
            "no_member",
            N_(
                "no member code in the feature (name {label!r}): name the property holding it, or "
                "start the feature's name with the member code"
            ),
            label=feature.label,
        )
    member_id, member_code, _rest = found
    wanted = plot_value or rest
    plots = index.plots_by_member.get(member_id, [])
    if not plots:
        return None, issue(
            "member_without_plots",
            N_("{member} has no plot in the register: add the plot in the member editor first"),
            member=member_code,
        )
    if wanted:
        same = [pid for pid, name, _code in plots if fold(name) == fold(wanted)]
        if len(same) == 1:
            return same[0], None
        return None, issue(
            "unknown_plot",
            N_("{member} has no plot named {plot!r} (its plots: {plots})"),
            member=member_code,
            plot=wanted,
            plots=", ".join(name for _pid, name, _code in plots),
        )
    if len(plots) == 1:
        return plots[0][0], None
    return None, issue(
        "which_plot",
        N_("{member} has {count} plots ({plots}): name the plot in the file"),
        member=member_code,
        count=len(plots),
        plots=", ".join(name for _pid, name, _code in plots),
    )


def _preview(
    geo: GeoFile, options: ImportOptions, index: _Index, rules: EudrRules
) -> list[ImportRow]:
    rows: list[ImportRow] = []
    for feature in geo.features:
        plot_id, problem = _match(feature, options, index)
        member_code = plot_name = ""
        if plot_id is not None:
            member_code = index.member_codes[index.plot_members[plot_id]]
            plot_name = index.plot_names[plot_id]
        problems: list[GeoIssue] = list(feature.problems)
        if problem is not None:
            problems.append(problem)
        warnings: list[GeoIssue] = list(feature.notes)
        geometry = feature.geometry
        action = ImportAction.SKIP
        replaces = False
        if geometry is not None and plot_id is not None and not problems:
            if isinstance(geometry, Boundary):
                found = check_boundary(geometry)
                problems += [i for i in found if i.is_error]
                too_big = _too_big(geometry)
                if too_big is not None:
                    problems.append(too_big)
                warnings += [i for i in found if not i.is_error]
                if not problems:
                    warnings += check_area(geodesic_area_ha(geometry), index.areas[plot_id], rules)
                    stored = index.boundaries[plot_id]
                    replaces = stored is not None
                    action = (
                        ImportAction.UNCHANGED
                        if stored is not None and _same_boundary(stored, geometry)
                        else ImportAction.BOUNDARY
                    )
            else:
                found = check_positions([geometry])
                problems += [i for i in found if i.is_error]
                warnings += [i for i in found if not i.is_error]
                if not problems:
                    if index.areas[plot_id] > rules.polygon_threshold_ha:
                        warnings.append(
                            issue(
                                "needs_polygon",
                                N_(
                                    "the plot has {area} ha, more than {limit} ha: a point is stored "
                                    "but the regulation asks for its boundary"
                                ),
                                Severity.WARNING,
                                area=index.areas[plot_id].normalize(),
                                limit=rules.polygon_threshold_ha.normalize(),
                            )
                        )
                    lat, lon = index.points[plot_id]
                    rounded = (
                        geometry.lat.quantize(POINT_PLACES, ROUND_HALF_UP),
                        geometry.lon.quantize(POINT_PLACES, ROUND_HALF_UP),
                    )
                    replaces = lat is not None
                    action = ImportAction.UNCHANGED if (lat, lon) == rounded else ImportAction.POINT
        rows.append(
            ImportRow(
                feature_number=feature.number,
                feature_label=feature.label,
                action=action if not problems else ImportAction.SKIP,
                plot_id=plot_id,
                member_code=member_code,
                plot_name=plot_name,
                replaces=replaces,
                problems=tuple(problems),
                warnings=tuple(warnings),
                geometry=geometry,
            )
        )
    return _refuse_duplicates(rows)


def _same_boundary(stored: str, boundary: Boundary) -> bool:
    """The same positions (as numbers: "-78.1234560" is "-78.123456")."""
    try:
        return boundary_from_json(stored) == boundary
    except (GeometryError, ValueError):
        return False


def _refuse_duplicates(rows: list[ImportRow]) -> list[ImportRow]:
    """Two features of the same kind for one plot: neither is used (which is right?)."""
    seen: dict[tuple[int, str], list[int]] = defaultdict(list)
    for position_in_list, row in enumerate(rows):
        if row.plot_id is not None and row.action != ImportAction.SKIP:
            kind = "boundary" if isinstance(row.geometry, Boundary) else "point"
            seen[(row.plot_id, kind)].append(position_in_list)
    result = list(rows)
    for (_plot_id, _kind), positions in seen.items():
        if len(positions) < 2:
            continue
        numbers = ", ".join(str(rows[p].feature_number) for p in positions)
        for p in positions:
            row = rows[p]
            result[p] = replace(
                row,
                action=ImportAction.SKIP,
                problems=row.problems
                + (
                    issue(
                        "duplicate_feature",
                        N_("features {numbers} are all for {member} {plot}: keep one in the file"),
                        numbers=numbers,
                        member=row.member_code,
                        plot=row.plot_name,
                    ),
                ),
            )
    return result


def import_geometry(
    session: Session,
    actor: Actor,
    geo: GeoFile,
    options: ImportOptions | None = None,
    *,
    dry_run: bool = True,
) -> ImportResult:
    """Match the file's features to plots and, unless ``dry_run``, store every usable one in
    this transaction. Features that cannot be used are skipped and listed with the reason;
    they never stop the others (the preview shows them before anything is written)."""
    require(actor, Permission.READ if dry_run else Permission.MEMBERS_WRITE)
    options = options or ImportOptions()
    rules = eudr_rules(session)
    rows = _preview(geo, options, _index(session), rules)
    if not dry_run:
        for row in rows:
            if row.plot_id is None or not row.usable:
                continue
            plot = _plot(session, row.plot_id)
            if isinstance(row.geometry, Boundary):
                _write_boundary(plot, row.geometry, _source_text(geo, options, row))
            elif isinstance(row.geometry, Position):
                plot.latitude = row.geometry.lat.quantize(POINT_PLACES, ROUND_HALF_UP)
                plot.longitude = row.geometry.lon.quantize(POINT_PLACES, ROUND_HALF_UP)
        session.flush()
    return ImportResult(geo.kind, geo.crs, tuple(rows), applied=not dry_run)


def _source_text(geo: GeoFile, options: ImportOptions, row: ImportRow) -> str:
    name = options.source_name or _("file")
    crs = f", {geo.crs}" if geo.crs != "WGS84" else ""
    return f"{geo.kind} {name}{crs}: {row.feature_label}"[:255]


def feature_properties_summary(geo: GeoFile) -> list[str]:
    """The property names found in the file, in order (for choosing the matching fields)."""
    names: list[str] = []
    for feature in geo.features:
        for key in feature.properties:
            if key not in names:
                names.append(key)
    return names


# GeoFeature, GeoFile, guess_fields and read_geo_file: the boundary files (GeoJSON, KML/KMZ,
# GPX) as the front ends read them, through this service (they reach no file format directly).
__all__ = [
    "EvidenceInput",
    "GeoFeature",
    "GeoFile",
    "ImportAction",
    "ImportOptions",
    "ImportResult",
    "ImportRow",
    "PlotGeoRow",
    "eudr_rules",
    "evidence_document_copy",
    "feature_properties_summary",
    "get_rules",
    "guess_fields",
    "import_geometry",
    "plot_check",
    "plot_checks",
    "read_geo_file",
    "save_rules",
    "set_boundary",
    "set_evidence",
    "set_point",
]
