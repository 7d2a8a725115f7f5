"""CBS Iv3 figures (raw/iv3_cbs/<year>_<begroting|jaarrekening>.csv): every municipality's lasten and
baten per taakveld, `;`-separated, amounts in € 1.000, with population, province and size class.

A file is read whole or not at all: an unknown municipality, a code outside the year's official list,
an amount that is not a number or a duplicate row quarantines the file with its reason. Reconciliation
(the national total row against the sum of the municipalities, each municipality's lasten against its
baten) is reported as checks; a failing check flags the file without dropping it."""

import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import polars as pl

from orchestration.parsing.model import UnreadableDocument
from orchestration.reference import municipality_by_name, taakveld_codes_by_year

IV3_DIR_NAME = "iv3_cbs"
FILE_NAME = re.compile(r"^(?P<year>\d{4})_(?P<kind>begroting|jaarrekening)\.csv$")
SCENARIO_OF_KIND = {"begroting": "begroting_primitief", "jaarrekening": "realisatie"}
NATIONAL_TOTAL = "Nederland"  # the national total row, not a municipality
THOUSAND = 1000

COLUMNS = {  # as CBS names them -> ours
    "Gemeenten": "municipality_name", "Taakveld": "taakveld", "Lasten": "lasten", "Baten": "baten",
    "L1.1 Salarissen en sociale lasten": "lasten_salarissen", "Inwonertal": "population",
    "Provincie": "province", "Gemeentegrootte": "size_class", "Stedelijkheid": "urbanisation",
}
REQUIRED = ("Gemeenten", "Taakveld", "Lasten", "Baten", "Inwonertal")
MEASURE_COLUMNS = ("lasten", "baten", "lasten_salarissen")
_NUMBER = r"^-?\d+(\.\d+)?$"
_TAAKVELD = r"^(\d+\.\d+[a-z]?)\s+(.*?)\s*$"

EURO = pl.Decimal(precision=18, scale=2)
FIGURES_SCHEMA = {
    "file_id": pl.String, "fiscal_year": pl.Int32, "scenario": pl.String, "municipality_code": pl.String,
    "municipality_name_in_source": pl.String, "taakveld_code": pl.String, "taakveld_label_in_source": pl.String,
    "measure": pl.String, "amount_eur": EURO, "source_line": pl.Int32,
}
POPULATION_SCHEMA = {
    "file_id": pl.String, "fiscal_year": pl.Int32, "municipality_code": pl.String, "population": pl.Int64,
    "province": pl.String, "size_class": pl.String, "urbanisation": pl.String,
}
CHECKS_SCHEMA = {
    "file_id": pl.String, "check_name": pl.String, "subject": pl.String, "expected_eur": EURO,
    "actual_eur": EURO, "difference_eur": EURO, "tolerance_eur": EURO, "status": pl.String, "detail": pl.String,
}
FILES_SCHEMA = {
    "file_id": pl.String, "source_file": pl.String, "checksum": pl.String, "status": pl.String, "reason": pl.String,
    "fiscal_year": pl.Int32, "scenario": pl.String, "municipality_count": pl.Int32, "figure_count": pl.Int32,
    "failed_check_count": pl.Int32,
}


@dataclass
class Iv3File:
    file_id: str
    source_file: str
    checksum: str
    status: str  # ok | quarantined
    reason: str | None = None
    fiscal_year: int | None = None
    scenario: str | None = None
    figures: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FIGURES_SCHEMA))
    population: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=POPULATION_SCHEMA))
    checks: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=CHECKS_SCHEMA))

    @property
    def failed_check_count(self) -> int:
        return self.checks.filter(pl.col("status") == "failed").height

    def summary(self) -> pl.DataFrame:
        return pl.DataFrame([{
            "file_id": self.file_id, "source_file": self.source_file, "checksum": self.checksum,
            "status": self.status, "reason": self.reason, "fiscal_year": self.fiscal_year, "scenario": self.scenario,
            "municipality_count": self.population.height, "figure_count": self.figures.height,
            "failed_check_count": self.failed_check_count,
        }], schema=FILES_SCHEMA)


def iv3_files(raw_dir: Path) -> list[Path]:
    folder = raw_dir / IV3_DIR_NAME
    return sorted(path for path in folder.glob("*.csv") if not path.name.startswith(".")) if folder.exists() else []


def file_id(path: Path) -> str:
    return _file_id(path.name, hashlib.sha256(path.read_bytes()).hexdigest())


def _file_id(name: str, checksum: str) -> str:
    return f"{name}@{checksum[:12]}"


def read_iv3_file(path: Path) -> Iv3File:
    data = path.read_bytes()
    checksum = hashlib.sha256(data).hexdigest()
    result = Iv3File(file_id=_file_id(path.name, checksum), source_file=f"{IV3_DIR_NAME}/{path.name}",
                     checksum=checksum, status="ok")
    try:
        result.fiscal_year, result.scenario = _year_and_scenario(path.name)
        _read(data, result)
    except UnreadableDocument as error:
        result.status, result.reason = "quarantined", f"{result.source_file}: {error}"
        result.figures = pl.DataFrame(schema=FIGURES_SCHEMA)
        result.population = pl.DataFrame(schema=POPULATION_SCHEMA)
        result.checks = pl.DataFrame(schema=CHECKS_SCHEMA)
    return result


def _year_and_scenario(name: str) -> tuple[int, str]:
    """The year and kind are in the file name, as CBS publishes one file per year and kind."""
    match = FILE_NAME.match(name)
    if not match:
        raise UnreadableDocument("the name must be <year>_begroting.csv or <year>_jaarrekening.csv")
    year = int(match["year"])
    if year not in taakveld_codes_by_year():
        raise UnreadableDocument(f"no official taakveld list for {year} (known: {min(taakveld_codes_by_year())}-{max(taakveld_codes_by_year())})")
    return year, SCENARIO_OF_KIND[match["kind"]]


def _read(data: bytes, result: Iv3File) -> None:
    table = _table(data)
    table = _with_codes(table, result.fiscal_year)
    table = _with_municipalities(table)
    _refuse_duplicates(table)
    amounts = _amounts_in_euros(table)
    municipalities = amounts.filter(pl.col("municipality_code").is_not_null())
    result.figures = _figures(municipalities, result)
    result.population = _population(municipalities, result)
    result.checks = pl.concat([_national_total_checks(amounts), _balance_checks(municipalities)]).with_columns(
        pl.lit(result.file_id).alias("file_id")).select(list(CHECKS_SCHEMA))


def _table(data: bytes) -> pl.DataFrame:
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    if "\x00" in text:
        raise UnreadableDocument("binary content, not text")
    try:
        table = pl.read_csv(io.StringIO(text), separator=";", infer_schema_length=0, truncate_ragged_lines=False)
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
        raise UnreadableDocument(f"not a ;-separated table ({str(error).splitlines()[0]})") from error
    missing = [column for column in REQUIRED if column not in table.columns]
    if missing:
        raise UnreadableDocument(f"not an Iv3 figures table: columns {missing} missing (has {table.columns[:6]})")
    present = {source: ours for source, ours in COLUMNS.items() if source in table.columns}
    table = table.select(list(present)).rename(present)
    for column in COLUMNS.values():
        if column not in table.columns:
            table = table.with_columns(pl.lit(None, pl.String).alias(column))
    return table.with_row_index("source_line", offset=2).with_columns(pl.col("source_line").cast(pl.Int32))


def _with_codes(table: pl.DataFrame, year: int) -> pl.DataFrame:
    table = table.with_columns(
        pl.col("taakveld").str.extract(_TAAKVELD, 1).alias("taakveld_code"),
        pl.col("taakveld").str.extract(_TAAKVELD, 2).alias("taakveld_label_in_source"),
    )
    _refuse(table.filter(pl.col("taakveld_code").is_null()), "taakveld", "no taakveld code")
    official = list(taakveld_codes_by_year()[year])
    _refuse(table.filter(~pl.col("taakveld_code").is_in(official)), "taakveld_code",
            f"taakveld code not in the official list of {year}")
    return table


def _with_municipalities(table: pl.DataFrame) -> pl.DataFrame:
    known = {name: municipality.code for name, municipality in municipality_by_name().items()}
    table = table.with_columns(
        pl.col("municipality_name").str.strip_chars().replace_strict(known, default=None).alias("municipality_code"))
    unknown = table.filter(pl.col("municipality_code").is_null() & (pl.col("municipality_name") != NATIONAL_TOTAL))
    _refuse(unknown, "municipality_name", "unknown municipality (add the name to dbt_project/seeds/municipality_aliases.csv)")
    return table


def _refuse_duplicates(table: pl.DataFrame) -> None:
    duplicated = table.filter(pl.struct("municipality_name", "taakveld_code").is_duplicated())
    _refuse(duplicated, "taakveld", "the same municipality and taakveld twice")


def _amounts_in_euros(table: pl.DataFrame) -> pl.DataFrame:
    for column in ("lasten", "baten"):
        _refuse(table.filter(~pl.col(column).str.contains(_NUMBER).fill_null(False)), column, f"{column} is not a number")
    _refuse(table.filter(pl.col("lasten_salarissen").is_not_null() & ~pl.col("lasten_salarissen").str.contains(_NUMBER)),
            "lasten_salarissen", "salary costs are not a number")
    _refuse(table.filter(~pl.col("population").str.contains(r"^\d+$").fill_null(False)), "population",
            "population is not a whole number")
    return table.with_columns(
        [(pl.col(column).cast(pl.Decimal(18, 3)) * THOUSAND).cast(EURO).alias(column) for column in MEASURE_COLUMNS]
        + [pl.col("population").cast(pl.Int64)]
    )


def _refuse(rows: pl.DataFrame, column: str, reason: str) -> None:
    if rows.height:
        shown = ", ".join(f"line {line}: {value!r}" for line, value in rows.select("source_line", column).head(3).rows())
        more = f" and {rows.height - 3} more" if rows.height > 3 else ""
        raise UnreadableDocument(f"{reason} ({shown}{more})")


def _figures(municipalities: pl.DataFrame, result: Iv3File) -> pl.DataFrame:
    return (
        municipalities.unpivot(index=["municipality_code", "municipality_name", "taakveld_code",
                                      "taakveld_label_in_source", "source_line"],
                               on=list(MEASURE_COLUMNS), variable_name="measure", value_name="amount_eur")
        .filter(pl.col("amount_eur").is_not_null())  # no salary costs booked: no figure, not zero
        .with_columns(pl.lit(result.file_id).alias("file_id"), pl.lit(result.fiscal_year, pl.Int32).alias("fiscal_year"),
                      pl.lit(result.scenario).alias("scenario"),
                      pl.col("municipality_name").alias("municipality_name_in_source"))
        .select(list(FIGURES_SCHEMA)).sort("source_line", "measure")
    )


def _population(municipalities: pl.DataFrame, result: Iv3File) -> pl.DataFrame:
    per_municipality = municipalities.group_by("municipality_code").agg(
        pl.col("population").n_unique().alias("values"), pl.col("population").first(),
        pl.col("province").first(), pl.col("size_class").first(), pl.col("urbanisation").first(),
        pl.col("source_line").min(),
    )
    _refuse(per_municipality.filter(pl.col("values") > 1), "municipality_code", "two populations for one municipality")
    return (per_municipality.with_columns(pl.lit(result.file_id).alias("file_id"),
                                          pl.lit(result.fiscal_year, pl.Int32).alias("fiscal_year"))
            .select(list(POPULATION_SCHEMA)).sort("municipality_code"))


def _national_total_checks(amounts: pl.DataFrame) -> pl.DataFrame:
    """CBS's national row per taakveld must equal the sum of the municipalities, exactly."""
    national = amounts.filter(pl.col("municipality_name") == NATIONAL_TOTAL)
    if not national.height:
        return _checks([{"check_name": "national_total", "subject": "all taakvelden", "status": "unverified",
                         "detail": f"the file has no '{NATIONAL_TOTAL}' rows to check the municipalities against"}])
    summed = amounts.filter(pl.col("municipality_code").is_not_null()).group_by("taakveld_code").agg(
        [pl.col(measure).sum().alias(measure) for measure in ("lasten", "baten")])
    rows = []
    for measure in ("lasten", "baten"):
        joined = national.select("taakveld_code", pl.col(measure).alias("expected")).join(
            summed.select("taakveld_code", pl.col(measure).alias("actual")), on="taakveld_code", how="left")
        for code, expected, actual in joined.sort("taakveld_code").rows():
            actual = actual if actual is not None else Decimal(0)
            rows.append({"check_name": "national_total", "subject": f"{code} {measure}", "expected_eur": expected,
                         "actual_eur": actual, "difference_eur": actual - expected, "tolerance_eur": Decimal(0),
                         "status": "passed" if actual == expected else "failed",
                         "detail": f"sum of the municipalities against the '{NATIONAL_TOTAL}' row"})
    return _checks(rows)


def _balance_checks(municipalities: pl.DataFrame) -> pl.DataFrame:
    """A municipality's lasten equal its baten (the result is booked on 0.11), up to the rounding of
    each printed figure to € 1.000: half of that per lasten and per baten figure."""
    per_municipality = municipalities.group_by("municipality_code").agg(
        pl.col("lasten").sum(), pl.col("baten").sum(), pl.len().alias("rows"))
    rows = []
    for code, lasten, baten, count in per_municipality.sort("municipality_code").rows():
        tolerance = Decimal(THOUSAND) / 2 * 2 * count
        difference = lasten - baten
        rows.append({"check_name": "lasten_equal_baten", "subject": code, "expected_eur": baten, "actual_eur": lasten,
                     "difference_eur": difference, "tolerance_eur": tolerance,
                     "status": "passed" if abs(difference) <= tolerance else "failed",
                     "detail": "total lasten against total baten including reserves (0.10) and result (0.11)"})
    return _checks(rows)


def _checks(rows: list[dict]) -> pl.DataFrame:
    full = [{column: row.get(column) for column in CHECKS_SCHEMA} for row in rows]
    return pl.DataFrame(full, schema=CHECKS_SCHEMA, orient="row") if full else pl.DataFrame(schema=CHECKS_SCHEMA)
