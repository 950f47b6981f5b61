"""Checks that keep a reader's work bounded by what a file really holds."""

from __future__ import annotations

from gongmun.errors import InputError
from gongmun.readers import limits


def check_table_slots(path: str, n_rows: int, n_cols: int, what: str) -> None:
    """Refuse (``too_large``) a table whose grid, empty rows and columns gone, is huge.

    >>> check_table_slots("a.hwpx", 40, 12, "HWPX")
    >>> check_table_slots("a", 2000, 2000, "HWPX")
    Traceback (most recent call last):
    gongmun.errors.InputError: a: HWPX table of 2,000 x 2,000 cells is over the limit of 1,000,000
    """
    if n_rows * n_cols > limits.MAX_TABLE_SLOTS:
        raise InputError(
            path,
            f"{what} table of {n_rows:,} x {n_cols:,} cells is over the limit of "
            f"{limits.MAX_TABLE_SLOTS:,}",
            "too_large",
        )


class XmlBudget:
    """Bytes and elements the sections of one HWPX file may hold in all."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.bytes_left = limits.MAX_HWPX_XML_BYTES
        self.elements_left = limits.MAX_XML_ELEMENTS

    def take_bytes(self, n: int, name: str) -> None:
        """Count ``n`` more bytes of section XML; refuse past the limits."""
        if n > limits.MAX_HWPX_SECTION_BYTES:
            raise InputError(
                self.path,
                f"{name} holds {n:,} bytes of XML (limit {limits.MAX_HWPX_SECTION_BYTES:,})",
                "too_large",
            )
        self.bytes_left -= n
        if self.bytes_left < 0:
            raise InputError(
                self.path,
                f"section XML passes {limits.MAX_HWPX_XML_BYTES:,} bytes in all at {name}",
                "too_large",
            )

    def take_element(self, name: str) -> None:
        """Count one more XML element; refuse past the limit."""
        self.elements_left -= 1
        if self.elements_left < 0:
            raise InputError(
                self.path,
                f"section XML passes {limits.MAX_XML_ELEMENTS:,} elements in all at {name}",
                "too_large",
            )
