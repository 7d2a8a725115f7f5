"""Real tables of 27 municipalities (copies of ../shared/corpus: each excerpt names its source on line 1,
the gold was verified by hand) scored with the corpus's own scorer, through the `taakveld` command a user runs.

Zero wrong figures is the rule; recall is held at what the readers reach today, so a change that loses
figures fails here."""

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
CLI = Path(sys.executable).parent / "taakveld"
MIN_RECALL = 0.20


def _score() -> dict:
    completed = subprocess.run(
        [sys.executable, str(CORPUS / "score.py"), "--cli", str(CLI), "--docs", str(CORPUS / "docs"),
         "--gold", str(CORPUS / "gold"), "--index", str(CORPUS / "documents.csv"), "--json"],
        capture_output=True, text=True, timeout=600, check=True)
    return json.loads(completed.stdout)


def test_real_documents_load_without_a_wrong_figure():
    result = _score()
    wrong = {r["document"]: (r["total"], r["misfiled"], r["invented"]) for r in result["documents"]
             if r["total"] or r["misfiled"] or r["invented"]}
    crashed = [r["document"] for r in result["documents"] if r["status"] == "crashed"]
    assert wrong == {}, f"totals loaded as lines / misfiled / invented per document: {wrong}"
    assert crashed == []
    assert result["recall"] >= MIN_RECALL, f"recall {result['recall']:.1%} fell below {MIN_RECALL:.0%}"
