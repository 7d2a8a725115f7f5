"""Which municipality, programme, kind of document and year: from the text where it says so, else from
the metadata a user supplies beside the file (`<file>.meta.toml`)."""

import re
import tomllib
from functools import cache
from pathlib import Path

from orchestration.parsing.model import DOCUMENT_KINDS, Check, DocumentMetadata, UnreadableDocument
from orchestration.reference import Municipality, municipalities, municipality_by_name

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_FIELDS = {"municipality_code", "document_kind", "programme", "reporting_year"}

_PROGRAMME = re.compile(r"^\s*(Programma|Pijler|Thema)\b\s*\S")
# A municipality is named by the text only in phrases like these, never by a bare mention
# ('Publiek Vervoer Groningen' names a company, not the document's municipality).
_NAMING_PHRASES = (
    r"\b(?:[Gg]emeente|GEMEENTE|in|van|binnen|te|Toekomstvisie)\s+({names})\b",
    r"\b({names})se\s+inwoners",
)
_KIND_WORDS = {
    "tussentijdse_rapportage": re.compile(
        r"bestuursrapportage|tussenrapportage|tussentijdse\s+rapportage|voortgangsrapportage|najaarsnota|voorjaarsnota|\bburap\b|\bberap\b",
        re.I,
    ),
    "jaarrekening": re.compile(r"jaarrekening|jaarverslag|programmaverantwoording", re.I),
}


@cache
def _naming_patterns() -> tuple[dict[str, Municipality], list[re.Pattern]]:
    """One pass per phrase over the text, all names in one alternation (longest first)."""
    by_name = dict(municipality_by_name())
    by_name.update({name.upper(): municipality for name, municipality in municipality_by_name().items()})
    names = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    patterns = [re.compile(phrase.format(names=names)) for phrase in _NAMING_PHRASES]
    return by_name, patterns


def municipality_from_text(text: str) -> tuple[Municipality | None, str]:
    """The municipality the text names most often; None with the reason when it names none or ties."""
    by_name, patterns = _naming_patterns()
    counts: dict[str, int] = {}
    for pattern in patterns:
        for name in pattern.findall(text):
            code = by_name[name].code
            counts[code] = counts.get(code, 0) + 1
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
        if _PROGRAMME.match(line):
            parts = [line.strip()]
            for following in lines[index + 1 : index + 4]:
                if not following.strip():
                    break
                parts.append(following.strip())
            return " ".join(" ".join(parts).replace("|", " ").split())
    return None


def kind_from_words(text: str) -> str | None:
    """Mid-year report or annual accounts, where the text says which; None when it says neither or both."""
    kinds = [kind for kind, pattern in _KIND_WORDS.items() if pattern.search(text)]
    return kinds[0] if len(kinds) == 1 else None


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
    return values


def resolve(found: dict, supplied: dict, checks: list[Check]) -> DocumentMetadata:
    """Supplied values win; where text and supplied metadata contradict each other a failed check says so."""
    metadata = DocumentMetadata()
    for field in ("municipality_code", "document_kind", "programme", "reporting_year"):
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
