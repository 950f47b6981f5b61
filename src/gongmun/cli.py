"""The ``gongmun`` command line: ``extract``, ``check``, ``normalize``, ``schema``.

stdout carries data only (JSON Lines, normalized text); messages go to stderr.
Exit status: 0 all good, 1 some document failed (or ``check`` found a difference; 0
with ``--exit-zero``), 2 usage error, 3 output error (the output cannot be written, is
being written by another run, or holds lines that are not gongmun's), 130 interrupted
(Ctrl-C), 143 SIGTERM, 129 SIGHUP, 141 stdout closed by its reader.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Final

from gongmun.errors import InputError
from gongmun.inputs import STDIN, find_documents
from gongmun.paths import record_key, shown
from gongmun.readers.limits import DEFAULT_TIMEOUT
from gongmun.review.cli import ExtractReview, add_commands, add_review_option
from gongmun.versions import VERSION, reader_version
from gongmun.writers_jsonl import JsonlWriter, OutputError

# The pipeline, pydantic, the writers and the readers are imported by the commands that
# use them, so that `gongmun --help` and `--version` start at once.
if TYPE_CHECKING:
    from gongmun.batch import Line, Source
    from gongmun.progress import ProgressLine

EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_OUTPUT: Final = 3
EXIT_PIPE: Final = 141
_MAX_DIFF_LINES: Final = 40
STDOUT: Final = "-"
# Signals that end a run as Ctrl-C does: summary, clean output, status 128 + number.
_STOP_SIGNALS: Final = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where Ctrl-C would raise KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _signals_stop() -> Iterator[None]:
    old = {}
    for sig in _STOP_SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            old[sig] = signal.signal(sig, _raise_stopped)
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _interrupt_status(e: KeyboardInterrupt) -> int:
    return 128 + (e.signum if isinstance(e, Stopped) else signal.SIGINT)


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    with contextlib.suppress(AttributeError, OSError):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _jobs(text: str) -> int:
    if text == "auto":
        return usable_cores()
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or auto, not {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be at least 1, not {n}")
    return n


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, not {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"--timeout must be 0 (none) or more, not {text}")
    return value


@dataclass
class _Out:
    """Where messages go, and how much of them: ``-q`` only errors, ``-v`` per document."""

    quiet: bool = False
    verbose: bool = False

    def say(self, text: str, status: ProgressLine | None = None) -> None:
        if status is not None:
            status.message(text)
        else:
            print(text, file=sys.stderr)

    def info(self, text: str, status: ProgressLine | None = None) -> None:
        if not self.quiet:
            self.say(text, status)

    def warn(self, text: str) -> None:
        from gongmun.progress import paint

        if not self.quiet:
            print(f"gongmun: {paint('warning', 'yellow', sys.stderr)}: {text}", file=sys.stderr)

    def error(self, text: str) -> None:
        print(f"gongmun: {text}", file=sys.stderr)


def _cmd_normalize(args: argparse.Namespace) -> int:
    from gongmun.normalize.explain import explain
    from gongmun.pipeline import normalize_raw
    from gongmun.readers import read_bytes, read_path

    try:
        if args.file == STDIN:
            # Bytes, not sys.stdin's locale decoding: detected as a file's are.
            raw = read_bytes(sys.stdin.buffer.read(), STDIN, args.ocr)
        else:
            raw = read_path(args.file, args.ocr)
    except InputError as e:
        print(f"gongmun: {shown(e.path)}: {e.problem} ({e.code})", file=sys.stderr)
        return EXIT_FAILED
    # --raw: the text every raw_span indexes (the decoded file, or the reader's text);
    # else the document's text every span indexes (its tables kept as extract keeps them).
    norm = None if args.raw else normalize_raw(raw, args.ocr_text)[1]
    try:
        sys.stdout.write(raw.raw_text if norm is None else norm.text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    except OSError as e:  # a full disk, /dev/full: one line, the output error's status
        print(f"gongmun: stdout: cannot write: {e.strerror or e}", file=sys.stderr)
        return EXIT_OUTPUT
    if norm is None:
        return 0
    if args.explain:
        print(f"encoding: {raw.encoding or 'none'} ({raw.media_type})", file=sys.stderr)
        print(explain(norm, show=args.show), file=sys.stderr)
    return 0


class OutputFormat(StrEnum):
    """What ``gongmun extract`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


def _usage(command: str, problem: str) -> int:
    print(f"gongmun {command}: error: {problem}", file=sys.stderr)
    return EXIT_USAGE


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass
class _Tally:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    removed: int = 0
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
        from gongmun.progress import duration

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
        if self.removed:
            text += f"; {_n(self.removed, 'old line')} replaced"
        if interrupted and resumable:
            text += "; interrupted (run again with --resume to finish)"
        elif interrupted:
            text += "; interrupted, nothing written"
        return text


def _to_stdout(args: argparse.Namespace) -> bool:
    return args.output is None or args.output == STDOUT


def _extract_usage_problem(args: argparse.Namespace, fmt: OutputFormat) -> str | None:
    if fmt is not OutputFormat.JSONL and _to_stdout(args):
        return f"--format {fmt} writes a directory of tables: give it with -o DIR"
    if args.resume and _to_stdout(args):
        return "--resume needs -o OUT: it skips the documents already in OUT"
    if args.resume and fmt is not OutputFormat.JSONL:
        return "--resume works with --format jsonl (tables are written whole at the end)"
    if args.csv_bom and fmt is not OutputFormat.CSV:
        return "--csv-bom is for --format csv"
    if fmt is not OutputFormat.JSONL:
        # The table writers build on the models (pydantic): imported only for tables, so
        # a JSON Lines run's own process never loads them (its workers write the JSON).
        from gongmun.writers import MissingDependency, check_format, table_dir_problem

        problem = table_dir_problem(Path(args.output))
        if problem:
            return problem
        try:
            check_format(fmt)
        except MissingDependency as e:
            return str(e)
    if not _to_stdout(args) and Path(args.output).is_dir() and fmt is OutputFormat.JSONL:
        return f"{args.output} is a directory; JSON Lines go to a file"
    return ExtractReview.problem(args.review) if args.review else None


def _same_file_as_output(output: str, paths: list[str]) -> str | None:
    """The input that is the output file itself (-o in.txt), or None."""
    try:
        out = Path(output).stat()
    except OSError:
        return None
    for p in paths:
        if p == STDIN:
            continue
        with contextlib.suppress(OSError):
            st = Path(p).stat()
            if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
                return p
    return None


def _sources(paths: list[str]) -> list[Source]:
    from gongmun.batch import TextInput

    # Bytes, not sys.stdin's locale decoding: detected and recorded as a file's are.
    data = sys.stdin.buffer.read() if STDIN in paths else b""
    return [TextInput(data) if p == STDIN else p for p in paths]


def _report(out: _Out, status: ProgressLine, line: Line) -> None:
    from gongmun.progress import paint

    if line.failed:
        code = paint(line.error, "red", sys.stderr)
        out.info(f"gongmun: {shown(line.path)}: {shown(line.message)} ({code})", status)
    elif out.verbose:
        a, p, j = line.counts
        counts = f"{_n(a, 'amount')}, {_n(p, 'period')}, {_n(j, 'project')}"
        out.info(f"gongmun: {shown(line.path)}: {counts}", status)


def _open_jsonl(
    args: argparse.Namespace, sources: list[Source], tally: _Tally
) -> tuple[JsonlWriter, list[Source]]:
    from gongmun.batch import source_path, source_sha256
    from gongmun.writers_resume import resume

    if _to_stdout(args):
        return JsonlWriter.stream(sys.stdout.buffer), sources
    writer = JsonlWriter.open(args.output, append=args.resume)
    if not args.resume:
        return writer, sources
    try:
        keys = [record_key(source_path(s)) for s in sources]
        done, tally.removed = resume(writer, keys, lambda i: source_sha256(sources[i]))
    except BaseException:
        writer.close()
        raise
    tally.skipped = sum(done)
    return writer, [s for s, d in zip(sources, done, strict=True) if not d]


def _extract_jsonl(
    args: argparse.Namespace,
    sources: list[Source],
    status: ProgressLine,
    tally: _Tally,
    out: _Out,
    review: ExtractReview | None = None,
) -> None:
    from gongmun.batch import crashed_line, extract_line, on_timeout_line, run_batch

    writer, sources = _open_jsonl(args, sources, tally)
    try:
        for line in run_batch(
            functools.partial(extract_line, ocr=args.ocr, ocr_text=args.ocr_text),
            sources,
            jobs=args.jobs,
            is_failure=lambda x: x.failed,
            on_crash=crashed_line,
            on_progress=status.update,
            timeout=args.timeout or None,
            on_timeout=on_timeout_line(args.timeout) if args.timeout else None,
        ):
            writer.write_line(line.json)
            if review is not None:
                review.add_json(line.json, line.path)
            tally.add(line)
            _report(out, status, line)
    finally:
        writer.close()


def _extract_tables(
    args: argparse.Namespace,
    sources: list[Source],
    status: ProgressLine,
    tally: _Tally,
    out: _Out,
    review: ExtractReview | None = None,
) -> None:
    from gongmun.batch import extract_many, to_line
    from gongmun.writers import TableWriter

    try:
        writer = TableWriter(args.output, args.format, bom=args.csv_bom)
    except OSError as e:
        raise OutputError(args.output, f"cannot write tables: {e.strerror or e}") from e
    try:
        for result in extract_many(
            sources,
            jobs=args.jobs,
            on_progress=status.update,
            timeout=args.timeout or None,
            ocr=args.ocr,
            ocr_text=args.ocr_text,
        ):
            writer.write(result)
            line = to_line(result)
            if review is not None:
                review.add_json(line.json, line.path)
            tally.add(line)
            _report(out, status, line)
        writer.close()
    except OSError as e:
        writer.abort()
        raise OutputError(args.output, f"cannot write tables: {e.strerror or e}") from e
    except BaseException:
        writer.abort()
        raise


def _cmd_extract(args: argparse.Namespace) -> int:
    from gongmun.progress import ProgressLine

    out = _Out(args.quiet, args.verbose)
    fmt = OutputFormat(args.format)
    problem = _extract_usage_problem(args, fmt)
    if problem:
        return _usage("extract", problem)
    paths = find_documents(args.paths, on_error=lambda p, why: out.warn(f"{shown(p)}: {why}"))
    if not paths:
        return _usage("extract", f"no documents matched {shown(' '.join(args.paths))}")
    if not _to_stdout(args):
        same = _same_file_as_output(args.output, paths)
        if same is not None:
            return _usage("extract", f"-o {shown(args.output)} is also an input ({shown(same)})")
    cores = usable_cores()
    if args.jobs > cores:
        out.warn(f"--jobs {args.jobs} is more than the {cores} usable cores; it only adds memory")
    with _signals_stop():
        sources = _sources(paths)
        status = ProgressLine(sys.stderr, enabled=sys.stderr.isatty() and not args.quiet)
        tally = _Tally()
        start = time.monotonic()
        stopped: KeyboardInterrupt | None = None
        review: ExtractReview | None = None
        try:
            resumed = args.output if args.resume else None
            review = ExtractReview.open(args.review, resumed) if args.review else None
            if fmt is OutputFormat.JSONL:
                _extract_jsonl(args, sources, status, tally, out, review)
            else:
                _extract_tables(args, sources, status, tally, out, review)
            if review is not None:
                review.close()
        except KeyboardInterrupt as e:
            stopped = e
            if review is not None:  # the index of the documents done so far
                with contextlib.suppress(OutputError):
                    review.close()
        except OutputError as e:
            status.close()
            out.error(f"{shown(e.path)}: {shown(e.problem)}")
            return EXIT_OUTPUT
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, as other Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_PIPE
        finally:
            status.close()
        resumable = fmt is OutputFormat.JSONL and not _to_stdout(args)
        seconds = time.monotonic() - start
        out.info(tally.summary(seconds, stopped is not None, resumable))
    if stopped is not None:
        return _interrupt_status(stopped)
    return EXIT_FAILED if tally.failed and not args.exit_zero else 0


def _cmd_check(args: argparse.Namespace) -> int:
    from gongmun.check import CheckError, check_dir, update

    try:
        with _signals_stop():
            results = check_dir(args.dir, jobs=args.jobs, timeout=args.timeout or None)
    except CheckError as e:
        return _usage("check", str(e))
    except KeyboardInterrupt as e:
        print("gongmun check: interrupted, nothing updated", file=sys.stderr)
        return _interrupt_status(e)
    out = sys.stdout
    heads = {"changed": "CHANGED", "new": "NEW", "stale": "STALE"}
    for r in results:
        if r.status == "ok":
            continue
        shown_diffs = r.differences or ["no expected output yet"]
        out.write(f"{heads[r.status]} {shown(r.name)}\n")
        for d in shown_diffs[:_MAX_DIFF_LINES]:
            out.write(f"    {d}\n")
        if len(shown_diffs) > _MAX_DIFF_LINES:
            out.write(f"    ... and {len(shown_diffs) - _MAX_DIFF_LINES} more\n")
    bad = [r for r in results if r.status != "ok"]
    if args.update:
        try:
            touched, refused = update(results, args.dir)
        except OSError as e:
            print(f"gongmun check: cannot update: {shown(str(e))}", file=sys.stderr)
            return EXIT_OUTPUT
        for r, why in refused:
            print(f"gongmun check: {shown(r.name)}: not updated: {why}", file=sys.stderr)
        out.write(f"gongmun check: {len(touched)} expectation file(s) updated in {args.dir}\n")
        return EXIT_OUTPUT if refused else 0
    if bad:
        out.write(
            f"gongmun check: {len(bad)} of {len(results)} differ; if the changes are right, "
            f"accept them with: gongmun check {args.dir} --update\n"
        )
        return 0 if args.exit_zero else EXIT_FAILED
    out.write(f"gongmun check: all {len(results)} documents match\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from gongmun.schema import write_schemas
    from gongmun.writers_jsonl import describe_path

    try:
        for path in write_schemas(Path(args.dir)):
            print(path, file=sys.stderr)
    except OSError as e:
        problem = describe_path(e, Path(args.dir) / "x")
        print(f"gongmun: {shown(args.dir)}: cannot write: {problem}", file=sys.stderr)
        return EXIT_OUTPUT
    return 0


def version_text() -> str:
    """``gongmun 0.1.0 (python 3.11.7; pdfplumber 0.11.4, olefile 0.47)``."""
    python = ".".join(map(str, sys.version_info[:3]))
    readers = ", ".join(reader_version(m) for m in ("application/pdf", "application/x-hwp"))
    return f"gongmun {VERSION} (python {python}; {readers})"


class _Version(argparse._VersionAction):
    """``--version``, its text made only when asked for (it looks up installed versions)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        self.version = version_text()
        super().__call__(parser, namespace, values, option_string)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default="auto",
        help="worker processes: a number, or auto (default: the usable cores)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per document (default: {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    p.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even if documents failed or differ (failures stay in the output)",
    )


def _ocr_options(p: argparse.ArgumentParser) -> None:
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
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract records from documents (JSON Lines, CSV, Parquet)")
    p.add_argument(
        "paths", nargs="+", help="files, directories (searched recursively), globs, or - for stdin"
    )
    p.add_argument(
        "-o",
        "--output",
        help="JSON Lines file (default, or -: stdout), or directory for csv/parquet",
    )
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
        help="keep the documents already in -o OUT (same path and sha256) and add the rest",
    )
    p.add_argument(
        "--csv-bom",
        action="store_true",
        help="start each CSV file with a UTF-8 byte-order mark, for Excel",
    )
    add_review_option(p)
    _ocr_options(p)
    _common(p)
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print only errors on stderr")
    loud.add_argument(
        "-v", "--verbose", action="store_true", help="also print one line per document"
    )
    p.set_defaults(run=_cmd_extract, sub=p)

    p = sub.add_parser("check", help="compare documents with their expected outputs (for CI)")
    p.add_argument("dir", help="directory of documents with <name>.expected.json beside them")
    p.add_argument("--update", action="store_true", help="rewrite the expected outputs")
    _common(p)
    p.set_defaults(run=_cmd_check, sub=p)

    p = sub.add_parser("normalize", help="print the normalized text of one document")
    p.add_argument("file", help="a document, or - for stdin")
    p.add_argument(
        "--raw",
        action="store_true",
        help="print the text raw_span indexes instead (the decoded file, or a PDF/HWP/HWPX "
        "reader's text)",
    )
    p.add_argument("--explain", action="store_true", help="list what each step changed on stderr")
    p.add_argument("--show", type=int, default=5, help="places to show per step with --explain")
    _ocr_options(p)
    p.set_defaults(run=_cmd_normalize, sub=p)

    p = sub.add_parser("schema", help="write the JSON Schemas of the records")
    p.add_argument("--dir", default="schemas", help="directory to write into (default: schemas)")
    p.set_defaults(run=_cmd_schema, sub=p)
    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            # The subcommand's own usage, not the top-level one, for its bad flag.
            args.sub.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as e:
        return int(e.code) if isinstance(e.code, int) else EXIT_USAGE
    code: int = args.run(args)
    return code
