"""Review what gongmun extracted: a static site showing every record in its document
(``gongmun review``), and Label Studio pre-annotations (``gongmun export``).

>>> from gongmun.review import ReviewSite, read_jsonl  # doctest: +SKIP
>>> site = ReviewSite("out-review")  # doctest: +SKIP
>>> for record in read_jsonl("out.jsonl"):  # doctest: +SKIP
...     site.add(record)
>>> site.close()  # doctest: +SKIP
"""

from gongmun.review.records import Unshown, read_jsonl
from gongmun.review.site import ReviewSite, SiteError, site_problem

__all__ = ["ReviewSite", "SiteError", "Unshown", "read_jsonl", "site_problem"]
