"""Imported once by the batch fork server: load what every worker needs before forking.

Workers fork from the server, so the Kiwi model (~350 MB, seconds to load) is loaded
once and its pages are shared copy-on-write instead of being loaded again per worker.
Kiwi runs without native threads (see :func:`gongmun._kiwi.kiwi`), which makes the fork
safe.
"""

from __future__ import annotations

import gongmun.batch  # noqa: F401  (the workers' code, imported once)
from gongmun._kiwi import kiwi

kiwi()
