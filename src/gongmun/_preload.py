"""Imported once by the batch fork server: load what every worker needs before forking.

Workers fork from the server, so the Kiwi model (~350 MB, seconds to load) is loaded and
warmed (:func:`gongmun._kiwi.warm`: its first analysis sets up more of the model) once,
and its pages are shared copy-on-write instead of being loaded again per worker. Kiwi
runs without native threads (see :func:`gongmun._kiwi.kiwi`), which makes the fork
safe. A batch of one document preloads only the code (:data:`gongmun.pool.PRELOAD_CODE`):
its worker loads Kiwi only if a line join needs it.
"""

from __future__ import annotations

import contextlib
import importlib

from gongmun._kiwi import warm

importlib.import_module("gongmun._preload_code")  # the workers' code, imported once

# A batch of many documents likely holds PDFs: pdfplumber and pdfminer are imported once
# here rather than by every worker that meets one.
for name in ("pdfplumber", "gongmun.readers.pdf_layout"):
    with contextlib.suppress(ImportError):
        importlib.import_module(name)

warm()
