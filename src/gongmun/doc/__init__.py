"""The document model every reader, the normalizer and the extractors share.

Today it holds tables (:mod:`gongmun.doc.tables`): readers build them with offsets into
their raw text, the pipeline moves them to the normalized text, extractors read them.
"""

from __future__ import annotations

from gongmun.doc.tables import SOURCES, Box, Cell, Table, place, render_cells, table_from_rows

__all__ = ["SOURCES", "Box", "Cell", "Table", "place", "render_cells", "table_from_rows"]
