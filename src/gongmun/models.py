"""The records gongmun returns: pydantic v2 models following ``design/output.md``.

Field names named in the output contract are fixed; everything else (``decrease``,
``per``, ``funding``, ``kind``...) is gongmun's own addition. Every model is frozen and
forbids unknown fields, and constraints live in the types, so an invalid record cannot
be built at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gongmun.paths import escape_surrogates
from gongmun.paths import path_bytes as _path_bytes

SCHEMA_VERSION: Literal["1"] = "1"


def _safe_path(data: Any) -> Any:
    """A file name that is not UTF-8 is shown escaped, its bytes kept in ``path_bytes``."""
    if isinstance(data, dict) and isinstance(data.get("path"), str):
        path = data["path"]
        encoded = _path_bytes(path)
        if encoded is not None:
            data = {**data, "path": escape_surrogates(path), "path_bytes": encoded}
    return data


Offset = Annotated[int, Field(ge=0)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Month = Annotated[int, Field(ge=1, le=12)]
Half = Annotated[int, Field(ge=1, le=2)]
Quarter = Annotated[int, Field(ge=1, le=4)]
Page = Annotated[int, Field(ge=1)]
BBox = Annotated[
    tuple[float, float, float, float],
    Field(description="x0, top, x1, bottom on the page: PDF points (pixels for an image)."),
]

Qualifier = Literal["총", "약", "최대", "내외", "이내", "이상", "미만", "규모", "한도", "당"]
DocumentKind = Literal["press_release", "plan", "news", "bill", "budget_sheet", "report", "other"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """A half-open character range ``[start, end)``."""

    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class TimePoint(_Record):
    """A point in time as precise as the text states it: a year, maybe a month, half or quarter."""

    year: Year | None = None
    month: Month | None = None
    half: Half | None = None
    quarter: Quarter | None = None

    @model_validator(mode="after")
    def _one_part_of_year(self) -> Self:
        parts = [p for p in (self.month, self.half, self.quarter) if p is not None]
        if len(parts) > 1:
            raise ValueError("a time point has at most one of month, half and quarter")
        if self.year is None and not parts:
            raise ValueError("a time point needs a year, month, half or quarter")
        return self


class CellRef(_Record):
    """Where a figure sits in a table: the table's ``index`` in ``Document.tables`` and the
    cell's top-left slot (0-based)."""

    table: Annotated[int, Field(ge=0)]
    row: Annotated[int, Field(ge=0)]
    col: Annotated[int, Field(ge=0)]


class ParagraphRef(_Record):
    """Where a value sits in an HWP or HWPX file: the ``section`` (0-based, as its stream
    or part is numbered: ``BodyText/Section0``, ``Contents/section0.xml``) and the
    ``paragraph``'s index among that section's top-level paragraphs (0-based). A value
    in a table, text box, footnote or header belongs to the paragraph that anchors it;
    ``cell`` then says which cell."""

    section: Annotated[int, Field(ge=0)]
    paragraph: Annotated[int, Field(ge=0)]


class Amount(_Record):
    """A money amount as the document states it, with its exact value in won.

    ``value_krw`` is negative only where the text marks a decrease (``△``/``▽``),
    and then ``decrease`` is true.
    """

    text: str = Field(min_length=1)
    value_krw: int
    year: Year | None = None
    qualifier: Qualifier | None = None
    unit_implied: bool = False
    per: str | None = Field(
        default=None, description="What the amount is per (과제, 기업, 센터, 年), when it is."
    )
    decrease: bool = False
    total_row: bool = Field(
        default=False, description="Read from a table's totals row (합계, 계, 소계)."
    )
    span: Span
    raw_span: Span | None
    page: Page | None = None
    cell: CellRef | None = Field(default=None, description="The table cell it was read from.")
    bbox: BBox | None = Field(
        default=None,
        description="Where on the page it was read: the words of a PDF's text layer or of "
        "OCR around the value (PDF points; pixels for an image).",
    )
    paragraph: ParagraphRef | None = Field(
        default=None, description="The HWP/HWPX paragraph it was read from."
    )

    @model_validator(mode="after")
    def _sign_matches_decrease(self) -> Self:
        if self.value_krw < 0 and not self.decrease:
            raise ValueError("value_krw is negative only for a decrease (△)")
        if self.decrease and self.value_krw > 0:
            raise ValueError("a decrease has a negative value_krw")
        return self


class Period(_Record):
    """A stated span of time with at least one side (``'25~'29``, ``'25.6월~``)."""

    text: str = Field(min_length=1)
    start: TimePoint | None
    end: TimePoint | None
    duration_years: Annotated[int, Field(ge=1, le=100)] | None = None
    span: Span
    raw_span: Span | None
    page: Page | None = None
    cell: CellRef | None = Field(default=None, description="The table cell it was read from.")
    bbox: BBox | None = Field(
        default=None,
        description="Where on the page it was read: the words of a PDF's text layer or of "
        "OCR around the value (PDF points; pixels for an image).",
    )
    paragraph: ParagraphRef | None = Field(
        default=None, description="The HWP/HWPX paragraph it was read from."
    )

    @model_validator(mode="after")
    def _has_a_side(self) -> Self:
        if self.start is None and self.end is None:
            raise ValueError("a period has a start, an end or both")
        return self


class AnnualAmount(_Record):
    """One year's figure of a project (``’25년 51.7억원``)."""

    year: Year
    amount: Amount


class FundingShare(_Record):
    """Part of a project's budget by who pays it (``국고 100억원``, ``민간 78억원``)."""

    source: str = Field(min_length=1, description="The payer as written: 국고, 국비, 민간, 지방비…")
    amount: Amount


class Project(_Record):
    """A named programme, project, task, centre or fund with its figures."""

    name: str = Field(min_length=1)
    period: Period | None = None
    total: Amount | None = None
    annual: list[AnnualAmount] = Field(default_factory=list)
    funding: list[FundingShare] = Field(default_factory=list)
    group: str | None = Field(
        default=None, description="The table section a task row sits under (분과: AI, 첨단바이오)."
    )
    span: Span
    raw_span: Span | None = None
    page: Page | None = None
    paragraph: ParagraphRef | None = Field(
        default=None, description="The HWP/HWPX paragraph it was read from."
    )


Count = Annotated[int, Field(ge=0)]
Bbox = tuple[float, float, float, float]


class TableCell(_Record):
    """One cell of a table: its top-left slot, spans, text and where that text is."""

    row: Count
    col: Count
    rowspan: Annotated[int, Field(ge=1)] = 1
    colspan: Annotated[int, Field(ge=1)] = 1
    text: str
    header: bool = False
    span: Span | None = Field(default=None, description="The cell's text in `Document.text`.")
    raw_span: Span | None = None
    bbox: Bbox | None = Field(default=None, description="PDF box in points: x0, top, x1, bottom.")


class Table(_Record):
    """A table of the document, as a reader found it or as recognised in the text."""

    index: Count = Field(description="Position in `Document.tables` (reading order).")
    source: str = Field(
        description="pdf_ruled, pdf_hrules, pdf_aligned, ocr_ruled (a scan's ruled table), "
        "hwpx, hwp, html, markdown, text_aligned or text_flat."
    )
    caption: str | None = None
    unit: str | None = Field(default=None, description="The unit statement: (단위: 억원).")
    page: Page | None = None
    n_rows: Count
    n_cols: Count
    header_rows: Count = 0
    span: Span | None = None
    raw_span: Span | None = None
    bbox: Bbox | None = None
    paragraph: ParagraphRef | None = Field(
        default=None, description="The HWP/HWPX paragraph that anchors it."
    )
    cells: list[TableCell] = Field(default_factory=list)


class Warning(_Record):
    """A soft problem found while reading or extracting; the document is still usable."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    message: str
    span: Span | None = None
    page: Page | None = None


class Source(_Record):
    """Where a document came from and how it was read."""

    path: str | None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    media_type: str
    encoding: str | None = None
    pages: Annotated[int, Field(ge=0)] | None = None
    path_bytes: str | None = Field(
        default=None,
        description="base64 of the file name's bytes when they are not UTF-8; `path` then "
        "shows them escaped (b\\xff.txt).",
    )
    gongmun_version: str | None = Field(default=None, description="The gongmun that made it.")
    reader: str | None = Field(
        default=None, description="The library and version that read the file (pdfplumber 0.11.4)."
    )
    raw_text: Literal["decoded", "reader"] = Field(
        default="decoded",
        description=(
            "What every raw_span indexes. decoded: the file's bytes decoded with `encoding` "
            "(text files, web pages: the HTML source), or the str given. reader: the reader's "
            "text of the file (PDF, HWP, HWPX, a text file mixing encodings), printed by "
            "`gongmun normalize FILE --raw`."
        ),
    )

    ocr_pages: list[Page] | None = Field(
        default=None, description="Pages read by OCR (1-based); None when none was."
    )
    ocr_engine: str | None = Field(
        default=None, description="The OCR engine, version and settings: tesseract 5.3.0 kor psm 6."
    )

    @model_validator(mode="before")
    @classmethod
    def _path_as_text(cls, data: Any) -> Any:
        return _safe_path(data)


class Meta(_Record):
    """Facts about the document itself."""

    title: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    embargo: str | None = Field(default=None, description="보도시점 or 조간/석간 as written.")
    kind: DocumentKind = "other"
    department: str | None = None
    contacts: list[str] = Field(default_factory=list)


class Document(_Record):
    """Everything gongmun extracted from one document."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    meta: Meta = Field(default_factory=Meta)
    text: str = Field(description="The normalized text that every `span` indexes.")
    amounts: list[Amount] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_show_their_text(self) -> Self:
        problems = []
        n = len(self.text)
        for kind, records in (("amount", self.amounts), ("period", self.periods)):
            for rec in records:
                s = rec.span
                if s.end > n:
                    problems.append(f"{kind} {rec.text!r} span {s.start}-{s.end} is past the text")
                elif self.text[s.start : s.end] != rec.text:
                    problems.append(f"{kind} {rec.text!r} span does not show its text")
        for table in self.tables:
            for cell in table.cells:
                if cell.span is not None and cell.span.end > n:
                    problems.append(f"table {table.index} cell {cell.text!r} is past the text")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Failure(_Record):
    """A document that could not be extracted: one record in a batch, not a crash."""

    path: str
    error: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="A stable error code.")
    message: str
    sha256: str | None = None
    path_bytes: str | None = Field(
        default=None, description="base64 of the file name's bytes when they are not UTF-8."
    )
    gongmun_version: str | None = Field(default=None, description="The gongmun that made it.")

    @model_validator(mode="before")
    @classmethod
    def _path_as_text(cls, data: Any) -> Any:
        return _safe_path(data)
