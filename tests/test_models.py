"""Constraints the record types enforce."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gongmun.models import Amount, Document, Period, Source, Span, TimePoint

SPAN = Span(start=0, end=6)


def test_span_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Span(start=5, end=2)


def test_negative_value_only_for_a_decrease() -> None:
    with pytest.raises(ValidationError, match="decrease"):
        Amount(text="△4,181", value_krw=-4181, span=SPAN, raw_span=None)
    cut = Amount(text="△4,181", value_krw=-4181, decrease=True, span=SPAN, raw_span=None)
    assert cut.value_krw < 0


def test_year_in_range() -> None:
    with pytest.raises(ValidationError):
        TimePoint(year=2500)


def test_time_point_has_one_part_of_year() -> None:
    with pytest.raises(ValidationError, match="at most one"):
        TimePoint(year=2025, month=3, half=1)


def test_period_needs_a_side() -> None:
    with pytest.raises(ValidationError, match="start, an end"):
        Period(text="~", start=None, end=None, span=SPAN, raw_span=None)


def test_document_checks_spans_against_text() -> None:
    source = Source(path=None, sha256="0" * 64, media_type="text/plain")
    amount = Amount(
        text="600억원", value_krw=60_000_000_000, span=Span(start=0, end=5), raw_span=None
    )
    Document(source=source, text="600억원 지원", amounts=[amount])
    with pytest.raises(ValidationError, match="does not show its text"):
        Document(source=source, text="총 600억원", amounts=[amount])


def test_json_keeps_hangul_unescaped() -> None:
    source = Source(path="a.txt", sha256="0" * 64, media_type="text/plain")
    assert "지원" in Document(source=source, text="지원").model_dump_json()
