"""What every project rule reads: the text, its lines and outline, the figure ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gongmun.doc.tables import Table
from gongmun.extractors.context import Context
from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.lines import Line
from gongmun.normalize.outline import Block


@dataclass
class Scan:
    """One document as the project rules see it; ``drafts`` grows as rules run."""

    ctx: Context
    figures: Figures
    lines: list[Line]
    blocks: list[Block]
    tables: Sequence[Table] = ()
    drafts: list[Draft] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The normalized text every offset indexes."""
        return self.ctx.text
