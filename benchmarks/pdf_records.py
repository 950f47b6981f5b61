"""Write the full JSON Lines of the PDFs a speed-up must leave unchanged, to compare.

    python benchmarks/pdf_records.py before.jsonl      # on the old code
    python benchmarks/pdf_records.py after.jsonl       # on the new code
    cmp before.jsonl after.jsonl                       # byte-identical, or not

The PDFs are :func:`bench_pdf.default_files`'s: the repository's fixtures and seeds,
and ``/work/shared/corpus/*.pdf`` when present (read only). One process (``-j 1``, no
time limit) in a fixed order, so the output depends only on the code. The suite guards
the same on the repository's PDFs page by page (``tests/test_readers_pdf_layout.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pdf import default_files

from gongmun.cli import main as gongmun


def main() -> int:
    """Extract the PDFs into the JSON Lines file named on the command line."""
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    files = [str(p) for p in default_files()]
    code = gongmun(["extract", *files, "-o", sys.argv[1], "-j", "1", "--timeout", "0", "-q"])
    print(f"{len(files)} PDFs -> {sys.argv[1]} (exit {code}: 1 when a test PDF is refused)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
