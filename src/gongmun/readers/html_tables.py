"""Data of the HTML reader: which elements hold an article body and which are boilerplate.

Ids and classes below were read from saved Korean news and 정책브리핑 (korea.kr) pages
and the usual CMS names; matching is by whole class token or id, case-insensitive.
"""

from __future__ import annotations

from typing import Final

# Containers that hold the article body, best first.
BODY_MARKERS: Final[tuple[str, ...]] = (
    "articlebody",
    "article_body",
    "article-body",
    "articebody",
    "article_txt",
    "article-txt",
    "articletxt",
    "article_content",
    "article-content",
    "articlecontent",
    "article-view-content-div",
    "news_body",
    "news-body",
    "newsbody",
    "news_content",
    "newsct_article",
    "newsendcontents",
    "dic_area",
    "view_cont",
    "view_content",
    "viewcontent",
    "view-con",
    "rns_text",
    "cont_view",
    "entry-content",
    "post-content",
)

# Elements never part of the article text.
SKIP_TAGS: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
    }
)
BOILERPLATE_TAGS: Final = frozenset(
    {"nav", "header", "footer", "aside", "form", "button", "select", "input", "menu", "dialog"}
)
# Class/id tokens (substring match) of page furniture inside or around the body.
BOILERPLATE_MARKERS: Final[tuple[str, ...]] = (
    "share",
    "sns",
    "social",
    "related",
    "copyright",
    "byline",
    "reporter",
    "banner",
    "advert",
    "comment",
    "breadcrumb",
    "popular",
    "ranking",
    "subscribe",
    "footer",
    "gnb",
    "lnb",
    "snb",
    "skip",
)

VOID_TAGS: Final = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Elements that end a line of text.
BLOCK_TAGS: Final = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "caption",
        "figcaption",
        "address",
        "hr",
        "br",
    }
)
CELL_TAGS: Final = frozenset({"td", "th"})

# Charset names in ``<meta charset>`` that Python spells differently or decodes wrongly.
CHARSET_ALIASES: Final[dict[str, str]] = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ksc5601": "cp949",
    "x-windows-949": "cp949",
    "windows-949": "cp949",
}
