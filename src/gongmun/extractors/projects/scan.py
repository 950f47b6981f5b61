"""What every project rule reads: the text, its lines and outline, the figure ledger."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from gongmun.doc.tables import Table
from gongmun.extractors.context import Context
from gongmun.extractors.projects.aliases import Named
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
    # name_key(alias) -> the long name it stands for ("「A」(이하 'B')"), see .aliases.
    aliases: dict[str, Named] = field(default_factory=dict)
    # False: every rule reads every line (the simple form ``tests/test_fast_equals_reference``
    # holds the filtered one to).
    prefilter: ClassVar[bool] = True

    @property
    def text(self) -> str:
        """The normalized text every offset indexes."""
        return self.ctx.text

    @property
    def _line_starts(self) -> list[int]:
        return self.ctx.lines.starts  # where each of ``lines`` starts

    @cached_property
    def figure_lines(self) -> list[int]:
        """Indices of the lines where an amount or a period starts, in order.

        A rule that reads a line's own figures (``NAME(’25~’29, ’25년 51.7억원)``) finds
        nothing on the other lines — most lines of a document — so it reads only these.
        """
        if not self.prefilter:
            return list(range(len(self.lines)))
        starts = self._line_starts
        return sorted({bisect_right(starts, s.start) - 1 for s in self.figures.spans} - {-1})

    def lines_holding(self, words: Iterable[str]) -> list[int]:
        """Indices of the lines holding one of ``words`` (none holding a line break).

        >>> from gongmun.extractors.context import Context
        >>> from gongmun.extractors.projects.lines import split_lines
        >>> from gongmun.normalize import normalize
        >>> ctx = Context(normalize("가\\n사업명: 나\\n다"))
        >>> Scan(ctx, Figures([], []), split_lines(ctx.text), []).lines_holding(["사업명"])
        [1]
        """
        if not self.prefilter:
            return list(range(len(self.lines)))
        return self.ctx.lines.holding(self.text, words)
