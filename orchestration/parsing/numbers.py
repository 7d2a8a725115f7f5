"""Dutch number formats: `1.234.567` is 1234567, `1.234,5` is 1234.5, `-` or empty is no value."""

import re
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
