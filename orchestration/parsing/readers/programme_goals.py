"""A programme's goals (`L 2.1 ...`) and measures (`M 2.1 ...`) with their indicators, dates and status."""

import re
from datetime import datetime

from orchestration.parsing.model import ProgrammeGoal, ProgrammeMeasure
from orchestration.parsing.readers.common import PAGE_FOOTER, collapse

NAME = "programme_goals"
_GOAL = re.compile(r"^\s*L\s?(?P<number>\d+\.\d+)\s+(?P<title>\S.*)$")
_MEASURE = re.compile(r"^\s*M\s?(?P<number>\d+\.\d+)\s+(?P<title>\S.*)$")
_NAVIGATION = re.compile(r"^\s*Terug naar navigatie", re.I)
_FIELDS = {
    "quality_indicator": re.compile(r"^\s*Kwaliteit \(indicator\)\s*$"),
    "time_indicator": re.compile(r"^\s*Tijd \(indicator\)\s*$"),
    "money_indicator": re.compile(r"^\s*Geld \(indicator\)\s*$"),
    "start_date": re.compile(r"^\s*Startdatum\s*$"),
    "end_date": re.compile(r"^\s*Einddatum\s*$"),
    "status": re.compile(r"^\s*Status\s*$"),
}
_ANY_FIELD = re.compile(r"^\s*(Kwaliteit|Tijd|Geld) \((indicator|toelichting)\)|^\s*(Startdatum|Einddatum|Status|Omschrijving)\b")
_INDICATOR_MAX_LENGTH = 3  # printed as a symbol: -, o, B, 8


def read(lines: list[str]) -> tuple[list[ProgrammeGoal], list[ProgrammeMeasure]]:
    goals: list[ProgrammeGoal] = []
    measures: list[ProgrammeMeasure] = []
    current_goal = None
    for index, line in enumerate(lines):
        if _NAVIGATION.match(line):
            continue
        if goal := _GOAL.match(line):
            code = f"L {goal.group('number')}"
            if all(existing.goal_code != code for existing in goals):
                goals.append(ProgrammeGoal(code, _title(lines, index, goal.group("title")), index + 1))
            current_goal = code
        elif measure := _MEASURE.match(line):
            measures.append(_measure(lines, index, measure, current_goal))
    return goals, measures


def _title(lines: list[str], index: int, first: str) -> str:
    """A title runs on until a blank line or the end of its sentence; a lower-case line after one
    blank still belongs to it."""
    parts = [first]
    position = index + 1
    while position < len(lines) and not parts[-1].rstrip().endswith((".", "?", "!")):
        text = lines[position].strip()
        if not text:
            after = lines[position + 1].strip() if position + 1 < len(lines) else ""
            if after[:1].islower():
                position += 1
                continue
            break
        if _ANY_FIELD.match(text) or _GOAL.match(text) or _MEASURE.match(text):
            break
        parts.append(text)
        position += 1
    return collapse(" ".join(parts))


def _measure(lines: list[str], index: int, match: re.Match, goal_code: str | None) -> ProgrammeMeasure:
    end = next(
        (position for position in range(index + 1, len(lines))
         if _MEASURE.match(lines[position]) or _GOAL.match(lines[position])
         or lines[position].strip().startswith("Wat willen we bereiken")),
        len(lines),
    )
    values: dict[str, str | None] = {}
    for name, pattern in _FIELDS.items():
        field_index = next((p for p in range(index + 1, end) if pattern.match(lines[p])), None)
        values[name] = None if field_index is None else _value_after(lines, field_index, end, name)
    return ProgrammeMeasure(
        goal_code=goal_code,
        measure_code=f"M {match.group('number')}",
        measure_title=_title(lines, index, match.group("title")),
        quality_indicator=values["quality_indicator"],
        time_indicator=values["time_indicator"],
        money_indicator=values["money_indicator"],
        start_date=_iso_date(values["start_date"]),
        end_date=_iso_date(values["end_date"]),
        status=values["status"],
        source_line=index + 1,
    )


def _value_after(lines: list[str], field_index: int, end: int, name: str) -> str | None:
    for position in range(field_index + 1, end):
        text = lines[position].strip()
        if not text or PAGE_FOOTER.match(text):
            continue
        if _ANY_FIELD.match(text):
            return None  # the field is empty: the next field's label follows at once
        if name.endswith("indicator") and len(text) > _INDICATOR_MAX_LENGTH:
            return None
        return text
    return None


def _iso_date(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%d-%m-%Y").date().isoformat()
    except ValueError:
        return None
