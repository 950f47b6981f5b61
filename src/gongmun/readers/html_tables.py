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
    # The WHATWG labels of EUC-KR, which browsers decode as windows-949.
    "euckr": "cp949",
    "cseuckr": "cp949",
    "korean": "cp949",
    "ks_c_5601-1989": "cp949",
    "iso-ir-149": "cp949",
    "csksc56011987": "cp949",
    "x-euc-kr": "cp949",
    "ks_c_5601": "cp949",
}

# Inline elements: their text is part of the paragraph of the block around them.
INLINE_TAGS: Final = frozenset(
    {
        "a",
        "abbr",
        "b",
        "big",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "img",
        "label",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "wbr",
    }
)

# <meta> names (property, name or itemprop; lower-cased) that give the publication date.
DATE_META_NAMES: Final = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "published_time",
        "article.published",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.issued",
        "date",
    }
)

# Charsets a page may declare that are never what it is really in, or unsafe to honour
# (UTF-7 can hide markup and yields lone surrogates): detection decides instead.
IGNORED_CHARSETS: Final = frozenset({"utf-7", "utf7", "x-user-defined", "replacement"})

# Words of a site's copyright and footer lines: a paragraph holding one is page
# furniture wherever it sits (it counts against the element around it).
FURNITURE_WORDS: Final[tuple[str, ...]] = (
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "무단전재",
    "무단 전재",
    "재배포 금지",
    "재배포금지",
    "All rights reserved",
    "All Rights Reserved",
    "개인정보처리방침",
    "개인정보 처리방침",
)
