"""Round 3 of the unseen-layout fixtures: 25 more documents, deliberately unlike rounds 1 and 2
(`make_fixtures.py`, `make_fixtures_round2.py`, whose helpers, expected-facts columns and
documents.csv columns this reuses), focused on text as users actually get it out of PDFs and browsers:

- `pdftotext -layout` output (`layout_*`): columns aligned by runs of spaces, right-aligned numbers,
  header words stacked over two or three lines ('Begroting' / '2024 na' / 'wijziging' in one column),
  page headers and footers ('Programmabegroting 2025 | pagina 47'), a table continued on the next page
  with its header repeated, a long taakveld name wrapped onto a second line, negatives printed '- 1.234',
  empty cells that only their column position places, blank lines between every row, '-0', '0,0',
  thousands with no separator ('12345'), Totaal lasten / Totaal baten / Saldo lines;
- plain `pdftotext` output (`pdftext_*`): one column after another, as in the sample `001_...`;
- text copied out of an HTML table in a browser (`browser_*`): tab-separated cells, empty cells as
  empty strings between tabs, multi-row headers;
- mid-year reports that print only mutations ('Wijziging 1e berap', 'Bijstelling'): nothing is stored;
- 2 tables the text cuts in the middle of a row (the cut row never loaded, the rows before it are;
  a truncated '3.2' is no amount of that row) and 3 damaged copies (a header line lost, a value line
  duplicated, a column's values shifted by one row): flagged or quarantined, never a wrong figure.

Run from the project root after the other two: `python tests/parsing/unseen/make_fixtures_round3.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_fixtures import F, fmt  # noqa: E402
from make_fixtures_round2 import write_index  # noqa: E402  (also builds round 2's DOCS; not written here)

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


def row(label, cells, lw=46, cw=14):
    """A pdftotext -layout line: the label left, every cell right-aligned in its column."""
    return (label.ljust(lw) + "".join(str(c).rjust(cw) for c in cells)).rstrip()


def stacked(label_lines, columns, lw=46, cw=14):
    """A header whose column words are stacked over several lines, each right-aligned in its column."""
    height = max(len(c) for c in columns)
    out = []
    for i in range(height):
        label = label_lines[i] if i < len(label_lines) else ""
        out.append(row(label, [c[i] if i < len(c) else "" for c in columns], lw, cw))
    return out


def sp(value):
    """'- 1.234' with a space, as pdftotext renders a minus set apart from its digits."""
    return ("- " if value < 0 else "") + fmt(abs(value))


# ------------------------------------------------------------------------------- pdftotext -layout

BUDGET_2025 = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", ""), (2025, "begroting_primitief", ""),
               (2026, "meerjarenraming", ""), (2027, "meerjarenraming", ""), (2028, "meerjarenraming", "")]


def l01():
    """Stacked three-line header ('Begroting' / '2024 na' / 'wijziging'), a page header with a page number."""
    rows = [("0.1", "Bestuur", [3120, 3388, 3490, 3490, 3512, 3512]),
            ("0.2", "Burgerzaken", [1805, 1910, 1954, 1960, 1960, 1960]),
            ("1.1", "Crisisbeheersing en brandweer", [6410, 6702, 6988, 7105, 7105, 7210]),
            ("1.2", "Openbare orde en veiligheid", [2230, 2415, 2390, 2390, 2390, 2390]),
            ("2.1", "Verkeer en vervoer", [11870, 12605, 12940, 13010, 13120, 13120]),
            ("7.2", "Riolering", [8105, 8420, 8610, 8750, 8890, 8890])]
    cols = [["Realisatie", "2023"], ["Begroting", "2024 na", "wijziging"], ["Begroting", "2025"],
            ["Raming", "2026"], ["Raming", "2027"], ["Raming", "2028"]]
    lines = ["Programmabegroting 2025 | pagina 47", "", "", "Lasten per taakveld", "",
             "Bedragen x € 1.000", ""] + stacked(["Taakveld"], cols) + [""]
    facts = []
    for code, name, v in rows:
        lines.append(row(f"{code} {name}", [fmt(x) for x in v]))
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(BUDGET_2025, v)]
    lines.append(row("Totaal lasten", [fmt(sum(r[2][i] for r in rows)) for i in range(6)]))
    lines += ["", "", "Gemeente Alkmaar                                                    Programmabegroting 2025 | pagina 47"]
    doc("layout_alkmaar_begroting_2025_kop_gestapeld", "GM0361", "\n".join(lines), facts,
        "pdftotext -layout: right-aligned columns, header words STACKED over three lines ('Begroting' / '2024 na' / "
        "'wijziging'), page header and footer 'Programmabegroting 2025 | pagina 47', Totaal lasten")


AMERSFOORT_LASTEN = [("0.1", "Bestuur", (4210, 4480, 4395)), ("0.2", "Burgerzaken", (2105, 2230, 2318)),
                     ("1.2", "Openbare orde en veiligheid", (3870, 4010, 3962)),
                     ("2.1", "Verkeer en vervoer", (15420, 16105, 15870)), ("3.1", "Economische ontwikkeling", (2310, 2655, 2480)),
                     ("4.2", "Onderwijshuisvesting", (9870, 10230, 10411)), ("5.2", "Sportaccommodaties", (6120, 6340, 6295)),
                     ("7.3", "Afval", (12305, 12650, 12580))]
AMERSFOORT_BATEN = [("0.2", "Burgerzaken", (1420, 1420, 1512)), ("2.1", "Verkeer en vervoer", (2105, 2210, 2388)),
                    ("4.2", "Onderwijshuisvesting", (310, 330, 325)), ("5.2", "Sportaccommodaties", (1870, 1910, 1946)),
                    ("7.3", "Afval", (13105, 13340, 13512))]


def row16(label, cells):
    return row(label, cells, cw=16)


def _amersfoort_lines(shift_realisatie=False):
    cols = [["Begroting 2023", "primitief"], ["Begroting 2023", "na wijziging"], ["Realisatie", "2023"], ["Verschil", ""]]
    head = stacked(["", "Taakveld"], cols, cw=16)
    lines = ["Jaarstukken 2023", "", "Overzicht van baten en lasten per taakveld", "Bedragen x € 1.000", ""] + head + ["", "Lasten"]
    real = [r[2][2] for r in AMERSFOORT_LASTEN]
    if shift_realisatie:  # damaged: the realisatie column one row down, its last value lost
        real = [None] + real[:-1]
    for i, (code, name, (p, a, r)) in enumerate(AMERSFOORT_LASTEN):
        rr = real[i]
        lines.append(row16(f"{code} {name}", [fmt(p), fmt(a), fmt(rr) if rr is not None else "", fmt(a - r)]))
        if i == 4:  # page break: footer, next page's header, the table's header repeated
            lines += ["", "", "Jaarstukken 2023 | pagina 112", "\f", "Gemeente Amersfoort", ""] + head + [""]
    tl = [sum(r[2][i] for r in AMERSFOORT_LASTEN) for i in range(3)]
    lines.append(row16("Totaal lasten", [fmt(tl[0]), fmt(tl[1]), fmt(tl[2]), fmt(tl[1] - tl[2])]))
    lines += ["", "Baten"]
    for code, name, (p, a, r) in AMERSFOORT_BATEN:
        lines.append(row16(f"{code} {name}", [fmt(p), fmt(a), fmt(r), fmt(r - a)]))
    tb = [sum(r[2][i] for r in AMERSFOORT_BATEN) for i in range(3)]
    lines.append(row16("Totaal baten", [fmt(tb[0]), fmt(tb[1]), fmt(tb[2]), fmt(tb[2] - tb[1])]))
    s = [b - l for l, b in zip(tl, tb)]
    lines += ["", row16("Saldo", [fmt(s[0]), fmt(s[1]), fmt(s[2]), fmt(s[2] - s[1])])]
    return lines


def l02():
    """Accounts continued on the next page (footer, page header, header repeated); Totaal lasten/baten, Saldo."""
    facts = []
    for measure, rows in (("lasten", AMERSFOORT_LASTEN), ("baten", AMERSFOORT_BATEN)):
        for code, name, (p, a, r) in rows:
            facts += [F(2023, "begroting_primitief", measure, code, name, p * K),
                      F(2023, "begroting_na_wijziging", measure, code, name, a * K),
                      F(2023, "realisatie", measure, code, name, r * K),
                      F(2023, "afwijking", measure, code, name, (r - a) * K, required=0)]
    doc("layout_amersfoort_jaarrekening_2023_vervolgpagina", "GM0307", "\n".join(_amersfoort_lines()), facts,
        "pdftotext -layout: accounts per taakveld, two-line stacked header ('Begroting 2023' / 'primitief'), Lasten and "
        "Baten sections, the table CONTINUED on the next page (footer 'Jaarstukken 2023 | pagina 112', form feed, page "
        "header, header repeated), Totaal lasten, Totaal baten and a final Saldo line, Verschil in the measure's favour")


def l03():
    """Lasten printed negative as '- 12.345'; long taakveld names wrapped onto a second line."""
    rows = [("0.1", "Bestuur", 3410, 120, None),
            ("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie", 6205, 1310, "first"),
            ("5.7", "Openbaar groen en (openlucht) recreatie", 8870, 405, None),
            ("8.2", "Grondexploitatie (niet-bedrijventerreinen)", 4120, 3980, "second"),
            ("8.3", "Wonen en bouwen", 2650, 1870, None)]
    lines = ["Programmabegroting 2024", "", "Overzicht van baten en lasten per taakveld", "(bedragen x € 1.000)", ""]
    lines += stacked(["", "Taakveld"], [["", "Lasten"], ["Begroting 2024", "Baten"], ["", "Saldo"]])
    lines.append("")
    facts = []
    for code, name, l, b, wrap in rows:
        cells = [sp(-l), sp(b), sp(b - l)]
        if wrap == "first":  # numbers on the first line, the name continues below
            head, tail = name[:name.index(" en cultuurparticipatie") + 3], "cultuurparticipatie"
            lines += [row(f"{code} {head}", cells), "    " + tail]
        elif wrap == "second":  # the name's first part alone, the numbers on the line that ends it
            lines += [f"{code} Grondexploitatie (niet-", row("    bedrijventerreinen)", cells)]
        else:
            lines.append(row(f"{code} {name}", cells))
        facts += [F(2024, "begroting_primitief", "lasten", code, name, l * K),
                  F(2024, "begroting_primitief", "baten", code, name, b * K),
                  F(2024, "begroting_primitief", "saldo", code, name, (b - l) * K, required=0)]
    tl, tb = sum(r[2] for r in rows), sum(r[3] for r in rows)
    lines += ["", row("Totaal", [sp(-tl), sp(tb), sp(tb - tl)]), "", "Programmabegroting 2024 | pagina 31"]
    facts[0]["note"] = "lasten printed negative with a space ('- 3.410'): stored positive"
    doc("layout_nijmegen_begroting_2024_lange_naam", "GM0268", "\n".join(lines), facts,
        "pdftotext -layout: Lasten/Baten/Saldo under one 'Begroting 2024' spanning header, lasten printed NEGATIVE as "
        "'- 3.410' (a space after the minus), saldo = lasten + baten as printed, two long taakveld names WRAPPED (numbers "
        "on the first line once, on the second line once), Totaal, a page footer")


DELFT = [("Programma 1 Bestuur en dienstverlening", [7210, 7480, 7655, 7655, 7702, 7702], [1830, 1795, 1810, 1810, 1810, 1810]),
         ("Programma 2 Veilig Delft", [9120, 9560, 9810, 9905, 9905, 9905], [410, 425, 430, 430, 430, 430]),
         ("Programma 3 Duurzame stad", [24105, 25880, 26410, 26720, 26950, 27105], [19870, 20455, 21130, 21340, 21560, 21560])]
BUDGET_2024 = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"), (2024, "begroting_primitief", ""),
               (2025, "meerjarenraming", ""), (2026, "meerjarenraming", ""), (2027, "meerjarenraming", "")]


def _delft_lines(duplicate_baten_of=None):
    cols = [["Realisatie", "2022"], ["Begroting", "2023"], ["Begroting", "2024"], ["Raming", "2025"], ["Raming", "2026"],
            ["Raming", "2027"]]
    lines = ["Programmabegroting 2024", ""]
    for n, (name, l, b) in enumerate(DELFT):
        if n == 2:
            lines += ["", "Programmabegroting 2024 | pagina 23", "\f"]
        lines += ["", name, "", "Wat mag het kosten?", ""] + stacked(["Bedragen x € 1.000"], cols, lw=30, cw=12)
        lines.append(row("Lasten", [fmt(x) for x in l], 30, 12))
        lines.append(row("Baten", [fmt(x) for x in b], 30, 12))
        if duplicate_baten_of == n:
            lines.append(lines[-1])
        lines.append(row("Saldo", [fmt(bb - ll) for ll, bb in zip(l, b)], 30, 12))
    return lines


def l04():
    """Several programmes, each with its own small Lasten/Baten/Saldo table; the name only in the heading above."""
    facts = []
    for name, l, b in DELFT:
        for (y, s, alt), ll, bb in zip(BUDGET_2024, l, b):
            facts += [F(y, s, "lasten", "", f"Lasten|{name}", ll * K, alt=alt), F(y, s, "baten", "", f"Baten|{name}", bb * K, alt=alt),
                      F(y, s, "saldo", "", f"Saldo|{name}", (bb - ll) * K, required=0, alt=alt)]
    doc("layout_delft_begroting_2024_programmas", "GM0503", "\n".join(_delft_lines()), facts,
        "pdftotext -layout: three programmes, EACH with its own small table (Lasten/Baten/Saldo x 6 years, two-line "
        "stacked header, the unit caption in the header's label column), the programme named only in the heading above, "
        "a page footer and form feed between programmes 2 and 3")


def l05():
    """Blank line between every row; '-0' and '0' cells."""
    lasten = [("0.61", "OZB woningen", 410, 398), ("0.62", "OZB niet-woningen", 0, -0), ("0.64", "Belastingen overig", 120, 131),
              ("7.3", "Afval", 9870, 9912), ("7.5", "Begraafplaatsen en crematoria", 640, 602)]
    baten = [("0.61", "OZB woningen", 14205, 14390), ("0.62", "OZB niet-woningen", 6870, 6912),
             ("0.64", "Belastingen overig", 0, 0), ("7.3", "Afval", 10320, 10455), ("7.5", "Begraafplaatsen en crematoria", 705, 688)]
    lines = ["Jaarrekening 2023", "", "Taakvelden lokale heffingen en afval", "", "Bedragen x € 1.000", ""]
    lines += stacked(["Taakveld"], [["Begroting 2023", "na wijziging"], ["Realisatie", "2023"], ["Verschil", ""]])
    facts = []
    for section, rows, measure in (("Lasten", lasten, "lasten"), ("Baten", baten, "baten")):
        lines += ["", section]
        for code, name, a, r in rows:
            d = (a - r) if measure == "lasten" else (r - a)
            rtext = "-0" if (code == "0.62" and measure == "lasten") else fmt(r)
            lines += ["", row(f"{code} {name}", [fmt(a), rtext, fmt(d)])]
            facts += [F(2023, "begroting_na_wijziging", measure, code, name, a * K),
                      F(2023, "realisatie", measure, code, name, r * K),
                      F(2023, "afwijking", measure, code, name, (r - a) * K, required=0)]
        ta, tr = sum(r[2] for r in rows), sum(r[3] for r in rows)
        lines += ["", row(f"Totaal {measure}", [fmt(ta), fmt(tr), fmt(ta - tr if measure == 'lasten' else tr - ta)])]
    facts[4]["note"] = "'-0' printed: a rounded nil, stored 0"
    doc("layout_oss_jaarrekening_2023_lege_regels", "GM0828", "\n".join(lines), facts,
        "pdftotext -layout: a BLANK LINE between every row, '-0' (lasten realisatie of 0.62) and '0' cells, stacked "
        "two-line header, Lasten and Baten sections with Totaal lasten / Totaal baten")


def l06():
    """x € 1 mln with decimal commas, '0,0' cells, bare meerjaren years after 'Begroting 2025'."""
    progs = [("Bestuur en organisatie", [148.2, 151.6, 153.0, 153.0, 154.1], [12.4, 12.9, 13.1, 13.1, 13.1]),
             ("Openbare orde en veiligheid", [221.5, 230.8, 236.2, 238.0, 238.0], [0.0, 0.0, 0.0, 0.0, 0.0]),
             ("Sport en bos", [139.7, 144.3, 145.0, 146.8, 146.8], [31.2, 32.6, 33.0, 33.0, 33.0])]
    meaning = [(2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", ""),
               (2026, "meerjarenraming", ""), (2027, "meerjarenraming", ""), (2028, "meerjarenraming", "")]
    m = lambda v: f"{v:.1f}".replace(".", ",")
    lines = ["Begroting 2025", "", "Lasten en baten per programma (bedragen x € 1 mln)", ""]
    lines.append(row("Programma", ["Begroting 2024", "Begroting 2025", "2026", "2027", "2028"], lw=34, cw=16))
    facts = []
    for section, idx, measure in (("Lasten", 1, "lasten"), ("Baten", 2, "baten")):
        lines += ["", section]
        for p in progs:
            lines.append(row(p[0], [m(v) for v in p[idx]], lw=34, cw=16))
            for (y, s, alt), v in zip(meaning, p[idx]):
                facts.append(F(y, s, measure, "", p[0], round(v * 10) * 100_000, alt=alt))
        lines.append(row(f"Totaal {measure}", [m(sum(p[idx][i] for p in progs)) for i in range(5)], lw=34, cw=16))
    facts[0]["note"] = "x € 1 mln: 148,2 = 148.200.000; '0,0' is a printed nil amount, stored 0"
    doc("layout_amsterdam_begroting_2025_mln", "GM0363", "\n".join(lines), facts,
        "pdftotext -layout: x € 1 mln with one decimal ('148,2'), a programme printing '0,0' baten in every year, "
        "'Begroting 2024 Begroting 2025 2026 2027 2028' (bare meerjaren years), Lasten/Baten sections with totals")


def l07():
    """Thousands printed with no separator ('12345')."""
    rows = [("0.1", "Bestuur", (4105, 4380, 4512)), ("0.4", "Overhead", (21870, 23105, 23960)),
            ("2.1", "Verkeer en vervoer", (12345, 13020, 13410)), ("3.1", "Economische ontwikkeling", (1870, 2105, 1990)),
            ("5.7", "Openbaar groen en (openlucht) recreatie", (10412, 10980, 11205)), ("8.3", "Wonen en bouwen", (3105, 3340, 3290))]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    lines = ["Gemeente Westland - Programmabegroting 2025", "", "Lasten per taakveld", "bedragen x € 1.000", ""]
    lines.append(row("Taakveld", ["Rekening 2023", "Begroting 2024", "Begroting 2025"], lw=50, cw=16))
    facts = []
    for code, name, v in rows:
        lines.append(row(f"{code} {name}", [str(x) for x in v], lw=50, cw=16))
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    lines.append(row("Totaal lasten", [str(sum(r[2][i] for r in rows)) for i in range(3)], lw=50, cw=16))
    doc("layout_westland_begroting_2025_zonder_punt", "GM1783", "\n".join(lines), facts,
        "pdftotext -layout: thousands printed with NO separator ('12345', '21870'), Rekening/Begroting/Begroting, Totaal lasten")


def l08():
    """A mid-year report printing only mutations: nothing is a stored scenario."""
    progs = [("1 Bestuur en burger", 320, -45), ("2 Veiligheid", -110, 0), ("3 Ruimte en mobiliteit", 1250, 610),
             ("4 Sociaal domein", 2405, 1870)]
    lines = ["1e Bestuursrapportage 2024", "", "Financiële afwijkingen per programma", "Bedragen x € 1.000", ""]
    lines += stacked(["Programma"], [["Wijziging 1e berap", "Lasten"], ["", "Baten"], ["", "Saldo"]], lw=40, cw=16)
    for name, l, b in progs:
        lines.append(row(name, [sp(l) if l else "0", sp(b) if b else "0", sp(b - l)], lw=40, cw=16))
    tl, tb = sum(p[1] for p in progs), sum(p[2] for p in progs)
    lines.append(row("Totaal wijzigingen", [sp(tl), sp(tb), sp(tb - tl)], lw=40, cw=16))
    lines += ["", "Een positief bedrag bij lasten is een hogere raming van de lasten."]
    doc("layout_sittard_bestuursrapportage_2024_mutaties", "GM1883", "\n".join(lines), [],
        "pdftotext -layout: 1e berap printing ONLY mutations ('Wijziging 1e berap' over Lasten/Baten/Saldo, stacked): "
        "no stored scenario, nothing may be stored (no begroting, no other fact)")


def l09():
    """Empty cells that only the column position places (right-aligned), with column totals."""
    rows = [("0.1", "Bestuur", 2870, 3010, 2955), ("0.2", "Burgerzaken", 1410, 1455, 1502),
            ("1.2", "Openbare orde en veiligheid", None, 410, 395), ("2.1", "Verkeer en vervoer", 8120, 8530, 8412),
            ("3.4", "Economische promotie", 310, 310, None), ("6.1", "Samenkracht en burgerparticipatie", 5230, 5480, 5611)]
    lines = ["Jaarrekening 2023", "", "Lasten per taakveld", "Bedragen x € 1.000", ""]
    lines += stacked(["Taakveld"], [["Begroting 2023", "primitief"], ["Begroting 2023", "na wijziging"], ["Realisatie", "2023"]],
                     lw=44, cw=16)
    facts = []
    for code, name, p, a, r in rows:
        lines.append(row(f"{code} {name}", ["" if x is None else fmt(x) for x in (p, a, r)], lw=44, cw=16))
        for s, x in (("begroting_primitief", p), ("begroting_na_wijziging", a), ("realisatie", r)):
            if x is not None:
                facts.append(F(2023, s, "lasten", code, name, x * K))
    tot = [sum(r[i] or 0 for r in rows) for i in (2, 3, 4)]
    lines.append(row("Totaal lasten", [fmt(x) for x in tot], lw=44, cw=16))
    doc("layout_zoetermeer_jaarrekening_2023_lege_cellen", "GM0637", "\n".join(lines), facts,
        "pdftotext -layout: EMPTY CELLS as blank space (a new taakveld with no primitief, one with no realisatie): only "
        "the right-aligned column position (and the column totals) place the short rows' values, Totaal lasten")


def l10():
    """Najaarsnota: begroting na wijziging, realisatie t/m september, prognose, afwijking."""
    progs = [("Programma 1 Bestuur", (6120, 4480, 6050), (890, 610, 905)),
             ("Programma 2 Wonen en werken", (18240, 12905, 18610), (6410, 4320, 6380)),
             ("Programma 3 Zorg en welzijn", (41870, 30120, 42530), (9120, 6905, 9340))]
    cols = [["Begroting", "2024 na", "wijziging"], ["Realisatie", "t/m sept.", "2024"], ["Prognose", "2024", ""],
            ["Afwijking", "", ""]]
    lines = ["Najaarsnota 2024", "", "Programmabegroting 2024 - stand per 30 september", "", "Bedragen x € 1.000", ""]
    lines += stacked(["", "Programma"], cols, lw=40)
    facts = []
    for section, idx, measure in (("Lasten", 1, "lasten"), ("Baten", 2, "baten")):
        lines += ["", section]
        for p in progs:
            a, r, pr = p[idx]
            lines.append(row(p[0], [fmt(a), fmt(r), fmt(pr), fmt(pr - a)], lw=40))
            facts += [F(2024, "begroting_na_wijziging", measure, "", p[0], a * K),
                      F(2024, "realisatie_tot_heden", measure, "", p[0], r * K)]
        t = [sum(p[idx][i] for p in progs) for i in range(3)]
        lines.append(row(f"Totaal {measure}", [fmt(t[0]), fmt(t[1]), fmt(t[2]), fmt(t[2] - t[0])], lw=40))
    doc("layout_hoorn_najaarsnota_2024", "GM0405", "\n".join(lines), facts,
        "pdftotext -layout: mid-year report, stacked three-line header 'Begroting / 2024 na / wijziging', 'Realisatie / "
        "t/m sept. / 2024' (realisatie so far), Prognose and Afwijking (not stored), Lasten and Baten sections with totals")


def l11():
    """2025 codes, Totaal lasten, Totaal baten and a Saldo line in one table."""
    lasten = [("6.1", "Samenkracht en burgerparticipatie", (5120, 5430, 5610)),
              ("6.21", "Toegang en eerstelijnsvoorzieningen WMO", (None, None, 2105)),
              ("6.3", "Inkomensregelingen", (28410, 29870, 30220)),
              ("6.711", "Huishoudelijke hulp (WMO)", (None, None, 4870)),
              ("6.712", "Begeleiding (WMO)", (None, None, 3905))]
    baten = [("6.3", "Inkomensregelingen", (21050, 22310, 22870)), ("6.711", "Huishoudelijke hulp (WMO)", (None, None, 410))]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    lines = ["Programmabegroting 2025", "", "Programma 4 Sociaal domein", "", "Baten en lasten per taakveld (x € 1.000)", ""]
    lines += stacked(["Taakveld"], [["Rekening", "2023"], ["Begroting", "2024"], ["Begroting", "2025"]], lw=48)
    facts = []
    totals = {}
    for section, rows, measure in (("Lasten", lasten, "lasten"), ("Baten", baten, "baten")):
        lines += ["", section]
        for code, name, v in rows:
            lines.append(row(f"{code} {name}", ["-" if x is None else fmt(x) for x in v], lw=48))
            facts += [F(y, s, measure, code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v) if x is not None]
        totals[measure] = [sum(r[2][i] or 0 for r in rows) for i in range(3)]
        lines.append(row(f"Totaal {measure}", [fmt(x) for x in totals[measure]], lw=48))
    lines += ["", row("Saldo", [fmt(b - l) for l, b in zip(totals["lasten"], totals["baten"])], lw=48)]
    doc("layout_purmerend_begroting_2025_codes2025", "GM0439", "\n".join(lines), facts,
        "pdftotext -layout: 2025 codes (6.21, 6.711, 6.712) new in the budget year with '-' in the earlier years, Lasten "
        "and Baten sections, Totaal lasten, Totaal baten and a final Saldo line, stacked two-line header")


def l12():
    """Accounts with a V/N marker beside the Verschil and blank lines between rows."""
    progs = [("1 Bestuur", (5410, 5690, 5602), (610, 640, 688)),
             ("2 Openbare ruimte", (14230, 15105, 15380), (4120, 4310, 4290)),
             ("3 Samenleving", (38905, 40210, 39870), (11230, 11890, 12104))]
    cols = [["Begroting 2022", "primitief"], ["Begroting 2022", "na wijziging"], ["Rekening", "2022"], ["Verschil", ""], ["", "V/N"]]
    lines = ["Programmarekening 2022", "", "Overzicht baten en lasten", "Bedragen x € 1.000", ""]
    lines += stacked(["Programma"], cols, lw=30, cw=16)[:2]
    facts = []
    for section, idx, measure in (("Lasten", 1, "lasten"), ("Baten", 2, "baten")):
        lines += ["", section, ""]
        for p in progs:
            pr, a, r = p[idx]
            d = (a - r) if measure == "lasten" else (r - a)
            lines += [row(p[0], [fmt(pr), fmt(a), fmt(r), fmt(abs(d)), "V" if d >= 0 else "N"], lw=30, cw=16), ""]
            facts += [F(2022, "begroting_primitief", measure, "", p[0], pr * K),
                      F(2022, "begroting_na_wijziging", measure, "", p[0], a * K),
                      F(2022, "realisatie", measure, "", p[0], r * K),
                      F(2022, "afwijking", measure, "", p[0], (r - a) * K, required=0)]
    doc("layout_harderwijk_jaarrekening_2022_vn", "GM0243", "\n".join(lines), facts,
        "pdftotext -layout: accounts, programmes in Lasten and Baten sections with a BLANK LINE after every row, unsigned "
        "Verschil with a V/N marker in its own right-aligned column, stacked two-line header, no totals")


# ------------------------------------------------------------------------------------- pdftotext (raw)

def _raw_columns(title_lines, sections, columns, unit="Bedragen x € 1.000"):
    """Plain pdftotext of a table: the labels of every section first, then column after column."""
    lines = list(title_lines) + ["", unit, "", "Exploitatie", ""]
    for section, labels, total in sections:
        lines += [section, ""]
        for label in labels:
            lines += label.split("\n") + [""]
        lines += [total, ""]
    for header, values in columns:
        lines += header.split("\n") + [""]
        for v in values:
            lines += ["" if v is None else v, ""] if v is not None else []
    return lines


def p01():
    """Plain pdftotext: every cell printed; Begroting na wijziging / Realisatie / Saldo (begroting - realisatie)."""
    lasten = [("6.1 Samenkracht en\nburgerparticipatie", "6.1", "Samenkracht en burgerparticipatie", 2410, 2288),
              ("6.3 Inkomensregelingen", "6.3", "Inkomensregelingen", 9870, 10125),
              ("6.5 Arbeidsparticipatie", "6.5", "Arbeidsparticipatie", 1630, 1544),
              ("7.1 Volksgezondheid", "7.1", "Volksgezondheid", 1205, 1198)]
    baten = [("6.3 Inkomensregelingen", "6.3", "Inkomensregelingen", 7420, 7810),
             ("6.5 Arbeidsparticipatie", "6.5", "Arbeidsparticipatie", 310, 295)]
    tla, tlr = sum(r[3] for r in lasten), sum(r[4] for r in lasten)
    tba, tbr = sum(r[3] for r in baten), sum(r[4] for r in baten)
    cols = [("Begroting 2024 na\nwijziging [2024]", [fmt(r[3]) for r in lasten] + [fmt(tla)] + [fmt(r[3]) for r in baten] + [fmt(tba)]),
            ("Realisatie 2024\n[2024]", [fmt(r[4]) for r in lasten] + [fmt(tlr)] + [fmt(r[4]) for r in baten] + [fmt(tbr)]),
            ("Saldo 2024 [2024]", [fmt(r[3] - r[4]) for r in lasten] + [fmt(tla - tlr)] + [fmt(r[3] - r[4]) for r in baten] + [fmt(tba - tbr)])]
    lines = _raw_columns(["GEMEENTE", "WEERT", "", "Jaarverslag 2024", "", "Programma 3 Sociaal domein", "",
                          "Wat heeft het gekost?"],
                         [("Lasten", [r[0] for r in lasten], "Totaal Lasten"), ("Baten", [r[0] for r in baten], "Totaal Baten")],
                         cols)
    facts = []
    for measure, rows in (("lasten", lasten), ("baten", baten)):
        for _, code, name, a, r in rows:
            facts += [F(2024, "begroting_na_wijziging", measure, code, name, a * K), F(2024, "realisatie", measure, code, name, r * K)]
    doc("pdftext_weert_jaarverslag_2024_kolommen", "GM0988", "\n".join(lines), facts,
        "plain pdftotext (no -layout): labels of the Lasten and Baten sections first (names wrapped), then column after "
        "column ('Begroting 2024 na / wijziging [2024]', 'Realisatie 2024 / [2024]', 'Saldo 2024 [2024]') with totals "
        "inside the columns, every cell printed")


def p02():
    """Plain pdftotext with missing cells: the saldo identity and the totals place them."""
    lasten = [("0.1 Bestuur", "0.1", "Bestuur", 1870, 1912), ("0.2 Burgerzaken", "0.2", "Burgerzaken", 905, 881),
              ("0.4 Overhead", "0.4", "Overhead", 6410, 6655)]
    baten = [("0.1 Bestuur", "0.1", "Bestuur", None, None), ("0.2 Burgerzaken", "0.2", "Burgerzaken", 410, 452),
             ("0.4 Overhead", "0.4", "Overhead", 120, None)]
    tla, tlr = sum(r[3] for r in lasten), sum(r[4] for r in lasten)
    tba, tbr = sum(r[3] or 0 for r in baten), sum(r[4] or 0 for r in baten)
    vals = lambda i, rows: [fmt(r[i]) for r in rows if r[i] is not None]
    sal = lambda rows: [fmt((r[3] or 0) - (r[4] or 0)) for r in rows if r[3] is not None or r[4] is not None]
    cols = [("Begroting 2025 na\nwijziging [2025]", vals(3, lasten) + [fmt(tla)] + vals(3, baten) + [fmt(tba)]),
            ("Realisatie 2025\n[2025]", vals(4, lasten) + [fmt(tlr)] + vals(4, baten) + [fmt(tbr)]),
            ("Saldo 2025 [2025]", sal(lasten) + [fmt(tla - tlr)] + sal(baten) + [fmt(tba - tbr)])]
    lines = _raw_columns(["Bestuursrapportage 2025", "", "Programma 1 Bestuur en organisatie", "", "Wat mag het kosten?"],
                         [("Lasten", [r[0] for r in lasten], "Totaal Lasten"), ("Baten", [r[0] for r in baten if r[3] or r[4]], "Totaal Baten")],
                         cols)
    facts = []
    for measure, rows in (("lasten", lasten), ("baten", baten)):
        for _, code, name, a, r in rows:
            if a is not None:
                facts.append(F(2025, "begroting_na_wijziging", measure, code, name, a * K))
            if r is not None:
                facts.append(F(2025, "realisatie_tot_heden", measure, code, name, r * K))
    doc("pdftext_kampen_bestuursrapportage_2025_lege_cellen", "GM0166", "\n".join(lines), facts,
        "plain pdftotext (no -layout), mid-year report: labels first then column after column, one baten cell MISSING "
        "(0.4 realisatie), placed only by saldo = begroting - realisatie and the printed totals")


def p03():
    """Plain pdftotext of a budget: three columns, no saldo column, Totaal Lasten only."""
    rows = [("5.1 Sportbeleid en\nactivering", "5.1", "Sportbeleid en activering", (1205, 1310, 1355)),
            ("5.2 Sportaccommodaties", "5.2", "Sportaccommodaties", (4870, 5120, 5230)),
            ("5.3 Cultuurpresentatie,\ncultuurproductie en\ncultuurparticipatie", "5.3",
             "Cultuurpresentatie, cultuurproductie en cultuurparticipatie", (2310, 2405, 2460)),
            ("5.5 Cultureel erfgoed", "5.5", "Cultureel erfgoed", (410, 455, 470))]
    heads = ["Realisatie\n2022", "Begroting\n2023", "Begroting\n2024"]
    meaning = [(2022, "realisatie", ""), (2023, "begroting_na_wijziging", "begroting_primitief"), (2024, "begroting_primitief", "")]
    cols = [(h, [fmt(r[3][i]) for r in rows] + [fmt(sum(r[3][i] for r in rows))]) for i, h in enumerate(heads)]
    lines = _raw_columns(["Programmabegroting 2024", "", "Programma 5 Sport en cultuur", "", "Wat mag het kosten?"],
                         [("Lasten", [r[0] for r in rows], "Totaal Lasten")], cols)
    facts = []
    for _, code, name, v in rows:
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    doc("pdftext_heerenveen_begroting_2024_drie_kolommen", "GM0074", "\n".join(lines), facts,
        "plain pdftotext (no -layout), budget: Lasten labels (one wrapped over three lines) then three columns "
        "'Realisatie / 2022', 'Begroting / 2023', 'Begroting / 2024' with Totaal Lasten, no saldo column")


# ------------------------------------------------------------------------------------- browser copies

UTRECHT = [("Veiligheid", [38120, 40210, 41805, 42110, 42110, 42350], [2105, 2230, 2260, 2260, 2260, 2260]),
           ("Bereikbaarheid", [61230, 64870, 66105, 67450, 68120, 68120], [21405, 22870, 23410, 23410, 23900, 23900]),
           ("Werk en inkomen", [312405, 320870, 331204, 335610, 338020, 338020], [198710, 204310, 211870, 213005, 213005, 213005])]


def _utrecht_lines(duplicate=False):
    lines = ["Programmabegroting 2025", "", "Overzicht lasten en baten per programma", "Bedragen x € 1.000", "",
             "Programma\tRealisatie\tBegroting\tBegroting\tRaming\tRaming\tRaming",
             "\t2023\t2024\t2025\t2026\t2027\t2028"]
    for n, (name, l, b) in enumerate(UTRECHT):
        lines.append(name + "\t" * 6)
        lines.append("Lasten\t" + "\t".join(fmt(x) for x in l))
        lines.append("Baten\t" + "\t".join(fmt(x) for x in b))
        if duplicate and n == 1:
            lines.append(lines[-1])
        lines.append("Saldo\t" + "\t".join(fmt(bb - ll) for ll, bb in zip(l, b)))
    return lines


def b01():
    facts = []
    for name, l, b in UTRECHT:
        for (y, s, alt), ll, bb in zip(BUDGET_2025, l, b):
            alt = "begroting_primitief" if y == 2024 else alt
            facts += [F(y, s, "lasten", "", f"Lasten|{name}", ll * K, alt=alt), F(y, s, "baten", "", f"Baten|{name}", bb * K, alt=alt),
                      F(y, s, "saldo", "", f"Saldo|{name}", (bb - ll) * K, required=0, alt=alt)]
    doc("browser_utrecht_begroting_2025_tabs", "GM0344", "\n".join(_utrecht_lines()), facts,
        "copied from a browser's HTML table: TAB-separated cells, a TWO-ROW header (scenario words, then years under "
        "them), the programme on its own row with empty cells (tabs only), Lasten/Baten/Saldo rows under it")


def b02():
    progs = [("1. Bestuur", (8120, 8204), (1310, 1402)), ("2. Veiligheid", (5230, 5188), (None, 12)),
             ("3. Economie", (3405, 3290), (880, 915)), ("4. Wonen", (12870, 13405), (6105, 6390))]
    lines = ["Jaarstukken 2023", "Wat heeft het gekost? (x € 1.000)", "",
             "\tBegroting 2023 na wijziging\t\tRealisatie 2023\t\tVerschil\t",
             "Programma\tLasten\tBaten\tLasten\tBaten\tLasten\tBaten"]
    facts = []
    c = lambda v: "" if v is None else fmt(v)
    for name, l, b in progs:
        lines.append(f"{name}\t{c(l[0])}\t{c(b[0])}\t{c(l[1])}\t{c(b[1])}\t{fmt(l[0] - l[1])}\t{fmt((b[1] or 0) - (b[0] or 0))}")
        facts += [F(2023, "begroting_na_wijziging", "lasten", "", name, l[0] * K), F(2023, "realisatie", "lasten", "", name, l[1] * K),
                  F(2023, "afwijking", "lasten", "", name, (l[1] - l[0]) * K, required=0)]
        if b[0] is not None:
            facts.append(F(2023, "begroting_na_wijziging", "baten", "", name, b[0] * K))
        facts.append(F(2023, "realisatie", "baten", "", name, b[1] * K))
        facts.append(F(2023, "afwijking", "baten", "", name, (b[1] - (b[0] or 0)) * K, required=0))
    tl = [sum(p[1][i] for p in progs) for i in range(2)]
    tb = [sum(p[2][i] or 0 for p in progs) for i in range(2)]
    lines.append(f"Totaal\t{fmt(tl[0])}\t{fmt(tb[0])}\t{fmt(tl[1])}\t{fmt(tb[1])}\t{fmt(tl[0] - tl[1])}\t{fmt(tb[1] - tb[0])}")
    doc("browser_eindhoven_jaarrekening_2023_tabs_spanning", "GM0772", "\n".join(lines), facts,
        "copied from a browser: TAB-separated, two-row header whose first row spans each scenario over Lasten/Baten with "
        "EMPTY cells between tabs, one EMPTY data cell (Veiligheid baten begroting), Verschil in the measure's favour, Totaal")


def b03():
    rows = [("0.1", "Bestuur", 3105, None), ("0.2", "Burgerzaken", 1870, 905), ("0.3", "Beheer overige gebouwen en gronden", 1240, 610),
            ("0.5", "Treasury", 305, 1870), ("0.8", "Overige baten en lasten", 410, None), ("0.10", "Mutaties reserves", 2310, 4120)]
    lines = ["Begroting 2024", "", "Algemene dekkingsmiddelen en overhead per taakveld", "bedragen x € 1.000", "",
             "Taakveld\t\tBegroting 2024\t", "\t\tLasten\tBaten"]
    facts = []
    for code, name, l, b in rows:
        lines.append(f"{code}\t{name}\t{fmt(l)}\t{'' if b is None else fmt(b)}")
        facts.append(F(2024, "begroting_primitief", "lasten", code, name, l * K))
        if b is not None:
            facts.append(F(2024, "begroting_primitief", "baten", code, name, b * K))
    lines.append(f"Totaal\t\t{fmt(sum(r[2] for r in rows))}\t{fmt(sum(r[3] or 0 for r in rows))}")
    facts[0]["note"] = "0.10 Mutaties reserves under Lasten/Baten: measure lasten/baten with code 0.10 (the corpus gold's convention)"
    doc("browser_denbosch_begroting_2024_taakvelden_tabs", "GM0796", "\n".join(lines), facts,
        "copied from a browser: TAB-separated code and name in separate cells, a two-row header (the year's scenario "
        "over Lasten/Baten), EMPTY baten cells as nothing between tabs (and a trailing tab), 0.10 Mutaties reserves, Totaal")


def b04():
    progs = [("Programma 1 Bestuur", 210, 0), ("Programma 2 Ruimte", -380, -120), ("Programma 3 Sociaal domein", 1870, 640)]
    lines = ["Voorjaarsnota 2024 - 1e bestuursrapportage", "", "Bijstellingen per programma (x € 1.000)", "",
             "Programma\tBijstelling lasten\tBijstelling baten\tSaldo bijstelling",
             "\t1e berap 2024\t1e berap 2024\t"]
    for name, l, b in progs:
        lines.append(f"{name}\t{fmt(l)}\t{fmt(b)}\t{fmt(b - l)}")
    lines.append(f"Totaal\t{fmt(sum(p[1] for p in progs))}\t{fmt(sum(p[2] for p in progs))}\t{fmt(sum(p[2] - p[1] for p in progs))}")
    doc("browser_woerden_voorjaarsnota_2024_bijstellingen", "GM0632", "\n".join(lines), [],
        "copied from a browser, TAB-separated, two-row header 'Bijstelling lasten / 1e berap 2024': a mid-year report "
        "printing ONLY mutations, nothing may be stored")


def b05():
    progs = [("Veilig en schoon", (6230, 6410, 6388), (1205, 1240, 1302)),
             ("Leren en werken", (18870, 19450, 19105), (7320, 7410, 7388)),
             ("Samen leven", (42105, 43870, 44210), (9870, 10230, 10115))]
    lines = ["Programmarekening 2022 Alphen aan den Rijn", "", "Financieel overzicht (bedragen x € 1.000)", "",
             "\t\tBegroting 2022\tBegroting 2022\tRekening\t",
             "Programma\t\tprimitief\tna wijziging\t2022\tVerschil"]
    facts = []
    for name, l, b in progs:
        lines.append(f"{name}\tLasten\t{fmt(l[0])}\t{fmt(l[1])}\t{fmt(l[2])}\t{fmt(l[1] - l[2])}")
        lines.append(f"\tBaten\t{fmt(b[0])}\t{fmt(b[1])}\t{fmt(b[2])}\t{fmt(b[2] - b[1])}")
        lines.append(f"\tSaldo\t{fmt(b[0] - l[0])}\t{fmt(b[1] - l[1])}\t{fmt(b[2] - l[2])}\t{fmt((b[2] - l[2]) - (b[1] - l[1]))}")
        for measure, v in (("lasten", l), ("baten", b)):
            facts += [F(2022, "begroting_primitief", measure, "", name, v[0] * K),
                      F(2022, "begroting_na_wijziging", measure, "", name, v[1] * K),
                      F(2022, "realisatie", measure, "", name, v[2] * K),
                      F(2022, "afwijking", measure, "", name, (v[2] - v[1]) * K, required=0)]
        facts += [F(2022, s, "saldo", "", name, (b[i] - l[i]) * K, required=0)
                  for i, s in enumerate(("begroting_primitief", "begroting_na_wijziging", "realisatie"))]
    doc("browser_alphen_programmarekening_2022_tabs", "GM0484", "\n".join(lines), facts,
        "copied from a browser, TAB-separated: programme on the Lasten sub-row only (an EMPTY first cell after), an L/B/S "
        "label column, two-row header ('Begroting 2022' / 'primitief', 'Rekening' / '2022'), Verschil, no totals")


# ------------------------------------------------------------------------------------- cut tables

def c01():
    rows = [("6.1", "Samenkracht en burgerparticipatie", (4210, 4480, 4605)), ("6.3", "Inkomensregelingen", (24310, 25120, 25870)),
            ("6.5", "Arbeidsparticipatie", (3105, 3220, 3190))]
    meaning = [(2023, "realisatie", ""), (2024, "begroting_na_wijziging", "begroting_primitief"), (2025, "begroting_primitief", "")]
    lines = ["Programmabegroting 2025", "", "Lasten per taakveld", "Bedragen x € 1.000", "",
             row("Taakveld", ["Rekening 2023", "Begroting 2024", "Begroting 2025"], lw=48, cw=16)]
    facts = []
    for code, name, v in rows[:2]:
        lines.append(row(f"{code} {name}", [fmt(x) for x in v], lw=48, cw=16))
        facts += [F(y, s, "lasten", code, name, x * K, alt=alt) for (y, s, alt), x in zip(meaning, v)]
    code, name, v = rows[2]
    lines.append(row(f"{code} {name}", [fmt(v[0])], lw=48, cw=16) + "           3.2")  # the text ends here
    facts.append(F(2023, "realisatie", "lasten", code, name, v[0] * K, required=0))
    doc("cut_layout_dijkenwaard_begroting_2025_afgebroken", "GM1980", "\n".join(lines), facts,
        "pdftotext -layout copy CUT in the middle of the last row ('6.5 Arbeidsparticipatie 3.105 3.2'): the cut row "
        "must not load a truncated figure (a cut last row is never loaded), the complete rows are")


def c02():
    progs = [("Programma 1 Dienstverlening", (4105, 4212)), ("Programma 2 Leefomgeving", (15870, 16120)),
             ("Programma 3 Jeugd en onderwijs", (22105, 21870))]
    lines = ["Jaarstukken 2023", "Lasten per programma (x € 1.000)", "",
             "Programma\tBegroting 2023 na wijziging\tRealisatie 2023\tVerschil"]
    facts = []
    for name, (a, r) in progs[:2]:
        lines.append(f"{name}\t{fmt(a)}\t{fmt(r)}\t{fmt(a - r)}")
        facts += [F(2023, "begroting_na_wijziging", "lasten", "", name, a * K),
                  F(2023, "realisatie", "lasten", "", name, r * K),
                  F(2023, "afwijking", "lasten", "", name, (r - a) * K, required=0)]
    name, (a, r) = progs[2]
    lines.append(f"{name}\t{fmt(a)}\t21.8")  # the copied selection ends inside the row
    facts.append(F(2023, "begroting_na_wijziging", "lasten", "", name, a * K, required=0))
    doc("cut_browser_denhelder_jaarstukken_2023_afgebroken", "GM0400", "\n".join(lines), facts,
        "browser copy (TAB-separated) whose selection ENDS INSIDE the last row ('...\\t22.105\\t21.8'): the cut row "
        "must not load a truncated figure (a cut last row is never loaded), the complete rows are")


# ------------------------------------------------------------------------------------- damaged copies

def damage():
    lines = DOCS["layout_alkmaar_begroting_2025_kop_gestapeld"]["text"].split("\n")
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("2023"))
    damaged("damaged_layout_alkmaar_begroting_2025_kopregel_weg", "layout_alkmaar_begroting_2025_kop_gestapeld",
            "\n".join(lines[:i] + lines[i + 1:]),
            "damaged copy of layout_alkmaar: the stacked header's middle line (the years '2023 2024 na 2025 2026 2027 "
            "2028') lost: columns without years")

    damaged("damaged_browser_utrecht_begroting_2025_regel_dubbel", "browser_utrecht_begroting_2025_tabs",
            "\n".join(_utrecht_lines(duplicate=True)),
            "damaged copy of browser_utrecht: programme 2's Baten line DUPLICATED (two Baten rows under Bereikbaarheid)")

    damaged("damaged_layout_amersfoort_jaarrekening_2023_kolom_verschoven", "layout_amersfoort_jaarrekening_2023_vervolgpagina",
            "\n".join(_amersfoort_lines(shift_realisatie=True)),
            "damaged copy of layout_amersfoort: the lasten' Realisatie column SHIFTED one row down (first row blank, last "
            "value lost), across the page break; Totaal lasten no longer adds up")


for make in (l01, l02, l03, l04, l05, l06, l07, l08, l09, l10, l11, l12, p01, p02, p03, b01, b02, b03, b04, b05,
             c01, c02, damage):
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
