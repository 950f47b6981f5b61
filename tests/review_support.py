"""Helpers for the review tests: a tiny DOM from HTML (stdlib only) and headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "col", "base"}


@dataclass
class Element:
    """An element with its attributes and children (text nodes are str)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        """textContent."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        """This element and all below it, in document order."""
        out = [self]
        for c in self.children:
            if isinstance(c, Element):
                out.extend(c.iter())
        return out

    def find_id(self, ident: str) -> Element | None:
        """The element with ``id``."""
        return next((e for e in self.iter() if e.attrs.get("id") == ident), None)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """The DOM of ``html``."""
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def records_in(root: Element) -> list[Element]:
    """Every record element (``data-kind`` and ``data-index``) below ``root``."""
    return [e for e in root.iter() if "data-kind" in e.attrs and "data-index" in e.attrs]


def chromium() -> str | None:
    """The headless browser, when installed (Debian: ``chromium``)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], url: str) -> subprocess.CompletedProcess[str]:
    exe = chromium()
    assert exe is not None
    with tempfile.TemporaryDirectory(prefix="gongmun-chromium-") as profile:
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *args,
            url,
        ]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def dump_dom(path: Path, query: str = "") -> str:
    """The DOM of a page after its scripts ran (``--dump-dom``)."""
    return _run(["--dump-dom"], path.absolute().as_uri() + query).stdout


def screenshot(path: Path, png: Path, query: str = "", size: str = "1400,1000") -> None:
    """A PNG of a page as a person sees it."""
    _run([f"--screenshot={png}", f"--window-size={size}"], path.absolute().as_uri() + query)
