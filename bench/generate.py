"""A deterministic synthetic corpus in the layouts the parsers read: programme pages of mid-year reports
(web row tables with headline gauges, whole euros) and budget programmes (`Bedragen x €1.000`, plain
years), for every municipality and ten years. The same seed gives the same bytes.

    python -m bench.generate OUT_DIR --documents 1000 [--seed 2026]
"""

import argparse
import random
import sys
from pathlib import Path

from orchestration.reference import municipalities, taakveld_codes_by_year

PROGRAMMES = ("Sociaal domein", "Zorg en welzijn", "Onderwijs en jeugd", "Werk en inkomen", "Leefomgeving",
              "Veiligheid", "Bestuur en dienstverlening", "Economie en cultuur")
FIRST_YEAR, YEARS = 2016, 10
PARAGRAPH = ("De gemeente {name} werkt in dit programma aan de positie, draagkracht en vitaliteit van {adjective} "
             "inwoners. Een nieuwe koers moet leiden tot meer sociale cohesie in de wijken, meer participatie en een "
             "tijdige aanpak van armoede- en schuldenproblematiek. ")


def dutch(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def municipality_list() -> list:
    """Municipalities that are named unambiguously in running text ('gemeente X', 'Xse inwoners')."""
    return [m for m in municipalities().values() if "(" not in m.name and "," not in m.name and not m.name.startswith("'")]


def document(rng: random.Random, index: int, places: list) -> tuple[str, str, str]:
    """(file name, text, sidecar) of one synthetic document."""
    place = places[index % len(places)]
    year = FIRST_YEAR + 3 + (index // len(places)) % (YEARS - 3)
    programme = f"Programma {1 + index % len(PROGRAMMES)} {PROGRAMMES[index % len(PROGRAMMES)]}"
    codes = [code for code in taakveld_codes_by_year()[min(year, 2026)] if not code.startswith("0.1")]  # CBS order
    sample = set(rng.sample(codes, rng.randint(8, 16)))
    chosen = [code for code in codes if code in sample]
    names = taakveld_codes_by_year()[min(year, 2026)]
    kind = "web" if index % 3 else "budget"
    if kind == "web":
        text = _mid_year_page(rng, place.name, programme, year, chosen, names)
        sidecar = 'document_kind = "tussentijdse_rapportage"\n'
    else:
        text = _budget_programme(rng, place.name, programme, year, chosen, names)
        sidecar = f'municipality_code = "{place.code}"\n'
    slug = place.name.lower().replace(" ", "_").replace("-", "_")
    return f"{index:05d}_{slug}_{year}.txt", text, sidecar


def _mid_year_page(rng, name, programme, year, codes, names) -> str:
    headers = [f"Realisatie {year - 3}", f"Realisatie {year - 2}", f"Realisatie {year - 1}",
               f"BGR {year} na wijziging", f"Realisatie {year}", f"Saldo {year}"]
    sections = {}
    for section, share in (("Lasten", 1.0), ("Baten", 0.35)):
        rows = []
        for code in (codes if section == "Lasten" else codes[: max(3, len(codes) // 2)]):
            base = int(rng.lognormvariate(13, 1.2) * share)
            history = [int(base * rng.uniform(0.8, 1.2)) for _ in range(3)]
            budget = int(base * rng.uniform(0.9, 1.15))
            so_far = int(budget * rng.uniform(0.35, 0.6))
            rows.append((f"{code} {names[code].strip()}", [*history, budget, so_far, budget - so_far]))
        sections[section] = rows
    totals = {section: [sum(values[i] for _, values in rows) for i in range(6)] for section, rows in sections.items()}
    spent, received = totals["Lasten"][4], totals["Baten"][4]
    lines = ["Uitgaven", "", f"€ {dutch(spent)}", "", "Inkomsten", "", f"€ {dutch(received)}", "", "Saldo", "",
             f"€ {dutch(received - spent)}", "", programme, "", "Korte beschrijving", "",
             PARAGRAPH.format(name=name, adjective=f"{name}se") * rng.randint(3, 8), "", "Wat mag het kosten?", "",
             "Exploitatie Organisatieonderdeel " + " ".join(headers)]
    for section, rows in sections.items():
        lines.append(section)
        lines += [f"{label} " + " ".join(dutch(value) for value in values) for label, values in rows]
        lines.append(f"Totaal {section} " + " ".join(dutch(value) for value in totals[section]))
    return "\n".join(lines) + "\n"


def _budget_programme(rng, name, programme, year, codes, names) -> str:
    lines = [programme.replace("Programma", "Pijler"), "", "Korte omschrijving", "",
             PARAGRAPH.format(name=name, adjective=f"{name}se").replace(f"De gemeente {name}", "Onze gemeente") * rng.randint(3, 8),
             "", "Wat mag het kosten?", "", "Bedragen x €1.000", f"Exploitatie R{year - 2} Begroot {year - 1} inc. wijz. B{year}"]
    for section, share in (("Lasten", 1.0), ("Baten", 0.3)):
        rows = []
        for code in (codes if section == "Lasten" else codes[: max(3, len(codes) // 2)]):
            base = int(rng.lognormvariate(7, 1.2) * share)
            rows.append((f"{code} {names[code].strip()}", [int(base * rng.uniform(0.85, 1.15)) for _ in range(3)]))
        lines.append(section)
        lines += [f"{label} " + " ".join(dutch(value) for value in values) for label, values in rows]
        lines.append(f"Totaal {section} " + " ".join(dutch(sum(values[i] for _, values in rows)) for i in range(3)))
    return "\n".join(lines) + "\n"


def generate(out_dir: Path, count: int, seed: int = 2026, progress=None) -> list[Path]:
    """Write `count` documents (and sidecars) to out_dir; the same seed gives the same files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    places = municipality_list()
    rng.shuffle(places)
    paths = []
    for index in range(count):
        name, text, sidecar = document(rng, index, places)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        path.with_name(name + ".meta.toml").write_text(sidecar, encoding="utf-8")
        paths.append(path)
        if progress and (index + 1) % max(1, count // 10) == 0:
            progress(index + 1, count)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.documents, args.seed)
    print(f"{len(paths)} documents in {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
