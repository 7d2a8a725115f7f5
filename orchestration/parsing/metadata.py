"""Which municipality, programme, kind of document and year: from the text where it says so, else from
the metadata a user supplies beside the file (`<file>.meta.toml`)."""

import re
import tomllib
from functools import cache
from pathlib import Path

from orchestration.parsing.model import DOCUMENT_KINDS, Check, DocumentMetadata, UnreadableDocument
from orchestration.reference import Municipality, municipalities, municipality_by_name

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_FIELDS = {"municipality_code", "document_kind", "programme", "reporting_year", "unit"}

_AMOUNT_IN_LINE = re.compile(r"(?<![\w.])-?\d{1,3}(?:\.\d{3})+(?![\w.])|(?<![\w.,])-?\d+,\d+")
_PROGRAMME = re.compile(r"^\s*(Programma|Pijler|Thema)\b\s*\S")
# A municipality is named by the text only in phrases like these, never by a bare mention
# ('Publiek Vervoer Groningen' names a company, not the document's municipality): a naming word
# followed by a name ('gemeente Doesburg', 'in Doesburg'), or the adjective ('Doesburgse inwoners').
_NAMING_WORD = re.compile(r"\b(?:[Gg]emeente|GEMEENTE|in|van|binnen|te|Toekomstvisie)\s+(?=[A-Z'])")
_ADJECTIVE = re.compile(r"se\s+inwoners")
_TOKEN = re.compile(r"[\w'’-]+")
_KIND_WORDS = {
    "tussentijdse_rapportage": re.compile(
        r"bestuursrapportage|tussenrapportage|tussentijdse\s+rapportage|voortgangsrapportage|najaarsnota|voorjaarsnota|\bburap\b|\bberap\b"
    ),
    "jaarrekening": re.compile(r"jaarrekening|jaarverslag|programmaverantwoording"),  # on lower-cased text: re.I is slow
}


@cache
def _names_by_token() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, Municipality]]:
    """Every name and variant (also in capitals), indexed by its first and by its last word, longest
    first: a lookup per naming phrase instead of an alternation of 700 names tried at every word."""
    by_name = dict(municipality_by_name())
    by_name.update({name.upper(): municipality for name, municipality in municipality_by_name().items()})
    by_first: dict[str, list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for name in sorted(by_name, key=len, reverse=True):
        tokens = _TOKEN.findall(name)
        by_first.setdefault(tokens[0], []).append(name)
        by_last.setdefault(tokens[-1], []).append(name)
    return by_first, by_last, by_name


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _named_after_phrases(text: str):
    by_first, _, by_name = _names_by_token()
    for phrase in _NAMING_WORD.finditer(text):
        start = phrase.end()
        token = _TOKEN.match(text, start)
        for name in by_first.get(token.group() if token else "", ()):
            end = start + len(name)
            if text.startswith(name, start) and not (end < len(text) and _is_word_character(text[end])):
                yield by_name[name]
                break


def _named_as_adjective(text: str):
    _, by_last, by_name = _names_by_token()
    for adjective in _ADJECTIVE.finditer(text):
        end = adjective.start()
        token_start = end
        while token_start > 0 and (_is_word_character(text[token_start - 1]) or text[token_start - 1] in "'’-"):
            token_start -= 1
        for name in by_last.get(text[token_start:end], ()):
            start = end - len(name)
            if start >= 0 and text.startswith(name, start) and not (start > 0 and _is_word_character(text[start - 1])):
                yield by_name[name]
                break


def municipality_from_text(text: str) -> tuple[Municipality | None, str]:
    """The municipality the text names most often; None with the reason when it names none or ties."""
    counts: dict[str, int] = {}
    for municipality in (*_named_after_phrases(text), *_named_as_adjective(text)):
        counts[municipality.code] = counts.get(municipality.code, 0) + 1
    if not counts:
        return None, "the text names no municipality"
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        names = ", ".join(municipalities()[code].name for code, _ in ranked[:2])
        return None, f"the text names several municipalities equally often ({names})"
    return municipalities()[ranked[0][0]], ""


def programme_from_text(lines: list[str]) -> str | None:
    """The first programme title, joined over the lines it wraps on."""
    for index, line in enumerate(lines):
        if _PROGRAMME.match(line) and _is_title_text(line):
            parts = [line.strip()]
            for following in lines[index + 1 : index + 4]:
                if not following.strip() or not _is_title_text(following):
                    break
                parts.append(following.strip())
            return " ".join(" ".join(parts).split())
    return None


def _is_title_text(line: str) -> bool:
    """A line of a title, not a table row ('Programma 1 | Lasten | 84.646'), a column header ('Programma'
    over its years) or a list heading ('Programma's:')."""
    text = line.strip()
    return ("|" not in text and "\t" not in text and not _AMOUNT_IN_LINE.search(text) and not text.endswith(":")
            and len(text.split()) <= 14)


def kind_from_words(text: str) -> str | None:
    """Mid-year report or annual accounts, where the text says which; None when it says neither or both."""
    lowered = text.lower()
    kinds = [kind for kind, pattern in _KIND_WORDS.items() if pattern.search(lowered)]
    return kinds[0] if len(kinds) == 1 else None


_TITLE = [
    ("begroting", re.compile(r"^\s*(?:programma|meerjaren|concept)?begroting\s+((?:19|20)\d\d)\b", re.I)),
    ("jaarrekening", re.compile(r"^\s*(?:jaarrekening|jaarstukken|jaarverslag|programmarekening|programmaverantwoording)\s+((?:19|20)\d\d)\b", re.I)),
    ("tussentijdse_rapportage", re.compile(
        r"^\s*(?:\d+e\s+)?(?:bestuursrapportage|tussenrapportage|tussentijdse\s+rapportage|voortgangsrapportage|najaarsnota|voorjaarsnota|burap|berap)\s+((?:19|20)\d\d)\b", re.I)),
]


def kind_and_year_from_title(lines: list[str]) -> tuple[str, int] | None:
    """A title line above the tables that names the document: 'Begroting 2019', 'Jaarstukken 2020',
    '2e bestuursrapportage 2025'; None when no line, or lines naming different documents."""
    found = {(kind, int(match.group(1))) for line in lines for kind, pattern in _TITLE
             if (match := pattern.match(line.lstrip("#* \t")))}  # markdown titles: '# Programmabegroting 2024'
    return found.pop() if len(found) == 1 else None


def read_sidecar(path: Path) -> dict:
    """The metadata a user supplies beside a document; an error names the file and the field."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        values = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnreadableDocument(f"{sidecar.name}: not valid TOML ({error})") from error
    unknown = set(values) - SIDECAR_FIELDS
    if unknown:
        raise UnreadableDocument(f"{sidecar.name}: unknown fields {sorted(unknown)}; allowed {sorted(SIDECAR_FIELDS)}")
    if "municipality_code" in values and values["municipality_code"] not in municipalities():
        raise UnreadableDocument(f"{sidecar.name}: unknown municipality code {values['municipality_code']!r}")
    if "document_kind" in values and values["document_kind"] not in DOCUMENT_KINDS:
        raise UnreadableDocument(f"{sidecar.name}: document_kind must be one of {DOCUMENT_KINDS}")
    if "reporting_year" in values and not isinstance(values["reporting_year"], int):
        raise UnreadableDocument(f"{sidecar.name}: reporting_year must be a whole year")
    if "unit" in values and values["unit"] not in (1, 1000, 1_000_000):
        raise UnreadableDocument(f"{sidecar.name}: unit must be 1 (whole euros), 1000 (x € 1.000) or 1000000 (x € 1 mln)")
    return values


def resolve(found: dict, supplied: dict, checks: list[Check]) -> DocumentMetadata:
    """Supplied values win; where text and supplied metadata contradict each other a failed check says so."""
    metadata = DocumentMetadata()
    for field in ("municipality_code", "document_kind", "programme", "reporting_year", "unit"):
        from_text, from_user = found.get(field), supplied.get(field)
        if from_user is not None:
            setattr(metadata, field, from_user)
            metadata.origin[field] = "sidecar"
            if from_text is not None and from_text != from_user:
                checks.append(
                    Check("metadata", "document", field, None, None, 0, "failed",
                          f"the text says {from_text!r}, the supplied metadata says {from_user!r}")
                )
        elif from_text is not None:
            setattr(metadata, field, from_text)
            metadata.origin[field] = found.get("origin", {}).get(field, "text")
    if metadata.municipality_code:
        metadata.municipality_name = municipalities()[metadata.municipality_code].name
    return metadata
