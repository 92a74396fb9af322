"""Reading a member roster (padrón de socios) from a real cooperative's Excel file. No Qt.

Real rosters are messy; this reader copes (issue 5):

- the header row is found below title rows (the row that names the most known columns);
- blank rows, rows that name no member (section titles, notes) and totals rows ("Total
  socios", ``=SUM(...)``) are skipped: neither imported nor errors, but listed;
- headers in Spanish or English, in any order, ignoring case, accents, spacing and punctuation
  (:data:`FIELDS` lists what is recognised); a column can also be mapped by hand;
- values as people type them (:mod:`coop_desk.exchange.values`);
- a second sheet of plots (member code + plot + areas), as the register export writes, gives
  members several plots.

The workbook is read in read-only (streaming) mode so a sheet of 100,000 rows does not need the
whole file in memory. Nothing here touches the database: :mod:`coop_desk.services.member_import`
compares the parsed rows with the register and applies them.

Organic and Fairtrade status are parsed and kept on each row (``organic_status``,
``fairtrade``) for the certifications module; the member register itself has no field for them.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from coop_desk.domain.geometry import GeometryError, parse_utm_zone, utm_to_position
from coop_desk.domain.members import ParseError, parse_code, parse_dni
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.exchange import values as v
from coop_desk.exchange.xlsx import WorkbookError

ProgressFn = Callable[[int, int, str], None]

HEADER_SCAN_ROWS = 40  # the header row must be within the first rows of the sheet
BLANK_RUN_STOP = 1000  # stop reading after this many blank rows in a row (formatted tails)
MAX_DATA_ROWS = 500_000


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # shown in the mapping combo box and the template
    aliases: tuple[str, ...]
    template: str = ""  # header written in the template ("" = not in the template)
    example: object = None


def _a(*words: str) -> tuple[str, ...]:
    return words


# Everything the importer recognises. Aliases are compared after header_key(): lower case,
# no accents, no punctuation, no spaces, and the little words of :data:`_STOPWORDS` removed.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "code",
        "Member code",
        _a(
            "codigo",
            "cod",
            "codigosocio",
            "codsocio",
            "codigoproductor",
            "codproductor",
            "codigointerno",
            "code",
            "membercode",
            "memberid",
            "idsocio",
            "socioid",
            "nsocio",
            "codigodesocio",
        ),
        "Código",
        "CPGP-0001",
    ),
    FieldSpec(
        "surnames",
        "Surnames",
        _a("apellidos", "apellido", "surnames", "surname", "lastname", "lastnames", "familyname"),
        "Apellidos",
        "Núñez Vega",
    ),
    FieldSpec(
        "first_names",
        "First names",
        _a("nombres", "nombre", "firstname", "firstnames", "names", "givennames", "givenname"),
        "Nombres",
        "Rosa Elvira",
    ),
    FieldSpec(
        "surname_1",
        "First surname (paterno)",
        _a("apellidopaterno", "apepaterno", "appaterno", "paterno", "primerapellido", "apepat"),
    ),
    FieldSpec(
        "surname_2",
        "Second surname (materno)",
        _a("apellidomaterno", "apematerno", "apmaterno", "materno", "segundoapellido", "apemat"),
    ),
    FieldSpec(
        "full_name_surnames_first",
        "Full name (surnames first)",
        _a(
            "apellidosnombres",
            "apellidosynombres",
            "socio",
            "productor",
            "nombresocio",
            "nombreproductor",
            "productora",
            "sociosocia",
        ),
    ),
    FieldSpec(
        "full_name_names_first",
        "Full name (names first)",
        _a(
            "nombresapellidos",
            "nombresyapellidos",
            "nombreapellido",
            "nombreyapellido",
            "nombrecompleto",
            "member",
            "membername",
            "name",
            "fullname",
        ),
    ),
    FieldSpec(
        "dni",
        "DNI",
        _a(
            "dni",
            "dnisocio",
            "documento",
            "documentoidentidad",
            "doc",
            "docidentidad",
            "nrodocumento",
            "numerodocumento",
            "nationalid",
            "idnumber",
            "idcard",
            "le",
            "dnice",
        ),
        "DNI",
        "01234567",
    ),
    FieldSpec("gender", "Gender", _a("sexo", "genero", "gender", "sex", "mf", "fm"), "Sexo", "F"),
    FieldSpec(
        "birth_date",
        "Birth date",
        _a(
            "fechanacimiento",
            "nacimiento",
            "fnacimiento",
            "fechanac",
            "fecnac",
            "fecnacimiento",
            "fnac",
            "birthdate",
            "datebirth",
            "dob",
            "born",
            "birthday",
        ),
        "Fecha de nacimiento",
        date(1980, 5, 17),
    ),
    FieldSpec(
        "join_date",
        "Join date",
        _a(
            "fechaingreso",
            "ingreso",
            "fingreso",
            "fecingreso",
            "fechaafiliacion",
            "afiliacion",
            "fechainscripcion",
            "inscripcion",
            "fechaalta",
            "alta",
            "joindate",
            "datejoined",
            "joined",
            "membersince",
            "socio desde",
            "sociodesde",
            "fechaadmision",
            "admision",
        ),
        "Fecha de ingreso",
        date(2015, 3, 1),
    ),
    FieldSpec(
        "community",
        "Community",
        _a(
            "caserio",
            "comunidad",
            "sector",
            "anexo",
            "centropoblado",
            "localidad",
            "community",
            "village",
            "zona",
            "caseriosector",
            "comunidadsector",
            "lugar",
            "base",
        ),
        "Caserío",
        "La Palma",
    ),
    FieldSpec(
        "phone",
        "Phone",
        _a(
            "telefono",
            "celular",
            "cel",
            "movil",
            "telf",
            "tel",
            "fono",
            "phone",
            "mobile",
            "cellphone",
            "telephone",
            "telefonocelular",
        ),
        "Teléfono",
        "987654321",
    ),
    FieldSpec(
        "total_area",
        "Total area (ha)",
        _a(
            "areatotal",
            "totalarea",
            "superficietotal",
            "extensiontotal",
            "hectareastotales",
            "hectareastotal",
            "totales",  # "Ha totales", "Has totales": the unit is dropped from the key
            "hatotales",
            "hastotales",
            "totalha",
            "totalhas",
            "totalhectareas",
            "areafinca",
            "area",
            "hectareas",
            "has",
            "superficie",
            "extension",
            "areaparcela",
        ),
        "Área total (ha)",
        Decimal("2.5"),
    ),
    FieldSpec(
        "coffee_area",
        "Coffee area (ha)",
        _a(
            "areacafe",
            "cafe",
            "areacafetal",
            "cafetal",
            "hectareascafe",
            "coffeearea",
            "areacoffee",
            "areaundercoffee",
            "coffee",
            "superficiecafe",
        ),
        "Área café (ha)",
        Decimal("1.75"),
    ),
    FieldSpec(
        "plot_name",
        "Plot",
        _a(
            "parcela",
            "nombreparcela",
            "finca",
            "chacra",
            "predio",
            "fundo",
            "plot",
            "plotname",
            "farm",
            "parcelanombre",
        ),
        "Parcela",
        "La Loma",
    ),
    FieldSpec(
        "altitude",
        "Altitude (m)",
        _a("altitud", "altura", "alt", "msnm", "altitude", "elevation", "altitudm"),
        "Altitud (msnm)",
        1650,
    ),
    FieldSpec(
        "varieties",
        "Varieties",
        _a("variedades", "variedad", "varieties", "variety", "variedadcafe", "variedadescafe"),
        "Variedades",
        "Typica, Caturra",
    ),
    FieldSpec("latitude", "Latitude", _a("latitud", "lat", "latitude", "coordenaday")),
    FieldSpec("longitude", "Longitude", _a("longitud", "lon", "long", "longitude", "coordenadax")),
    # UTM coordinates as Peruvian surveys and GPS units in UTM mode give them (zones 17S-19S);
    # converted to latitude/longitude (domain.geometry.utm_to_position).
    FieldSpec(
        "utm_east",
        "UTM easting (m)",
        _a("este", "esteutm", "utmeste", "easting", "utmx", "xutm", "coordenadaeste"),
    ),
    FieldSpec(
        "utm_north",
        "UTM northing (m)",
        _a("norte", "norteutm", "utmnorte", "northing", "utmy", "yutm", "coordenadanorte"),
    ),
    # Not "zona" alone: in rosters that is the community (sector, zona).
    FieldSpec("utm_zone", "UTM zone", _a("zonautm", "utmzona", "utmzone", "huso", "husoutm")),
    FieldSpec(
        "organic_status",
        "Organic status",
        _a(
            "estadoorganico",
            "organico",
            "condicionorganica",
            "certificacionorganica",
            "estadocertificacion",
            "organicstatus",
            "organic",
            "categoria organica",
            "categoriaorganica",
            "estadoorg",
            "ecologico",
        ),
        "Estado orgánico",
        "T1",
    ),
    FieldSpec(
        "fairtrade",
        "Fairtrade",
        _a(
            "comerciojusto",
            "fairtrade",
            "flo",
            "cj",
            "ft",
            "fairtradecertified",
            "certificadofairtrade",
        ),
        "Comercio Justo",
        "Sí",
    ),
    FieldSpec(
        "status",
        "Member status",
        _a(
            "estadosocio", "situacion", "situacionsocio", "status", "memberstatus", "condicionsocio"
        ),
    ),
    FieldSpec(
        "status_date",
        "Status date",
        _a("fechaestado", "statusdate", "fechabaja", "fecharetiro", "fechasituacion"),
    ),
    FieldSpec(
        "status_reason",
        "Status reason",
        _a("motivo", "motivobaja", "motivoretiro", "statusreason", "reason"),
    ),
    FieldSpec(
        "notes",
        "Notes",
        _a(
            "observaciones",
            "observacion",
            "obs",
            "notas",
            "nota",
            "comentarios",
            "notes",
            "remarks",
            "comments",
        ),
        "Observaciones",
        "",
    ),
)

FIELD_BY_KEY = {f.key: f for f in FIELDS}
FIELD_LABELS = {f.key: f.label for f in FIELDS}

# Columns of our own export that carry no input (computed by the register).
IGNORED = {
    "plots",
    "nparcelas",
    "numeroparcelas",
    "parcelas",
    "item",
    "n",
    "nro",
    "no",
    "numero",
    "orden",
    # Areas by organic status and ICS columns: computed by the certifications module.
    "organicarea",
    "areainconversion",
    "conventionalarea",
    "icsapproved",
    "icsapprovaldate",
    "lastinternalinspection",
    "inspectionresult",
    "areaorganica",
    "areaconvencional",
    "areatransicion",
    "areaconversion",
}

_STOPWORDS = {
    "de",
    "del",
    "la",
    "las",
    "el",
    "los",
    "y",
    "e",
    "en",
    "of",
    "the",
    "and",
    "nro",
    "num",
    "numero",
    "number",
    "no",
    "n",
    "o",
    "ha",
    "has",
    "m",
    "msnm",
    "m s n m",
}

_ALIASES: dict[str, str] = {}
for _spec in FIELDS:
    for _alias in _spec.aliases:
        _ALIASES.setdefault(_alias.replace(" ", ""), _spec.key)


def header_key(text: object) -> str:
    """``"Área café (ha)"`` -> ``"areacafe"``; ``"N° de D.N.I."`` -> ``"dni"``."""
    folded = fold(None if text is None else str(text))
    folded = folded.replace("n°", "n ").replace("nº", "n ").replace("#", " ")
    without_units = re.sub(r"\((?:[^)]*)\)", " ", folded)
    # "D.N.I." -> "dni": dots between single letters join them.
    without_units = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", without_units)
    words = re.findall(r"[a-z0-9]+", without_units)
    kept = [w for w in words if w not in _STOPWORDS]
    return "".join(kept or words)


def match_header(text: object) -> str | None:
    """The field a header names, or ``None``."""
    found = _match(text)
    return found[0] if found else None


# "N° de socio", "Nro. Socio", "Número de productor": the member's number, i.e. the code
# (header_key drops the number words, which would leave "socio", a full-name header).
_MEMBER_NUMBER = re.compile(
    r"^\s*(n\s*[°º.]|nro\.?|no\.?|num\.?|numero|#)\s*(del?\s+)?"
    r"(socio|socia|productor|productora|asociado|asociada)s?\s*$"
)


def _match(text: object) -> tuple[str, bool] | None:
    """(field, exact) for a header; exact matches win over "starts with" ones."""
    if _MEMBER_NUMBER.match(fold(None if text is None else str(text))):
        return "code", True
    key = header_key(text)
    if not key or key in IGNORED:
        return None
    if key in _ALIASES:
        return _ALIASES[key], True
    full = "".join(re.findall(r"[a-z0-9]+", fold(None if text is None else str(text))))
    if full in _ALIASES:
        return _ALIASES[full], True
    # "Fecha de ingreso a la cooperativa", "DNI del socio", "Teléfono celular 1": the longest
    # known alias (4+ characters, or "dni") the header starts with.
    best: tuple[int, str] | None = None
    for alias, field_key in _ALIASES.items():
        if (len(alias) >= 4 or alias == "dni") and key.startswith(alias):
            if best is None or len(alias) > best[0]:
                best = (len(alias), field_key)
    return (best[1], False) if best else None


@dataclass(frozen=True)
class SourceColumn:
    index: int  # 0-based position in the row
    letter: str  # Excel column letter
    header: str  # as written in the file
    field: str | None  # recognised or mapped field key; None = not imported
    samples: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.letter} ({self.header})" if self.header else self.letter


@dataclass(frozen=True)
class PlotData:
    name: str
    total_area_ha: Decimal | None
    coffee_area_ha: Decimal | None
    altitude_m: int | None = None
    varieties: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    row: int = 0  # Excel row it came from (its own sheet for a Plots sheet)


@dataclass(frozen=True)
class RosterRow:
    """One member row: the values read (only fields whose columns exist), problems found."""

    row: int  # Excel row number
    values: dict[str, Any]
    problems: tuple[Problem, ...]
    plots: tuple[PlotData, ...] = ()
    sheet: str = ""  # set when several sheets were read

    @property
    def code(self) -> str:
        return str(self.values.get("code") or "")

    @property
    def label(self) -> str:
        """How the row is named to the user: "12", or "La Palma!12" with several sheets."""
        return f"{self.sheet}!{self.row}" if self.sheet else str(self.row)

    @property
    def organic_status(self) -> str | None:
        value = self.values.get("organic_status")
        return value if isinstance(value, str) else None

    @property
    def fairtrade(self) -> bool | None:
        value = self.values.get("fairtrade")
        return value if isinstance(value, bool) else None

    @property
    def name(self) -> str:
        first = self.values.get("first_names") or ""
        last = self.values.get("surnames") or ""
        return f"{last}, {first}" if first and last else str(last or first)


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str
    sheet: str = ""  # set when several sheets were read

    def describe(self) -> str:
        where = f"{self.sheet}!" if self.sheet else ""
        return f"row {where}{self.row}: {self.reason}"


@dataclass(frozen=True)
class Roster:
    path: Path
    sheet: str
    sheets: tuple[str, ...]
    header_row: int
    columns: tuple[SourceColumn, ...]
    rows: tuple[RosterRow, ...]
    skipped: tuple[SkippedRow, ...]
    notes: tuple[str, ...] = ()
    plots_sheet: str | None = None
    sheets_read: tuple[str, ...] = ()
    # Columns of each sheet read, when several sheets share the fields in their own order.
    sheet_columns: dict[str, tuple[SourceColumn, ...]] = field(default_factory=dict)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}

    def column_for(self, field_key: str) -> SourceColumn | None:
        for column in self.columns:
            if column.field == field_key:
                return column
        return None

    @property
    def invalid_rows(self) -> list[RosterRow]:
        return [r for r in self.rows if r.problems]


# --- opening workbooks ----------------------------------------------------------------------

_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def open_workbook(path: str | Path, *, data_only: bool = False) -> Any:
    """Open ``path`` read-only; a file that is not a readable xlsx raises ``WorkbookError``
    with what it is and what to do."""
    target = Path(path)
    name = target.name
    if not target.exists():
        raise WorkbookError(f"The file {target} does not exist.")
    if target.is_dir():
        raise WorkbookError(f"{target} is a folder, not an Excel file.")
    try:
        with target.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(f"Cannot read {name}: {exc.strerror or exc}") from exc
    if not head:
        raise WorkbookError(f"{name} is an empty file (0 bytes), not an Excel workbook.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if _is_encrypted(target):
            raise WorkbookError(
                f"{name} is protected with a password. Open it in Excel, remove the password "
                "(File > Info > Protect Workbook > Encrypt with Password, clear it), save it "
                "and import it again."
            )
        raise WorkbookError(
            f"{name} is an old Excel 97-2003 (.xls) file. Open it in Excel or LibreOffice and "
            "save it as an Excel Workbook (.xlsx), then import that file."
        )
    if not head.startswith(b"PK"):
        text_like = _looks_like_text(target)
        hint = (
            " It looks like a text, CSV or web page file: open it in Excel and save it as .xlsx."
            if text_like
            else ""
        )
        raise WorkbookError(f"{name} is not an Excel workbook (.xlsx).{hint}")
    try:
        with zipfile.ZipFile(target) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                if "xl/workbook.bin" in names:
                    raise WorkbookError(
                        f"{name} is an Excel binary workbook (.xlsb). Open it in Excel and save "
                        "it as an Excel Workbook (.xlsx), then import that file."
                    )
                if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                    raise WorkbookError(
                        f"{name} is a LibreOffice/OpenDocument spreadsheet (.ods). Save it as "
                        "Excel 2007-365 (.xlsx) and import that file."
                    )
                raise WorkbookError(
                    f"{name} is a zip file but not an Excel workbook (no workbook inside)."
                )
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            f"{name} is damaged and cannot be read (it is not a complete .xlsx file: {exc}). "
            "If it opens in Excel, save it again under a new name."
        ) from exc
    try:
        with warnings.catch_warnings():
            # "Workbook contains no default style", unsupported extensions: not the user's
            # concern, the data is read all the same.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(target, read_only=True, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - any failure of a foreign file is put in words
        raise WorkbookError(
            f"{name} is damaged and cannot be read ({type(exc).__name__}: {exc}). If it opens "
            "in Excel, save it again under a new name."
        ) from exc


def _looks_like_text(path: Path) -> bool:
    """A CSV, text or web page file, in UTF-8 or Latin-1 ("Código;Apellidos")."""
    with path.open("rb") as handle:
        head = handle.read(512)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = head[: exc.start].decode("utf-8") if exc.start > len(head) - 4 else ""
        text = text or head.decode("latin-1")
    return all(c.isprintable() or c in "\t\r\n" for c in text.lstrip("\ufeff"))


def _is_encrypted(path: Path) -> bool:
    """Password-protected xlsx files are OLE containers holding an EncryptedPackage stream."""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if _ENCRYPTED_MARK in chunk:
                return True
    return False


# --- reading a sheet --------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    return "" if isinstance(value, FormulaText) else v.read_text(value)


class FormulaText(str):
    """A formula cell's text (``=SUM(H5:H64)``), told apart from text that merely starts with
    ``=`` (a name written as text, as our own exports write it)."""


def trust_no_dimensions(ws: Any) -> None:
    """Read every cell, whatever size the file claims: some programs write a wrong
    ``<dimension ref="A1"/>`` and read-only openpyxl would then return column A only."""
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()


def _rows(ws: Any, **kwargs: Any) -> Any:
    """Row value tuples where formula cells are :class:`FormulaText`."""
    trust_no_dimensions(ws)
    for cells in ws.iter_rows(**kwargs):
        yield tuple(_value(c) for c in cells)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _vertical_merges(ws: Any, first_row: int) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row), 0-based columns, of the merged ranges spanning
    several rows from ``first_row`` on. Read-only openpyxl does not report merged cells, so
    the sheet's XML is scanned for them (they sit at its end)."""
    archive = getattr(getattr(ws, "parent", None), "_archive", None)
    path = getattr(ws, "_worksheet_path", None)
    if archive is None or path is None:
        return []
    from openpyxl.utils import column_index_from_string

    found = []
    tail = b""
    with archive.open(path) as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            for match in _MERGE_REF.finditer(data):
                c1, r1, c2, r2 = match.groups()
                if int(r2) > int(r1) and int(r1) >= first_row:
                    found.append(
                        (
                            column_index_from_string(c1.decode()) - 1,
                            int(r1),
                            column_index_from_string(c2.decode()) - 1,
                            int(r2),
                        )
                    )
            tail = data[-200:]
    return sorted(set(found), key=lambda m: m[1])


def _fill_merged_down(ws: Any, rows: Any, first_row: int) -> Any:
    """Rows where a cell merged over several rows (a caserío written once for its members)
    gives its value to every row it covers, as the user sees it in Excel."""
    merges = _vertical_merges(ws, first_row)
    if not merges:
        yield from rows
        return
    active: list[tuple[int, int, int, Any]] = []  # (min_col, max_col, max_row, value)
    pending = list(merges)
    for number, cells in enumerate(rows, start=first_row):
        active = [a for a in active if a[2] >= number]
        while pending and pending[0][1] == number:
            min_col, _r, max_col, max_row = pending.pop(0)
            value = cells[min_col] if min_col < len(cells) else None
            active.append((min_col, max_col, max_row, value))
        while pending and pending[0][1] < number:
            pending.pop(0)
        if active:
            filled = list(cells)
            for min_col, max_col, _max_row, value in active:
                for col in range(min_col, max_col + 1):
                    if col < len(filled) and filled[col] is None:
                        filled[col] = value
            cells = tuple(filled)
        yield cells


_ZEROS = re.compile(r"^0{2,}$")


def _value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    kind = cell.data_type
    if kind == "f" and isinstance(value, str):
        return FormulaText(value)
    if kind == "e":
        return ExcelError(str(value))
    if kind == "n" and isinstance(value, int | float) and float(value).is_integer():
        fmt = getattr(cell, "number_format", "") or ""
        if _ZEROS.match(fmt):
            # A code or DNI shown with leading zeros by its number format ("0000" -> 0042).
            return str(int(value)).zfill(len(fmt))
    return value


class ExcelError(str):
    """An error value shown in a cell (#N/A, #REF!, #VALUE!...)."""


def _score_header(cells: Sequence[object]) -> tuple[int, dict[int, str]]:
    """Recognised columns of a candidate header row: exact matches first, then "starts with"
    matches for fields still free; a second column naming a taken field stays unmapped."""
    matches = [
        (i, _match(c))
        for i, c in enumerate(cells)
        if isinstance(c, str) and not isinstance(c, FormulaText)
    ]
    found: dict[int, str] = {}
    seen: set[str] = set()
    for exact_pass in (True, False):
        for index, match in matches:
            if match is None or match[1] != exact_pass or index in found:
                continue
            if match[0] not in seen:
                found[index] = match[0]
                seen.add(match[0])
    return len(found), found


_MEMBER_FIELDS = {
    "first_names",
    "surnames",
    "surname_1",
    "full_name_surnames_first",
    "full_name_names_first",
    "gender",
    "dni",
    "join_date",
}


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based index of the (last) header row
    found: dict[int, str]
    texts: list[str]  # the header text of each column (two-row headers combined)
    rows: int = 1  # 2: a header over two rows (merged group titles above sub-titles)


def _is_text(cell: object) -> bool:
    return isinstance(cell, str) and not isinstance(cell, FormulaText) and bool(cell.strip())


def _combined_texts(top: tuple[Any, ...], bottom: tuple[Any, ...]) -> list[str]:
    """Headers written over two rows: "Área (ha)" merged above "Total" | "Café" reads as
    "Área (ha) Total" | "Área (ha) Café"; "Código" merged down reads as "Código". A
    sub-title that names a field by itself ("Paterno", "Nombres") is kept as it is."""
    texts: list[str] = []
    parent = ""
    for i in range(max(len(top), len(bottom))):
        t = top[i] if i < len(top) else None
        b = bottom[i] if i < len(bottom) else None
        t_text = t.strip() if _is_text(t) else ""  # type: ignore[union-attr]
        b_text = b.strip() if _is_text(b) else ""  # type: ignore[union-attr]
        if t_text:
            parent = t_text
        elif not b_text:
            parent = ""  # a column blank in both rows ends a merged title
        if not b_text:
            texts.append(t_text)
            continue
        alone = _match(b_text)
        if alone is not None and alone[1]:
            texts.append(b_text)
        else:
            texts.append(f"{t_text or parent} {b_text}".strip())
    return texts


def _find_header(rows: list[tuple[Any, ...]]) -> _Header | None:
    """The header among the first rows: the row (or pair of rows) naming most known fields."""
    best: tuple[int, _Header] | None = None
    for index, cells in enumerate(rows):
        score, found = _score_header(cells)
        if score >= 2 and (best is None or score > best[0]):
            texts = [_cell_text(c) if _is_text(c) else "" for c in cells]
            best = (score, _Header(index, found, texts))
        if index + 1 < len(rows):
            below = rows[index + 1]
            texty = [c for c in below if not v.is_blank(c)]
            if (
                len(texty) >= 2
                and all(_is_text(c) for c in texty)
                and any(_is_text(c) for c in cells)
            ):
                texts = _combined_texts(cells, below)
                score2, found2 = _score_header(texts)
                if score2 >= 2 and (best is None or score2 > best[0]):
                    best = (score2, _Header(index + 1, found2, texts, rows=2))
    return best[1] if best else None


def inspect_sheets(path: str | Path) -> list[str]:
    wb = open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_roster(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    today: date | None = None,
    progress: ProgressFn | None = None,
) -> Roster:
    """Read the roster in ``path``. ``mapping`` (column index -> field key or ``None``)
    overrides the recognised columns (the wizard's hand mapping).

    Without ``sheet``, every visible sheet laid out as a roster with the same columns is read
    (cooperatives often keep one sheet per community); rows then name their sheet.
    """
    today = today or date.today()
    report = progress or (lambda _d, _t, _s: None)
    target = Path(path)
    wb = open_workbook(target)
    parts: list[
        tuple[
            str,
            tuple[SourceColumn, ...],
            list[RosterRow],
            list[SkippedRow],
            list[str],
            dict[int, set[int]],
            int,
        ]
    ] = []
    try:
        sheets = tuple(wb.sheetnames)
        if not sheets:
            raise WorkbookError(f"{target.name} has no sheets.")
        chosen, plots_sheet = _choose_sheet(wb, sheet, target.name)
        first_texts = chosen[0][1].texts
        for name, header, head_rows in chosen:
            own = mapping if mapping is not None and header.texts == first_texts else None
            columns = _columns(header, head_rows, own)
            _check_mapping(columns)
            ws = wb[name]
            header_row_number = header.index + 1  # the last header row: data start below it
            rows, skipped, notes, formula_rows = _read_rows(
                ws, columns, header_row_number, today, report, ws.max_row or 0
            )
            parts.append((name, columns, rows, skipped, notes, formula_rows, header_row_number))
    except WorkbookError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet part fails while streaming
        raise WorkbookError(
            f"{target.name} could not be read to the end ({type(exc).__name__}: {exc}). "
            "If it opens in Excel, save it again under a new name."
        ) from exc
    finally:
        wb.close()
    several = len(parts) > 1
    all_rows: list[RosterRow] = []
    all_skipped: list[SkippedRow] = []
    all_notes: list[str] = []
    for name, columns, rows, skipped, notes, formula_rows, _ in parts:
        if formula_rows:
            rows = _resolve_formulas(target, name, columns, rows, formula_rows, today)
        rows, merged_notes = _merge_plot_rows(rows)
        prefix = f"{name}: " if several else ""
        all_notes += [prefix + n for n in [*notes, *merged_notes]]
        all_skipped += [SkippedRow(s.row, s.reason, name if several else "") for s in skipped]
        all_rows += [_in_sheet(r, name) for r in rows] if several else rows
    if several:
        all_notes.insert(0, "Sheets read: " + ", ".join(p[0] for p in parts) + ".")
    columns = parts[0][1]
    if plots_sheet and "plot_name" not in {c.field for c in columns}:
        plots, plot_notes = _read_plots_sheet(target, plots_sheet, today)
        all_rows = _attach_plots(all_rows, plots)
        all_notes += plot_notes
    else:
        plots_sheet = None
    report(len(all_rows), len(all_rows), "Read")
    return Roster(
        path=target,
        sheet=parts[0][0],
        sheets=sheets,
        header_row=parts[0][6],
        columns=columns,
        rows=tuple(all_rows),
        skipped=tuple(all_skipped),
        notes=tuple(all_notes),
        plots_sheet=plots_sheet,
        sheets_read=tuple(p[0] for p in parts),
        sheet_columns={p[0]: p[1] for p in parts} if several else {},
    )


def _columns(
    header: _Header, head_rows: list[tuple[Any, ...]], mapping: dict[int, str | None] | None
) -> tuple[SourceColumn, ...]:
    auto = dict(header.found)
    if mapping is not None:
        auto = {i: f for i, f in mapping.items() if f}
    width = max(len(header.texts), max(auto, default=-1) + 1)
    headers = [header.texts[i] if i < len(header.texts) else "" for i in range(width)]
    samples = _samples(head_rows[header.index + 1 :], width)
    return tuple(
        SourceColumn(
            index=i,
            letter=get_column_letter(i + 1),
            header=headers[i],
            field=auto.get(i),
            samples=samples[i],
        )
        for i in range(width)
        if headers[i] or auto.get(i)
    )


def _in_sheet(row: RosterRow, sheet: str) -> RosterRow:
    """A row of one of several sheets: its problems name the sheet."""
    problems = tuple(replace(p, sheet=sheet) for p in row.problems)
    return RosterRow(row.row, row.values, problems, row.plots, sheet)


def _choose_sheet(
    wb: Any, requested: str | None, filename: str
) -> tuple[list[tuple[str, _Header, list[tuple[Any, ...]]]], str | None]:
    """The roster sheets: the requested one, else the one whose header names most member
    fields together with every other sheet recognised with the same columns; and, when there
    is one, a sheet of plots keyed by member code."""
    if requested is not None and requested not in wb.sheetnames:
        raise WorkbookError(
            f"{filename} has no sheet named {requested!r} (sheets: {', '.join(wb.sheetnames)})."
        )
    candidates = [requested] if requested else list(wb.sheetnames)
    found_sheets: list[tuple[int, str, _Header, list[tuple[Any, ...]]]] = []
    plots_sheet: str | None = None
    any_data = False
    for name in candidates:
        ws = wb[name]
        if getattr(ws, "sheet_state", "visible") != "visible" and requested is None:
            continue
        head_rows = list(_rows(ws, max_row=HEADER_SCAN_ROWS + 5))
        if any(any(not v.is_blank(c) for c in r) for r in head_rows):
            any_data = True
        header = _find_header(head_rows[:HEADER_SCAN_ROWS])
        if header is None:
            continue
        fields = set(header.found.values())
        member_score = len(fields & _MEMBER_FIELDS)
        if member_score == 0 and "code" in fields and "plot_name" in fields:
            plots_sheet = plots_sheet or name
            continue
        found_sheets.append((member_score, name, header, head_rows))
    if not found_sheets:
        if not any_data:
            raise WorkbookError(f"{filename} is empty: no sheet holds any data.")
        where = f"the sheet {requested!r}" if requested else "any sheet"
        raise WorkbookError(
            f"No header row was found in {where} of {filename} (looked at the first "
            f"{HEADER_SCAN_ROWS} rows). Expected column titles such as Código, Nombres, "
            "Apellidos, DNI, Sexo, Fecha de ingreso — or download the template."
        )
    best = max(found_sheets, key=lambda f: f[0])  # the first of the best in workbook order
    same = set(best[2].found.values())
    chosen = [
        (name, header, rows)
        for score, name, header, rows in found_sheets
        if name == best[1] or (score >= 2 and set(header.found.values()) == same)
    ]
    return chosen, plots_sheet


def _samples(rows: list[tuple[Any, ...]], width: int) -> list[tuple[str, ...]]:
    out: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        for i in range(min(width, len(row))):
            text = _cell_text(row[i])
            if text and len(out[i]) < 3:
                out[i].append(text[:40])
    return [tuple(s) for s in out]


def _check_mapping(columns: Sequence[SourceColumn]) -> None:
    """Two columns mapped to one field is a mapping error, not a row error."""
    seen: dict[str, SourceColumn] = {}
    for column in columns:
        if not column.field:
            continue
        if column.field in seen:
            raise WorkbookError(
                f"Columns {seen[column.field].describe()} and {column.describe()} are both "
                f"read as {FIELD_LABELS[column.field]!r}; map one of them to another field or "
                "to nothing."
            )
        seen[column.field] = column


_TOTAL_WORDS = re.compile(r"^(sub)?totale?s?\b|^suma\b|^sum\b|^grand total|^total general")
_AGGREGATE = re.compile(r"^=\s*(SUM|SUBTOTAL|COUNT|COUNTA|SUMA|CONTAR|AVERAGE|PROMEDIO)\s*\(", re.I)


def _is_totals_row(cells: Sequence[Any]) -> bool:
    for cell in cells:
        if isinstance(cell, FormulaText):
            if _AGGREGATE.match(cell.strip()):
                return True
        elif (
            isinstance(cell, str)
            and cell.lstrip()[:3].lower() in ("tot", "sub", "sum", "gra")  # cheap test first
            and _TOTAL_WORDS.match(fold(cell.strip()))
        ):
            return True
    return False


_PLOT_OF = "_plot_of"  # a row holding only another plot of the member on that row
PLOT_FIELDS = (
    "total_area",
    "coffee_area",
    "plot_name",
    "altitude",
    "varieties",
    "latitude",
    "longitude",
    "utm_east",
    "utm_north",
    "utm_zone",
)
_IDENTITY = ("code", "dni", "first_names", "surnames", "surname_1", "surname_2")
_FULL_NAMES = ("full_name_surnames_first", "full_name_names_first")


def _read_rows(
    ws: Any,
    columns: Sequence[SourceColumn],
    header_row: int,
    today: date,
    report: ProgressFn,
    total_rows: int,
) -> tuple[list[RosterRow], list[SkippedRow], list[str], dict[int, set[int]]]:
    rows: list[RosterRow] = []
    skipped: list[SkippedRow] = []
    notes: list[str] = []
    formula_rows: dict[int, set[int]] = {}  # Excel row -> indexes of its formula cells
    blank_run = 0
    mapped = [c for c in columns if c.field]
    identity_columns = [c for c in mapped if c.field in _IDENTITY or c.field in _FULL_NAMES]
    plot_columns = [c for c in mapped if c.field in PLOT_FIELDS]
    last_data_row = -1
    excel_row = header_row
    for cells in _fill_merged_down(ws, _rows(ws, min_row=header_row + 1), header_row + 1):
        excel_row += 1
        if excel_row % 2000 == 0:
            report(excel_row - header_row, max(total_rows - header_row, 0), "Reading rows…")
        if all(v.is_blank(c) for c in cells):
            blank_run += 1
            if blank_run >= BLANK_RUN_STOP:
                notes.append(
                    f"Stopped reading at row {excel_row}: {BLANK_RUN_STOP} blank rows in a row."
                )
                break
            continue
        if blank_run:
            skipped.append(
                SkippedRow(excel_row - blank_run, "blank row")
                if blank_run == 1
                else SkippedRow(excel_row - blank_run, f"{blank_run} blank rows")
            )
        blank_run = 0
        if _is_totals_row(cells) and not _names_a_member(cells, mapped):
            skipped.append(SkippedRow(excel_row, "totals row"))
            continue
        filled = [c for c in cells if not v.is_blank(c)]
        if len(filled) == 1 and isinstance(filled[0], str):
            skipped.append(SkippedRow(excel_row, f"title or note row ({filled[0].strip()[:60]})"))
            continue
        if is_repeated_header(cells, mapped):
            skipped.append(SkippedRow(excel_row, "the header row again"))
            continue
        if _is_template_example(cells, mapped):
            skipped.append(SkippedRow(excel_row, "the template's example row"))
            continue
        if all(
            v.is_blank(cells[c.index]) if c.index < len(cells) else True for c in identity_columns
        ):
            if (
                rows
                and last_data_row == excel_row - 1
                and any(
                    c.index < len(cells) and not v.is_blank(cells[c.index]) for c in plot_columns
                )
            ):
                # A further plot of the member above (rosters with one row per plot).
                parent = rows[-1].values.get(_PLOT_OF) or rows[-1].row
                parsed = parse_row(excel_row, cells, plot_columns, today)
                rows.append(RosterRow(excel_row, {_PLOT_OF: parent}, parsed.problems, parsed.plots))
                last_data_row = excel_row
                continue
            preview = " ".join(_cell_text(c) for c in cells if not v.is_blank(c))[:60]
            skipped.append(SkippedRow(excel_row, f"no member on this row ({preview})"))
            continue
        if len(rows) >= MAX_DATA_ROWS:
            raise WorkbookError(
                f"The sheet has more than {MAX_DATA_ROWS:,} member rows; split it into smaller "
                "files."
            )
        formulas = {
            c.index
            for c in mapped
            if c.index < len(cells) and isinstance(cells[c.index], FormulaText)
        }
        if formulas:
            formula_rows[excel_row] = formulas
        rows.append(parse_row(excel_row, cells, mapped, today))
        last_data_row = excel_row
    return rows, skipped, notes, formula_rows


def _names_a_member(cells: Sequence[Any], mapped: Sequence[SourceColumn]) -> bool:
    """A totals-looking row that still has a valid code and a name is a member row."""
    by_field = {c.field: cells[c.index] for c in mapped if c.index < len(cells)}
    code = by_field.get("code")
    if v.is_blank(code) or (isinstance(code, str) and _TOTAL_WORDS.match(fold(code))):
        return False
    try:
        parse_code(code)
    except ParseError:
        return False
    names = [by_field.get(k) for k in ("first_names", "surnames", *_FULL_NAMES)]
    return any(isinstance(n, str) and n.strip() and not _TOTAL_WORDS.match(fold(n)) for n in names)


def _resolve_formulas(
    path: Path,
    sheet: str,
    columns: Sequence[SourceColumn],
    rows: list[RosterRow],
    formula_rows: dict[int, set[int]],
    today: date,
) -> list[RosterRow]:
    """Rows with formulas in data cells: read again with the values Excel saved."""
    wb = open_workbook(path, data_only=True)
    try:
        ws = wb[sheet]
        trust_no_dimensions(ws)
        wanted = set(formula_rows)
        last = max(wanted)
        values: dict[int, tuple[Any, ...]] = {}
        for number, cells in enumerate(ws.iter_rows(max_row=last, values_only=True), start=1):
            if number in wanted:
                values[number] = tuple(cells)
    finally:
        wb.close()
    mapped = [c for c in columns if c.field]
    out: list[RosterRow] = []
    for row in rows:
        if row.row not in formula_rows:
            out.append(row)
            continue
        cached = values.get(row.row, ())
        parsed = parse_row(row.row, cached, mapped, today)
        missing = [
            Problem(
                c.field or "",
                "the cell holds a formula whose result was not saved; open the file in Excel "
                "or LibreOffice, save it, and import again (or type the value)",
                row.row,
                c.describe(),
            )
            for c in mapped
            if c.index in formula_rows[row.row]
            and (c.index >= len(cached) or cached[c.index] is None)
        ]
        # A required value that is missing because its formula has no result: say so once.
        unsaved = {p.column for p in missing}
        kept = [p for p in parsed.problems if p.column not in unsaved]
        out.append(RosterRow(row.row, parsed.values, (*kept, *missing), parsed.plots))
    return out


def _merge_plot_rows(rows: list[RosterRow]) -> tuple[list[RosterRow], list[str]]:
    """One member per code: rows that only add a plot (a blank-identity row under a member,
    or the same code and name again) become further plots of that member."""
    out: list[RosterRow] = []
    by_row: dict[int, int] = {}
    by_code: dict[str, int] = {}
    notes: list[str] = []
    for row in rows:
        parent_row = row.values.get(_PLOT_OF)
        target: int | None = None
        if parent_row is not None:
            target = by_row.get(parent_row)
        elif row.code and row.code in by_code and row.plots:
            first = out[by_code[row.code]]
            if _same_member(first, row):
                target = by_code[row.code]
        if target is None:
            if parent_row is not None:
                continue  # its member row was merged away: cannot happen, kept for safety
            by_row[row.row] = len(out)
            if row.code and row.code not in by_code:
                by_code[row.code] = len(out)
            out.append(row)
            continue
        parent = out[target]
        by_row[row.row] = target
        notes.append(f"Row {row.row}: another plot of the member on row {parent.row}.")
        out[target] = RosterRow(
            parent.row,
            parent.values,
            (*parent.problems, *row.problems),
            (*parent.plots, *row.plots),
        )
    return [_name_plots(r) for r in out], notes


def _same_member(first: RosterRow, again: RosterRow) -> bool:
    for key in ("first_names", "surnames", "dni", "gender"):
        a, b = first.values.get(key), again.values.get(key)
        if a and b and fold(str(a)) != fold(str(b)):
            return False
    return True


def _name_plots(row: RosterRow) -> RosterRow:
    """Several unnamed plots of one member: "Parcela 1", "Parcela 2"..."""
    if len(row.plots) < 2 or all(p.name for p in row.plots):
        return row
    named = tuple(
        p if p.name else replace(p, name=f"Parcela {i}") for i, p in enumerate(row.plots, start=1)
    )
    return RosterRow(row.row, row.values, row.problems, named)


# --- one row ------------------------------------------------------------------------------------

_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "di", "van", "von", "san", "santa"}


def split_full_name(text: str, surnames_first: bool) -> tuple[str, str]:
    """``"Núñez Vega, Rosa Elvira"`` / ``"Rosa Elvira Núñez Vega"`` -> (first names, surnames).

    With a comma the sides are explicit. Without one, Peruvians carry two surnames: the first
    two words (surnames first) or the last two (names first) are the surnames; particles such
    as "de la" stay with the surname they belong to.
    """
    text = clean(text)
    if "," in text:
        left, right = (clean(p) for p in text.split(",", 1))
        return (right, left) if surnames_first else (left, right)
    words = text.split(" ")
    groups: list[str] = []
    pending: list[str] = []
    for word in words:
        if fold(word) in _PARTICLES:
            pending.append(word)
            continue
        groups.append(" ".join([*pending, word]))
        pending = []
    if pending:
        groups.append(" ".join(pending))
    if len(groups) <= 1:
        return ("", text) if surnames_first else (text, "")
    count = 2 if len(groups) >= 3 else 1
    if surnames_first:
        return " ".join(groups[count:]), " ".join(groups[:count])
    return " ".join(groups[:-count]), " ".join(groups[-count:])


def parse_row(
    excel_row: int, cells: Sequence[Any], mapped: Sequence[SourceColumn], today: date
) -> RosterRow:
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(column: SourceColumn, message: str, field_key: str | None = None) -> None:
        problems.append(
            Problem(field_key or column.field or "", message, excel_row, column.describe())
        )

    plot_fields: dict[str, Any] = {}
    for column in mapped:
        raw = cells[column.index] if column.index < len(cells) else None
        key = column.field or ""
        try:
            value = _parse_value(key, raw, today)
        except (ValueError, ParseError) as exc:
            bad(column, str(exc))
            continue
        if key in PLOT_FIELDS:
            plot_fields[key] = value
        else:
            values[key] = value
    # Several phones in one cell ("987654321 / 976543210"): the first is the member's phone,
    # the others are kept (the import notes them).
    phone = values.get("phone")
    if phone:
        numbers = [p.strip() for p in re.split(r"\s*(?:[/;,|]|\by\b|\bo\b)\s*", phone) if p.strip()]
        if len(numbers) > 1:
            values["phone"] = numbers[0]
            values["other_phones"] = " / ".join(numbers[1:])
    # Names from split columns.
    if "full_name_surnames_first" in values or "full_name_names_first" in values:
        surnames_first = "full_name_surnames_first" in values
        full = values.pop("full_name_surnames_first", None) or values.pop(
            "full_name_names_first", None
        )
        values.pop("full_name_names_first", None)
        if full:
            first, last = split_full_name(full, surnames_first)
            values.setdefault("first_names", first)
            values.setdefault("surnames", last)
    if "surname_1" in values or "surname_2" in values:
        parts = [values.pop("surname_1", "") or "", values.pop("surname_2", "") or ""]
        joined = clean(" ".join(parts))
        if joined and not values.get("surnames"):
            values["surnames"] = joined
    _utm_to_degrees(plot_fields, mapped, bad)
    plots: tuple[PlotData, ...] = ()
    if any(plot_fields.get(k) not in (None, "") for k in plot_fields):
        total = plot_fields.get("total_area")
        coffee = plot_fields.get("coffee_area")
        if total is None and coffee is not None:
            total = coffee  # only the coffee area is known: the plot is at least that large
        plots = (
            PlotData(
                name=plot_fields.get("plot_name") or "",
                total_area_ha=total,
                coffee_area_ha=coffee,
                altitude_m=plot_fields.get("altitude"),
                varieties=plot_fields.get("varieties") or "",
                latitude=plot_fields.get("latitude"),
                longitude=plot_fields.get("longitude"),
                row=excel_row,
            ),
        )
    return RosterRow(excel_row, values, tuple(problems), plots)


def _utm_to_degrees(
    plot_fields: dict[str, Any],
    mapped: Sequence[SourceColumn],
    bad: Callable[[SourceColumn, str, str | None], None],
) -> None:
    """UTM easting/northing (and zone) become the plot's latitude/longitude. Metres typed in
    the latitude/longitude columns (a surveyor's "Coordenada X/Y") count as UTM when a zone
    is given. Latitude/longitude in degrees win over UTM columns when both are filled."""
    east, north = plot_fields.pop("utm_east", None), plot_fields.pop("utm_north", None)
    zone = plot_fields.pop("utm_zone", None)
    lat, lon = plot_fields.get("latitude"), plot_fields.get("longitude")
    if (
        zone is not None
        and lat is not None
        and lon is not None
        and (abs(lon) > 180 or abs(lat) > 90)
    ):
        east, north, lat, lon = lon, lat, None, None
        plot_fields.pop("latitude"), plot_fields.pop("longitude")
    if east is None and north is None:
        return
    column = next((c for c in mapped if c.field in ("utm_east", "utm_north", "longitude")), None)
    assert column is not None  # a value came from one of them
    if lat is not None and lon is not None:
        return
    if east is None or north is None:
        bad(column, "give both the UTM easting (Este) and northing (Norte)", "utm_east")
        return
    if zone is None:
        bad(column, "UTM coordinates need their zone (17S, 18S or 19S)", "utm_zone")
        return
    try:
        point = utm_to_position(east, north, zone)
    except GeometryError as exc:
        bad(column, str(exc), "utm_east")
        return
    places = Decimal("0.000001")
    plot_fields["latitude"] = point.lat.quantize(places, ROUND_HALF_UP)
    plot_fields["longitude"] = point.lon.quantize(places, ROUND_HALF_UP)


def _parse_value(key: str, raw: Any, today: date) -> Any:
    if isinstance(raw, ExcelError):
        raise ValueError(
            f"the cell shows the Excel error {raw}; correct its formula or type the value"
        )
    if isinstance(raw, FormulaText):
        return None  # a formula: its saved value is read in a second pass
    if key == "code":
        if v.is_blank(raw):
            return None
        return parse_code(v.read_text(raw))
    if key == "dni":
        if isinstance(raw, str):
            raw = re.sub(r"^(dni|d\.n\.i\.?|le)\s*:?\s*", "", raw.strip(), flags=re.I)
        return parse_dni(raw)
    if key == "gender":
        return v.read_gender(raw)
    if key in ("birth_date", "join_date", "status_date"):
        day = v.read_date(raw, today)
        if day is not None and not date(1900, 1, 1) <= day <= date(2100, 1, 1):
            raise ValueError(f"{day.isoformat()} is not a plausible date")
        return day
    if key in ("total_area", "coffee_area"):
        value = v.read_decimal(raw, decimal_comma=True, places=6)
        if value is not None and value < 0:
            raise ValueError("an area cannot be negative")
        return value
    if key in ("latitude", "longitude"):
        return v.read_decimal(raw, decimal_comma=True, places=6)
    if key in ("utm_east", "utm_north"):
        return v.read_decimal(raw, decimal_comma=True, places=2)
    if key == "utm_zone":
        return None if v.is_blank(raw) else parse_utm_zone(raw)
    if key == "altitude":
        return v.read_int(raw)
    if key == "fairtrade":
        return v.read_yes_no(raw)
    if key == "organic_status":
        return v.read_organic_status(raw)
    if key == "status":
        return v.read_member_status(raw)
    if key == "notes":
        if v.is_blank(raw) or not isinstance(raw, str):
            return v.read_text(raw)
        return "\n".join(clean(line) for line in raw.strip().splitlines())
    if key == "phone":
        return v.read_text(raw)
    return v.read_text(raw)


# --- a Plots sheet ----------------------------------------------------------------------------


def _read_plots_sheet(
    path: Path, sheet: str, today: date
) -> tuple[dict[str, list[PlotData | Problem]], list[str]]:
    """Plots keyed by member code; a plot row that cannot be read is kept as a Problem."""
    wb = open_workbook(path)
    result: dict[str, list[PlotData | Problem]] = {}
    try:
        ws = wb[sheet]
        head = list(_rows(ws, max_row=HEADER_SCAN_ROWS))
        found = _find_header(head)
        if found is None:
            return {}, []
        index = found.index
        columns = [
            SourceColumn(i, get_column_letter(i + 1), found.texts[i], f)
            for i, f in found.found.items()
        ]
        code_column = next(c for c in columns if c.field == "code")
        number = index + 1
        for cells in _rows(ws, min_row=index + 2):
            number += 1
            if all(v.is_blank(c) for c in cells) or _is_totals_row(cells):
                continue
            raw_code = cells[code_column.index] if code_column.index < len(cells) else None
            try:
                code = parse_code(v.read_text(raw_code))
            except ParseError as exc:
                result.setdefault("", []).append(
                    Problem("code", f"{sheet}: {exc}", number, code_column.describe())
                )
                continue
            parsed = parse_row(number, cells, columns, today)
            entry: list[PlotData | Problem] = result.setdefault(code, [])
            entry.extend(
                Problem(p.field, f"{sheet}: {p.message}", p.row, p.column) for p in parsed.problems
            )
            entry.extend(parsed.plots)
    finally:
        wb.close()
    return result, [f"Plots read from the sheet {sheet!r}."]


def _attach_plots(
    rows: list[RosterRow], plots: dict[str, list[PlotData | Problem]]
) -> list[RosterRow]:
    out: list[RosterRow] = []
    for row in rows:
        entries = plots.get(row.code, [])
        found = tuple(e for e in entries if isinstance(e, PlotData))
        problems = tuple(e for e in entries if isinstance(e, Problem))
        # The Plots sheet replaces the area columns of the member sheet (there, they are sums).
        out.append(replace(row, problems=(*row.problems, *problems), plots=found))
    return out


# --- the template ---------------------------------------------------------------------------

_TEMPLATE_HELP = (
    ("Código", "Member code, e.g. CPGP-0001 (required; re-importing updates by code)"),
    ("Apellidos / Nombres", "Surnames and first names (required)"),
    ("DNI", "8 digits; typed as a number, leading zeros are restored"),
    ("Sexo", "F / M, Femenino / Masculino, Mujer / Varón (required)"),
    ("Fechas", "Excel dates or text dd/mm/yyyy or yyyy-mm-dd; Fecha de ingreso is required"),
    ("Áreas", "Hectares, decimal point or comma (2.5 or 2,5); the areas make one plot"),
    ("Estado orgánico", "Orgánico, T1 / T2 / T3 (Transición 1-3), Convencional"),
    ("Comercio Justo", "Sí / No"),
    ("Other columns", "Any order; title rows above the headers and a totals row are fine"),
)


def is_repeated_header(cells: Sequence[Any], mapped: Sequence[SourceColumn]) -> bool:
    """The header row written again lower down (a sheet pasted together from printed pages,
    a block per community): at least two of its cells, and most, repeat their column's title."""
    same = sum(
        1
        for c in mapped
        if c.header
        and c.index < len(cells)
        and isinstance(cells[c.index], str)
        and header_key(cells[c.index]) == header_key(c.header)
    )
    return same >= 2 and same * 2 >= len([c for c in mapped if c.header])


def _is_template_example(cells: Sequence[Any], mapped: Sequence[SourceColumn]) -> bool:
    """The example row of :func:`write_template` left in a filled-in template: never a member
    (its code, names and surnames as written there)."""
    wanted = {key: FIELD_BY_KEY[key].example for key in ("code", "first_names", "surnames")}
    seen = {
        c.field: _cell_text(cells[c.index])
        for c in mapped
        if c.field in wanted and c.index < len(cells)
    }
    return len(seen) == len(wanted) and all(seen[k] == wanted[k] for k in wanted)


def write_template(path: str | Path) -> Path:
    """An xlsx with the recognised headers (Spanish) and one example row."""
    from coop_desk.exchange.xlsx import (
        Column,
        SheetWriter,
        discard_workbook,
        new_workbook,
        save_workbook,
    )

    specs = [f for f in FIELDS if f.template]
    kinds = {
        "birth_date": "date",
        "join_date": "date",
        "total_area": "quantity",
        "coffee_area": "quantity",
        "altitude": "int",
    }
    wb = new_workbook()
    try:
        sheet = SheetWriter(
            wb,
            "Socios",
            [Column(f.template, kind=kinds.get(f.key, "text")) for f in specs],
            print_title="Padrón de socios",
        )
        sheet.append([f.example for f in specs])
        sheet.close()
        help_sheet = SheetWriter(
            wb, "Instrucciones", [Column("Columna", 22), Column("Cómo escribirla", 90)]
        )
        for row in _TEMPLATE_HELP:
            help_sheet.append(list(row))
        help_sheet.close()
        return save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise


def summarise_skipped(skipped: Sequence[SkippedRow], limit: int = 50) -> list[str]:
    """Skipped rows for people: runs of rows skipped for the same reason become one line
    ("rows 65-200: no member on this row")."""
    lines: list[str] = []
    run: list[SkippedRow] = []

    def kind(s: SkippedRow) -> tuple[str, str]:
        return (s.sheet, s.reason.split(" (", 1)[0])

    def flush() -> None:
        if not run:
            return
        where = f"{run[0].sheet}!" if run[0].sheet else ""
        if len(run) == 1:
            lines.append(run[0].describe())
        else:
            lines.append(f"rows {where}{run[0].row}-{run[-1].row}: {kind(run[0])[1]}")
        run.clear()

    for item in skipped:
        if run and (kind(item) != kind(run[-1]) or item.row > run[-1].row + 1 + 1000):
            flush()
        run.append(item)
    flush()
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more"]
    return lines
