import json
import subprocess
import sys

TAAKVELD = [sys.executable, "-m", "orchestration.parsing.cli"]


def test_extract_json_has_the_documented_shape(sample_paths):
    output = subprocess.run([*TAAKVELD, "extract", str(sample_paths["004"])], capture_output=True, text=True, check=True)
    result = json.loads(output.stdout)
    assert result["document"]["municipality_code"] == "GM1680" and result["document"]["status"] == "ok"
    assert {"facts", "reported_totals", "checks", "ambiguous"} <= result.keys()
    fact = next(f for f in result["facts"] if f["taakveld_code"] == "6.72" and f["fiscal_year"] == 2022 and f["measure"] == "lasten")
    assert fact["amount_eur"] == "4354000" and fact["scenario"] == "begroting_primitief"


def test_quarantined_document_exits_zero_with_reason(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    output = subprocess.run([*TAAKVELD, "extract", str(path)], capture_output=True, text=True)
    assert output.returncode == 0
    document = json.loads(output.stdout)["document"]
    assert document["status"] == "quarantined" and "empty" in document["reason"]


def test_usage_error_is_non_zero(tmp_path):
    output = subprocess.run([*TAAKVELD, "extract", str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert output.returncode != 0


def test_csv_lists_the_facts(sample_paths):
    output = subprocess.run([*TAAKVELD, "extract", str(sample_paths["003"]), "--format", "csv"], capture_output=True, text=True, check=True)
    lines = output.stdout.strip().splitlines()
    assert lines[0].startswith("fiscal_year,scenario,measure") and len(lines) == 11
