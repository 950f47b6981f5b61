"""The ``gongmun`` command line: ``extract``, ``check``, ``normalize``, ``schema``.

stdout carries data only (JSON Lines, normalized text); messages go to stderr.
Exit codes: 0 all good, 1 some document failed (or ``check`` found a difference), 2 usage
error, 130 interrupted, 141 stdout closed by its reader.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from gongmun.batch import (
    Line,
    Source,
    TextInput,
    crashed_line,
    extract_line,
    extract_many,
    run_batch,
    source_sha256,
    to_line,
)
from gongmun.check import CheckError, check_dir, update
from gongmun.errors import InputError
from gongmun.inputs import STDIN, find_documents
from gongmun.normalize import normalize
from gongmun.normalize.explain import explain
from gongmun.progress import ProgressLine, duration
from gongmun.readers import read_path
from gongmun.schema import write_schemas
from gongmun.writers import (
    JsonlWriter,
    MissingDependency,
    TableWriter,
    check_format,
    prepare_resume,
    table_dir_problem,
)

_MAX_DIFF_LINES: Final = 40


def _cmd_normalize(args: argparse.Namespace) -> int:
    ocr: bool | tuple[tuple[int, int], ...] = args.ocr_text
    try:
        if args.file == "-":
            raw = sys.stdin.read()
        else:
            read = read_path(args.file, args.ocr)
            raw = read.text
            ocr = ocr or read.ocr_ranges
    except InputError as e:
        print(f"gongmun: {e}", file=sys.stderr)
        return 1
    norm = normalize(raw, ocr=ocr)
    sys.stdout.write(norm.text)
    if args.explain:
        print(explain(norm, show=args.show), file=sys.stderr)
    return 0


class OutputFormat(StrEnum):
    """What ``gongmun extract`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


def _usage(command: str, problem: str) -> int:
    print(f"gongmun {command}: error: {problem}", file=sys.stderr)
    return 2


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass
class _Tally:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    amounts: int = 0
    periods: int = 0
    projects: int = 0

    def add(self, line: Line) -> None:
        self.documents += 1
        self.failed += line.failed
        a, p, j = line.counts
        self.amounts += a
        self.periods += p
        self.projects += j

    def summary(self, seconds: float, interrupted: bool, resumable: bool) -> str:
        records = self.amounts + self.periods + self.projects
        rate = self.documents / seconds if seconds > 0 else 0.0
        text = (
            f"gongmun: {_n(self.documents, 'document')} ({self.documents - self.failed} "
            f"extracted, {self.failed} failed), {_n(records, 'record')} "
            f"({_n(self.amounts, 'amount')}, {_n(self.periods, 'period')}, "
            f"{_n(self.projects, 'project')}) in {duration(seconds)}, {rate:.1f} docs/s"
        )
        if self.skipped:
            text += f"; {self.skipped} already in the output, skipped"
        if interrupted and resumable:
            text += "; interrupted (run again with --resume to finish)"
        elif interrupted:
            text += "; interrupted, nothing written"
        return text


def _extract_usage_problem(args: argparse.Namespace, fmt: OutputFormat) -> str | None:
    if args.jobs < 1:
        return f"--jobs must be at least 1, not {args.jobs}"
    if fmt is not OutputFormat.JSONL and not args.output:
        return f"--format {fmt} writes a directory of tables: give it with -o DIR"
    if args.resume and not args.output:
        return "--resume needs -o OUT: it skips the documents already in OUT"
    if args.resume and fmt is not OutputFormat.JSONL:
        return "--resume works with --format jsonl (tables are written whole at the end)"
    if fmt is not OutputFormat.JSONL:
        problem = table_dir_problem(Path(args.output))
        if problem:
            return problem
        try:
            check_format(fmt)
        except MissingDependency as e:
            return str(e)
    if args.output and Path(args.output).is_dir() and fmt is OutputFormat.JSONL:
        return f"{args.output} is a directory; JSON Lines go to a file"
    return None


def _sources(paths: list[str]) -> list[Source]:
    # Bytes, not sys.stdin's locale decoding: CP949 text must arrive intact.
    data = sys.stdin.buffer.read() if STDIN in paths else b""
    return [TextInput(data) if p == STDIN else p for p in paths]


def _report_failure(status: ProgressLine, line: Line) -> None:
    status.message(f"gongmun: {line.path}: {line.message} ({line.error})")


def _extract_jsonl(
    args: argparse.Namespace, sources: list[Source], status: ProgressLine, tally: _Tally
) -> None:
    if args.output:
        if args.resume:
            done = prepare_resume(args.output)
            todo = []
            for s in sources:
                # Hash only while something is left to skip: reading every input twice
                # is the one cost of resuming.
                sha = source_sha256(s) if done.total() else None
                if sha is not None and done[sha] > 0:
                    done[sha] -= 1
                    tally.skipped += 1
                else:
                    todo.append(s)
            sources = todo
        writer = JsonlWriter.open(args.output, append=args.resume)
    else:
        writer = JsonlWriter.stream(sys.stdout.buffer)
    try:
        for line in run_batch(
            functools.partial(extract_line, ocr=args.ocr, ocr_text=args.ocr_text),
            sources,
            jobs=args.jobs,
            is_failure=lambda x: x.failed,
            on_crash=crashed_line,
            on_progress=status.update,
        ):
            writer.write_line(line.json)
            tally.add(line)
            if line.failed:
                _report_failure(status, line)
    finally:
        writer.close()


def _extract_tables(
    args: argparse.Namespace, sources: list[Source], status: ProgressLine, tally: _Tally
) -> None:
    writer = TableWriter(args.output, args.format)
    try:
        for result in extract_many(
            sources,
            jobs=args.jobs,
            on_progress=status.update,
            ocr=args.ocr,
            ocr_text=args.ocr_text,
        ):
            writer.write(result)
            line = to_line(result)
            tally.add(line)
            if line.failed:
                _report_failure(status, line)
    except BaseException:
        writer.abort()
        raise
    writer.close()


def _cmd_extract(args: argparse.Namespace) -> int:
    fmt = OutputFormat(args.format)
    problem = _extract_usage_problem(args, fmt)
    if problem:
        return _usage("extract", problem)
    paths = find_documents(args.paths)
    if not paths:
        return _usage("extract", f"no documents matched {' '.join(args.paths)}")
    sources = _sources(paths)
    status = ProgressLine(sys.stderr, enabled=sys.stderr.isatty())
    tally = _Tally()
    start = time.monotonic()
    interrupted = False
    try:
        if fmt is OutputFormat.JSONL:
            _extract_jsonl(args, sources, status, tally)
        else:
            _extract_tables(args, sources, status, tally)
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        status.close()
    resumable = fmt is OutputFormat.JSONL and bool(args.output)
    print(tally.summary(time.monotonic() - start, interrupted, resumable), file=sys.stderr)
    if interrupted:
        return 130
    return 1 if tally.failed else 0


def _cmd_check(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        return _usage("check", f"--jobs must be at least 1, not {args.jobs}")
    try:
        results = check_dir(args.dir, jobs=args.jobs)
    except CheckError as e:
        return _usage("check", str(e))
    out = sys.stdout
    heads = {"changed": "CHANGED", "new": "NEW", "stale": "STALE"}
    for r in results:
        if r.status == "ok":
            continue
        shown = r.differences or ["no expected output yet"]
        out.write(f"{heads[r.status]} {r.name}\n")
        for d in shown[:_MAX_DIFF_LINES]:
            out.write(f"    {d}\n")
        if len(shown) > _MAX_DIFF_LINES:
            out.write(f"    ... and {len(shown) - _MAX_DIFF_LINES} more\n")
    bad = [r for r in results if r.status != "ok"]
    if args.update:
        touched = update(results)
        out.write(f"gongmun check: {len(touched)} expectation file(s) updated in {args.dir}\n")
        return 0
    if bad:
        out.write(
            f"gongmun check: {len(bad)} of {len(results)} differ; if the changes are right, "
            f"accept them with: gongmun check {args.dir} --update\n"
        )
        return 1
    out.write(f"gongmun check: all {len(results)} documents match\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.dir)):
        print(path, file=sys.stderr)
    return 0


def _add_ocr_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--ocr",
        nargs="?",
        const="always",
        default="auto",
        choices=["auto", "always", "never"],
        help="OCR scanned pages and images with tesseract: auto (default) pages with no text "
        "layer; --ocr (always) also pages that look scanned; never: report them instead",
    )
    p.add_argument(
        "--ocr-text",
        action="store_true",
        help="the input text is OCR output: repair OCR noise in all of it",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``gongmun``."""
    parser = argparse.ArgumentParser(prog="gongmun", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract records from documents (JSON Lines, CSV, Parquet)")
    p.add_argument(
        "paths", nargs="+", help="files, directories (searched recursively), globs, or - for stdin"
    )
    p.add_argument(
        "-o", "--output", help="JSON Lines file (default: stdout), or directory for csv/parquet"
    )
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument(
        "-f",
        "--format",
        choices=[f.value for f in OutputFormat],
        default=OutputFormat.JSONL.value,
        help="jsonl (default), or csv/parquet tables in the directory -o names",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="keep the documents already in -o OUT (by sha256) and add the rest",
    )
    _add_ocr_options(p)
    p.set_defaults(run=_cmd_extract)

    p = sub.add_parser("check", help="compare documents with their expected outputs (for CI)")
    p.add_argument("dir", help="directory of documents with <name>.expected.json beside them")
    p.add_argument("--update", action="store_true", help="rewrite the expected outputs")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("normalize", help="print the normalized text of one document")
    p.add_argument("file", help="a document, or - for stdin")
    p.add_argument("--explain", action="store_true", help="list what each step changed on stderr")
    p.add_argument("--show", type=int, default=5, help="places to show per step with --explain")
    _add_ocr_options(p)
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
