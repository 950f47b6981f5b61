"""``gongmun review`` and ``gongmun export``, and the ``extract --review DIR`` hook.

Kept apart from ``gongmun.cli`` so that the main command line only registers them.
Exit status as elsewhere: 0 good, 1 some line could not be shown, 2 usage error (no
such file, a directory that is not ours), 3 output error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from gongmun.paths import shown
from gongmun.writers_jsonl import OutputError

# The pages, the records (pydantic) and the exporters load when a command runs, so that
# `gongmun --help` starts at once.
if TYPE_CHECKING:
    from gongmun.review.site import ReviewSite

EXIT_UNSHOWN: Final = 1
EXIT_USAGE: Final = 2
EXIT_OUTPUT: Final = 3


def _say(text: str) -> None:
    print(f"gongmun: {shown(text)}", file=sys.stderr)


def default_dir(jsonl: Path) -> Path:
    """``out.jsonl`` → ``out-review`` beside it."""
    return jsonl.with_name(f"{jsonl.stem}-review")


def _cmd_review(args: argparse.Namespace) -> int:
    import webbrowser

    from gongmun.models import Failure
    from gongmun.review.records import Unshown, read_jsonl
    from gongmun.review.site import ReviewSite, SiteError

    jsonl = Path(args.jsonl)
    if not jsonl.is_file():
        return _usage("review", f"{args.jsonl}: no such file")
    out = Path(args.output) if args.output else default_dir(jsonl)
    try:
        site = ReviewSite(out)
    except SiteError as e:
        return _usage("review", str(e))
    unshown = failed = 0
    try:
        for record in read_jsonl(jsonl):
            if isinstance(record, Unshown):
                unshown += 1
                _say(f"{record.where}: {record.message}")
            failed += isinstance(record, Failure)
            site.add(record)
        site.close()
    except (SiteError, OSError) as e:
        _say(f"{e}")
        return EXIT_OUTPUT
    documents = len(site.rows) - unshown - failed
    print(
        f"gongmun review: {_n(documents, 'document')}, {failed} failed, {unshown} not shown "
        f"-> {site.index}",
        file=sys.stderr,
    )
    if args.open:
        webbrowser.open(site.index.absolute().as_uri())
    return EXIT_UNSHOWN if unshown else 0


def _cmd_export(args: argparse.Namespace) -> int:
    import json

    from gongmun.models import Document
    from gongmun.review.label_studio import LABEL_CONFIG, task
    from gongmun.review.records import Unshown, read_jsonl
    from gongmun.review.site import write_atomic
    from gongmun.versions import VERSION

    jsonl = Path(args.jsonl)
    if not jsonl.is_file():
        return _usage("export", f"{args.jsonl}: no such file")
    targets = [args.output] if args.output not in (None, "-") else []
    targets += [args.label_config] if args.label_config else []
    for target in targets:
        if _same_file(Path(target), jsonl):
            return _usage("export", f"{target} is the input {args.jsonl}; choose another file")
    config = LABEL_CONFIG.encode("utf-8")
    foreign = _foreign_output(args.output, _our_tasks) or _foreign_output(
        # An edited labeling interface starts as ours does: only our own bytes are ours.
        args.label_config,
        lambda f: f.read(len(config) + 1) == config,
    )
    if foreign:
        _say(
            f"{foreign}: it holds data gongmun did not write, so it was left as it was; "
            "give another file, or remove it first"
        )
        return EXIT_OUTPUT
    tasks: list[str] = []
    skipped = unshown = 0
    try:
        for record in read_jsonl(jsonl):
            if isinstance(record, Unshown):
                unshown += 1
                _say(f"{record.where}: {record.message}")
            elif isinstance(record, Document):
                tasks.append(json.dumps(task(record, f"gongmun {VERSION}"), ensure_ascii=False))
            else:
                skipped += 1
    except OSError as e:
        _say(f"{jsonl}: cannot read: {e.strerror or e}")
        return EXIT_OUTPUT
    body = "[\n" + ",\n".join(tasks) + ("\n]\n" if tasks else "]\n")
    try:
        if args.output in (None, "-"):
            sys.stdout.write(body)
            sys.stdout.flush()
        else:
            write_atomic(Path(args.output), body)
        if args.label_config:
            write_atomic(Path(args.label_config), LABEL_CONFIG)
    except OSError as e:
        _say(f"cannot write: {e.strerror or e}")
        return EXIT_OUTPUT
    print(
        f"gongmun export: {_n(len(tasks), 'task')} ({skipped} failed left out, "
        f"{unshown} lines not read)",
        file=sys.stderr,
    )
    return EXIT_UNSHOWN if unshown else 0


# How gongmun's task lists begin: an empty list, or a task's first field.
_TASKS_START = re.compile(rb'\[\s*(\]|\{"data":|$)')


def _our_tasks(f: BinaryIO) -> bool:
    return _TASKS_START.match(f.read(64)) is not None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False


def _foreign_output(target: str | None, ours: Callable[[BinaryIO], bool]) -> str | None:
    """``target`` if it is a non-empty regular file whose start gongmun did not write.

    Export replaces its outputs whole; that is safe for its own earlier output and would
    destroy anything else (annotations exported from Label Studio, an edited labeling
    interface), so those are refused.
    """
    if target in (None, "-"):
        return None
    path = Path(target)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as f:
            if ours(f):
                return None
    except OSError:
        return None  # writing it will say what is wrong
    return target


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _usage(command: str, problem: str) -> int:
    print(f"gongmun {command}: error: {shown(problem)}", file=sys.stderr)
    return EXIT_USAGE


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``review`` and ``export`` on the ``gongmun`` parser."""
    p = sub.add_parser("review", help="write a static site showing every record in its document")
    p.add_argument("jsonl", metavar="OUT.jsonl", help="the JSON Lines of gongmun extract")
    p.add_argument(
        "-o", "--output", metavar="DIR", help="the site's directory (default: OUT-review)"
    )
    p.add_argument("--open", action="store_true", help="open the index in a web browser")
    p.set_defaults(run=_cmd_review, sub=p)

    p = sub.add_parser("export", help="export records for annotation tools (Label Studio)")
    p.add_argument("jsonl", metavar="OUT.jsonl", help="the JSON Lines of gongmun extract")
    p.add_argument(
        "--format", choices=["label-studio"], required=True, help="label-studio: tasks JSON"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout)")
    p.add_argument(
        "--label-config", metavar="FILE", help="also write the labeling interface (XML) here"
    )
    p.set_defaults(run=_cmd_export, sub=p)


def add_review_option(p: argparse.ArgumentParser) -> None:
    """``gongmun extract --review DIR``."""
    p.add_argument(
        "--review",
        metavar="DIR",
        help="also write review pages of every document into DIR as it goes (see gongmun review)",
    )


class ExtractReview:
    """The review site an extraction writes as it goes; errors as the JSONL writer's."""

    def __init__(self, site: ReviewSite, resumed: str | None = None) -> None:
        self.site = site
        self.resumed = resumed

    @classmethod
    def problem(cls, out: str) -> str | None:
        """Why ``--review DIR`` cannot be used, or None."""
        from gongmun.review.site import site_problem

        return site_problem(Path(out))

    @classmethod
    def open(cls, out: str, resumed: str | None = None) -> ExtractReview:
        """Start the site in ``out`` (checked with :meth:`problem` first). ``resumed``: the
        JSONL a ``--resume`` run adds to, whose earlier records the site shows too."""
        from gongmun.review.site import ReviewSite, SiteError

        try:
            return cls(ReviewSite(out), resumed)
        except SiteError as e:
            raise OutputError(out, str(e)) from e

    def add_json(self, line: str, path: str) -> None:
        """Add the record a worker serialized (one JSONL line)."""
        from gongmun.review.records import parse_line
        from gongmun.review.site import SiteError

        record = parse_line(line, shown(path), Path.cwd())
        try:
            if record is not None:
                self.site.add(record)
        except SiteError as e:
            raise OutputError(str(self.site.out), str(e)) from e

    def close(self) -> None:
        """Write the final index (of the whole output, for a resumed run)."""
        from gongmun.review.records import read_jsonl
        from gongmun.review.site import SiteError

        try:
            if self.resumed is not None:
                self.site.rebuild(read_jsonl(self.resumed))
            self.site.close()
        except SiteError as e:
            raise OutputError(str(self.site.out), str(e)) from e
