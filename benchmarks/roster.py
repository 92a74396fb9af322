"""A member roster workbook as cooperatives keep them, for the import timing: a title row, the
template's Spanish headers (``exchange.roster.FIELDS``), one member per row with one plot, its
organic status and Fairtrade scope; DNIs partly typed as numbers (Excel drops their leading
zeros), areas as Excel numbers."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from coop_desk.exchange.roster import FIELDS
from coop_desk.services.demo.members import COMMUNITIES, MEN, SURNAMES, VARIETIES, WOMEN

ORGANIC = ["Orgánico", "Orgánico", "Orgánico", "T1", "T2", "T3", "Convencional"]


def workbook(target: Path, rows: int) -> Path:
    rng = random.Random(10_000)
    headers = {f.key: f.template for f in FIELDS if f.template}
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Padrón")
    sheet.append(["Padrón de socios 2026 - Cooperativa Agraria Cafetalera (benchmark)"])
    sheet.append([])
    sheet.append(list(headers.values()))
    for n in range(1, rows + 1):
        woman = rng.random() < 0.32
        dni = 40_000_000 + n * 37
        born = date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
        values = {
            "code": f"CAC-{n}",
            "surnames": f"{rng.choice(SURNAMES)} {rng.choice(SURNAMES)}",
            "first_names": rng.choice(WOMEN if woman else MEN),
            "dni": dni if n % 3 else f"{dni:08d}",
            "gender": "F" if woman else "M",
            "birth_date": born,
            "join_date": date(rng.randint(max(born.year + 18, 2000), 2025), rng.randint(1, 12), 1),
            "community": rng.choice(COMMUNITIES),
            "phone": f"9{rng.randint(10_000_000, 99_999_999)}",
            "total_area": rng.randint(5, 45) / 10,
            "coffee_area": rng.randint(3, 5) / 10,
            "plot_name": f"Parcela {rng.randint(1, 3)}",
            "altitude": rng.randint(1200, 2050),
            "varieties": ", ".join(sorted(rng.sample(VARIETIES, rng.randint(1, 3)))),
            "organic_status": rng.choice(ORGANIC),
            "fairtrade": "Sí" if rng.random() < 0.9 else "No",
            "notes": "",
        }
        sheet.append([values.get(key, "") for key in headers])
    book.save(target)
    return target
