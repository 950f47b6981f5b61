"""What a web page says about itself in markup: its publication date and its title.

The date comes from, in order: ``<meta property="article:published_time">`` and the
other publication-date meta names (:data:`~gongmun.readers.html_tables.DATE_META_NAMES`),
JSON-LD ``datePublished``, then ``<time datetime>`` (one marked ``itemprop=
"datePublished"`` or ``pubdate`` first). The calendar date is taken as written, without
moving it to another time zone: ``2025-04-09T23:30:00+09:00`` is 9 April.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Final

from gongmun.readers.html_body import is_boilerplate, outside_furniture
from gongmun.readers.html_tables import DATE_META_NAMES
from gongmun.readers.html_tree import Chunk, Node, Page, iter_nodes, plain

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?:(?P<s>[-./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})|(?P<m2>\d\d)(?P<d2>\d\d))"
    r"(?!\d)"
)
_SPACES = re.compile(r"\s+")
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# How deep a JSON-LD value is searched for datePublished.
_MAX_JSON_DEPTH: Final = 12


def parse_date(value: str) -> dt.date | None:
    """The calendar date at the start of an ISO-like date string, or None.

    >>> parse_date("2025-04-09T23:30:00+09:00"), parse_date("20250409"), parse_date("어제")
    (datetime.date(2025, 4, 9), datetime.date(2025, 4, 9), None)
    """
    m = _DATE.match(value.strip())
    if not m:
        return None
    month = m.group("m") or m.group("m2")
    day = m.group("d") or m.group("d2")
    try:
        return dt.date(int(m.group("y")), int(month), int(day))
    except ValueError:
        return None


def find_published(page: Page) -> dt.date | None:
    """The page's publication date from its markup (module doc), or None.

    >>> from gongmun.readers.html_tree import parse
    >>> tag = '<meta property="article:published_time" content="2025-04-09T11:00:00+09:00">'
    >>> find_published(parse(tag))
    datetime.date(2025, 4, 9)
    """
    nodes = iter_nodes(page.root)
    for n in nodes:
        if n.tag == "meta":
            name = (
                n.attrs.get("property") or n.attrs.get("name") or n.attrs.get("itemprop") or ""
            ).lower()
            if name in DATE_META_NAMES:
                date = parse_date(n.attrs.get("content", ""))
                if date is not None:
                    return date
    for script in page.jsonld:
        date = _jsonld_date(script)
        if date is not None:
            return date
    times = [n for n in nodes if n.tag == "time" and n.attrs.get("datetime")]
    marked = [
        n
        for n in times
        if n.attrs.get("itemprop", "").lower() == "datepublished" or "pubdate" in n.attrs
    ]
    free = {id(n) for n in outside_furniture(page.root)}
    for n in marked + [t for t in times if id(t) in free]:
        date = parse_date(n.attrs["datetime"])
        if date is not None:
            return date
    return None


def _jsonld_date(script: str) -> dt.date | None:
    try:
        data = json.loads(script)
    except (ValueError, RecursionError):
        return None
    for value in _values_of(data, "datePublished"):
        if isinstance(value, str):
            date = parse_date(value)
            if date is not None:
                return date
    return None


def _values_of(data: object, key: str) -> Iterator[object]:
    """Every value of ``key`` in nested JSON (``@graph`` lists included), outermost first."""
    todo: list[tuple[object, int]] = [(data, 0)]
    while todo:
        item, depth = todo.pop(0)
        if depth > _MAX_JSON_DEPTH:
            continue
        if isinstance(item, dict):
            if key in item:
                yield item[key]
            todo.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            todo.extend((v, depth + 1) for v in item if isinstance(v, dict | list))


def find_title(root: Node, source: str) -> tuple[str, list[Chunk]]:
    """The page's title and the chunks of the page that show it.

    ``og:title`` first, then the first ``<h1>``, then ``<title>``. An ``og:title`` is an
    attribute, so its one chunk is the attribute's value in the start tag.
    """
    for n in iter_nodes(root):
        if n.tag == "meta" and n.attrs.get("property", "").lower() == "og:title":
            title = n.attrs.get("content", "").strip()
            return title, _attribute_chunks(n, source, title)
    for tag in ("h1", "title"):
        for n in iter_nodes(root):
            if n.tag == tag and not is_boilerplate(n):
                from gongmun.readers.html_tree import chunks

                return _SPACES.sub(" ", plain(n)).strip(), chunks(n)
    return "", []


def _attribute_chunks(node: Node, source: str, value: str) -> list[Chunk]:
    """The ``content`` value of a start tag as one chunk, linear when written plainly."""
    m = _CONTENT.search(source, node.start, node.tag_end)
    if not m:
        return []
    group = next(g for g in (1, 2, 3) if m.group(g) is not None)
    start, end = m.start(group), m.end(group)
    raw = source[start:end]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    if raw.strip() == value:
        return [Chunk(value, start + lead, end - trail)]
    return [Chunk(value, start, end)]
