"""The roster's fields: what a member roster's columns can hold, how people title them (in
Spanish or English, any case, accents, spacing or punctuation), and the template that lists
them. :func:`match_field` is the roster's :data:`~coop_desk.exchange.sheets.HeaderMatch`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from coop_desk.domain.text import fold
from coop_desk.exchange.sheets import header_key
from coop_desk.i18n import N_, _, use_language


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # shown in the mapping combo box and the template
    aliases: tuple[str, ...]
    template: str = ""  # header written in the template ("" = not in the template)
    example: object = None


def _a(*words: str) -> tuple[str, ...]:
    return words


# Everything the importer recognises. Aliases are compared after header_key() (sheets): lower
# case, no accents, no punctuation, no spaces, and the little words (de, del, nro, ha...) removed.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "code",
        N_("Member code"),
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
        N_("Surnames"),
        _a("apellidos", "apellido", "surnames", "surname", "lastname", "lastnames", "familyname"),
        "Apellidos",
        "Núñez Vega",
    ),
    FieldSpec(
        "first_names",
        N_("First names"),
        _a("nombres", "nombre", "firstname", "firstnames", "names", "givennames", "givenname"),
        "Nombres",
        "Rosa Elvira",
    ),
    FieldSpec(
        "surname_1",
        N_("First surname (paterno)"),
        _a("apellidopaterno", "apepaterno", "appaterno", "paterno", "primerapellido", "apepat"),
    ),
    FieldSpec(
        "surname_2",
        N_("Second surname (materno)"),
        _a("apellidomaterno", "apematerno", "apmaterno", "materno", "segundoapellido", "apemat"),
    ),
    FieldSpec(
        "full_name_surnames_first",
        N_("Full name (surnames first)"),
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
        N_("Full name (names first)"),
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
        N_("DNI"),
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
    FieldSpec(
        "gender",
        N_("Gender"),
        _a("sexo", "genero", "gender", "sex", "mf", "fm"),
        "Sexo",
        "F",
    ),
    FieldSpec(
        "birth_date",
        N_("Birth date"),
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
        N_("Join date"),
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
        N_("Community"),
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
        N_("Phone"),
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
        N_("Total area (ha)"),
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
        N_("Coffee area (ha)"),
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
        N_("Plot"),
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
        N_("Altitude (m)"),
        _a("altitud", "altura", "alt", "msnm", "altitude", "elevation", "altitudm"),
        "Altitud (msnm)",
        1650,
    ),
    FieldSpec(
        "varieties",
        N_("Varieties"),
        _a("variedades", "variedad", "varieties", "variety", "variedadcafe", "variedadescafe"),
        "Variedades",
        "Typica, Caturra",
    ),
    FieldSpec(
        "latitude",
        N_("Latitude"),
        _a("latitud", "lat", "latitude", "coordenaday"),
    ),
    FieldSpec(
        "longitude",
        N_("Longitude"),
        _a("longitud", "lon", "long", "longitude", "coordenadax"),
    ),
    FieldSpec(
        "organic_status",
        N_("Organic status"),
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
        N_("Fairtrade"),
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
        N_("Member status"),
        _a(
            "estadosocio", "situacion", "situacionsocio", "status", "memberstatus", "condicionsocio"
        ),
    ),
    FieldSpec(
        "status_date",
        N_("Status date"),
        _a("fechaestado", "statusdate", "fechabaja", "fecharetiro", "fechasituacion"),
    ),
    FieldSpec(
        "status_reason",
        N_("Status reason"),
        _a("motivo", "motivoestado", "motivobaja", "motivoretiro", "statusreason", "reason"),
    ),
    FieldSpec(
        "notes",
        N_("Notes"),
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
    # The same columns as the Spanish export names them.
    "aprobadosic",
    "fechaaprobacionsic",
    "ultimainspeccioninterna",
    "resultadoinspeccion",
}


_ALIASES: dict[str, str] = {}
for _spec in FIELDS:
    for _alias in _spec.aliases:
        _ALIASES.setdefault(_alias.replace(" ", ""), _spec.key)


def match_header(text: object) -> str | None:
    """The field a header names, or ``None``."""
    found = match_field(text)
    return found[0] if found else None


_MEMBER_NUMBER = re.compile(
    r"^\s*(n\s*[°º.]|nro\.?|no\.?|num\.?|numero|#)\s*(del?\s+)?"
    r"(socio|socia|productor|productora|asociado|asociada)s?\s*$"
)


def match_field(text: object) -> tuple[str, bool] | None:
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


# Fields that name a member: a sheet whose header names none of them is not a member sheet.
MEMBER_FIELDS = {
    "first_names",
    "surnames",
    "surname_1",
    "full_name_surnames_first",
    "full_name_names_first",
    "gender",
    "dni",
    "join_date",
}


# Fields of a plot: a member's row may carry one plot; further rows may add others.
PLOT_FIELDS = (
    "total_area",
    "coffee_area",
    "plot_name",
    "altitude",
    "varieties",
    "latitude",
    "longitude",
)
# Fields that identify the member of a row (a row with none of them names no member).
IDENTITY_FIELDS = ("code", "dni", "first_names", "surnames", "surname_1", "surname_2")
FULL_NAME_FIELDS = ("full_name_surnames_first", "full_name_names_first")


_TEMPLATE_HELP = (
    ("Código", N_("Member code, e.g. CPGP-0001 (required; re-importing updates by code)")),
    ("Apellidos / Nombres", N_("Surnames and first names (required)")),
    ("DNI", N_("8 digits; typed as a number, leading zeros are restored")),
    ("Sexo", N_("F / M, Femenino / Masculino, Mujer / Varón (required)")),
    (
        "Fechas",
        N_("Excel dates or text dd/mm/yyyy or yyyy-mm-dd; Fecha de ingreso is required"),
    ),
    ("Áreas", N_("Hectares, decimal point or comma (2.5 or 2,5); the areas make one plot")),
    ("Estado orgánico", N_("Orgánico, T1 / T2 / T3 (Transición 1-3), Convencional")),
    ("Comercio Justo", N_("Sí / No")),
    (N_("Other columns"), N_("Any order; title rows above the headers and a totals row are fine")),
)


def write_template(path: str | Path, language: str | None = None) -> Path:
    """An xlsx with the recognised headers (the Spanish ones, read in any language) and one
    example row; its sheet names and instructions in ``language`` (default: the one in
    effect)."""
    with use_language(language):
        return _write_template(path)


def _write_template(path: str | Path) -> Path:
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
            _("Members"),
            [Column(f.template, kind=kinds.get(f.key, "text")) for f in specs],
            print_title=_("Member register"),
        )
        sheet.append([f.example for f in specs])
        sheet.close()
        help_sheet = SheetWriter(
            wb,
            _("Instructions"),
            [Column(_("Column"), 22), Column(_("How to write it"), 90)],
        )
        for column, how in _TEMPLATE_HELP:
            help_sheet.append([_(column), _(how)])
        help_sheet.close()
        return save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
