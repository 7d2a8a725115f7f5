"""Round 4 of the unseen-layout fixtures: 25 more documents that imitate, as closely as possible, the text the
real platforms give (the corpus excerpts in `tests/parsing/corpus/docs/` are the model), varied the way another
municipality on the same platform would vary them:

- begrotingsapp.nl pages (`app_*`): one cell per line, single newlines, 'Terug naar navigatie - ...' lines,
  a non-breaking blank line, taakveld names without codes, Baten/Lasten sections, baten printed negative;
- jaarverslag-YYYY.nl / begroting-YYYY.nl pages flattened with blank lines (`jv_*`) or as pipe tables with
  ragged pipes (`pipe_*`): '+ is nadeel' captions, programme pages with 'Wat mag het kosten?' / 'Wat heeft
  het gekost?', taakveld appendices (6.1-6.82 with the 2023 lettered codes), reserve tables, the 'Overzicht
  van baten en lasten' with algemene dekkingsmiddelen, overhead, Vpb, onvoorzien, 'Saldo van baten en
  lasten', 'Mutaties reserves', 'Resultaat';
- variations: other programme counts and names, other years, other unit captions, empty cells, a cut last
  row, extra navigation text, a table split by a sub-heading, a page with two programme tables, a variance
  table with V/N, a budget with 4 meerjaren years, a row per line with trailing minus.

Expected facts are worked out by hand in the warehouse convention (corpus README, gold section): lasten and
baten positive as ordinary costs and income, saldo = baten - lasten, afwijking = actual minus budget in the
measure's own direction, reserve toevoegingen/onttrekkingen as reserves_storting/reserves_onttrekking,
balances/mutations/prognoses not stored, totals never stored.

Run from the project root after the other three: `python tests/parsing/unseen/make_fixtures_round4.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_fixtures import F, fmt  # noqa: E402
from make_fixtures_round2 import write_index  # noqa: E402  (also builds round 2's DOCS; not written here)

DOCS: dict[str, dict] = {}
K = 1000
NAV = "Terug naar navigatie - "


def doc(name, code, text, facts, what, sidecar=1, expect="ok"):
    DOCS[name] = {"code": code, "text": text.strip("\n") + "\n", "facts": facts, "what": what,
                  "sidecar": sidecar, "expect": expect}


def pipe(cells, trail=" |"):
    return " | ".join(cells) + trail


def sums(rows):
    return [sum(r[i] or 0 for r in rows) for i in range(len(rows[0]))]


def f(value):
    return "-" if value is None else fmt(value)


# ------------------------------------------------------------------------------------ begrotingsapp.nl

def a01():
    """Aalten-like programme page of another municipality: 4 meerjaren years, baten negative, names only."""
    years = ["Werkelijk 2023", "Raming na wijziging 2024", "Begroot 2025", "Begroot 2026", "Begroot 2027",
             "Begroot 2028", "Begroot 2029"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", ""), (2025, "begroting_primitief", "")] + \
        [(y, "meerjarenraming", "") for y in (2026, 2027, 2028, 2029)]
    baten = [("Inkomensregelingen", [21480, 22105, 22640, 22640, 22640, 22640, 22640]),
             ("Begeleide participatie", [412, 380, 395, 395, 395, 395, 395]),
             ("Arbeidsparticipatie", [96, 120, 110, 110, 110, 110, 110])]
    lasten = [("Samenkracht en burgerparticipatie", [3215, 3480, 3512, 3498, 3498, 3470, 3470]),
              ("Inkomensregelingen", [28715, 29610, 30245, 30310, 30390, 30390, 30390]),
              ("Begeleide participatie", [5120, 4980, 4870, 4760, 4650, 4650, 4650]),
              ("Arbeidsparticipatie", [1870, 2015, 1990, 1990, 1990, 1990, 1990])]
    lines = ["Overzicht van baten en lasten per programma", "", "Programma 4 Werk en inkomen", "",
             NAV + "Overzicht van baten en lasten per programma - Programma 4 Werk en inkomen", "\u00a0", "",
             "bedragen x € 1.000", "Programma 4 Werk en inkomen"] + years + ["Baten"]
    facts = []
    for name, vals in baten:
        lines += [name] + [fmt(-v) for v in vals]
        facts += [F(y, s, "baten", "", name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals)]
    lines += ["Totaal baten"] + [fmt(-v) for v in sums([v for _, v in baten])] + ["Lasten"]
    for name, vals in lasten:
        lines += [name] + [fmt(v) for v in vals]
        facts += [F(y, s, "lasten", "", name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals)]
    lines += ["Totaal lasten"] + [fmt(v) for v in sums([v for _, v in lasten])]
    lines += ["Saldo"] + [fmt(l - b) for l, b in zip(sums([v for _, v in lasten]), sums([v for _, v in baten]))]
    doc("app_zutphen_begroting_2025_werk_inkomen", "GM0301", "\n".join(lines), facts,
        "begrotingsapp one cell per line (single newlines), 'Terug naar navigatie' line, nbsp line, 7 year columns "
        "(Werkelijk / Raming na wijziging / Begroot x5: 4 meerjaren years), baten NEGATIVE, Baten/Lasten sections "
        "with taakveld names WITHOUT codes (a name in both sections), Totaal baten / Totaal lasten, Saldo = lasten - baten")


def a02():
    """Programme page of the accounts: 'Wat heeft het gekost?' with reserves and resultaat, a Verschil column."""
    head = ["Begroting primitief 2023", "Begroting na wijziging 2023", "Realisatie 2023", "Verschil"]
    lasten, baten = (18420, 19870, 19215), (4210, 5105, 5390)
    stort, ontt = (0, 650, 650), (1210, 1840, 1525)
    lines = ["Programma 2 Leefomgeving", "", NAV + "Programma 2 Leefomgeving", "", "Wat heeft het gekost?", "",
             NAV + "Wat heeft het gekost?", "Bedragen x € 1.000"] + head
    saldo = tuple(b - l for l, b in zip(lasten, baten))
    res = tuple(s - st + o for s, st, o in zip(saldo, stort, ontt))

    def add(label, vals, direction):
        # Verschil printed + = voordeel: lower costs / higher income than the amended budget
        lines.extend([label] + [fmt(v) for v in vals] + [fmt(direction * (vals[2] - vals[1]))])

    add("Lasten", lasten, -1)
    add("Baten", baten, 1)
    add("Saldo van baten en lasten", saldo, 1)
    add("Toevoeging aan reserves", stort, -1)
    add("Onttrekking aan reserves", ontt, 1)
    add("Resultaat", res, 1)
    meaning = [(2023, "begroting_primitief"), (2023, "begroting_na_wijziging"), (2023, "realisatie")]
    facts = []
    for (y, s), l, b, st, o in zip(meaning, lasten, baten, stort, ontt):
        facts += [F(y, s, "lasten", "", "Lasten|Programma 2 Leefomgeving", l * K),
                  F(y, s, "baten", "", "Baten|Programma 2 Leefomgeving", b * K),
                  F(y, s, "saldo", "", "Saldo van baten en lasten|Programma 2 Leefomgeving", (b - l) * K, required=0),
                  F(y, s, "reserves_storting", "", "Toevoeging aan reserves|Programma 2 Leefomgeving", st * K),
                  F(y, s, "reserves_onttrekking", "", "Onttrekking aan reserves|Programma 2 Leefomgeving", o * K)]
    facts += [F(2023, "afwijking", "lasten", "", "Lasten|Programma 2 Leefomgeving", (lasten[2] - lasten[1]) * K, required=0),
              F(2023, "afwijking", "baten", "", "Baten|Programma 2 Leefomgeving", (baten[2] - baten[1]) * K, required=0),
              F(2023, "afwijking", "reserves_storting", "", "Toevoeging aan reserves|Programma 2 Leefomgeving", 0, required=0),
              F(2023, "afwijking", "reserves_onttrekking", "", "Onttrekking aan reserves|Programma 2 Leefomgeving",
                (ontt[2] - ontt[1]) * K, required=0)]
    doc("app_oldambt_jaarstukken_2023_wat_heeft_het_gekost", "GM1895", "\n".join(lines), facts,
        "begrotingsapp programme page 'Wat heeft het gekost?', two 'Terug naar navigatie' lines, primitief / na "
        "wijziging / realisatie / Verschil (+ = voordeel, unsigned words), rows Lasten, Baten, Saldo van baten en "
        "lasten, Toevoeging aan reserves, Onttrekking aan reserves, Resultaat; all positive, saldo = baten - lasten")


def a03():
    """Taakveld table of a budget, code + name in one cell, an empty (missing) cell placed by the Totaal row."""
    rows = [("7.1", "Volksgezondheid", [2890, 3015, 3102, 3102, 3102, 3102]),
            ("7.2", "Riolering", [6120, 6480, 6705, 6810, 6925, 7010]),
            ("7.3", "Afval", [7405, 7730, 7912, 7990, 8050, 8050]),
            ("7.4", "Milieubeheer", [1840, 2260, None, 1905, 1905, 1905]),
            ("7.5", "Begraafplaatsen en crematoria", [610, 585, 598, 598, 598, 598])]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", ""), (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""),
               (2027, "meerjarenraming", "")]
    lines = ["Bijlagen", "", NAV + "Bijlagen", "Overzicht lasten per taakveld", NAV + "Overzicht lasten per taakveld",
             "Lasten per taakveld (bedragen x € 1.000)", "Taakveld", "Rekening 2022", "Begroting 2023", "Begroting 2024",
             "Raming 2025", "Raming 2026", "Raming 2027", "7 Volksgezondheid en milieu"]
    facts = []
    for code, name, vals in rows:
        lines += [f"{code} {name}"] + [fmt(v) for v in vals if v is not None]
        facts += [F(y, s, "lasten", code, name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals) if v is not None]
    lines += ["Totaal 7 Volksgezondheid en milieu"] + [fmt(v) for v in sums([v for _, _, v in rows])]
    doc("app_kampen_begroting_2024_lasten_taakveld", "GM0166", "\n".join(lines), facts,
        "begrotingsapp bijlage 'Lasten per taakveld', code + name in one cell, hoofdtaakveld heading, one EMPTY cell "
        "(7.4 Begroting 2024 missing: 5 values in a 6-column row, placed only by the Totaal row), Rekening / "
        "Begroting / Raming x3")


def a04():
    """Reserve table of the accounts: balances, toevoegingen, onttrekkingen; '-' cells."""
    rows = [("Algemene reserve", 24180, 1450, 2210), ("Reserve sociaal domein", 3105, None, 820),
            ("Reserve onderhoud gebouwen", 5870, 1200, 1645), ("Reserve grondexploitaties", 2410, 380, None),
            ("Reserve kapitaallasten", 11260, 2150, 960)]
    lines = ["Jaarstukken 2023", "Toelichting op de balans", "", NAV + "Toelichting op de balans", "Reserves", "", NAV + "Reserves",
             "Verloop reserves 2023 (x € 1.000)", "Reserve", "Saldo 1-1-2023", "Toevoeging 2023", "Onttrekking 2023",
             "Saldo 31-12-2023"]
    facts = []
    for name, start, add, take in rows:
        end = start + (add or 0) - (take or 0)
        lines += [name, fmt(start), f(add), f(take), fmt(end)]
        if add is not None:
            facts.append(F(2023, "realisatie", "reserves_storting", "", name, add * K))
        if take is not None:
            facts.append(F(2023, "realisatie", "reserves_onttrekking", "", name, take * K))
    tot = [sum(r[1] for r in rows), sum(r[2] or 0 for r in rows), sum(r[3] or 0 for r in rows)]
    lines += ["Totaal reserves", fmt(tot[0]), fmt(tot[1]), fmt(tot[2]), fmt(tot[0] + tot[1] - tot[2])]
    doc("app_hardenberg_jaarstukken_2023_reserves", "GM0160", "\n".join(lines), facts,
        "begrotingsapp reserve table of the accounts (the platform's 'Jaarstukken 2023' title line): Saldo 1-1 / Toevoeging / Onttrekking / Saldo 31-12 (balances "
        "not stored), '-' cells, Totaal reserves")


def a05():
    """A page with TWO programme tables (each under its own heading and navigation line), same header twice."""
    head = ["Realisatie 2023", "Begroting 2024", "Begroting 2025", "Begroting 2026", "Begroting 2027", "Begroting 2028"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2026, 2027, 2028)]
    progs = [("Programma 3 Bereikbaarheid", [9870, 10420, 10985, 11020, 11140, 11140], [1215, 1340, 1380, 1380, 1380, 1380]),
             ("Programma 4 Economie en toerisme", [2105, 2480, 2315, 2290, 2290, 2290], [640, 610, 655, 655, 655, 655])]
    lines = ["Programmaplan", "", NAV + "Programmaplan", "Wat mag het kosten?", ""]
    facts = []
    for name, lasten, baten in progs:
        lines += [name, NAV + "Wat mag het kosten? - " + name, "Bedragen x € 1.000", "Omschrijving"] + head
        lines += ["Lasten"] + [fmt(v) for v in lasten] + ["Baten"] + [fmt(v) for v in baten]
        lines += ["Saldo"] + [fmt(b - l) for l, b in zip(lasten, baten)] + [""]
        for (y, s, a), l, b in zip(meaning, lasten, baten):
            facts += [F(y, s, "lasten", "", name + "|Lasten", l * K, alt=a),
                      F(y, s, "baten", "", name + "|Baten", b * K, alt=a),
                      F(y, s, "saldo", "", name + "|Saldo", (b - l) * K, required=0, alt=a)]
    doc("app_barneveld_begroting_2025_twee_programmas", "GM0203", "\n".join(lines), facts,
        "begrotingsapp page with TWO programme tables under 'Wat mag het kosten?', each with its own programme "
        "heading, navigation line and the same 6-year header; rows Lasten / Baten / Saldo (baten - lasten)")


def a06():
    """begrotingsapp overview cut in the middle of the last row's values."""
    head = ["Rekening 2023", "Begroting 2024", "Begroting 2025"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    rows = [("Programma 1 Bestuur en dienstverlening", 6120, 6480, 6705),
            ("Programma 2 Veiligheid", 4210, 4390, 4512),
            ("Programma 3 Openbare ruimte", 15870, 16640, 17105),
            ("Programma 4 Sociaal domein", 48105, 50210, 52340)]
    lines = ["Financiële begroting", "", NAV + "Financiële begroting", "Lasten per programma", "",
             NAV + "Lasten per programma", "Programma (bedragen x € 1.000)"] + head
    facts = []
    for name, *vals in rows[:3]:
        lines += [name] + [fmt(v) for v in vals]
        facts += [F(y, s, "lasten", "", name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals)]
    name, *vals = rows[3]
    lines += [name, fmt(vals[0]), "50."]  # the page's text ends here
    facts.append(F(2023, "realisatie", "lasten", "", name, vals[0] * K, required=0))
    doc("cut_app_deventer_begroting_2025_lasten", "GM0150", "\n".join(lines), facts,
        "begrotingsapp 'Lasten per programma' one cell per line, CUT inside the last row ('48.105' then '50.'): the "
        "cut row must not load a truncated figure, the complete rows are")


def a07():
    """Alphen-Chaam-like multi-level header (year x Lasten/Baten/Saldo, saldo = lasten - baten) under a page
    full of the platform's navigation text."""
    years = [2025, 2026, 2027, 2028]
    meaning = [(2025, "begroting_primitief")] + [(y, "meerjarenraming") for y in years[1:]]
    progs = [("Programma 1 Inwoner en bestuur", [(5105, 412), (5210, 412), (5230, 412), (5230, 412)]),
             ("Programma 2 Leefomgeving", [(21870, 9105), (22105, 9210), (22310, 9305), (22310, 9305)]),
             ("Programma 3 Sociaal domein", [(38105, 7210), (38640, 7210), (38910, 7210), (39105, 7210)])]
    lines = ["Home", "Zoeken", "Menu", "Programmabegroting 2025", "Financiële begroting", "Deel deze pagina", "Printen",
             "Downloads", "Overzicht van baten en lasten", "", NAV + "Overzicht van baten en lasten",
             "Overzicht baten en lasten per programma", "", NAV + "Overzicht baten en lasten per programma",
             "Bedragen x € 1.000", "Programma"] + [f"Begroting {y}" for y in years] + ["Lasten", "Baten", "Saldo"] * 4
    facts = []
    for name, groups in progs:
        lines += [name] + [fmt(x) for l, b in groups for x in (l, b, l - b)]
        for (y, s), (l, b) in zip(meaning, groups):
            facts += [F(y, s, "lasten", "", name, l * K), F(y, s, "baten", "", name, b * K),
                      F(y, s, "saldo", "", name, (b - l) * K, required=0)]
    tot = [(sum(g[i][0] for _, g in progs), sum(g[i][1] for _, g in progs)) for i in range(4)]
    lines += ["Totaal programma's"] + [fmt(x) for l, b in tot for x in (l, b, l - b)]
    lines += ["Vorige pagina", "Volgende pagina", "Naar boven"]
    doc("app_heerlen_begroting_2025_navigatie", "GM0917", "\n".join(lines), facts,
        "begrotingsapp page with the platform's NAVIGATION text around the table (Home / Zoeken / Menu / Deel deze "
        "pagina / Printen / Downloads, two 'Terug naar navigatie' lines, Vorige pagina / Volgende pagina / Naar "
        "boven), multi-level header 4 years x Lasten/Baten/Saldo (saldo = lasten - baten), Totaal programma's")


# ------------------------------------------------------------- jaarverslag-YYYY.nl flattened (blank lines)

def j01():
    """Noordenveld-like taakveld accounts, groups x Baten/Lasten/Saldo, hoofdtaakveld headings."""
    groups = ["Begroting voor wijziging", "Begroting na wijziging", "Rekening 2022"]
    scen = ["begroting_primitief", "begroting_na_wijziging", "realisatie"]
    rows = [("8. Volkshuisvesting, leefomgeving en stedelijke vernieuwing", None),
            ("8.1 Ruimtelijke ordening", [(215, 1840), (230, 1960), (402, 1905)]),
            ("8.2 Grondexploitatie (niet bedrijventerreinen)", [(3105, 2980), (4210, 4105), (3870, 3655)]),
            ("8.3 Wonen en bouwen", [(1420, 3215), (1510, 3380), (1644, 3290)])]
    cells = ["Bijlagen", "Taakvelden (x € 1.000)"] + groups + ["Baten", "Lasten", "Saldo"] * 3
    facts = []
    for label, vals in rows:
        cells.append(label)
        if vals is None:
            continue
        code, name = label.split(" ", 1)
        for s, (b, l) in zip(scen, vals):
            cells += [fmt(b), fmt(l), fmt(b - l)]
            facts += [F(2022, s, "baten", code, name, b * K), F(2022, s, "lasten", code, name, l * K),
                      F(2022, s, "saldo", code, name, (b - l) * K, required=0)]
    tot = [sum(r[1][g][i] for r in rows if r[1]) for g in range(3) for i in range(2)]
    cells.append("Totaal 8. Volkshuisvesting, leefomgeving en stedelijke vernieuwing")
    for g in range(3):
        cells += [fmt(tot[2 * g]), fmt(tot[2 * g + 1]), fmt(tot[2 * g] - tot[2 * g + 1])]
    doc("jv_smallingerland_jaarrekening_2022_taakvelden", "GM0090", "\n\n".join(cells), facts,
        "jaarverslag-2022.nl flattened with blank lines, 3 groups x Baten/Lasten/Saldo (saldo = baten - lasten), "
        "hoofdtaakveld heading and Totaal row, long taakveld name with brackets")


def j02():
    """Almelo-like: N/V on its own line after the Verschil, '-' cells, lasten per taakveld (5.x)."""
    rows = [("5.1", "Sportbeleid en activering", 1205, 95, 1180),
            ("5.2", "Sportaccommodaties", 4870, -210, 4512),
            ("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie", 2315, None, 2402),
            ("5.4", "Musea", 905, 40, 951),
            ("5.5", "Cultureel erfgoed", 312, None, 298)]
    cells = ["Jaarrekening", "Overzicht baten en lasten per taakveld", "Lasten", "Begroting", "Wijziging",
             "Begroting na wijziging", "Werkelijk", "Verschil", "2022", "2022", "2022", "2022", "2022", "N/V",
             "5 Sport, cultuur en recreatie"]
    facts = []
    for code, name, b, w, r in rows:
        nw = b + (w or 0)
        v = r - nw
        cells += [f"{code} {name}", fmt(b), f(w), fmt(nw), fmt(r), fmt(v), "N" if v > 0 else "V"]
        facts += [F(2022, "begroting_primitief", "lasten", code, name, b * K),
                  F(2022, "begroting_na_wijziging", "lasten", code, name, nw * K),
                  F(2022, "realisatie", "lasten", code, name, r * K),
                  F(2022, "afwijking", "lasten", code, name, v * K, required=0)]
    doc("jv_weert_jaarrekening_2022_lasten_vn", "GM0988", "\n\n".join(cells), facts,
        "jaarverslag flattened with blank lines: Begroting / Wijziging / Begroting na wijziging / Werkelijk / "
        "Verschil, years on a second header line, N/V marker on its own line after the verschil, '-' wijziging "
        "cells, negative wijziging, no unit caption (x € 1.000 by magnitude)")


def j03():
    """Berg en Dal-like saldo-only mid-year report with a '- = nadeel' caption and 3 meerjaren years."""
    progs = [("Programma 1 Bestuur", [-6105, -6290, -6310, -6310, -6330]),
             ("Programma 2 Veiligheid", [-3420, -3510, -3495, -3495, -3495]),
             ("Programma 3 Sociaal domein", [-41870, -43105, -42990, -42810, -42700]),
             ("Programma 4 Fysieke leefomgeving", [-12210, -12605, -12480, -12480, -12390]),
             ("Algemene dekkingsmiddelen", [64980, 66120, 66540, 66910, 67200])]
    meaning = [(2024, "begroting_primitief"), (2024, "begroting_na_wijziging"), (2025, "meerjarenraming"),
               (2026, "meerjarenraming"), (2027, "meerjarenraming")]
    cells = ["Voorjaarsnota 2024", "Overzicht baten en lasten", "Bedragen x € 1.000 (- = nadeel)", "Programma",
             "Begroting", "Begroting", "Meerjarenraming", "2024", "2024", "2025", "2026", "2027", "Primitief",
             "na voorjaarsnota", "Saldo", "Saldo", "Saldo"]
    facts = []
    for name, vals in progs:
        cells += [name] + [fmt(v) for v in vals]
        facts += [F(y, s, "saldo", "", name, v * K) for (y, s), v in zip(meaning, vals)]
    cells += ["Saldo van baten en lasten"] + [fmt(v) for v in sums([v for _, v in progs])]
    doc("jv_zeist_voorjaarsnota_2024_saldi", "GM0355", "\n\n".join(cells), facts,
        "voorjaarsnota.nl flattened with blank lines, SALDO ONLY per programme (sign by the caption '- = nadeel': "
        "saldo = baten - lasten as printed), Primitief / na voorjaarsnota / Meerjarenraming 2025-2027, Saldo van "
        "baten en lasten total")


def j04():
    """Leiden-like algemene dekkingsmiddelen page, Lasten/Baten sub-rows, 4 meerjaren years."""
    items = [("Lokale heffingen", [(310, 11240), (325, 11870), (340, 12410), (340, 12780), (340, 13150), (340, 13520), (340, 13890)]),
             ("Algemene uitkering", [(0, 86105), (0, 91240), (0, 94870), (0, 95310), (0, 95980), (0, 96420), (0, 96420)]),
             ("Dividend", [(0, 412), (0, 380), (0, 380), (0, 380), (0, 380), (0, 380), (0, 380)]),
             ("Overhead", [(18420, 610), (19870, 540), (20315, 540), (20315, 540), (20110, 540), (20110, 540), (20110, 540)]),
             ("Vennootschapsbelasting", [(12, 0), (25, 0), (25, 0), (25, 0), (25, 0), (25, 0), (25, 0)]),
             ("Onvoorzien", [(0, 0), (150, 0), (150, 0), (150, 0), (150, 0), (150, 0), (150, 0)])]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2025, 2026, 2027, 2028)]
    cells = ["Programmabegroting 2024", "Algemene dekkingsmiddelen, overhead, Vpb en onvoorzien", "bedragen x 1.000,-",
             "\u00a0", "Rekening\n2022", "Begroting\n2023", "Begroting\n2024", "Meerjarenraming", "2025", "2026", "2027", "2028"]
    facts = []
    for name, vals in items:
        cells += [name, "Lasten"] + [fmt(l) for l, _ in vals] + ["Baten"] + [fmt(b) for _, b in vals]
        cells += ["Saldo"] + [fmt(b - l) for l, b in vals]
        for (y, s, a), (l, b) in zip(meaning, vals):
            facts += [F(y, s, "lasten", "", name + "|Lasten", l * K, alt=a), F(y, s, "baten", "", name + "|Baten", b * K, alt=a),
                      F(y, s, "saldo", "", name + "|Saldo", (b - l) * K, required=0, alt=a)]
    doc("jv_katwijk_begroting_2024_dekkingsmiddelen", "GM0537", "\n\n".join(cells), facts,
        "flattened with blank lines, header cells with an inner newline ('Rekening\\n2022'), 'Meerjarenraming' over "
        "4 years (2025-2028), items Lokale heffingen, Algemene uitkering, Dividend, Overhead, Vennootschapsbelasting, "
        "Onvoorzien each with Lasten / Baten / Saldo sub-rows, zeros printed, 'bedragen x 1.000,-'")


def j05():
    """The BBV 'Overzicht van baten en lasten' of a budget: Lasten section, Baten section, saldo, reserves, resultaat."""
    head = ["Rekening 2023", "Begroting 2024", "Begroting 2025", "Raming 2026", "Raming 2027", "Raming 2028"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2026, 2027, 2028)]
    lasten = [("1. Bestuur en veiligheid", [8105, 8420, 8610, 8610, 8650, 8650]),
              ("2. Sociaal domein", [61240, 64870, 66105, 66320, 66500, 66500]),
              ("3. Ruimte en wonen", [22105, 24310, 23870, 23500, 23500, 23420]),
              ("Overhead", [17420, 18105, 18640, 18640, 18640, 18640]),
              ("Vennootschapsbelasting (Vpb)", [15, 20, 20, 20, 20, 20]),
              ("Onvoorzien", [0, 100, 100, 100, 100, 100])]
    baten = [("1. Bestuur en veiligheid", [1210, 1180, 1205, 1205, 1205, 1205]),
             ("2. Sociaal domein", [18420, 18870, 19105, 19105, 19105, 19105]),
             ("3. Ruimte en wonen", [12870, 13410, 13105, 13105, 13105, 13105]),
             ("Algemene dekkingsmiddelen", [76540, 81230, 83610, 84220, 84710, 84960]),
             ("Overhead", [320, 300, 300, 300, 300, 300])]
    stort = [2105, 1400, 900, 900, 900, 900]
    ontt = [3310, 2640, 1105, 760, 760, 680]
    cells = ["Overzicht van baten en lasten", "(bedragen x € 1.000)", "Omschrijving"] + head + ["Lasten"]
    facts = []
    for measure, table in (("lasten", lasten), ("baten", baten)):
        if measure == "baten":
            cells.append("Baten")
        for name, vals in table:
            cells += [name] + [fmt(v) for v in vals]
            facts += [F(y, s, measure, "", name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals)]
        cells += [f"Totaal {measure}"] + [fmt(v) for v in sums([v for _, v in table])]
    tl, tb = sums([v for _, v in lasten]), sums([v for _, v in baten])
    saldo = [b - l for l, b in zip(tl, tb)]
    cells += ["Saldo van baten en lasten"] + [fmt(v) for v in saldo] + ["Mutaties reserves"]
    cells += ["Toevoegingen aan reserves"] + [fmt(v) for v in stort] + ["Onttrekkingen aan reserves"] + [fmt(v) for v in ontt]
    cells += ["Resultaat"] + [fmt(s - a + o) for s, a, o in zip(saldo, stort, ontt)]
    # the rows stand under the heading 'Mutaties reserves': either is their category
    facts += [F(y, s, "reserves_storting", "", "Toevoegingen aan reserves|Mutaties reserves", v * K, alt=a)
              for (y, s, a), v in zip(meaning, stort)]
    facts += [F(y, s, "reserves_onttrekking", "", "Onttrekkingen aan reserves|Mutaties reserves", v * K, alt=a)
              for (y, s, a), v in zip(meaning, ontt)]
    doc("jv_hilversum_begroting_2025_overzicht", "GM0402", "\n\n".join(cells), facts,
        "begroting-2025.nl 'Overzicht van baten en lasten' flattened with blank lines: Lasten section (programmes, "
        "Overhead, Vpb, Onvoorzien), Baten section (programmes, Algemene dekkingsmiddelen, Overhead), Totaal lasten / "
        "Totaal baten, Saldo van baten en lasten, 'Mutaties reserves' heading with Toevoegingen / Onttrekkingen, Resultaat")


# -------------------------------------------------------------------------------------------------- pipes

def p01():
    """Oss-like accounts per programme: '+ is nadeel', baten negative, V/N column, programme on first sub-row, cut."""
    progs = [("Programma 1 Bestuur", (5120, 5380, 5290), (410, 460, 512)),
             ("Programma 2 Veiligheid", (4105, 4310, 4402), (120, 135, 128)),
             ("Programma 3 Wonen en ruimte", (18420, 21105, 19870), (9870, 12410, 11205)),
             ("Programma 4 Zorg en welzijn", (52310, 54870, 55105), (8105, 8420, 8610)),
             ("Programma 5 Economie", (2105, 2210, 2018), (640, 610, 702)),
             ("Programma 6 Financiën", (3120, 3410, 3388), (88410, 91240, 91870))]
    lines = ["Cijfers per programma", "+ is nadeel: hogere uitgaven/lagere inkomsten | ||||||",
             "Omschrijving | Begroting 2023 primitief | Begroting 2023 na wijziging | Rekening 2023 | Verschil | Voordeel/ Nadeel | |"]
    scen = ["begroting_primitief", "begroting_na_wijziging", "realisatie"]
    facts = []

    def vn(x):
        return "N" if x > 0 else "V"

    for i, (name, l, b) in enumerate(progs):
        s = tuple(x - y for x, y in zip(l, b))  # printed saldo = lasten - baten (+ is nadeel)
        dl, db, ds = l[2] - l[1], -(b[2] - b[1]), s[2] - s[1]
        last = i == len(progs) - 1
        lines.append(f"{name} | Lasten | {fmt(l[0])} | {fmt(l[1])} | {fmt(l[2])} | {fmt(dl)} | {vn(dl)} |")
        lines.append(f"Baten | {fmt(-b[0])} | {fmt(-b[1])} | {fmt(-b[2])} | {fmt(db)} | {vn(db)} | |")
        if last:
            lines.append(f"Saldo | {fmt(s[0])} | {fmt(s[1])}")  # the page's text ends here
        else:
            lines.append(f"Saldo | {fmt(s[0])} | {fmt(s[1])} | {fmt(s[2])} | {fmt(ds)} | {vn(ds)} | |")
        for k in range(3):
            facts += [F(2023, scen[k], "lasten", "", name + "|Lasten", l[k] * K),
                      F(2023, scen[k], "baten", "", name + "|Baten", b[k] * K),
                      F(2023, scen[k], "saldo", "", name + "|Saldo", (b[k] - l[k]) * K, required=0)]
        facts += [F(2023, "afwijking", "lasten", "", name + "|Lasten", dl * K, required=0),
                  F(2023, "afwijking", "baten", "", name + "|Baten", (b[2] - b[1]) * K, required=0),
                  F(2023, "afwijking", "saldo", "", name + "|Saldo", -ds * K, required=0)]
    doc("pipe_veenendaal_jaarrekening_2023_nadeel", "GM0345", "\n".join(lines), facts,
        "jaarverslag-2023.nl pipe table like Oss: '+ is nadeel' caption line with ragged pipes, programme on the "
        "Lasten sub-row only, baten NEGATIVE, saldo = lasten - baten, Verschil + V/N column, trailing empty pipe "
        "cells, 6 programmes, the last Saldo row CUT after two values (a saldo row: nothing required is lost)")


def p02():
    """'s-Hertogenbosch-like 'Wat mag het kosten?' with reserves and resultaat rows, 4 meerjaren years."""
    head = ["Rekening 2023", "Begroting 2024", "Begroting 2025", "Begroting 2026", "Begroting 2027", "Begroting 2028",
            "Begroting 2029"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2026, 2027, 2028, 2029)]
    lasten = [31240, 33105, 34870, 34610, 34650, 34720, 34720]
    baten = [7105, 7420, 7612, 7612, 7590, 7590, 7590]
    stort = [1200, 850, 500, 500, 500, 500, 500]
    ontt = [2410, 1980, 1340, 1105, 905, 905, 905]
    saldo = [b - l for l, b in zip(lasten, baten)]
    res = [s - a + o for s, a, o in zip(saldo, stort, ontt)]
    lines = ["Programma 5 Sport, cultuur en recreatie", "Wat mag het kosten?",
             "In totaal gaat het om de volgende bedragen (bedragen * € 1.000):",
             pipe(["Omschrijving"] + head + [""], trail=""), "|".join(["---"] * 9) + "|"]
    for label, vals in (("Lasten", lasten), ("Baten", baten), ("Saldo van lasten en baten", saldo),
                        ("Toevoegingen reserves", stort), ("Onttrekkingen reserves", ontt)):
        lines.append(pipe([label] + [fmt(v) for v in vals] + [""], trail=""))
    lines.append(pipe(["Resultaat"] + [fmt(v) for v in res]))
    facts = []
    name = "Programma 5 Sport, cultuur en recreatie"
    for (y, s, a), l, b, st, o in zip(meaning, lasten, baten, stort, ontt):
        facts += [F(y, s, "lasten", "", "Lasten|" + name, l * K, alt=a), F(y, s, "baten", "", "Baten|" + name, b * K, alt=a),
                  F(y, s, "saldo", "", "Saldo van lasten en baten|" + name, (b - l) * K, required=0, alt=a),
                  F(y, s, "reserves_storting", "", "Toevoegingen reserves|" + name, st * K, alt=a),
                  F(y, s, "reserves_onttrekking", "", "Onttrekkingen reserves|" + name, o * K, alt=a)]
    doc("pipe_bergenopzoom_begroting_2025_wat_mag_het_kosten", "GM0748", "\n".join(lines), facts,
        "begroting-2025.nl pipe table with '---|' separator and a trailing empty cell, caption 'bedragen * € 1.000' "
        "inside a sentence, Rekening / Begroting x6 (2026-2029: 4 meerjaren years), Lasten / Baten / Saldo van lasten "
        "en baten (baten - lasten) / Toevoegingen reserves / Onttrekkingen reserves / Resultaat")


LETTERED = [("6.1", "Samenkracht en burgerparticipatie"), ("6.2", "Wijkteams"), ("6.3", "Inkomensregelingen"),
            ("6.4", "Begeleide participatie"), ("6.5", "Arbeidsparticipatie"), ("6.6", "Maatwerkvoorzieningen (WMO)"),
            ("6.71a", "Huishoudelijke hulp (WMO)"), ("6.71b", "Begeleiding (WMO)"), ("6.71c", "Dagbesteding (WMO)"),
            ("6.71d", "Overige maatwerkarrangementen (WMO)"), ("6.72a", "Jeugdhulp begeleiding"),
            ("6.72b", "Jeugdhulp behandeling"), ("6.72c", "Jeugdhulp dagbesteding"),
            ("6.72d", "Jeugdhulp zonder verblijf overig"), ("6.73a", "Pleegzorg"), ("6.73b", "Gezinsgericht"),
            ("6.73c", "Jeugdhulp met verblijf overig"), ("6.74a", "Jeugd behandeling GGZ zonder verblijf"),
            ("6.74b", "Jeugdhulp crisis/LTA/GGZ-verblijf"), ("6.74c", "Gesloten plaatsing"),
            ("6.81a", "Beschermd wonen (WMO)"), ("6.81b", "Maatschappelijke- en vrouwenopvang (WMO)"),
            ("6.82", "Geëscaleerde zorg 18-")]


def p03():
    """Taakveld appendix 6.1-6.82 with the 2023 lettered codes, split by Lasten / Baten sub-heading lines."""
    import random
    rnd = random.Random(2023)
    lines = ["Bijlage taakvelden", "Programma 3 Sociaal domein per taakveld (bedragen x € 1.000)",
             "| Taakveld | Begroting 2023 primitief | Begroting 2023 na wijziging | Realisatie 2023 |", "|---|---|---|---|",
             "Lasten"]
    facts = []
    scen = ["begroting_primitief", "begroting_na_wijziging", "realisatie"]
    lrows, brows = [], []
    for code, name in LETTERED:
        base = rnd.randrange(300, 9000)
        lrows.append((code, name, [base, base + rnd.randrange(-200, 600), base + rnd.randrange(-300, 700)]))
    for code, name in [("6.1", LETTERED[0][1]), ("6.3", LETTERED[2][1]), ("6.4", LETTERED[3][1]), ("6.81a", LETTERED[20][1])]:
        base = rnd.randrange(100, 5000)
        brows.append((code, name, [base, base + rnd.randrange(0, 400), base + rnd.randrange(-100, 500)]))
    for measure, rows in (("lasten", lrows), ("baten", brows)):
        if measure == "baten":
            lines.append("Baten")
        for i, (code, name, vals) in enumerate(rows):
            trail = " |" if i % 3 else " | |"
            lines.append(f"| {code} {name} | " + " | ".join(fmt(v) for v in vals) + trail)
            facts += [F(2023, s, measure, code, name, v * K) for s, v in zip(scen, vals)]
        lines.append(f"| **Totaal {measure}** | " + " | ".join(f"**{fmt(v)}**" for v in sums([r[2] for r in rows])) + " |")
    doc("pipe_emmen_jaarrekening_2023_taakvelden_sociaal", "GM0114", "\n".join(lines), facts,
        "markdown pipe taakveld appendix spanning 6.1-6.82 with the 2023 LETTERED codes (6.71a ... 6.74c, 6.81a/b), "
        "split by bare 'Lasten' / 'Baten' sub-heading lines between pipe rows, ragged trailing pipes, bold totals")


def p04():
    """Variance table 'Wat heeft het gekost?' with an unsigned Verschil and a V/N column, positive lasten/baten."""
    rows = [("Lasten", "lasten", 24180, 23615), ("Baten", "baten", 6105, 6480)]
    lines = ["Programma 6 Duurzaamheid en milieu", "Wat heeft het gekost?", "Bedragen x €1.000",
             "| Omschrijving | Begroting 2023 na wijziging | Realisatie 2023 | Verschil | V/N |", "|---|---|---|---|---|"]
    facts = []
    name = "Programma 6 Duurzaamheid en milieu"
    for label, measure, a, r in rows:
        d = r - a
        nadeel = d > 0 if measure == "lasten" else d < 0
        lines.append(f"| {label} | {fmt(a)} | {fmt(r)} | {fmt(abs(d))} | {'N' if nadeel else 'V'} |")
        facts += [F(2023, "begroting_na_wijziging", measure, "", label + "|" + name, a * K),
                  F(2023, "realisatie", measure, "", label + "|" + name, r * K),
                  F(2023, "afwijking", measure, "", label + "|" + name, d * K, required=0)]
    s_a, s_r = rows[1][2] - rows[0][2], rows[1][3] - rows[0][3]
    lines.append(f"| Saldo | {fmt(s_a)} | {fmt(s_r)} | {fmt(abs(s_r - s_a))} | {'V' if s_r > s_a else 'N'} |")
    facts += [F(2023, "begroting_na_wijziging", "saldo", "", "Saldo|" + name, s_a * K, required=0),
              F(2023, "realisatie", "saldo", "", "Saldo|" + name, s_r * K, required=0),
              F(2023, "afwijking", "saldo", "", "Saldo|" + name, (s_r - s_a) * K, required=0)]
    doc("pipe_lelystad_jaarrekening_2023_verschil_vn", "GM0995", "\n".join(lines), facts,
        "jaarverslag pipe variance table: Begroting na wijziging / Realisatie / Verschil (UNSIGNED) / V/N column, "
        "lasten and baten positive, saldo negative, unit 'x €1.000' without a space")


def p05():
    """Amstelveen-like totals: two-row header year x Lasten/Baten/Saldo, algemene dekkingsmiddelen, overhead,
    Vpb, onvoorzien, Saldo van baten en lasten, Mutaties reserves (lasten = toevoegingen), Resultaat."""
    progs = [("1 Veiligheid", [(9105, 410), (9420, 380)]), ("2 Verkeer en vervoer", [(14870, 2105), (15240, 2210)]),
             ("3 Economie", [(3105, 1870), (3310, 1905)]), ("4 Onderwijs", [(12410, 1105), (12980, 1210)]),
             ("5 Sociaal domein", [(78105, 16420), (81240, 16870)]),
             ("Algemene dekkingsmiddelen", [(1210, 121870), (1305, 126410)]), ("Overhead", [(21105, 705), (22310, 640)]),
             ("Vennootschapsbelasting", [(10, 0), (12, 0)]), ("Onvoorzien", [(0, 0), (250, 0)])]
    reserves = [(4105, 6210), (2870, 5105)]
    lines = ["Programmabegroting 2024", "Overzicht van baten en lasten", "bedragen x € 1.000 | Rekening 2022 | | | Begroting 2024 | | |",
             "---|---|---|---|---|---|---|", "Programma | Lasten | Baten | Saldo | Lasten | Baten | Saldo |"]
    meaning = [(2022, "realisatie", ""), (2024, "begroting_primitief", "")]
    facts = []
    for name, groups in progs:
        lines.append(pipe([name] + [fmt(x) for l, b in groups for x in (l, b, b - l)]))
        for (y, s, a), (l, b) in zip(meaning, groups):
            facts += [F(y, s, "lasten", "", name, l * K, alt=a), F(y, s, "baten", "", name, b * K, alt=a),
                      F(y, s, "saldo", "", name, (b - l) * K, required=0, alt=a)]
    tot = [(sum(g[i][0] for _, g in progs), sum(g[i][1] for _, g in progs)) for i in range(2)]
    lines.append(pipe(["Saldo van baten en lasten"] + [fmt(x) for l, b in tot for x in (l, b, b - l)]))
    lines.append(pipe(["Mutaties reserves"] + [fmt(x) for l, b in reserves for x in (l, b, b - l)]))
    lines.append(pipe(["Resultaat"] + [fmt(x) for (l, b), (rl, rb) in zip(tot, reserves) for x in (l + rl, b + rb, b + rb - l - rl)]))
    for (y, s, a), (st, o) in zip(meaning, reserves):
        facts += [F(y, s, "reserves_storting", "", "Mutaties reserves", st * K, alt=a),
                  F(y, s, "reserves_onttrekking", "", "Mutaties reserves", o * K, alt=a),
                  F(y, s, "saldo", "", "Mutaties reserves", (o - st) * K, required=0, alt=a)]
    doc("pipe_schiedam_begroting_2024_overzicht_lbs", "GM0606", "\n".join(lines), facts,
        "pipe 'Overzicht van baten en lasten' with a two-row header (year spans over Lasten/Baten/Saldo), unit caption "
        "in the first header cell, programmes without 'Programma', Algemene dekkingsmiddelen, Overhead, "
        "Vennootschapsbelasting, Onvoorzien, Saldo van baten en lasten, Mutaties reserves (lasten = toevoegingen, baten = "
        "onttrekkingen), Resultaat")


def p06():
    """Reserve table of the accounts as a ragged pipe table, one empty cell."""
    rows = [("Algemene reserve", 18105, 2410, 1105), ("Bestemmingsreserve wegen", 4210, 600, 1380),
            ("Bestemmingsreserve sociaal domein", 2870, None, 940), ("Reserve dekking kapitaallasten", 9105, 1240, 610)]
    lines = ["Jaarrekening", "Overzicht reserves", "(bedragen x € 1.000)",
             "| Naam reserve | Saldo 1 januari 2023 | Toevoegingen 2023 | Onttrekkingen 2023 | Saldo 31 december 2023 |", "|---|---|---|---|---|"]
    facts = []
    for name, s, a, o in rows:
        lines.append(f"| {name} | {fmt(s)} | {'' if a is None else fmt(a)} | {fmt(o)} | {fmt(s + (a or 0) - o)} |" + (" |" if a else ""))
        if a is not None:
            facts.append(F(2023, "realisatie", "reserves_storting", "", name, a * K))
        facts.append(F(2023, "realisatie", "reserves_onttrekking", "", name, o * K))
    t = [sum(r[1] for r in rows), sum(r[2] or 0 for r in rows), sum(r[3] for r in rows)]
    lines.append(f"| Totaal | {fmt(t[0])} | {fmt(t[1])} | {fmt(t[2])} | {fmt(t[0] + t[1] - t[2])} |")
    doc("pipe_nissewaard_jaarrekening_2023_reserves", "GM1930", "\n".join(lines), facts,
        "jaarverslag pipe reserve table under the section heading 'Jaarrekening': Saldo 1 januari / Toevoegingen / Onttrekkingen / Saldo 31 december (balances not "
        "stored), one EMPTY toevoeging cell ('| |'), ragged trailing pipes, Totaal")


def p07():
    """Programme pipe table with empty cells (reserve rows only in some years) and '-' cells."""
    head = ["Realisatie 2022", "Begroting 2023", "Begroting 2024", "Raming 2025", "Raming 2026", "Raming 2027"]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"),
               (2024, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2025, 2026, 2027)]
    lasten = [12105, 12870, 13410, 13250, 13250, 13180]
    baten = [3105, 3210, 3305, 3305, 3305, 3305]
    ontt = [410, None, 250, None, None, None]
    lines = ["Programma 7 Volksgezondheid", "Wat mag het kosten?", "Bedragen x € 1.000",
             "| | " + " | ".join(head) + " |", "|---|---|---|---|---|---|---|"]
    lines.append("| Lasten | " + " | ".join(fmt(v) for v in lasten) + " |")
    lines.append("| Baten | " + " | ".join(fmt(v) for v in baten) + " |")
    lines.append("| Saldo van baten en lasten | " + " | ".join(fmt(b - l) for l, b in zip(lasten, baten)) + " |")
    lines.append("| Toevoegingen reserves | " + " | ".join("-" for _ in lasten) + " |")
    lines.append("| Onttrekkingen reserves | " + " | ".join("" if v is None else fmt(v) for v in ontt) + " |")
    lines.append("| Geraamd resultaat | " + " | ".join(fmt(b - l + (o or 0)) for l, b, o in zip(lasten, baten, ontt)) + " |")
    name = "Programma 7 Volksgezondheid"
    facts = []
    for (y, s, a), l, b, o in zip(meaning, lasten, baten, ontt):
        facts += [F(y, s, "lasten", "", "Lasten|" + name, l * K, alt=a), F(y, s, "baten", "", "Baten|" + name, b * K, alt=a),
                  F(y, s, "saldo", "", "Saldo van baten en lasten|" + name, (b - l) * K, required=0, alt=a)]
        if o is not None:
            facts.append(F(y, s, "reserves_onttrekking", "", "Onttrekkingen reserves|" + name, o * K, alt=a))
    doc("pipe_waalwijk_begroting_2024_lege_cellen", "GM0867", "\n".join(lines), facts,
        "begroting-2024.nl pipe programme table with an empty first header cell, a Toevoegingen row of '-' only, an "
        "Onttrekkingen row with EMPTY cells ('|  |') in 4 of 6 years, Geraamd resultaat")


def p08():
    """Tubbergen-like belastingopbrengsten, one cell then ' |' per line, a '-' cell, a footnote mark."""
    rows = [("Onroerendezaakbelastingen", 7105, 7218), ("Afvalstoffenheffing", 4210, 4188), ("Rioolheffing", 3870, 3902),
            ("Hondenbelasting", 210, None), ("Toeristenbelasting", 412, 455), ("Precariobelasting", 35, 31)]
    lines = ["Paragrafen", "Lokale heffingen", NAV + "Lokale heffingenLokale heffingen", "Overzicht opbrengsten heffingen",
             NAV + "Overzicht opbrengsten heffingen", "Heffing (bedragen x € 1.000) |", "Begroting 2024 na wijziging |",
             "Werkelijk 2024 |"]
    facts = []
    for name, a, r in rows:
        lines += [f"{name} |", f"{fmt(a)} |", ("-" if r is None else fmt(r) + ("*" if name == "Toeristenbelasting" else "")) + " |"]
        facts.append(F(2024, "begroting_na_wijziging", "baten", "", name, a * K))
        if r is not None:
            facts.append(F(2024, "realisatie", "baten", "", name, r * K))
    lines += ["Totaal |", f"{fmt(sum(r[1] for r in rows))} |", f"{fmt(sum(r[2] or 0 for r in rows))} |"]
    doc("app_maashorst_jaarstukken_2024_heffingen", "GM1991", "\n".join(lines), facts,
        "begrotingsapp paragraph table copied with a ' |' after every cell (Tubbergen-like), opbrengsten heffingen "
        "(measure baten from the title), na wijziging / Werkelijk, a '-' cell, a footnote asterisk, Totaal")


# ------------------------------------------------------------------------------------------ a row per line

def s01():
    """Drimmelen-like row per line, trailing minus on lasten, Baten/Lasten/Saldo x 3 groups."""
    progs = [("1 Bestuur en dienstverlening", [(412, 5105), (430, 5380), (611, 5290)]),
             ("2 Veilige en leefbare omgeving", [(3870, 9105), (4105, 9870), (4290, 9612)]),
             ("3 Sociaal domein", [(6105, 31240), (7210, 33870), (7105, 33105)])]
    lines = ["Overzicht baten en lasten per programma", "",
             "Programma (x € 1.000) Begroting 2022 primitief Begroting 2022 na wijziging Rekening 2022",
             "Baten Lasten Saldo Baten Lasten Saldo Baten Lasten Saldo"]
    scen = ["begroting_primitief", "begroting_na_wijziging", "realisatie"]
    facts = []
    for name, groups in progs:
        lines.append(name + " " + " ".join(f"{fmt(b)} {fmt(-l, 'trail')} {fmt(b - l, 'trail')}" for b, l in groups))
        for s, (b, l) in zip(scen, groups):
            facts += [F(2022, s, "baten", "", name, b * K), F(2022, s, "lasten", "", name, l * K),
                      F(2022, s, "saldo", "", name, (b - l) * K, required=0)]
    tot = [(sum(g[i][0] for _, g in progs), sum(g[i][1] for _, g in progs)) for i in range(3)]
    lines.append("Subtotaal programma's " + " ".join(f"{fmt(b)} {fmt(-l, 'trail')} {fmt(b - l, 'trail')}" for b, l in tot))
    doc("spaced_rheden_jaarrekening_2022_trailing_minus", "GM0275", "\n".join(lines), facts,
        "a row per line like Drimmelen: 3 groups x Baten/Lasten/Saldo, lasten and negative saldi with a TRAILING "
        "minus (5.105-), programme numbers before names, unit in the first header cell, Subtotaal")


def s02():
    """Stichtse Vecht-like mid-year report: begroting na wijziging / prognose / afwijking, lasten negative."""
    rows = [("7.1", "Volksgezondheid", -3105, -3180), ("7.2", "Riolering", -5870, -5870), ("7.3", "Afval", -6210, -6455),
            ("7.4", "Milieubeheer", -2410, -2290)]
    lines = ["Bestuursrapportage 2024", "Programma 6 Milieu - Wat mag het kosten?", "Lasten (x € 1.000)",
             "Taakveld Begroting na wijziging Prognose Afwijking"]
    facts = []
    for code, name, a, p in rows:
        lines.append(f"{code} {name} {fmt(a)} {fmt(p)} {fmt(p - a)}")
        facts.append(F(2024, "begroting_na_wijziging", "lasten", code, name, -a * K))
        facts.append(F(2024, "afwijking", "lasten", code, name, -(p - a) * K))
    doc("spaced_hoogeveen_bestuursrapportage_2024_prognose", "GM0118", "\n".join(lines), facts,
        "a row per line: taakveld code + name, Begroting na wijziging / Prognose / Afwijking, lasten printed NEGATIVE, "
        "a zero afwijking; prognose not stored, afwijking = prognose - begroting in the measure's own direction")


def s03():
    """Bladel-like taakveld budget: one line per row, 4 meerjaren years, '-' cells."""
    rows = [("0.1", "Bestuur", [2105, 2230, 2310, 2310, 2330, 2330, 2330]),
            ("0.2", "Burgerzaken", [1210, 1305, 1340, 1340, 1340, 1340, 1340]),
            ("0.3", "Beheer overige gebouwen en gronden", [412, 380, 395, None, None, None, None]),
            ("0.4", "Overhead", [12105, 12870, 13310, 13310, 13310, 13290, 13290]),
            ("0.5", "Treasury", [-310, -250, -240, -240, -240, -240, -240])]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", "")] + [(y, "meerjarenraming", "") for y in (2026, 2027, 2028, 2029)]
    lines = ["Programmabegroting 2025", "Lasten per taakveld x € 1.000",
             "Taakveld Rekening 2023 Begroting 2024 Begroting 2025 Raming 2026 Raming 2027 Raming 2028 Raming 2029"]
    facts = []
    for code, name, vals in rows:
        lines.append(f"{code} {name} " + " ".join(f(v) for v in vals))
        facts += [F(y, s, "lasten", code, name, v * K, alt=a) for (y, s, a), v in zip(meaning, vals) if v is not None]
    lines.append("Totaal 0 Bestuur en ondersteuning " + " ".join(fmt(v) for v in sums([r[2] for r in rows])))
    doc("spaced_zaanstad_begroting_2025_vier_ramingjaren", "GM0479", "\n".join(lines), facts,
        "a row per line, taakveld code + name, Rekening / Begroting x2 / Raming 2026-2029 (4 meerjaren years), a row "
        "with '-' in the four raming years, a genuinely negative cost (Treasury), Totaal")


def s04():
    """Mid-year report: primitief, na 1e berap, mutatie 2e berap, na 2e berap (the last amended budget counts)."""
    rows = [("Lasten", "lasten", 28105, 28870, 612), ("Baten", "baten", 6210, 6480, -105)]
    lines = ["2e Bestuursrapportage 2024", "Programma 2 Jeugd en onderwijs", "Wat mag het kosten?", "Bedragen x € 1.000",
             "Omschrijving Begroting 2024 primitief Begroting 2024 na 1e berap Mutatie 2e berap Begroting 2024 na 2e berap"]
    facts = []
    name = "Programma 2 Jeugd en onderwijs"
    for label, measure, p, n1, m in rows:
        lines.append(f"{label} {fmt(p)} {fmt(n1)} {fmt(m)} {fmt(n1 + m)}")
        facts += [F(2024, "begroting_primitief", measure, "", label + "|" + name, p * K),
                  F(2024, "begroting_na_wijziging", measure, "", label + "|" + name, (n1 + m) * K)]
    (_, _, lp, l1, lm), (_, _, bp, b1, bm) = rows
    lines.append(f"Saldo {fmt(bp - lp)} {fmt(b1 - l1)} {fmt(bm - lm)} {fmt(b1 + bm - l1 - lm)}")
    facts += [F(2024, "begroting_primitief", "saldo", "", "Saldo|" + name, (bp - lp) * K, required=0),
              F(2024, "begroting_na_wijziging", "saldo", "", "Saldo|" + name, (b1 + bm - l1 - lm) * K, required=0)]
    doc("spaced_gooisemeren_bestuursrapportage_2024_na_berap", "GM1942", "\n".join(lines), facts,
        "a row per line, mid-year report: Begroting primitief / na 1e berap / Mutatie 2e berap / na 2e berap (the "
        "LAST amended budget counts; the mutation and the earlier amended budget are not stored), Lasten/Baten/Saldo")


# ------------------------------------------------------------------------------ beyond: flattened jaarverslag

def j06():
    """Taakveld baten per taakveld, flattened with blank lines, code and name on separate lines, '+ is nadeel'."""
    rows = [("2.1", "Verkeer en vervoer", 1105, 1210, 1342), ("2.2", "Parkeren", 3870, 3650, 3712),
            ("2.4", "Economische havens en waterwegen", 410, 410, 388), ("2.5", "Openbaar vervoer", 95, 120, 0)]
    cells = ["Jaarstukken 2023", "Baten per taakveld", "bedragen in € 1.000", "Taakveld", "Begroting 2023",
             "Begroting 2023 na wijziging", "Rekening 2023"]
    facts = []
    for code, name, p, a, r in rows:
        cells += [code, name, fmt(p), fmt(a), fmt(r)]
        facts += [F(2023, "begroting_primitief", "baten", code, name, p * K),
                  F(2023, "begroting_na_wijziging", "baten", code, name, a * K),
                  F(2023, "realisatie", "baten", code, name, r * K)]
    cells += ["Totaal baten", fmt(sum(r[2] for r in rows)), fmt(sum(r[3] for r in rows)), fmt(sum(r[4] for r in rows))]
    doc("jv_sudwestfryslan_jaarrekening_2023_baten_codes_apart", "GM1900", "\n\n".join(cells), facts,
        "jaarverslag flattened with blank lines, taakveld code and name on SEPARATE lines, 'Baten per taakveld' title, "
        "'bedragen in € 1.000', a plain 'Begroting 2023' beside 'Begroting 2023 na wijziging' in the accounts "
        "(= primitief), a printed 0 realisatie, Totaal baten")


for make in (a01, a02, a03, a04, a05, a06, a07, j01, j02, j03, j04, j05, j06, p01, p02, p03, p04, p05, p06, p07, p08,
             s01, s02, s03, s04):
    make()

FIELDS = ["fiscal_year", "scenario", "measure", "category_code", "category_name", "amount_eur", "required",
          "scenario_alt", "note"]

if __name__ == "__main__":
    import csv

    for name, d in DOCS.items():
        (HERE / f"{name}.txt").write_text(d["text"], encoding="utf-8")
        with (HERE / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(d["facts"])
    write_index(DOCS, HERE)
    print(f"{len(DOCS)} documents written")
