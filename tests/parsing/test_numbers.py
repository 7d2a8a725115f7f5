from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchestration.parsing.numbers import NotAnAmount, parse_amount, scale_of


def dutch(value: int, decimals: str = "") -> str:
    grouped = f"{abs(value):,}".replace(",", ".")
    return ("-" if value < 0 else "") + grouped + (f",{decimals}" if decimals else "")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_grouped_whole_numbers_round_trip(value):
    assert parse_amount(dutch(value)) == Decimal(value)


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_comma(value, cents):
    text = dutch(value, f"{cents:02d}")
    expected = Decimal(abs(value)) + Decimal(cents) / 100
    assert parse_amount(text) == (-expected if text.startswith("-") else expected)


@pytest.mark.parametrize("empty", ["", " ", "-", "–"])
def test_empty_cells_are_no_value_not_zero(empty):
    assert parse_amount(empty) is None


def test_zero_is_a_value():
    assert parse_amount("0") == Decimal(0)


@pytest.mark.parametrize("text", ["1.23", "12.3456", "1,234.5", "abc", "6.71a", "1.234.56"])
def test_malformed_amounts_are_refused(text):
    with pytest.raises(NotAnAmount):
        parse_amount(text)


@pytest.mark.parametrize(
    "text, scale",
    [("Bedragen x €1.000", 1000), ("x € 1.000", 1000), ("x € 1.000.000", 1_000_000), ("Bedragen in euro's", None)],
)
def test_scale_markers(text, scale):
    assert scale_of(text) == scale
