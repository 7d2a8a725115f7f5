"""Writes the unseen-layout fixtures: for each document its text (`<name>.txt`) and the facts it states
(`<name>.csv`), both from one set of numbers, so a printed total always adds up and every expected fact
says by hand what its column and row mean (year, scenario, measure, sign in the warehouse convention).

Run from the project root: `python tests/parsing/unseen/make_fixtures.py`. The tests read only the
written files; this script is their provenance.

Expected-facts columns:
  fiscal_year, scenario, measure, category_code, category_name, amount_eur, required, scenario_alt, note
  - category_name: the row's label (alternatives separated by '|', e.g. programme name or 'Lasten')
  - required 1: the document states the figure with certainty and the parser should load it;
    required 0: the parser may load it (a saldo beside its lasten and baten, an afwijking beside the
    realisatie), but if it does, it must have exactly this value
  - scenario_alt: a second scenario that is also right (a prior-year 'Begroting N' in a budget may be
    read as primitief or na wijziging)
Anything the parser loads that is not listed (a total, a prognose, a mutation, a balance) is wrong.
"""

import csv
from pathlib import Path

HERE = Path(__file__).parent
DOCS: dict[str, dict] = {}


def fmt(value, style: str = "") -> str:
    """Dutch number: 1.234.567; style 'trail' puts the minus behind (4.977-), 'euro' prefixes '€ '."""
    negative = value < 0
    digits = f"{abs(value):,}".replace(",", ".")
    if style == "trail":
        return digits + ("-" if negative else "")
    text = ("-" if negative else "") + digits
    if style == "euro":
        return "€ " + text
    return text


def doc(name, code, text, facts, what):
    DOCS[name] = {"code": code, "text": text.strip("\n") + "\n", "facts": facts, "what": what}


def F(year, scenario, measure, code, name, amount, required=1, alt="", note=""):
    return {"fiscal_year": year, "scenario": scenario, "measure": measure, "category_code": code,
            "category_name": name, "amount_eur": amount, "required": required, "scenario_alt": alt, "note": note}


def col_sums(rows):
    return [sum(r[i] or 0 for r in rows) for i in range(len(rows[0]))]


# ---------------------------------------------------------------------------------------------- pipe tables

def d01():
    years = ["Realisatie 2022", "Begroting 2023", "Begroting 2024", "Raming 2025", "Raming 2026", "Raming 2027"]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", ""), (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""),
               (2027, "meerjarenraming", "")]
    lasten = [21604, 23118, 24950, 24310, 23987, 23987]
    baten = [6212, 5874, 6030, 6030, 5930, 5930]
    saldo = [b - l for l, b in zip(lasten, baten)]
    text = f"""
Programmabegroting 2024

Programma 3 Economie en werk

Wat willen we bereiken?

Wij willen een sterke regionale economie met werk voor iedereen die kan werken.

Wat mag het kosten?

Bedragen x € 1.000
| Omschrijving | {' | '.join(years)} |
|---|---|---|---|---|---|---|
| Lasten | {' | '.join(fmt(v) for v in lasten)} |
| Baten | {' | '.join(fmt(v) for v in baten)} |
| Saldo van baten en lasten | {' | '.join(fmt(v) for v in saldo)} |
"""
    facts = []
    for (y, s, alt), l, b in zip(meaning, lasten, baten):
        facts.append(F(y, s, "lasten", "", "Lasten|Programma 3 Economie en werk", l * 1000, alt=alt))
        facts.append(F(y, s, "baten", "", "Baten|Programma 3 Economie en werk", b * 1000, alt=alt))
    doc("pipe_apeldoorn_begroting_2024_programma", "GM0200", text, facts,
        "pipe, one programme, Lasten/Baten/Saldo rows, Realisatie/Begroting/Raming x 6 years, saldo = baten - lasten as a worded total")


def d02():
    lasten = [("6.1", "Samenkracht en burgerparticipatie", 8412, 9035, 8766),
              ("6.2", "Toegang en eerstelijnsvoorzieningen", 5120, 5388, 5611),
              ("6.3", "Inkomensregelingen", 31870, 34260, 33905),
              ("6.71a", "Huishoudelijke hulp (WMO)", 4300, 4650, 4812),
              ("6.72a", "Jeugdhulp begeleiding", 7940, 8510, 9204)]
    baten = [("6.1", "Samenkracht en burgerparticipatie", 1204, 1530, 1618),
             ("6.3", "Inkomensregelingen", 23100, 25480, 26012),
             ("6.71a", "Huishoudelijke hulp (WMO)", 210, 210, 186)]
    lines = ["Jaarrekening 2023", "", "Programma 2 Sociaal domein", "", "Overzicht per taakveld", "",
             "(bedragen x € 1.000)",
             "| Taakveld | Primaire begroting 2023 | Actuele begroting 2023 | Jaarrekening 2023 | Verschil | V/N |",
             "|---|---:|---:|---:|---:|:-:|",
             "| **Lasten** | | | | | |"]
    facts = []
    for code, name, p, a, r in lasten:
        v = a - r  # positive: less spent than budgeted = voordeel
        lines.append(f"| {code} {name} | {fmt(p)} | {fmt(a)} | {fmt(r)} | {fmt(v)} | {'V' if v >= 0 else 'N'} |")
        facts += [F(2023, "begroting_primitief", "lasten", code, name, p * 1000),
                  F(2023, "begroting_na_wijziging", "lasten", code, name, a * 1000),
                  F(2023, "realisatie", "lasten", code, name, r * 1000),
                  F(2023, "afwijking", "lasten", code, name, (r - a) * 1000, required=0)]
    tl = [sum(x[i] for x in lasten) for i in (2, 3, 4)]
    lines.append(f"| **Totaal lasten** | **{fmt(tl[0])}** | **{fmt(tl[1])}** | **{fmt(tl[2])}** | **{fmt(tl[1]-tl[2])}** | {'V' if tl[1]-tl[2] >= 0 else 'N'} |")
    lines.append("| **Baten** | | | | | |")
    for code, name, p, a, r in baten:
        v = r - a  # positive: more income = voordeel
        lines.append(f"| {code} {name} | {fmt(p)} | {fmt(a)} | {fmt(r)} | {fmt(v)} | {'V' if v >= 0 else 'N'} |")
        facts += [F(2023, "begroting_primitief", "baten", code, name, p * 1000),
                  F(2023, "begroting_na_wijziging", "baten", code, name, a * 1000),
                  F(2023, "realisatie", "baten", code, name, r * 1000),
                  F(2023, "afwijking", "baten", code, name, (r - a) * 1000, required=0)]
    tb = [sum(x[i] for x in baten) for i in (2, 3, 4)]
    lines.append(f"| **Totaal baten** | **{fmt(tb[0])}** | **{fmt(tb[1])}** | **{fmt(tb[2])}** | **{fmt(tb[2]-tb[1])}** | {'V' if tb[2]-tb[1] >= 0 else 'N'} |")
    s = [b - l for l, b in zip(tl, tb)]
    lines.append(f"| **Saldo** | **{fmt(s[0])}** | **{fmt(s[1])}** | **{fmt(s[2])}** | **{fmt(s[2]-s[1])}** | {'V' if s[2]-s[1] >= 0 else 'N'} |")
    lines += ["", "Verschil: V = voordelig, N = nadelig ten opzichte van de actuele begroting."]
    doc("pipe_zwolle_jaarrekening_2023_taakvelden", "GM0193", "\n".join(lines), facts,
        "markdown pipe, 2023 lettered codes, Lasten/Baten sections in bold, Primaire/Actuele begroting/Jaarrekening, Verschil + V/N column, totals")


def d03():
    heads = ["Realisatie 2022", "Begroting 2023 na 2e berap", "Primaire begroting 2024",
             "Meerjarenraming 2025", "Meerjarenraming 2026", "Meerjarenraming 2027"]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", ""), (2024, "begroting_primitief", ""),
               (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""), (2027, "meerjarenraming", "")]
    progs = [("Programma 1 Veiligheid", [14210, 15044, 15620, 15540, 15498, 15498], [1020, 980, 990, 990, 990, 990]),
             ("Programma 2 Verkeer en vervoer", [22415, 24870, 23960, 24105, 24390, 24390], [3105, 3460, 3380, 3380, 3380, 3380]),
             ("Programma 3 Onderwijs", [18033, 19212, 20447, 20970, 21104, 21230], [2874, 3012, 2950, 2950, 2950, 2950])]
    lines = ["Begroting 2024", "", "Financiële begroting", "", "Overzicht van baten en lasten per programma", "",
             "Bedragen * € 1.000", "",
             "| Programma | | " + " | ".join(heads) + " |", "|---|---|---|---|---|---|---|---|"]
    facts = []
    for name, l, b in progs:
        lines.append(f"| {name} | Lasten | " + " | ".join(fmt(-v) for v in l) + " |")
        lines.append("| | Baten | " + " | ".join(fmt(v) for v in b) + " |")
        lines.append("| | Saldo | " + " | ".join(fmt(bb - ll) for ll, bb in zip(l, b)) + " |")
        for (y, s, alt), ll, bb in zip(meaning, l, b):
            facts += [F(y, s, "lasten", "", name, ll * 1000), F(y, s, "baten", "", name, bb * 1000),
                      F(y, s, "saldo", "", name, (bb - ll) * 1000, required=0)]
    tl = [sum(p[1][i] for p in progs) for i in range(6)]
    tb = [sum(p[2][i] for p in progs) for i in range(6)]
    lines.append("| Totaal programma's | Lasten | " + " | ".join(fmt(-v) for v in tl) + " |")
    lines.append("| | Baten | " + " | ".join(fmt(v) for v in tb) + " |")
    lines.append("| | Saldo | " + " | ".join(fmt(b - l) for l, b in zip(tl, tb)) + " |")
    doc("pipe_enschede_begroting_2024_programmas", "GM0153", "\n".join(lines), facts,
        "pipe, programme label on the Lasten sub-row only (blank first cell after), lasten printed negative, saldo = lasten + baten as printed, 'na 2e berap', 'Primaire begroting', '* € 1.000', Totaal block")


def d04():
    h0 = [("0.1", "Bestuur", 3120, 1845700), ("0.2", "Burgerzaken", 412500, 968300), ("0.4", "Overhead", 210000, 7412950),
          ("0.5", "Treasury", 385000, 120400), ("0.61", "OZB woningen", 4102600, 96100),
          ("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds", 38912400, 0),
          ("0.8", "Overige baten en lasten", 0, -45000)]  # -45000: a genuinely negative cost (printed positive)
    h6 = [("6.1", "Samenkracht en burgerparticipatie", 240000, 2104350),
          ("6.3", "Inkomensregelingen", 5120000, 6870400),
          ("6.71a", "Huishoudelijke hulp (WMO)", 98000, 1650200),
          ("6.72a", "Jeugdhulp begeleiding", 0, 2230800),
          ("6.81a", "Beschermd wonen (WMO)", 0, 310000)]
    lines = ["# Programmabegroting 2024", "", "## 5. Overzicht baten en lasten per taakveld", "",
             "Bedragen in euro's. Lasten zijn negatief weergegeven.", ""]
    facts = []
    for title, rows, total_name in (("### H0 — Bestuur en ondersteuning", h0, "Totaal H0"),
                                    ("### H6 — Sociaal domein", h6, "Totaal H6")):
        lines += [title, "", "| Taakveld | Baten | Lasten | Saldo |", "|---|---:|---:|---:|"]
        for code, name, b, l in rows:
            lines.append(f"| {code} {name} | {fmt(b)} | {fmt(-l)} | {fmt(b - l)} |")
            facts += [F(2024, "begroting_primitief", "baten", code, name, b),
                      F(2024, "begroting_primitief", "lasten", code, name, l),
                      F(2024, "begroting_primitief", "saldo", code, name, b - l, required=0)]
        tb, tl = sum(r[2] for r in rows), sum(r[3] for r in rows)
        lines += [f"| **{total_name}** | **{fmt(tb)}** | **{fmt(-tl)}** | **{fmt(tb - tl)}** |", ""]
    doc("pipe_lochem_begroting_2024_hoofdtaakvelden", "GM0262", "\n".join(lines), facts,
        "markdown pipe per hoofdtaakveld, whole euros, year only in the title, Baten | Lasten | Saldo columns, lasten negative, one genuinely negative cost printed positive, bold totals")


def d05():
    lasten = [("6.1", "Samenkracht en burgerparticipatie", 4210, 1988, 4150),
              ("6.3", "Inkomensregelingen", 15340, 8012, 16020),
              ("6.4", "WSW en beschut werk", 3105, 1540, 3105),
              ("6.6", "Maatwerkvoorzieningen (WMO)", 1780, 702, 1690)]
    baten = [("6.3", "Inkomensregelingen", 11200, 5104, 11950),
             ("6.4", "WSW en beschut werk", 95, 12, 60)]
    lines = ["2e Bestuursrapportage 2024", "", "Programma 4 Sociaal domein", "", "Financiën", "",
             "Bedragen x €1.000",
             "| Taakveld | Begroting 2024 na wijziging | Realisatie t/m juni 2024 | Prognose 2024 | Afwijking | |",
             "|---|---|---|---|---|---|", "| Lasten | | | | | |"]
    facts = []
    for code, name, b, r, p in lasten:
        v = b - p
        lines.append(f"| {code} {name} | {fmt(b)} | {fmt(r)} | {fmt(p)} | {fmt(abs(v))} | {'V' if v >= 0 else 'N'} |")
        facts += [F(2024, "begroting_na_wijziging", "lasten", code, name, b * 1000),
                  F(2024, "realisatie_tot_heden", "lasten", code, name, r * 1000),
                  F(2024, "afwijking", "lasten", code, name, (p - b) * 1000, required=0)]
    lines.append("| Baten | | | | | |")
    for code, name, b, r, p in baten:
        v = p - b
        lines.append(f"| {code} {name} | {fmt(b)} | {fmt(r)} | {fmt(p)} | {fmt(abs(v))} | {'V' if v >= 0 else 'N'} |")
        facts += [F(2024, "begroting_na_wijziging", "baten", code, name, b * 1000),
                  F(2024, "realisatie_tot_heden", "baten", code, name, r * 1000),
                  F(2024, "afwijking", "baten", code, name, (p - b) * 1000, required=0)]
    doc("pipe_venray_bestuursrapportage_2024", "GM0984", "\n".join(lines), facts,
        "pipe, mid-year report, Begroting na wijziging / Realisatie t/m juni / Prognose / Afwijking (unsigned) + V/N, Lasten/Baten section rows")


def d06():
    heads = "| Taakveld | Rekening 2023 | Begroting 2024 | Begroting 2025 | 2026 | 2027 | 2028 |"
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", ""), (2026, "meerjarenraming", ""), (2027, "meerjarenraming", ""),
               (2028, "meerjarenraming", "")]
    lasten = [("8.1", "Ruimtelijke ordening", [2104, 2350, 2418, 2390, 2390, 2390]),
              ("8.2", "Grondexploitatie (niet-bedrijventerreinen)", [6870, 4120, 5530, 3980, 2210, None]),
              ("8.3", "Wonen en bouwen", [3412, 3690, 3775, 3801, 3801, 3801])]
    baten = [("8.1", "Ruimtelijke ordening", [412, 380, 395, 395, 395, 395]),
             ("8.2", "Grondexploitatie (niet-bedrijventerreinen)", [7230, 4120, 5530, 3980, 2210, None]),
             ("8.3", "Wonen en bouwen", [1806, 1650, 1702, 1702, 1702, 1702])]
    lines = ["Programmabegroting 2025", "", "Programma 7 Wonen en ruimte", "", "Wat mag het kosten?", "",
             "Lasten per taakveld (x € 1.000)", heads, "|---|---|---|---|---|---|---|"]
    facts = []

    def table(rows, measure):
        out = []
        for code, name, vals in rows:
            out.append(f"| {code} {name} | " + " | ".join("-" if v is None else fmt(v) for v in vals) + " |")
            for (y, s, alt), v in zip(meaning, vals):
                if v is not None:
                    facts.append(F(y, s, measure, code, name, v * 1000, alt=alt))
        tot = [sum(r[2][i] or 0 for r in rows) for i in range(6)]
        out.append("| Totaal | " + " | ".join(fmt(v) for v in tot) + " |")
        return out
    lines += table(lasten, "lasten")
    lines += ["", "De lasten van grondexploitatie volgen de fasering van de bouwplannen. Na 2027 is nog geen",
              "grondexploitatie geopend; daarom zijn voor 2028 geen bedragen opgenomen.", "",
              "Baten per taakveld (x € 1.000)", heads, "|---|---|---|---|---|---|---|"]
    lines += table(baten, "baten")
    doc("pipe_arnhem_begroting_2025_twee_tabellen", "GM0202", "\n".join(lines), facts,
        "two pipe tables (Lasten per taakveld, Baten per taakveld) with prose between, meerjaren columns with bare years, '-' cells, Totaal rows")


# ---------------------------------------------------------------------------------------- space-separated rows

def d07():
    years = [2023, 2024, 2025, 2026, 2027, 2028]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", ""), (2026, "meerjarenraming", ""), (2027, "meerjarenraming", ""),
               (2028, "meerjarenraming", "")]
    groups = [("0 Bestuur en ondersteuning", [("0.1", "Bestuur", [3512, 3804, 3950, 3921, 3921, 3905]),
                                              ("0.2", "Burgerzaken", [1630, 1702, 1788, 1790, 1792, 1792]),
                                              ("0.4", "Overhead", [24118, 25640, 26905, 26710, 26540, 26540])]),
              ("1 Veiligheid", [("1.1", "Crisisbeheersing en brandweer", [5410, 5602, 5915, 6012, 6012, 6012]),
                                ("1.2", "Openbare orde en veiligheid", [1288, 1344, 1402, 1402, 1402, 1402])]),
              ("2 Verkeer, vervoer en waterstaat", [("2.1", "Verkeer en vervoer", [9870, 10412, 10905, 11020, 11090, 11090]),
                                                    ("2.2", "Parkeren", [412, 455, 470, 470, 470, 470])])]
    lines = ["Programmabegroting 2025", "", "Bijlage 3 Lasten per taakveld", "", "Bedragen x € 1.000",
             "Taakveld Realisatie 2023 Begroting 2024 Begroting 2025 Raming 2026 Raming 2027 Raming 2028"]
    facts = []
    grand = [0] * 6
    for head, rows in groups:
        sub = [sum(r[2][i] for r in rows) for i in range(6)]
        grand = [g + s for g, s in zip(grand, sub)]
        lines.append(head + " " + " ".join(fmt(v) for v in sub))
        for code, name, vals in rows:
            lines.append(f"{code} {name} " + " ".join(fmt(v) for v in vals))
            for (y, s, alt), v in zip(meaning, vals):
                facts.append(F(y, s, "lasten", code, name, v * 1000, alt=alt))
    lines.append("Totaal lasten " + " ".join(fmt(v) for v in grand))
    doc("spaced_emmen_begroting_2025_lasten_taakveld", "GM0114", "\n".join(lines), facts,
        "space-separated rows, Lasten per taakveld, hoofdtaakveld rows printed ABOVE their taakvelden with their sums, Realisatie/Begroting/Raming header on one line, Totaal lasten")


def d08():
    progs = [("1 Bestuur en dienstverlening", (12410, 2105), (12980, 2240), (12655, 2391)),
             ("2 Veiligheid", (6320, 150), (6510, 150), (6488, 204)),
             ("3 Fysieke leefomgeving", (28750, 14820), (31105, 15230), (29870, 15512)),
             ("4 Sociaal domein", (61200, 18400), (64950, 21030), (66120, 22480))]
    alg = [("Algemene dekkingsmiddelen", (1200, 98450), (1240, 101300), (1302, 102115))]
    lines = ["Jaarrekening 2022", "", "Overzicht van baten en lasten", "", "Bedragen x € 1.000",
             "Programma Begroting 2022 primitief Begroting 2022 na wijziging Realisatie 2022",
             "Lasten Baten Saldo Lasten Baten Saldo Lasten Baten Saldo"]
    facts = []
    scen = ["begroting_primitief", "begroting_na_wijziging", "realisatie"]

    def row(name, groups):
        cells = []
        for l, b in groups:
            cells += [fmt(l), fmt(-b), fmt(l - b)]
        return f"{name} " + " ".join(cells)
    for name, *groups in progs + alg:
        lines.append(row(name, groups))
        for s, (l, b) in zip(scen, groups):
            facts += [F(2022, s, "lasten", "", name, l * 1000), F(2022, s, "baten", "", name, b * 1000),
                      F(2022, s, "saldo", "", name, (b - l) * 1000, required=0)]
        if name.startswith("4 "):
            tot = [(sum(p[i][0] for p in progs), sum(p[i][1] for p in progs)) for i in (1, 2, 3)]
            lines.append(row("Totaal programma's", tot))
    every = progs + alg
    tot = [(sum(p[i][0] for p in every), sum(p[i][1] for p in every)) for i in (1, 2, 3)]
    lines.append(row("Saldo van baten en lasten", tot))
    stort, ontt = (3200, 5100, 5100), (1800, 4650, 4210)
    lines.append("Toevoegingen aan reserves " + " ".join(f"{fmt(s)} - {fmt(s)}" for s in stort))
    lines.append("Onttrekkingen aan reserves " + " ".join(f"- {fmt(-o)} {fmt(-o)}" for o in ontt))
    for s, st, on in zip(scen, stort, ontt):
        facts += [F(2022, s, "reserves_storting", "", "Toevoegingen aan reserves", st * 1000),
                  F(2022, s, "reserves_onttrekking", "", "Onttrekkingen aan reserves", on * 1000)]
    res = [(t[0] + st, t[1] + on) for t, st, on in zip(tot, stort, ontt)]
    lines.append(row("Resultaat", res))
    doc("spaced_deventer_jaarrekening_2022_programmas", "GM0150", "\n".join(lines), facts,
        "space-separated rows, 3 groups x Lasten/Baten/Saldo, baten printed negative, saldo = lasten + baten (lasten - baten in magnitudes), reserve rows with '-' cells, Totaal/Saldo/Resultaat rows")


def d09():
    lasten = [("2.1", "Verkeer en vervoer", 6820, 7105, 2915),
              ("5.7", "Openbaar groen en (openlucht) recreatie", 4410, 4690, 2230),
              ("7.2", "Riolering", 3980, 3980, 1602),
              ("7.3", "Afval", 5120, 5340, 2788)]
    baten = [("7.2", "Riolering", 4650, 4650, 4601), ("7.3", "Afval", 5890, 5890, 5702)]
    lines = ["Najaarsnota 2024", "", "Programma 2 Fysiek domein", "", "bedragen x € 1.000",
             "Taakveld Primitieve begroting 2024 Begroting 2024 na wijziging Realisatie t/m juni 2024", "Lasten"]
    facts = []
    for code, name, p, w, r in lasten:
        lines.append(f"{code} {name} {fmt(p)} {fmt(w)} {fmt(r)}")
        facts += [F(2024, "begroting_primitief", "lasten", code, name, p * 1000),
                  F(2024, "begroting_na_wijziging", "lasten", code, name, w * 1000),
                  F(2024, "realisatie_tot_heden", "lasten", code, name, r * 1000)]
    lines.append("Totaal lasten " + " ".join(fmt(sum(x[i] for x in lasten)) for i in (2, 3, 4)))
    lines.append("Baten")
    for code, name, p, w, r in baten:
        lines.append(f"{code} {name} {fmt(p)} {fmt(w)} {fmt(r)}")
        facts += [F(2024, "begroting_primitief", "baten", code, name, p * 1000),
                  F(2024, "begroting_na_wijziging", "baten", code, name, w * 1000),
                  F(2024, "realisatie_tot_heden", "baten", code, name, r * 1000)]
    lines.append("Totaal baten " + " ".join(fmt(sum(x[i] for x in baten)) for i in (2, 3, 4)))
    doc("spaced_zutphen_najaarsnota_2024", "GM0301", "\n".join(lines), facts,
        "space-separated rows, mid-year report: Primitieve begroting / na wijziging / Realisatie t/m juni, Lasten and Baten sections, totals")


def d10():
    rows = [("0.1", "Bestuur", (2114, 12), (2250, None), (2305, 8)),
            ("0.10", "Mutaties reserves", (4300, 6120), (1200, 3450), (1250, 3980)),
            ("0.2", "Burgerzaken", (905, 402), (940, 380), (921, 415)),
            ("0.3", "Beheer overige gebouwen en gronden", (388, 512), (402, 470), (455, 498)),
            ("0.5", "Treasury", (120, 1806), (110, 1650), (98, 1702))]
    lines = ["Jaarverslag 2021", "", "Overzicht baten en lasten per taakveld", "(bedragen x € 1.000)",
             "Taakveld Rekening 2020 Begroting 2021 Rekening 2021", "Lasten Baten Lasten Baten Lasten Baten"]
    facts = []
    scen = [(2020, "realisatie", ""), (2021, "begroting_na_wijziging", "begroting_primitief"), (2021, "realisatie", "")]
    for code, name, *groups in rows:
        cells = []
        for l, b in groups:
            cells += [fmt(-l, "trail"), "-" if b is None else fmt(b)]
        lines.append(f"{code} {name} " + " ".join(cells))
        for (y, s, alt), (l, b) in zip(scen, groups):
            ml, mb = "lasten", "baten"  # 0.10 stays lasten/baten under its code, as in the corpus gold
            facts.append(F(y, s, ml, code, name, l * 1000, alt=alt))
            if b is not None:
                facts.append(F(y, s, mb, code, name, b * 1000, alt=alt))
    cells = []
    for i in range(3):
        cells += [fmt(-sum(r[2 + i][0] for r in rows), "trail"), fmt(sum(r[2 + i][1] or 0 for r in rows))]
    lines.append("Totaal hoofdtaakveld 0 " + " ".join(cells))
    doc("spaced_hoogeveen_jaarverslag_2021_taakvelden", "GM0118", "\n".join(lines), facts,
        "space-separated rows, year x Lasten/Baten on two header lines, lasten with TRAILING minus, '-' cell, 0.10 Mutaties reserves row, plain 'Begroting 2021' in accounts")


def d11():
    rows = [("0.1", "Bestuur", 1845230, 1902417), ("0.2", "Burgerzaken", 702115, 688940),
            ("0.4", "Overhead", 6410880, 6532904), ("0.9", "Vennootschapsbelasting (VpB)", 12500, 9812),
            ("1.1", "Crisisbeheersing en brandweer", 1690400, 1702355), ("2.1", "Verkeer en vervoer", 3104560, 2987011)]
    lines = ["Jaarrekening 2024", "", "Lasten per taakveld", "",
             "Taakveld Begroting 2024 na wijziging Realisatie 2024"]
    facts = []
    for code, name, b, r in rows:
        lines.append(f"{code} {name} {fmt(b, 'euro')} {fmt(r, 'euro')}")
        facts += [F(2024, "begroting_na_wijziging", "lasten", code, name, b),
                  F(2024, "realisatie", "lasten", code, name, r)]
    lines.append("Totaal " + fmt(sum(r[2] for r in rows), "euro") + " " + fmt(sum(r[3] for r in rows), "euro"))
    doc("spaced_epe_jaarrekening_2024_euros", "GM0232", "\n".join(lines), facts,
        "space-separated rows in WHOLE EUROS with '€ ' before every amount, no unit caption, Lasten per taakveld title")


def d12():
    progs = [("Programma 1 Bestuur", [6210, 6480, 6655, 6655, 6702, 6702], [512, 498, 505, 505, 505, 505]),
             ("Programma 2 Leefomgeving", [14320, 15105, 15890, 16020, 16020, 16110], [8905, 9210, 9630, 9700, 9700, 9760]),
             ("Programma 3 Sociaal domein", [31450, 33020, 34115, 34400, 34650, 34650], [6120, 6380, 6410, 6410, 6410, 6410])]
    meaning = [(2021, "realisatie", ""), (2022, "begroting_na_wijziging", "begroting_primitief"),
               (2023, "begroting_primitief", ""), (2024, "meerjarenraming", ""), (2025, "meerjarenraming", ""),
               (2026, "meerjarenraming", "")]
    lines = ["Programmabegroting 2023", "", "Overzicht van baten en lasten", "Bedragen x € 1.000", "",
             "\tRekening 2021\tBegroting 2022\tBegroting 2023\t2024\t2025\t2026"]
    facts = []
    for name, l, b in progs:
        lines.append(name)
        lines.append("Lasten\t" + "\t".join(fmt(v) for v in l))
        lines.append("Baten\t" + "\t".join(fmt(v) for v in b))
        lines.append("Saldo\t" + "\t".join(fmt(bb - ll) for ll, bb in zip(l, b)))
        for (y, s, alt), ll, bb in zip(meaning, l, b):
            facts += [F(y, s, "lasten", "", name, ll * 1000, alt=alt), F(y, s, "baten", "", name, bb * 1000, alt=alt),
                      F(y, s, "saldo", "", name, (bb - ll) * 1000, required=0, alt=alt)]
    doc("tabbed_wageningen_begroting_2023_programmas", "GM0289", "\n".join(lines), facts,
        "TAB-separated rows (a table copied out of a word processor), programme heading then Lasten/Baten/Saldo rows, header row starting with a tab")


# ------------------------------------------------------------------------------------------- one cell per line

def flat(lines_in):
    """One cell per line with a blank line between cells, as many web platforms flatten."""
    out = []
    for cell in lines_in:
        out += [cell, ""]
    return out


def d13():
    heads = ["Realisatie 2022", "Begroting 2023", "Begroting 2024", "Raming 2025", "Raming 2026", "Raming 2027"]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", ""), (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""),
               (2027, "meerjarenraming", "")]
    rows = [("4.1", "Openbaar basisonderwijs", [412, 430, 445, 445, 445, 445], [38, 40, 40, 40, 40, 40]),
            ("4.2", "Onderwijshuisvesting", [3105, 3380, 3512, 3620, 3710, 3710], [210, 215, 215, 215, 215, 215]),
            ("4.3", "Onderwijsbeleid en leerlingzaken", [2870, 3012, 3140, 3100, 3100, 3100], [1402, 1380, 1410, 1410, 1410, 1410])]
    cells = ["Begroting 2024", "Programma 5 Onderwijs", "Wat mag het kosten?", "Bedragen x € 1.000", "Taakveld"] + heads
    facts = []
    for code, name, l, b in rows:
        cells.append(f"{code} {name}")
        cells += ["Lasten"] + [fmt(v) for v in l]
        cells += ["Baten"] + [fmt(v) for v in b]
        cells += ["Saldo"] + [fmt(bb - ll) for ll, bb in zip(l, b)]
        for (y, s, alt), ll, bb in zip(meaning, l, b):
            facts += [F(y, s, "lasten", code, name, ll * 1000, alt=alt), F(y, s, "baten", code, name, bb * 1000, alt=alt),
                      F(y, s, "saldo", code, name, (bb - ll) * 1000, required=0, alt=alt)]
    tl = col_sums([r[2] for r in rows])
    tb = col_sums([r[3] for r in rows])
    cells += ["Totaal programma", "Lasten"] + [fmt(v) for v in tl] + ["Baten"] + [fmt(v) for v in tb]
    cells += ["Saldo"] + [fmt(b - l) for l, b in zip(tl, tb)]
    doc("flat_leeuwarden_begroting_2024_onderwijs", "GM0080", "\n".join(flat(cells)), facts,
        "one cell per line, taakveld code+name then Lasten/Baten/Saldo sub-rows, 6 year columns, Totaal programma block")


def d14():
    rows = [("0.5", "Treasury", 1850, 1910, 2044), ("0.61", "OZB woningen", 21400, 21400, 21655),
            ("0.62", "OZB niet-woningen", 14200, 14200, 13980), ("0.64", "Belastingen overig", 2105, 2250, 2310),
            ("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds", 301250, 309840, 311002)]
    cells = ["Jaarrekening 2022", "Baten per taakveld", "Taakveld", "Primitieve begroting 2022",
             "Begroting na wijziging 2022", "Realisatie 2022", "Verschil", "V/N"]
    facts = []
    for code, name, p, w, r in rows:
        v = r - w
        cells += [code, name, fmt(p), fmt(w), fmt(r), fmt(v), "V" if v >= 0 else "N"]
        facts += [F(2022, "begroting_primitief", "baten", code, name, p * 1000),
                  F(2022, "begroting_na_wijziging", "baten", code, name, w * 1000),
                  F(2022, "realisatie", "baten", code, name, r * 1000),
                  F(2022, "afwijking", "baten", code, name, v * 1000, required=0)]
    t = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    cells += ["Totaal baten", fmt(t[0]), fmt(t[1]), fmt(t[2]), fmt(t[2] - t[1]), "V" if t[2] >= t[1] else "N"]
    cells += ["Bedragen x € 1.000"]
    doc("flat_breda_jaarrekening_2022_baten", "GM0758", "\n".join(c for c in cells), facts,
        "one cell per line without blank lines, code and name on separate lines, Baten per taakveld title, Verschil and V/N on own lines, unit caption UNDER the table")


def d15():
    progs = [("1. Bestuur en organisatie", (8120, 1240), (8610, 1302), (8895, 1290)),
             ("2. Veiligheid en handhaving", (7402, 610), (7815, 590), (8010, 605)),
             ("3. Duurzaamheid en milieu", (15230, 12870), (16120, 13405), (16640, 13980)),
             ("4. Economie en cultuur", (11405, 2980), (12230, 3115), (12105, 3090))]
    cells = ["Programmabegroting 2024", "Overzicht baten en lasten", "Bedragen x 1.000 euro", "Programma",
             "Rekening 2022", "Begroting 2023 na 2e berap", "Begroting 2024",
             "Lasten", "Baten", "Lasten", "Baten", "Lasten", "Baten"]
    scen = [(2022, "realisatie"), (2023, "begroting_na_wijziging"), (2024, "begroting_primitief")]
    facts = []
    for name, *groups in progs:
        cells.append(name)
        for (y, s), (l, b) in zip(scen, groups):
            cells += [fmt(l), fmt(-b)]
            facts += [F(y, s, "lasten", "", name, l * 1000), F(y, s, "baten", "", name, b * 1000)]
    cells.append("Totaal")
    for i in range(3):
        cells += [fmt(sum(p[1 + i][0] for p in progs)), fmt(-sum(p[1 + i][1] for p in progs))]
    doc("flat_haarlem_begroting_2024_programmas", "GM0392", "\n".join(flat(cells)), facts,
        "one cell per line, year x Lasten/Baten two-level header, baten printed negative, 'x 1.000 euro', 'Begroting 2023 na 2e berap', numbered programmes '1. ...'")


def d16():
    progs = [("Programma 1 Wonen en leven", (22104, 9870), (23410, 10120), (10880, 3915)),
             ("Programma 2 Werk en inkomen", (54230, 38720), (56105, 39950), (27960, 18830)),
             ("Programma 3 Zorg en welzijn", (71400, 6120), (74280, 6480), (36875, 2904))]
    cells = ["Bestuursrapportage 2024", "Financieel overzicht per programma", "Bedragen x € 1.000",
             "Jaarrekening 2023", "Begroting 2024", "Realisatie t/m juni 2024"]
    scen = [(2023, "realisatie"), (2024, "begroting_na_wijziging"), (2024, "realisatie_tot_heden")]
    facts = []
    for name, *groups in progs:
        cells.append(name)
        cells += ["Lasten"] + [fmt(g[0]) for g in groups]
        cells += ["Baten"] + [fmt(g[1]) for g in groups]
        cells += ["Saldo"] + [fmt(g[1] - g[0]) for g in groups]
        for (y, s), (l, b) in zip(scen, groups):
            facts += [F(y, s, "lasten", "", name, l * 1000), F(y, s, "baten", "", name, b * 1000),
                      F(y, s, "saldo", "", name, (b - l) * 1000, required=0)]
    doc("flat_almere_bestuursrapportage_2024", "GM0034", "\n".join(flat(cells)), facts,
        "one cell per line, mid-year report: Jaarrekening 2023 / Begroting 2024 / Realisatie t/m juni 2024, programme then Lasten/Baten/Saldo sub-rows, no total")


def d17():
    progs = [("Programma 1 Bestuur", [-6210, -6105, -6090, -6090]), ("Programma 2 Veiligheid", [-3402, -3450, -3480, -3480]),
             ("Programma 3 Ruimte en wonen", [-8130, -8310, -8120, -8005]), ("Programma 4 Sociaal domein", [-31205, -31990, -32640, -33110]),
             ("Algemene dekkingsmiddelen", [49870, 50120, 50455, 50980])]
    meaning = [(2025, "begroting_primitief"), (2026, "meerjarenraming"), (2027, "meerjarenraming"), (2028, "meerjarenraming")]
    cells = ["Programmabegroting 2025", "Saldo per programma", "Bedragen x € 1.000 (- = nadeel)", "Programma",
             "Begroting 2025", "Raming 2026", "Raming 2027", "Raming 2028"]
    facts = []
    for name, vals in progs:
        cells += [name] + [fmt(v) for v in vals]
        for (y, s), v in zip(meaning, vals):
            facts.append(F(y, s, "saldo", "", name, v * 1000))
    t = col_sums([p[1] for p in progs])
    cells += ["Saldo van baten en lasten"] + [fmt(v) for v in t]
    doc("flat_meppel_begroting_2025_saldi", "GM0119", "\n".join(flat(cells)), facts,
        "one cell per line, SALDO-only per programme over 4 years, '- = nadeel' caption, Saldo van baten en lasten total")


def d18():
    progs = [("Bestuur en organisatie", (7410, 905), (7620, 880), (7805, 890)),
             ("Openbare ruimte", (19204, 8410), (20115, 8790), (20560, 9012)),
             ("Sociaal domein", (48730, 11260), (51020, 12105), (52240, 12380))]
    res = [("Toevoeging aan reserves", (2450, None), (1800, None), (950, None)),
           ("Onttrekking aan reserves", (None, 3105), (None, 2670), (None, 1420))]
    cells = ["Begroting 2024", "Overzicht van baten en lasten", "(x € 1.000)", "Omschrijving",
             "Rekening 2022", "Begroting 2023", "Begroting 2024",
             "Lasten", "Baten", "Lasten", "Baten", "Lasten", "Baten"]
    scen = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"), (2024, "begroting_primitief", "")]
    facts = []
    for name, *groups in progs:
        cells.append(name)
        for (y, s, alt), (l, b) in zip(scen, groups):
            cells += [fmt(l), fmt(b)]
            facts += [F(y, s, "lasten", "", name, l * 1000, alt=alt), F(y, s, "baten", "", name, b * 1000, alt=alt)]
    cells.append("Saldo van baten en lasten")
    for i in range(3):
        cells += [fmt(sum(p[1 + i][0] for p in progs)), fmt(sum(p[1 + i][1] for p in progs))]
    for name, *groups in res:
        cells.append(name)
        for (y, s, alt), (l, b) in zip(scen, groups):
            cells += ["-" if l is None else fmt(l), "-" if b is None else fmt(b)]
            if l is not None:
                facts.append(F(y, s, "reserves_storting", "", name, l * 1000, alt=alt))
            if b is not None:
                facts.append(F(y, s, "reserves_onttrekking", "", name, b * 1000, alt=alt))
    doc("flat_doetinchem_begroting_2024_reserves", "GM0222", "\n".join(flat(cells)), facts,
        "one cell per line, year x Lasten/Baten, programme rows, a worded total, then Toevoeging/Onttrekking aan reserves rows with '-' cells")


def d19():
    rows = [("0.1", "Bestuur", 2104500, 15200), ("0.2", "Burgerzaken", 812300, 290400),
            ("0.3", "Beheer overige gebouwen en gronden", 455000, 610250), ("0.4", "Overhead", 5870400, 120000),
            ("1.1", "Crisisbeheersing en brandweer", 1410700, 0), ("1.2", "Openbare orde en veiligheid", 402800, 36500)]
    cells = ["Programmabegroting 2024", "Bijlage: Overzicht van baten en lasten per taakveld", "Taakveld", "Lasten", "Baten", "Saldo"]
    facts = []
    for code, name, l, b in rows:
        cells += [f"{code} {name}", fmt(l), fmt(b), fmt(b - l)]
        facts += [F(2024, "begroting_primitief", "lasten", code, name, l), F(2024, "begroting_primitief", "baten", code, name, b),
                  F(2024, "begroting_primitief", "saldo", code, name, b - l, required=0)]
    tl, tb = sum(r[2] for r in rows), sum(r[3] for r in rows)
    cells += ["Totaal", fmt(tl), fmt(tb), fmt(tb - tl)]
    doc("flat_putten_begroting_2024_taakvelden_zonder_jaar", "GM0273", "\n".join(flat(cells)), facts,
        "one cell per line, whole euros, headers Lasten/Baten/Saldo WITHOUT a year: the year is only in the title 'Programmabegroting 2024'")


def d20():
    rows = [("Programma 1 Samenleving", (40210, 6120), (42505, 6380), (41980, 6712)),
            ("Programma 2 Economie", (5120, 1402), (5480, 1390), (5310, 1455)),
            ("Programma 3 Ruimte", (22840, 14105), (24120, 14990), (23550, 15204))]
    cells = ["Jaarstukken 2023", "Programmaverantwoording", "Wat heeft het gekost?", "bedragen x € 1.000", "",
             "Rekening\n2022", "Begroting\n2023\nna wijziging", "Rekening\n2023", "Verschil"]
    scen = [(2022, "realisatie"), (2023, "begroting_na_wijziging"), (2023, "realisatie")]
    facts = []
    for name, *groups in rows:
        cells.append(name)
        (l0, b0), (l1, b1), (l2, b2) = groups
        cells += ["Lasten", fmt(-l0), fmt(-l1), fmt(-l2), fmt(-(l2 - l1))]
        cells += ["Baten", fmt(b0), fmt(b1), fmt(b2), fmt(b2 - b1)]
        cells += ["Saldo", fmt(b0 - l0), fmt(b1 - l1), fmt(b2 - l2), fmt((b2 - l2) - (b1 - l1))]
        for (y, s), (l, b) in zip(scen, groups):
            facts += [F(y, s, "lasten", "", name, l * 1000), F(y, s, "baten", "", name, b * 1000),
                      F(y, s, "saldo", "", name, (b - l) * 1000, required=0)]
        facts += [F(2023, "afwijking", "lasten", "", name, (l2 - l1) * 1000, required=0),
                  F(2023, "afwijking", "baten", "", name, (b2 - b1) * 1000, required=0),
                  F(2023, "afwijking", "saldo", "", name, ((b2 - l2) - (b1 - l1)) * 1000, required=0)]
    doc("flat_hengelo_jaarstukken_2023_programmas", "GM0164", "\n".join(flat(cells)), facts,
        "one cell per line, header cells with inner newlines (Rekening / 2022), lasten printed NEGATIVE, Verschil = rekening - begroting in printed signs, programme then Lasten/Baten/Saldo")


def d21():
    lines = ["Programmabegroting 2024", "", "Bedragen x € 1.000", ""]
    facts = []
    for name, l, b in (("Programma 3: Wonen en leefomgeving", 18452, 6310), ("Programma 4: Werk en inkomen", 29870, 19204)):
        lines += [name, "Omschrijving Begroting 2024", f"Lasten {fmt(l)}", f"Baten {fmt(b)}", f"Saldo {fmt(b - l)}", ""]
        facts += [F(2024, "begroting_primitief", "lasten", "", f"{name}|Lasten", l * 1000),
                  F(2024, "begroting_primitief", "baten", "", f"{name}|Baten", b * 1000),
                  F(2024, "begroting_primitief", "saldo", "", f"{name}|Saldo", (b - l) * 1000, required=0)]
    doc("lines_putten_begroting_2024_programmas", "GM0273", "\n".join(lines), facts,
        "label then one number, per programme heading, 'Omschrijving Begroting 2024' column header, Lasten/Baten/Saldo lines")


def d22():
    l, b, st, on = 9874, 1106, 250, 410
    lines = ["Programmarekening 2023", "", "Programma 1 Bestuur en veiligheid",
             "Omschrijving Realisatie 2023 (x € 1.000)", f"Lasten {fmt(l)}", f"Baten {fmt(b)}",
             f"Saldo van baten en lasten {fmt(b - l)}", f"Toevoeging reserves {fmt(st)}",
             f"Onttrekking reserves {fmt(on)}", f"Resultaat {fmt(b - l - st + on)}"]
    name = "Programma 1 Bestuur en veiligheid"
    facts = [F(2023, "realisatie", "lasten", "", f"{name}|Lasten", l * 1000),
             F(2023, "realisatie", "baten", "", f"{name}|Baten", b * 1000),
             F(2023, "realisatie", "reserves_storting", "", f"{name}|Toevoeging reserves", st * 1000),
             F(2023, "realisatie", "reserves_onttrekking", "", f"{name}|Onttrekking reserves", on * 1000)]
    doc("lines_lochem_programmarekening_2023", "GM0262", "\n".join(lines), facts,
        "label then one number, accounts, Realisatie 2023 header with unit, saldo/resultaat totals, reserve flow lines")


def d23():
    rows = [("Programma 1 Inwoner en bestuur", (9120, 1405), (9002, 1598)),
            ("Programma 2 Leefbaarheid", (21340, 9870), (22105, 10240)),
            ("Programma 3 Zorg en participatie", (45210, 12030), (44380, 12890)),
            ("Algemene dekkingsmiddelen", (812, 73450), (790, 74102))]
    lines = ["Jaarrekening 2022", "", "Programma's in één oogopslag", "",
             "| Bedragen x € 1.000 | Begroting 2022 na wijziging | | | Realisatie 2022 | | |",
             "|---|---|---|---|---|---|---|",
             "| Programma | Lasten | Baten | Saldo | Lasten | Baten | Saldo |"]
    facts = []
    for name, (l1, b1), (l2, b2) in rows:
        lines.append(f"| {name} | {fmt(l1)} | {fmt(b1)} | {fmt(l1 - b1)} | {fmt(l2)} | {fmt(b2)} | {fmt(l2 - b2)} |")
        facts += [F(2022, "begroting_na_wijziging", "lasten", "", name, l1 * 1000),
                  F(2022, "begroting_na_wijziging", "baten", "", name, b1 * 1000),
                  F(2022, "begroting_na_wijziging", "saldo", "", name, (b1 - l1) * 1000, required=0),
                  F(2022, "realisatie", "lasten", "", name, l2 * 1000),
                  F(2022, "realisatie", "baten", "", name, b2 * 1000),
                  F(2022, "realisatie", "saldo", "", name, (b2 - l2) * 1000, required=0)]
    t = [sum(r[i][j] for r in rows) for i in (1, 2) for j in (0, 1)]
    lines.append(f"| Totaal | {fmt(t[0])} | {fmt(t[1])} | {fmt(t[0] - t[1])} | {fmt(t[2])} | {fmt(t[3])} | {fmt(t[2] - t[3])} |")
    doc("pipe_peelenmaas_jaarrekening_2022_saldo_lasten_min_baten", "GM1894", "\n".join(lines), facts,
        "pipe, two-row header (scenario spans over Lasten/Baten/Saldo, unit in the corner cell), saldo printed as lasten - baten")


def d24():
    progs = [("Programma 1 Stad en bestuur", [11205, 11890, 12310, 12240, 12240, 12180], [1830, 1904, 1950, 1950, 1950, 1950]),
             ("Programma 2 Economie en cultuur", [24310, 25870, 26405, 26120, 25980, 25980], [6120, 6480, 6530, 6530, 6530, 6530])]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", ""), (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""),
               (2027, "meerjarenraming", "")]
    lines = ["Programmabegroting 2024", "", "Financieel overzicht", "x € 1.000",
             "Rekening Begroting Begroting Meerjarenraming", "2022 2023 2024 2025 2026 2027"]
    facts = []
    for name, l, b in progs:
        lines.append(name)
        lines.append("Lasten " + " ".join(fmt(v) for v in l))
        lines.append("Baten " + " ".join(fmt(v) for v in b))
        lines.append("Saldo " + " ".join(fmt(bb - ll) for ll, bb in zip(l, b)))
        for (y, s, alt), ll, bb in zip(meaning, l, b):
            facts += [F(y, s, "lasten", "", name, ll * 1000, alt=alt), F(y, s, "baten", "", name, bb * 1000, alt=alt),
                      F(y, s, "saldo", "", name, (bb - ll) * 1000, required=0, alt=alt)]
    doc("spaced_maastricht_begroting_2024_tweeregelkop", "GM0935", "\n".join(lines), facts,
        "space-separated rows, two-line header (scenario words, then years, 'Meerjarenraming' spanning 3 years), programme heading then Lasten/Baten/Saldo")


def d25():
    rows = [("6.1", "Samenkracht en burgerparticipatie", (6120, 6480, 6395)),
            ("6.2", "Wijkteams", (4310, 4620, 4788)),
            ("6.3", "Inkomensregelingen", (28900, 30105, 29740)),
            ("6.71", "Maatwerkdienstverlening 18+", (7205, 7650, 7912))]
    cells = ["Jaarrekening 2022", "Lasten taakvelden programma Zorg", "Bedragen x € 1.000",
             "Taakveld", "Realisatie 2021", "Begroting 2022 na wijziging", "Realisatie 2022", "Verschil"]
    facts = []
    for code, name, (r1, w, r2) in rows:
        cells += [f"{code} {name}", fmt(r1), fmt(w), fmt(r2), fmt(r2 - w)]
        facts += [F(2021, "realisatie", "lasten", code, name, r1 * 1000),
                  F(2022, "begroting_na_wijziging", "lasten", code, name, w * 1000),
                  F(2022, "realisatie", "lasten", code, name, r2 * 1000),
                  F(2022, "afwijking", "lasten", code, name, (r2 - w) * 1000, required=0)]
    cells += ["Totaal lasten"] + [fmt(sum(r[2][i] for r in rows)) for i in range(3)]
    cells += [fmt(sum(r[2][2] - r[2][1] for r in rows))]
    doc("flat_rotterdam_jaarrekening_2022_lasten_zorg", "GM0599", "\n".join(flat(cells)), facts,
        "one cell per line, 'Realisatie 2021 | Begroting 2022 na wijziging | Realisatie 2022 | Verschil', title says Lasten, Totaal row")


for make in (d01, d02, d03, d04, d05, d06, d07, d08, d09, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20,
             d21, d22, d23, d24, d25):
    make()

if __name__ == "__main__":
    index = []
    fields = ["file", "municipality_code", "layout", "sidecar", "expect"]
    if (HERE / "documents.csv").exists():  # keep the rows other scripts (make_fixtures_round2.py) wrote
        index = [dict(r) for r in csv.DictReader((HERE / "documents.csv").open(encoding="utf-8"))
                 if r["file"][:-4] not in DOCS]
    for name, d in DOCS.items():
        (HERE / f"{name}.txt").write_text(d["text"], encoding="utf-8")
        with (HERE / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(d["facts"][0]))
            writer.writeheader()
            writer.writerows(d["facts"])
        index.append({"file": f"{name}.txt", "municipality_code": d["code"], "layout": d["what"]})
    for row in index:
        row["sidecar"], row["expect"] = row.get("sidecar") or 1, row.get("expect") or "ok"
    with (HERE / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(index)
    print(f"{len(DOCS)} documents written")
