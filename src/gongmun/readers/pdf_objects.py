"""Page objects described as pdfplumber describes them, characters without its generic steps.

pdfplumber's ``Page.process_object`` turns each pdfminer object into a dictionary through
generic steps: a regular expression to name the kind, a closure and ``resolve_all`` for
every attribute, the colour space's name decoded character by character again for every
glyph. Characters are most of a page's objects and all alike, so :func:`describer` builds
theirs directly: the same keys in the same order with the same values (the tests compare
the two on every character of the repository's PDFs). Every other object (lines, rects,
curves, images) goes through pdfplumber's own method.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdfminer.layout import LTChar

Describe = Callable[[Any], dict[str, Any]]

# Attribute values that ``resolve_all`` gives back as they are.
_PLAIN = frozenset({float, int, str, bool, type(None)})


def describer(page: Any) -> Describe:
    """``page.process_object``, faster for characters; bound to one pdfplumber page."""
    from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
    from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

    generic: Describe = page.process_object
    if page.pdf.unicode_norm is not None:
        return generic  # text normalized per character: pdfplumber's own steps
    number = page.page_number
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    doctop = page.initial_doctop
    # Colour space names (DeviceCMYK…), decoded once each instead of once a glyph.
    names: dict[str, Any] = {}

    def space(name: Any) -> Any:
        if type(name) is not str:
            return resolve_and_decode(name)
        found = names.get(name)
        if found is None:
            found = names[name] = resolve_and_decode(name)
        return found

    def describe(obj: Any) -> dict[str, Any]:
        if type(obj) is not LTChar:
            return generic(obj)
        attr = {
            k: v if type(v) in _PLAIN else resolve_all(v)
            for k, v in obj.__dict__.items()
            if k in ALL_ATTRS
        }
        attr["object_type"] = "char"
        attr["page_number"] = number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = space(getattr(obj, cs).name)
        attr["text"] = obj.get_text()
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        if "y0" in attr:
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    return describe
