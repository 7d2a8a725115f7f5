"""Dutch number formats: `1.234.567` is 1234567, `1.234,5` is 1234.5, `-` or empty is no value."""

import re
from dataclasses import dataclass
from decimal import Decimal

# A Dutch amount: optional sign, digits grouped by dots in threes (or ungrouped), optional comma decimals.
_AMOUNT = re.compile(r"^[-−–]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_SCALE = re.compile(r"x\s*€\s*([\d.]+)", re.IGNORECASE)
NO_VALUE_MARKS = {"", "-", "–", "—"}


class NotAnAmount(ValueError):
    """Text that is neither a Dutch amount nor an empty-cell mark."""


def is_amount(token: str) -> bool:
    return bool(_AMOUNT.match(token.strip()))


def parse_amount(token: str) -> Decimal | None:
    """The value of one printed cell; None for an empty cell or `-` (no value, not zero)."""
    if token.isascii() and token.isdigit():  # most cells: ungrouped digits, no sign, no decimals
        return Decimal(token)
    text = token.strip().replace("\u00a0", "").replace("€", "").strip()
    if text in NO_VALUE_MARKS:
        return None
    if not _AMOUNT.match(text):
        raise NotAnAmount(f"not a Dutch amount: {token!r}")
    negative = text[0] in "-−–"
    digits = text.lstrip("-−–").replace(".", "").replace(",", ".")
    value = Decimal(digits)
    return -value if negative else value


def scale_of(text: str) -> int | None:
    """The multiplier a `x € 1.000` marker states, or None when the text states none."""
    match = _SCALE.search(text)
    if not match:
        return None
    return int(match.group(1).replace(".", ""))


# A printed table cell: a Dutch amount with what real tables print around it -- a trailing minus
# (`4.977-`), a footnote mark (`245*`), a euro sign, a V/N marker after it (`-909 V`).
_CELL = re.compile(
    r"^(?:€\s*)?(?P<sign>[-−–]\s?)?(?:€\s*)?(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?P<trailing>[-−–])?(?P<footnote>\*+|\s?\(\d\))?(?:\s+(?P<marker>[VN]))?$"
)


_BRACKETED = re.compile(r"^\((\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\)(\s+[VN])?$")


@dataclass(frozen=True)
class CellValue:
    value: Decimal
    marker: str  # 'V' | 'N' | ''


def parse_cell(token: str) -> CellValue | None:
    """The value of one printed table cell; None for an empty cell (``, `-`); NotAnAmount otherwise.

    Unlike parse_amount it accepts the marks real tables print: `4.977-` (trailing minus), `245*`
    (footnote), `€ 1.234`, `-909 V` (voordeel/nadeel marker), `(6.120)` (a negative in brackets). A value with both a leading and a
    trailing minus is refused."""
    text = token.strip().replace("\u00a0", " ").strip()
    if text in NO_VALUE_MARKS:
        return None
    bracketed = _BRACKETED.match(text)  # accounting notation: '(6.120)' is -6.120
    if bracketed:
        text = "-" + bracketed.group(1) + (bracketed.group(2) or "")
    match = _CELL.match(text)
    if not match or (match.group("sign") and match.group("trailing")):
        raise NotAnAmount(f"not a table cell amount: {token!r}")
    value = Decimal(match.group("number").replace(".", "").replace(",", "."))
    if match.group("sign") or match.group("trailing"):
        value = -value
    return CellValue(value, match.group("marker") or "")


def is_cell(token: str) -> bool:
    """A printed amount (not an empty mark) in any form parse_cell accepts."""
    try:
        return parse_cell(token) is not None
    except NotAnAmount:
        return False
