"""Imported once by the batch fork server: load what every worker needs before forking.

Workers fork from the server, so the Kiwi model (~350 MB, seconds to load) is loaded and
warmed (:func:`gongmun._kiwi.warm`: its first analysis sets up more of the model) once,
and its pages are shared copy-on-write instead of being loaded again per worker. Kiwi
runs without native threads (see :func:`gongmun._kiwi.kiwi`), which makes the fork
safe. A batch of one document preloads only the code (:data:`gongmun.pool.PRELOAD_CODE`):
its worker loads Kiwi only if a line join needs it.
"""

from __future__ import annotations

import gongmun.batch  # noqa: F401  (the workers' code, imported once)
from gongmun._kiwi import warm

warm()
