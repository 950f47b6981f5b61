"""The ``gongmun`` command line: ``extract``, ``normalize``, ``schema``.

stdout carries data only (JSON Lines, normalized text); messages go to stderr.
Exit codes: 0 all good, 1 some document failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from gongmun.errors import InputError
from gongmun.normalize import normalize
from gongmun.normalize.explain import explain
from gongmun.pipeline import extract
from gongmun.readers import read_path
from gongmun.schema import write_schemas


def _cmd_normalize(args: argparse.Namespace) -> int:
    try:
        raw = sys.stdin.read() if args.file == "-" else read_path(args.file).text
    except InputError as e:
        print(f"gongmun: {e}", file=sys.stderr)
        return 1
    norm = normalize(raw)
    sys.stdout.write(norm.text)
    if args.explain:
        print(explain(norm, show=args.show), file=sys.stderr)
    return 0


def _expand(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*") if q.is_file()))
        else:
            out.append(path)
    return out


def _cmd_extract(args: argparse.Namespace) -> int:
    out = Path(args.output).open("w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failed = 0
    try:
        for path in _expand(args.paths):
            try:
                doc = extract(path)
            except InputError as e:
                failed += 1
                print(f"gongmun: {e}", file=sys.stderr)
                continue
            out.write(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.dir)):
        print(path, file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``gongmun``."""
    parser = argparse.ArgumentParser(prog="gongmun", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract records from documents as JSON Lines")
    p.add_argument("paths", nargs="+", help="files or directories")
    p.add_argument("-o", "--output", help="write JSON Lines here instead of stdout")
    p.set_defaults(run=_cmd_extract)

    p = sub.add_parser("normalize", help="print the normalized text of one document")
    p.add_argument("file", help="a document, or - for stdin")
    p.add_argument("--explain", action="store_true", help="list what each step changed on stderr")
    p.add_argument("--show", type=int, default=5, help="places to show per step with --explain")
    p.set_defaults(run=_cmd_normalize)

    p = sub.add_parser("schema", help="write the JSON Schemas of the records")
    p.add_argument("--dir", default="schemas", help="directory to write into (default: schemas)")
    p.set_defaults(run=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code) if isinstance(e.code, int) else 2
    code: int = args.run(args)
    return code
