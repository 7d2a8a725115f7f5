"""Round 2 of the unseen-layout fixtures: 25 more documents, deliberately unlike round 1
(`make_fixtures.py`, whose helpers and expected-facts columns this reuses): accounts with a separate
V/N column, a full art. 66 taakveld appendix with subtotals after each hoofdtaakveld, lettered 2023
codes, three-digit 2025 codes, names-only CBS taakvelden, a 4-year meerjarenraming, x € 1 mln with
decimals, whole euros with ',00', a 2e berap with a mutation column between two amended budgets, a
reserve roll-forward per reserve, incidental lasten/baten, lasten and baten of the same programmes in
two tables, spaces and glued '€' in amounts, footnote marks and notes, a municipality named only in
the text, prose with numbers between tables, one unit caption for several tables, accounting
parentheses, a repeated page header inside a table, a semicolon export -- and 3 damaged copies that
must be flagged or quarantined, never give a wrong figure.

documents.csv columns added here: `sidecar` (0: the test supplies no municipality_code, the text
must name it) and `expect` (`flagged`: a damaged copy; the test requires a quarantine, a failed check
or an ambiguous cell, and no wrong figure; its facts are all required 0).

Run from the project root: `python tests/parsing/unseen/make_fixtures_round2.py` (after
`make_fixtures.py`; both keep each other's rows in documents.csv).
"""

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_fixtures import F, flat, fmt  # noqa: E402

DOCS: dict[str, dict] = {}
K = 1000
MLN = 1_000_000


def doc(name, code, text, facts, what, sidecar=1, expect="ok"):
    DOCS[name] = {"code": code, "text": text.strip("\n") + "\n", "facts": facts, "what": what,
                  "sidecar": sidecar, "expect": expect}


def damaged(name, source, text, what):
    """A damaged copy of `source`: anything it loads must be one of the intact document's facts."""
    facts = [dict(f, required=0) for f in DOCS[source]["facts"]]
    doc(name, DOCS[source]["code"], text, facts, what, expect="flagged")


def vn(value):
    return "V" if value >= 0 else "N"


# ------------------------------------------------------------------------------------------------- pipe

def r01():
    """Accounts: primitief / na wijziging / rekening / Verschil (unsigned) / V/N in its own column."""
    progs = [("1 Bestuur en dienstverlening", (8210, 8640, 8512), (1104, 1190, 1268)),
             ("2 Veiligheid", (4120, 4305, 4390), (210, 225, 198)),
             ("3 Ruimte en wonen", (15870, 17240, 16655), (9320, 10410, 10902))]
    lines = ["Jaarstukken 2023", "", "Programmaverantwoording - financieel overzicht", "", "Bedragen x € 1.000",
             "| Programma | | Begroting 2023 primitief | Begroting 2023 na wijziging | Rekening 2023 | Verschil | V/N |",
             "|---|---|---|---|---|---|---|"]
    facts = []
    for name, l, b in progs:
        dl, db = l[1] - l[2], b[2] - b[1]  # voordeel positive
        lines.append(f"| {name} | Lasten | {fmt(l[0])} | {fmt(l[1])} | {fmt(l[2])} | {fmt(abs(dl))} | {vn(dl)} |")
        lines.append(f"| | Baten | {fmt(b[0])} | {fmt(b[1])} | {fmt(b[2])} | {fmt(abs(db))} | {vn(db)} |")
        for measure, v in (("lasten", l), ("baten", b)):
            facts += [F(2023, "begroting_primitief", measure, "", name, v[0] * K),
                      F(2023, "begroting_na_wijziging", measure, "", name, v[1] * K),
                      F(2023, "realisatie", measure, "", name, v[2] * K),
                      F(2023, "afwijking", measure, "", name, (v[2] - v[1]) * K, required=0)]
    tl = [sum(p[1][i] for p in progs) for i in range(3)]
    tb = [sum(p[2][i] for p in progs) for i in range(3)]
    dl, db = tl[1] - tl[2], tb[2] - tb[1]
    lines.append(f"| Totaal | Lasten | {fmt(tl[0])} | {fmt(tl[1])} | {fmt(tl[2])} | {fmt(abs(dl))} | {vn(dl)} |")
    lines.append(f"| | Baten | {fmt(tb[0])} | {fmt(tb[1])} | {fmt(tb[2])} | {fmt(abs(db))} | {vn(db)} |")
    doc("pipe_nijkerk_jaarrekening_2023_vn_kolom", "GM0267", "\n".join(lines), facts,
        "pipe, accounts 'Begroting 2023 primitief | na wijziging | Rekening 2023 | Verschil | V/N', unsigned Verschil, "
        "programme on the Lasten sub-row only, Totaal block")


def r05():
    """Budget 2026: Rekening 2024 | Begroting 2025 | 2026 | 2027 | 2028 | 2029, an L/B column."""
    heads = ["Rekening 2024", "Begroting 2025", "2026", "2027", "2028", "2029"]
    meaning = [(2024, "realisatie", ""), (2025, "begroting_na_wijziging", "begroting_primitief"),
               (2026, "begroting_primitief", ""), (2027, "meerjarenraming", ""), (2028, "meerjarenraming", ""),
               (2029, "meerjarenraming", "")]
    progs = [("Programma 1 Samenleving", [52140, 55320, 57105, 57890, 58210, 58210], [14210, 14870, 15020, 15020, 15020, 15020]),
             ("Programma 2 Ruimte", [31205, 33480, 34012, 33870, 33650, 33650], [17880, 18320, 18790, 18790, 18790, 18790]),
             ("Programma 3 Bestuur", [12870, 13410, 13802, 13802, 13790, 13790], [2104, 2210, 2230, 2230, 2230, 2230])]
    lines = ["Programmabegroting 2026", "", "Overzicht baten en lasten", "", "(bedragen x € 1.000)", "",
             "| Programma | L/B | " + " | ".join(heads) + " |", "|" + "---|" * 8]
    facts = []
    for name, l, b in progs:
        lines.append(f"| {name} | L | " + " | ".join(fmt(v) for v in l) + " |")
        lines.append(f"| {name} | B | " + " | ".join(fmt(v) for v in b) + " |")
        for (y, s, alt), ll, bb in zip(meaning, l, b):
            facts += [F(y, s, "lasten", "", name, ll * K, alt=alt), F(y, s, "baten", "", name, bb * K, alt=alt)]
    doc("pipe_hilversum_begroting_2026_meerjarig", "GM0402", "\n".join(lines), facts,
        "pipe, budget 2026 with 'Rekening 2024 | Begroting 2025 | 2026 | 2027 | 2028 | 2029' (bare years: the budget year "
        "and a 3-year meerjarenraming), an L/B column, programme repeated on both rows, no totals")


def r08():
    """2e berap: na 1e berap | Wijziging | na 2e berap -- only the last is the current amended budget."""
    progs = [("Programma 1 Bestuur", (9420, 310, 1202), (1840, -120, 2030)),
             ("Programma 2 Openbare ruimte", (24310, -540, 6105), (7120, 215, 3980)),
             ("Programma 3 Sociaal domein", (68900, 2310, 31204), (18405, 1120, 9870))]
    lines = ["2e bestuursrapportage 2024", "", "Financieel overzicht per programma", "", "Bedragen x € 1.000",
             "| Programma | Omschrijving | Begroting 2024 na 1e berap | Wijziging | Begroting 2024 na 2e berap |",
             "|---|---|---|---|---|"]
    facts = []
    for name, (l1, lw, _), (b1, bw, _) in progs:
        lines.append(f"| {name} | Lasten | {fmt(l1)} | {fmt(lw)} | {fmt(l1 + lw)} |")
        lines.append(f"| {name} | Baten | {fmt(b1)} | {fmt(bw)} | {fmt(b1 + bw)} |")
        facts += [F(2024, "begroting_na_wijziging", "lasten", "", name, (l1 + lw) * K),
                  F(2024, "begroting_na_wijziging", "baten", "", name, (b1 + bw) * K)]
    lines += ["", "Een positieve wijziging is een hogere raming dan na de 1e bestuursrapportage."]
    doc("pipe_dordrecht_bestuursrapportage_2024_2e_berap", "GM0505", "\n".join(lines), facts,
        "pipe, '2e bestuursrapportage 2024': 'Begroting 2024 na 1e berap | Wijziging | Begroting 2024 na 2e berap'; only "
        "the last is the current begroting na wijziging (na 1e berap superseded, Wijziging a mutation), programme on each row")


def r12():
    """Amounts with a space as thousands separator; measure, scenario and year in one header cell."""
    progs = [("Bestuur en organisatie", (12410, 12655), (2105, 2391)),
             ("Veiligheid", (6510, 6488), (150, 204)),
             ("Stad en wijken", (31105, 29870), (15230, 15512)),
             ("Zorg en welzijn", (64950, 66120), (21030, 22480))]
    sp = lambda v: fmt(v).replace(".", " ")
    lines = ["Jaarrekening 2023", "", "Baten en lasten per programma (x € 1.000)", "",
             "| Programma | Lasten begroting na wijziging 2023 | Lasten realisatie 2023 | Baten begroting na wijziging 2023 | Baten realisatie 2023 |",
             "|:--|--:|--:|--:|--:|"]
    facts = []
    for name, l, b in progs:
        lines.append(f"| {name} | {sp(l[0])} | {sp(l[1])} | {sp(b[0])} | {sp(b[1])} |")
        facts += [F(2023, "begroting_na_wijziging", "lasten", "", name, l[0] * K), F(2023, "realisatie", "lasten", "", name, l[1] * K),
                  F(2023, "begroting_na_wijziging", "baten", "", name, b[0] * K), F(2023, "realisatie", "baten", "", name, b[1] * K)]
    tot = [sum(p[i][j] for p in progs) for i in (1, 2) for j in (0, 1)]
    lines.append("| Totaal | " + " | ".join(sp(v) for v in tot) + " |")
    doc("pipe_schiedam_jaarrekening_2023_spatie_duizendtal", "GM0606", "\n".join(lines), facts,
        "pipe, thousands separated by a SPACE ('12 410'), header cells carrying measure + scenario + year "
        "('Lasten realisatie 2023'), Totaal row")


def r16():
    """Two pipe tables with prose full of numbers and years around and between them."""
    lasten = [("6.1", "Samenkracht en burgerparticipatie", (5210, 5480, 5630)),
              ("6.2", "Wijkteams", (3120, 3305, 3410)),
              ("6.5", "Arbeidsparticipatie", (2870, 2950, 3010))]
    baten = [("6.1", "Samenkracht en burgerparticipatie", (410, 395, 380)),
             ("6.5", "Arbeidsparticipatie", (1205, 1180, 1180))]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    lines = ["Programmabegroting 2025", "", "Programma 4 Meedoen", "",
             "In 2023 ondersteunden wij 2.450 inwoners bij het vinden van werk; in 2024 waren dat er 2.610.",
             "De lasten voor wijkteams stijgen in 2025 met 105 ten opzichte van 2024 door de cao 2024-2025.",
             "", "Lasten (x € 1.000)",
             "| Taakveld | Realisatie 2023 | Begroting 2024 | Begroting 2025 |", "|---|---|---|---|"]
    facts = []
    for code, name, v in lasten:
        lines.append(f"| {code} {name} | " + " | ".join(fmt(x) for x in v) + " |")
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    lines += ["", "Toelichting: het aantal bijstandsuitkeringen daalde van 1.812 in 2022 naar 1.745 in 2023.",
              "Het Rijk draagt in 2025 een bedrag van 1.180 bij via de specifieke uitkering.", "", "Baten (x € 1.000)",
              "| Taakveld | Realisatie 2023 | Begroting 2024 | Begroting 2025 |", "|---|---|---|---|"]
    for code, name, v in baten:
        lines.append(f"| {code} {name} | " + " | ".join(fmt(x) for x in v) + " |")
        facts += [F(y, s, "baten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    lines += ["", "Voor 2026 tot en met 2028 rekenen wij met 3 procent groei, ongeveer 160 per jaar."]
    doc("pipe_heerlen_begroting_2025_proza", "GM0917", "\n".join(lines), facts,
        "two pipe tables (Lasten, Baten per taakveld) with prose paragraphs full of numbers and years before, between and after")


# ------------------------------------------------------------------------------------------ a row per line

TAAKVELDEN_2017 = [
    ('0.1', 'Bestuur'), ('0.2', 'Burgerzaken'), ('0.3', 'Beheer overige gebouwen en gronden'), ('0.4', 'Overhead'),
    ('0.5', 'Treasury'), ('0.61', 'OZB woningen'), ('0.62', 'OZB niet-woningen'), ('0.63', 'Parkeerbelasting'),
    ('0.64', 'Belastingen overig'), ('0.7', 'Algemene uitkeringen en overige uitkeringen gemeentefonds'),
    ('0.8', 'Overige baten en lasten'), ('0.9', 'Vennootschapsbelasting (VpB)'), ('0.10', 'Mutaties reserves'),
    ('1.1', 'Crisisbeheersing en brandweer'), ('1.2', 'Openbare orde en veiligheid'),
    ('2.1', 'Verkeer en vervoer'), ('2.2', 'Parkeren'), ('2.3', 'Recreatieve havens'),
    ('2.4', 'Economische havens en waterwegen'), ('2.5', 'Openbaar vervoer'),
    ('3.1', 'Economische ontwikkeling'), ('3.2', 'Fysieke bedrijfsinfrastructuur'),
    ('3.3', 'Bedrijvenloket en bedrijfsregelingen'), ('3.4', 'Economische promotie'),
    ('4.1', 'Openbaar basisonderwijs'), ('4.2', 'Onderwijshuisvesting'), ('4.3', 'Onderwijsbeleid en leerlingzaken'),
    ('5.1', 'Sportbeleid en activering'), ('5.2', 'Sportaccommodaties'),
    ('5.3', 'Cultuurpresentatie, cultuurproductie en cultuurparticipatie'), ('5.4', 'Musea'),
    ('5.5', 'Cultureel erfgoed'), ('5.6', 'Media'), ('5.7', 'Openbaar groen en (openlucht) recreatie'),
    ('6.1', 'Samenkracht en burgerparticipatie'), ('6.2', 'Wijkteams'), ('6.3', 'Inkomensregelingen'),
    ('6.4', 'Begeleide participatie'), ('6.5', 'Arbeidsparticipatie'), ('6.6', 'Maatwerkvoorziening (WMO)'),
    ('6.71', 'Maatwerkdienstverlening 18+'), ('6.72', 'Maatwerkdienstverlening 18-'),
    ('6.81', 'Geëscaleerde zorg 18+'), ('6.82', 'Geëscaleerde zorg 18-'),
    ('7.1', 'Volksgezondheid'), ('7.2', 'Riolering'), ('7.3', 'Afval'), ('7.4', 'Milieubeheer'),
    ('7.5', 'Begraafplaatsen en crematoria'),
    ('8.1', 'Ruimtelijke ordening'), ('8.2', 'Grondexploitatie (niet-bedrijventerreinen)'), ('8.3', 'Wonen en bouwen')]
HOOFD = {"0": "Bestuur en ondersteuning", "1": "Veiligheid", "2": "Verkeer, vervoer en waterstaat", "3": "Economie",
         "4": "Onderwijs", "5": "Sport, cultuur en recreatie", "6": "Sociaal domein", "7": "Volksgezondheid en milieu",
         "8": "Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing"}


def r02():
    """Art. 66 BBV appendix: every taakveld, subtotal per hoofdtaakveld printed AFTER its taakvelden."""
    rnd = random.Random(2022)
    lines = ["Programmabegroting 2022", "", "Bijlage 2 Overzicht van lasten en baten per taakveld (art. 66 BBV)", "",
             "Bedragen x € 1.000", "Taakveld Lasten 2022 Baten 2022 Saldo 2022"]
    facts = []
    grand = [0, 0]
    for h, hname in HOOFD.items():
        sub = [0, 0]
        for code, name in TAAKVELDEN_2017:
            if code.split(".")[0] != h:
                continue
            lasten = rnd.randint(40, 9000) if code not in ("0.61", "0.62", "0.63", "0.64", "0.7") else rnd.randint(0, 400)
            baten = rnd.randint(0, 2500) if code not in ("0.61", "0.62", "0.7") else rnd.randint(5000, 60000)
            if code in ("0.4", "6.82"):
                baten = 0
            lines.append(f"{code} {name} {fmt(lasten)} {fmt(baten)} {fmt(baten - lasten)}")
            facts += [F(2022, "begroting_primitief", "lasten", code, name, lasten * K),
                      F(2022, "begroting_primitief", "baten", code, name, baten * K),
                      F(2022, "begroting_primitief", "saldo", code, name, (baten - lasten) * K, required=0)]
            sub = [sub[0] + lasten, sub[1] + baten]
        lines.append(f"Subtotaal {h} {hname} {fmt(sub[0])} {fmt(sub[1])} {fmt(sub[1] - sub[0])}")
        grand = [grand[0] + sub[0], grand[1] + sub[1]]
    lines.append(f"Totaal {fmt(grand[0])} {fmt(grand[1])} {fmt(grand[1] - grand[0])}")
    doc("spaced_sudwestfryslan_begroting_2022_art66", "GM1900", "\n".join(lines), facts,
        "space-separated rows, art. 66 BBV appendix over ALL 53 taakvelden (2017-2022 codes), 'Lasten 2022 Baten 2022 "
        "Saldo 2022' header, 'Subtotaal <h> <hoofdtaakveld>' printed AFTER each group, grand Totaal")


def r04():
    """2025+ three-digit codes in a spaced-row table: 6.711 must never be read as an amount."""
    rows = [("6.1", "Samenkracht en burgerparticipatie", [8120, 8410, 8602, 8650, 8650, 8650]),
            ("6.711", "Huishoudelijke hulp (WMO)", [6204, 6580, 6912, 7105, 7280, 7280]),
            ("6.712", "Begeleiding (WMO)", [4410, 4705, 4890, 4950, 4950, 4950]),
            ("6.751", "Jeugdhulp ambulant lokaal", [711, 752, 780, 790, 790, 790]),
            ("6.752", "Jeugdhulp ambulant regionaal", [5120, 5480, 5605, 5705, 5705, 5705]),
            ("6.761", "Jeugdhulp met verblijf lokaal", [2310, 2450, 2512, 2540, 2540, 2540]),
            ("6.791", "PGB WMO", [1402, 1455, 1480, 1480, 1480, 1480]),
            ("6.811", "Beschermd wonen (WMO)", [912, 980, 1015, 1015, 1015, 1015]),
            ("6.821", "Jeugdbescherming", [2105, 2240, 2290, 2290, 2290, 2290]),
            ("6.91", "Coördinatie en beleid WMO", [640, 690, 712, 712, 712, 712])]
    meaning = [(2024, "realisatie", ""), (2025, "begroting_na_wijziging", "begroting_primitief"),
               (2026, "begroting_primitief", ""), (2027, "meerjarenraming", ""), (2028, "meerjarenraming", ""),
               (2029, "meerjarenraming", "")]
    lines = ["Programmabegroting 2026", "", "Programma 3 Zorg en jeugd", "", "Lasten per taakveld (bedragen x € 1.000)",
             "Taakveld Rekening 2024 Begroting 2025 Begroting 2026 Raming 2027 Raming 2028 Raming 2029"]
    facts = []
    for code, name, v in rows:
        lines.append(f"{code} {name} " + " ".join(fmt(x) for x in v))
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    lines.append("Totaal lasten " + " ".join(fmt(sum(r[2][i] for r in rows)) for i in range(6)))
    doc("spaced_zaanstad_begroting_2026_codes2025", "GM0479", "\n".join(lines), facts,
        "space-separated rows, 2025+ three-digit codes (6.711, 6.752, 6.821) next to amounts of three digits (711, 752), "
        "Rekening 2024 / Begroting 2025 / Begroting 2026 / Raming 2027-2029, Lasten per taakveld title, Totaal lasten")


def r06():
    """x € 1 mln with decimal commas, Lasten then Baten sections, accounts trio."""
    lasten = [("Bestuur en organisatie", (147.6, 152.3, 150.9)), ("Veiligheid", (88.4, 91.2, 93.05)),
              ("Mobiliteit", (212.0, 219.8, 208.7)), ("Werk en inkomen", (431.9, 447.3, 452.1))]
    baten = [("Bestuur en organisatie", (12.3, 13.1, 14.6)), ("Mobiliteit", (84.2, 86.0, 91.4)),
             ("Werk en inkomen", (301.5, 312.8, 318.2))]
    c = lambda v: f"{v:.1f}".replace(".", ",") if round(v, 1) == v else f"{v:.2f}".replace(".", ",")
    lines = ["Jaarrekening 2023", "", "Overzicht van baten en lasten (bedragen x € 1 mln)",
             "Programma Begroting 2023 primitief Begroting 2023 na wijziging Realisatie 2023", "Lasten"]
    facts = []
    for name, v in lasten:
        lines.append(f"{name} " + " ".join(c(x) for x in v))
        facts += [F(2023, s, "lasten", "", name, int(round(x * MLN))) for s, x in
                  zip(("begroting_primitief", "begroting_na_wijziging", "realisatie"), v)]
    lines.append("Totaal lasten " + " ".join(c(round(sum(r[1][i] for r in lasten), 2)) for i in range(3)))
    lines.append("Baten")
    for name, v in baten:
        lines.append(f"{name} " + " ".join(c(x) for x in v))
        facts += [F(2023, s, "baten", "", name, int(round(x * MLN))) for s, x in
                  zip(("begroting_primitief", "begroting_na_wijziging", "realisatie"), v)]
    lines.append("Totaal baten " + " ".join(c(round(sum(r[1][i] for r in baten), 2)) for i in range(3)))
    doc("spaced_denhaag_jaarrekening_2023_mln", "GM0518", "\n".join(lines), facts,
        "space-separated rows, amounts x € 1 mln with decimal commas (147,6; one 93,05), Lasten and Baten section rows, "
        "primitief / na wijziging / realisatie, section totals")


def r09():
    """Reserve roll-forward: Stand 1-1 / Toevoeging / Onttrekking / Stand 31-12 per reserve."""
    rows = [("Algemene reserve", 24310, 2150, 3480), ("Reserve sociaal domein", 6205, 0, 1850),
            ("Reserve kapitaallasten", 18902, 1200, 945), ("Reserve onderhoud gebouwen", 3410, 750, 1120),
            ("Reserve woningbouw", 2105, 1500, 0)]
    lines = ["Jaarrekening 2023", "", "Overzicht reserves", "Bedragen x € 1.000",
             "Reserve Stand 1-1-2023 Toevoeging Onttrekking Stand 31-12-2023"]
    facts = []
    for name, s, t, o in rows:
        lines.append(f"{name} {fmt(s)} {fmt(t) if t else '-'} {fmt(o) if o else '-'} {fmt(s + t - o)}")
        if t:
            facts.append(F(2023, "realisatie", "reserves_storting", "", name, t * K))
        if o:
            facts.append(F(2023, "realisatie", "reserves_onttrekking", "", name, o * K))
    tot = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    lines.append(f"Totaal reserves {fmt(tot[0])} {fmt(tot[1])} {fmt(tot[2])} {fmt(tot[0] + tot[1] - tot[2])}")
    doc("spaced_zeist_jaarrekening_2023_reserves", "GM0355", "\n".join(lines), facts,
        "space-separated rows, reserve roll-forward per reserve 'Stand 1-1-2023 Toevoeging Onttrekking Stand 31-12-2023' "
        "(dates in the header, balances not stored), '-' cells, Totaal reserves")


def r11():
    """The same programmes in a lasten table, then a baten table; 4-year meerjarenraming with bare years."""
    heads = ["Rekening 2023", "Begroting 2024", "Begroting 2025", "2026", "2027", "2028"]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"),
               (2025, "begroting_primitief", ""), (2026, "meerjarenraming", ""), (2027, "meerjarenraming", ""),
               (2028, "meerjarenraming", "")]
    progs = ["Bestuur en dienstverlening", "Fysiek domein", "Sociaal domein", "Financiën"]
    lasten = [[9120, 9480, 9705, 9705, 9650, 9650], [28410, 30120, 31005, 30870, 30870, 30540],
              [71230, 74105, 76880, 77410, 77910, 77910], [1905, 2010, 2350, 2410, 2470, 2470]]
    baten = [[1204, 1180, 1210, 1210, 1210, 1210], [14320, 15010, 15480, 15480, 15480, 15480],
             [19870, 20405, 20990, 20990, 20990, 20990], [98410, 101205, 104870, 105320, 106005, 106410]]
    lines = ["Programmabegroting 2025", "", "Bedragen x € 1.000"]
    facts = []
    for title, measure, table in (("Lasten per programma", "lasten", lasten), ("Baten per programma", "baten", baten)):
        lines += ["", title, "Programma " + " ".join(heads)]
        for name, v in zip(progs, table):
            lines.append(f"{name} " + " ".join(fmt(x) for x in v))
            facts += [F(y, s, measure, "", name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
        lines.append(f"Totaal {measure} " + " ".join(fmt(sum(r[i] for r in table)) for i in range(6)))
    doc("spaced_gouda_begroting_2025_lasten_dan_baten", "GM0513", "\n".join(lines), facts,
        "space-separated rows, ONE document with a 'Lasten per programma' table then a 'Baten per programma' table "
        "(same programme names), one unit caption above both, 'Begroting 2025 2026 2027 2028' bare meerjaren years")


def r14():
    """Footnote marks on amounts and labels, notes with numbers below the table."""
    rows = [("0.1", "Bestuur", (2410, 2515), (35, 40), ""), ("0.2", "Burgerzaken", (1205, 1188), (402, 431), "1)"),
            ("0.3", "Beheer overige gebouwen en gronden", (880, 1342), (512, 498), ""),
            ("0.4", "Overhead", (9870, 10112), (310, 288), "2)"), ("0.5", "Treasury", (240, 198), (1950, 2104), "")]
    star = {("0.3", 1, 0)}  # realisatie lasten 0.3 carries an asterisk
    lines = ["Jaarrekening 2022", "", "Hoofdtaakveld 0 Bestuur en ondersteuning (bedragen x € 1.000)",
             "Taakveld Lasten begroting 2022 na wijziging Lasten rekening 2022 Baten begroting 2022 na wijziging Baten rekening 2022"]
    facts = []
    for code, name, l, b, mark in rows:
        cells = [fmt(l[0]), fmt(l[1]) + ("*" if (code, 1, 0) in star else ""), fmt(b[0]), fmt(b[1])]
        lines.append(f"{code} {name}{' ' + mark if mark else ''} " + " ".join(cells))
        facts += [F(2022, "begroting_na_wijziging", "lasten", code, name, l[0] * K), F(2022, "realisatie", "lasten", code, name, l[1] * K),
                  F(2022, "begroting_na_wijziging", "baten", code, name, b[0] * K), F(2022, "realisatie", "baten", code, name, b[1] * K)]
    lines.append("Totaal hoofdtaakveld 0 " + " ".join(fmt(sum(r[i][j] for r in rows)) for i in (2, 3) for j in (0, 1)))
    lines += ["", "* Inclusief een eenmalige afboeking van 450 op het pand Marktstraat 12.",
              "1) De baten burgerzaken 2022 bevatten 38 aan leges voor 1.205 extra reisdocumenten.",
              "2) Overhead: 2 fte extra in 2022, kosten 185."]
    doc("spaced_helmond_jaarrekening_2022_voetnoten", "GM0794", "\n".join(lines), facts,
        "space-separated rows, header cells 'Lasten begroting 2022 na wijziging' (measure + scenario + year in one), "
        "footnote marks after labels ('1)') and on an amount ('1.342*'), notes with numbers and years below")


def r15():
    """The municipality is only named in the text: no sidecar."""
    rows = [("Programma 1 Bestuur", (10120, 10405), (1420, 1512)), ("Programma 2 Leefomgeving", (35870, 36204), (21030, 21688)),
            ("Programma 3 Sociaal", (98410, 101230), (31205, 32870))]
    lines = ["Jaarrekening 2024 gemeente Zwolle", "", "Overzicht van baten en lasten", "Bedragen x € 1.000",
             "Programma Begroting 2024 na wijziging Rekening 2024", "Lasten"]
    facts = []
    for name, l, _ in rows:
        lines.append(f"{name} {fmt(l[0])} {fmt(l[1])}")
        facts += [F(2024, "begroting_na_wijziging", "lasten", "", name, l[0] * K), F(2024, "realisatie", "lasten", "", name, l[1] * K)]
    lines.append("Baten")
    for name, _, b in rows:
        lines.append(f"{name} {fmt(b[0])} {fmt(b[1])}")
        facts += [F(2024, "begroting_na_wijziging", "baten", "", name, b[0] * K), F(2024, "realisatie", "baten", "", name, b[1] * K)]
    lines += ["", "De gemeenteraad van Zwolle heeft de jaarrekening 2024 vastgesteld."]
    doc("spaced_zwolle_jaarrekening_2024_zonder_sidecar", "GM0193", "\n".join(lines), facts,
        "space-separated rows, Lasten and Baten sections without totals; the municipality is named only in the text "
        "('gemeente Zwolle'), NO sidecar code", sidecar=0)


def r18():
    """Accounting parentheses for negatives: lasten printed as (1.234)."""
    rows = [("Programma 1 Economie", (6120, 6412), (1805, 1920)), ("Programma 2 Mobiliteit", (18410, 17980), (4210, 4390)),
            ("Programma 3 Onderwijs", (22870, 23405), (3120, 3015)), ("Programma 4 Zorg", (81205, 84370), (12870, 13902))]
    p = lambda v: f"({fmt(v)})"
    lines = ["Jaarrekening 2023", "", "Programmarekening (bedragen x € 1.000; lasten tussen haakjes)",
             "Programma Lasten begroting na wijziging Lasten realisatie Baten begroting na wijziging Baten realisatie",
             "2023 2023 2023 2023"]
    facts = []
    for name, l, b in rows:
        lines.append(f"{name} {p(l[0])} {p(l[1])} {fmt(b[0])} {fmt(b[1])}")
        facts += [F(2023, "begroting_na_wijziging", "lasten", "", name, l[0] * K), F(2023, "realisatie", "lasten", "", name, l[1] * K),
                  F(2023, "begroting_na_wijziging", "baten", "", name, b[0] * K), F(2023, "realisatie", "baten", "", name, b[1] * K)]
    lines.append("Totaal " + " ".join([p(sum(r[1][0] for r in rows)), p(sum(r[1][1] for r in rows)),
                                        fmt(sum(r[2][0] for r in rows)), fmt(sum(r[2][1] for r in rows))]))
    doc("spaced_haarlemmermeer_jaarrekening_2023_haakjes", "GM0394", "\n".join(lines), facts,
        "space-separated rows, negative amounts in accounting PARENTHESES ('(6.120)') for lasten, two-line header "
        "(words, then years), Totaal row")


def r22():
    """A PDF page break inside the table: page footer and the repeated header line between rows."""
    rows = [("1.1", "Crisisbeheersing en brandweer", 4120, 4205), ("1.2", "Openbare orde en veiligheid", 1870, 1912),
            ("2.1", "Verkeer en vervoer", 9410, 9102), ("2.2", "Parkeren", 1205, 1188),
            ("2.5", "Openbaar vervoer", 310, 295), ("3.1", "Economische ontwikkeling", 905, 870),
            ("3.4", "Economische promotie", 412, 440)]
    head = "Taakveld Begroting 2023 na wijziging Realisatie 2023"
    lines = ["Jaarrekening 2023", "", "Lasten per taakveld", "Bedragen x € 1.000", head]
    facts = []
    for i, (code, name, b, r) in enumerate(rows):
        if i == 4:
            lines += ["", "Jaarrekening 2023 87", "", head]
        lines.append(f"{code} {name} {fmt(b)} {fmt(r)}")
        facts += [F(2023, "begroting_na_wijziging", "lasten", code, name, b * K), F(2023, "realisatie", "lasten", code, name, r * K)]
    lines.append(f"Totaal lasten {fmt(sum(r[2] for r in rows))} {fmt(sum(r[3] for r in rows))}")
    doc("spaced_leidschendam_jaarrekening_2023_paginakop", "GM1916", "\n".join(lines), facts,
        "space-separated rows from a PDF: a page footer ('Jaarrekening 2023 87') and the repeated header line between "
        "rows of one table, Totaal over both pages")


# ------------------------------------------------------------------------------------------ one cell per line

def r03():
    """2023-2024 lettered codes, code and name on separate lines, Lasten per taakveld."""
    rows = [("6.71a", "Huishoudelijke hulp (WMO)", (5210, 5480, 5602)), ("6.71b", "Begeleiding (WMO)", (3105, 3320, 3415)),
            ("6.71c", "Dagbesteding (WMO)", (2210, 2305, 2390)), ("6.72a", "Jeugdhulp begeleiding", (4120, 4410, 4520)),
            ("6.72b", "Jeugdhulp behandeling", (3870, 4012, 4105)), ("6.72c", "Jeugdhulp dagbesteding", (610, 655, 680)),
            ("6.73a", "Pleegzorg", (1420, 1502, 1550)), ("6.74a", "Jeugd behandeling GGZ zonder verblijf", (2905, 3110, 3180)),
            ("6.81a", "Beschermd wonen (WMO)", (720, 745, 760)), ("6.81b", "Maatschappelijke- en vrouwenopvang (WMO)", (430, 445, 445)),
            ("6.82a", "Jeugdbescherming", (1805, 1890, 1920))]
    meaning = [(2023, "begroting_na_wijziging", ""), (2024, "begroting_primitief", ""), (2025, "meerjarenraming", "")]
    cells = ["Programmabegroting 2024", "Lasten per taakveld sociaal domein", "Bedragen x € 1.000", "Taakveld",
             "Omschrijving", "Begroting 2023 na wijziging", "Begroting 2024", "Raming 2025"]
    facts = []
    for code, name, v in rows:
        cells += [code, name] + [fmt(x) for x in v]
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    cells += ["Totaal"] + [fmt(sum(r[2][i] for r in rows)) for i in range(3)]
    doc("flat_tilburg_begroting_2024_lettercodes", "GM0855", "\n".join(flat(cells)), facts,
        "one cell per line, 2023-2024 lettered codes (6.71a-c, 6.72a-c, 6.73a, 6.74a, 6.81a-b, 6.82a) on their own line "
        "with the name on the next, Taakveld/Omschrijving headers, Lasten per taakveld title, Totaal")


def r07():
    """Whole euros with ',00', no unit caption, taakveld code+name then Lasten/Baten sub-rows."""
    rows = [("7.2", "Riolering", (4105230, 4012877), (4650000, 4702311)),
            ("7.3", "Afval", (5340120, 5512004), (5890000, 5874126)),
            ("7.4", "Milieubeheer", (1204500, 1187320), (210000, 243118)),
            ("7.5", "Begraafplaatsen en crematoria", (412800, 398405), (380000, 402990))]
    e = lambda v: fmt(v) + ",00"
    cells = ["Jaarrekening 2023", "Programma 6 Milieu - wat heeft het gekost?", "Taakveld",
             "Begroting 2023 na wijziging", "Realisatie 2023"]
    facts = []
    for code, name, l, b in rows:
        cells += [f"{code} {name}", "Lasten", e(l[0]), e(l[1]), "Baten", e(b[0]), e(b[1])]
        facts += [F(2023, "begroting_na_wijziging", "lasten", code, name, l[0]), F(2023, "realisatie", "lasten", code, name, l[1]),
                  F(2023, "begroting_na_wijziging", "baten", code, name, b[0]), F(2023, "realisatie", "baten", code, name, b[1])]
    doc("flat_ede_jaarrekening_2023_euros_centen", "GM0228", "\n".join(flat(cells)), facts,
        "one cell per line, WHOLE EUROS printed with ',00' and no unit caption, taakveld code+name then Lasten/Baten "
        "sub-rows (no saldo), 2 columns, no totals")


def r13():
    """'€' glued to the amount, negative as '€-512'."""
    rows = [("Wonen", (8120, 8405, 8610), (3410, 3520, 3605)), ("Economie", (2870, 3012, 3104), (905, 880, 875)),
            ("Cultuur en sport", (6205, 6480, 6512), (1402, 1390, -12))]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    g = lambda v: ("€-" if v < 0 else "€") + fmt(abs(v))
    cells = ["Programmabegroting 2025", "Wat mag het kosten?", "(x € 1.000)", "Programma", "Realisatie 2023",
             "Begroting 2024", "Begroting 2025"]
    facts = []
    for name, l, b in rows:
        cells += [name, "Lasten", *[g(x) for x in l], "Baten", *[g(x) for x in b]]
        facts += [F(y, s, "lasten", "", name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, l)]
        facts += [F(y, s, "baten", "", name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, b)]
    doc("flat_venlo_begroting_2025_euroteken", "GM0983", "\n".join(flat(cells)), facts,
        "one cell per line, '€' glued to every amount ('€8.120', a genuinely negative baten '€-12'), programme then "
        "Lasten/Baten sub-rows, no totals")


def r17():
    """One unit caption at the top for three tables, one per programme."""
    progs = [("Programma 1 Stad en bestuur", (14205, 14870), (2310, 2502)), ("Programma 2 Wonen en wijken", (41230, 40870), (18420, 19105)),
             ("Programma 3 Werk en inkomen", (112450, 115320), (78905, 80110))]
    cells = ["Jaarrekening 2023", "Alle bedragen in dit hoofdstuk zijn x € 1.000."]
    facts = []
    for name, l, b in progs:
        cells += [name, "Wat heeft het gekost?", "Omschrijving", "Begroting 2023 na wijziging", "Realisatie 2023",
                  "Lasten", fmt(l[0]), fmt(l[1]), "Baten", fmt(b[0]), fmt(b[1]),
                  "Saldo", fmt(b[0] - l[0]), fmt(b[1] - l[1])]
        facts += [F(2023, "begroting_na_wijziging", "lasten", "", name, l[0] * K), F(2023, "realisatie", "lasten", "", name, l[1] * K),
                  F(2023, "begroting_na_wijziging", "baten", "", name, b[0] * K), F(2023, "realisatie", "baten", "", name, b[1] * K),
                  F(2023, "begroting_na_wijziging", "saldo", "", name, (b[0] - l[0]) * K, required=0),
                  F(2023, "realisatie", "saldo", "", name, (b[1] - l[1]) * K, required=0)]
    doc("flat_groningen_jaarrekening_2023_eenheid_boven", "GM0014", "\n".join(flat(cells)), facts,
        "one cell per line, the unit stated ONCE at the top ('Alle bedragen in dit hoofdstuk zijn x € 1.000.') for three "
        "per-programme tables, each with its heading and 'Wat heeft het gekost?' above Lasten/Baten/Saldo rows")


def r21():
    """Names-only taakveld rows that are exactly CBS names, and one that is not."""
    rows = [("0.1", "Bestuur", (2104, 2188)), ("0.2", "Burgerzaken", (905, 912)),
            ("0.3", "Beheer overige gebouwen en gronden", (412, 398)), ("0.4", "Overhead", (7410, 7602)),
            ("", "Bestuursondersteuning college", (1205, 1240)), ("1.1", "Crisisbeheersing en brandweer", (3120, 3120)),
            ("1.2", "Openbare orde en veiligheid", (870, 905)), ("2.1", "Verkeer en vervoer", (5210, 4988)),
            ("2.2", "Parkeren", (610, 655))]
    cells = ["Jaarrekening 2022", "Lasten per taakveld", "Bedragen x € 1.000", "Taakveld",
             "Begroting 2022 na wijziging", "Realisatie 2022"]
    facts = []
    for code, name, v in rows:
        cells += [name, fmt(v[0]), fmt(v[1])]
        facts += [F(2022, "begroting_na_wijziging", "lasten", code, name, v[0] * K), F(2022, "realisatie", "lasten", code, name, v[1] * K)]
    cells += ["Totaal lasten", fmt(sum(r[2][0] for r in rows)), fmt(sum(r[2][1] for r in rows))]
    doc("flat_roermond_jaarrekening_2022_namen", "GM0957", "\n".join(flat(cells)), facts,
        "one cell per line, taakveld rows printed with NAMES ONLY that are exactly the 2022 CBS names (code expected), "
        "one municipality's own line in between (no code), Lasten per taakveld title, Totaal lasten")


# ------------------------------------------------------------------------------------------ label, then one number

def r10():
    """Incidental lasten and baten list under programme headings."""
    lasten = [("Programma 1 Bestuur", "Gemeenteraadsverkiezingen", 185), ("Programma 1 Bestuur", "Implementatie Omgevingswet", 240),
              ("Programma 3 Economie", "Impuls binnenstad", 350)]
    baten = [("Programma 3 Economie", "Bijdrage provincie binnenstad", 175)]
    lines = ["Programmabegroting 2025", "", "Overzicht incidentele lasten en baten", "Bedragen x € 1.000", "",
             "Incidentele lasten", "Omschrijving Begroting 2025"]
    facts = []
    current = None
    for prog, name, v in lasten:
        if prog != current:
            lines.append(prog)
            current = prog
        lines.append(f"{name} {fmt(v)}")
        facts.append(F(2025, "begroting_primitief", "lasten", "", name, v * K))
    lines += [f"Totaal incidentele lasten {fmt(sum(x[2] for x in lasten))}", "", "Incidentele baten", "Omschrijving Begroting 2025"]
    current = None
    for prog, name, v in baten:
        if prog != current:
            lines.append(prog)
            current = prog
        lines.append(f"{name} {fmt(v)}")
        facts.append(F(2025, "begroting_primitief", "baten", "", name, v * K))
    lines += [f"Totaal incidentele baten {fmt(sum(x[2] for x in baten))}"]
    doc("lines_barneveld_begroting_2025_incidenteel", "GM0203", "\n".join(lines), facts,
        "label then one number, 'Overzicht incidentele lasten en baten': Incidentele lasten / Incidentele baten "
        "sections, programme headings, items, Totaal lines")


def r19():
    """Label, then one whole-euro amount with '€', a mid-year report."""
    lines = ["Voortgangsrapportage 2024", "", "Programma 4 Sociaal domein", "Omschrijving Begroting 2024 na wijziging",
             "Lasten € 48.120.450", "Baten € 12.905.310", "Saldo € -35.215.140"]
    facts = [F(2024, "begroting_na_wijziging", "lasten", "", "Lasten|Programma 4 Sociaal domein", 48120450),
             F(2024, "begroting_na_wijziging", "baten", "", "Baten|Programma 4 Sociaal domein", 12905310),
             F(2024, "begroting_na_wijziging", "saldo", "", "Saldo|Programma 4 Sociaal domein", -35215140, required=0)]
    doc("lines_ridderkerk_voortgangsrapportage_2024_euros", "GM0597", "\n".join(lines), facts,
        "label then one number in WHOLE EUROS with '€ ' and no caption, mid-year report, 'Begroting 2024 na wijziging' header")


# ------------------------------------------------------------------------------------------ beyond the families

def r20():
    """A semicolon export (open data download)."""
    rows = [("0.1", "Bestuur", 2104, 15), ("0.2", "Burgerzaken", 812, 290), ("0.4", "Overhead", 5870, 120),
            ("1.1", "Crisisbeheersing en brandweer", 1410, 0), ("2.1", "Verkeer en vervoer", 4120, 605)]
    lines = ["Begroting 2024 - lasten en baten per taakveld (x € 1.000)", "Taakveld;Omschrijving;Lasten;Baten"]
    facts = []
    for code, name, l, b in rows:
        lines.append(f"{code};{name};{fmt(l)};{fmt(b)}")
        facts += [F(2024, "begroting_primitief", "lasten", code, name, l * K), F(2024, "begroting_primitief", "baten", code, name, b * K)]
    doc("csv_leusden_begroting_2024_puntkomma", "GM0327", "\n".join(lines), facts,
        "SEMICOLON-separated export (Taakveld;Omschrijving;Lasten;Baten), year and unit only in the title line")


# ------------------------------------------------------------------------------------------ damaged copies

def damage():
    text = DOCS["pipe_nijkerk_jaarrekening_2023_vn_kolom"]["text"]
    broken = text.replace("| 2 Veiligheid | Lasten | 4.120 | 4.305 |", "| 2 Veiligheid | Lasten | 4.305 |")
    assert broken != text
    damaged("damaged_pipe_nijkerk_jaarrekening_2023_cel_weg", "pipe_nijkerk_jaarrekening_2023_vn_kolom", broken,
            "damaged copy of pipe_nijkerk: one cell (Veiligheid Lasten primitief) dropped with its pipe, the row is one short")

    lines = DOCS["flat_groningen_jaarrekening_2023_eenheid_boven"]["text"].split("\n")
    i = lines.index("18.420")  # Programma 2 Baten begroting na wijziging
    broken = "\n".join(lines[:i] + lines[i + 2:])
    damaged("damaged_flat_groningen_jaarrekening_2023_waarde_weg", "flat_groningen_jaarrekening_2023_eenheid_boven", broken,
            "damaged copy of flat_groningen: one value line (Programma 2 Baten begroting) removed, the cells after it would shift")

    text = DOCS["spaced_gouda_begroting_2025_lasten_dan_baten"]["text"]
    broken = text.replace("Programma Rekening 2023 Begroting 2024 Begroting 2025 2026 2027 2028\nBestuur",
                          "Programma Rekening 2023 Begroting 2025 2026 2027 2028\nBestuur", 1)
    assert broken != text
    damaged("damaged_spaced_gouda_begroting_2025_kop_weg", "spaced_gouda_begroting_2025_lasten_dan_baten", broken,
            "damaged copy of spaced_gouda: the lasten table's header lost 'Begroting 2024' (5 headers over 6 amounts)")


for make in (r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19, r20,
             r21, r22, damage):
    make()


def write_index(docs: dict, here: Path) -> None:
    """documents.csv keeps every row it has for files not in `docs`, then `docs`' rows."""
    fields = ["file", "municipality_code", "layout", "sidecar", "expect"]
    path = here / "documents.csv"
    rows = []
    if path.exists():
        rows = [r for r in csv.DictReader(path.open(encoding="utf-8")) if r["file"][:-4] not in docs]
    for name, d in docs.items():
        rows.append({"file": f"{name}.txt", "municipality_code": d["code"], "layout": d["what"],
                     "sidecar": d.get("sidecar", 1), "expect": d.get("expect", "ok")})
    for r in rows:
        r["sidecar"] = r.get("sidecar") or 1
        r["expect"] = r.get("expect") or "ok"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    for name, d in DOCS.items():
        (HERE / f"{name}.txt").write_text(d["text"], encoding="utf-8")
        with (HERE / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(d["facts"][0]))
            writer.writeheader()
            writer.writerows(d["facts"])
    write_index(DOCS, HERE)
    print(f"{len(DOCS)} documents written")
