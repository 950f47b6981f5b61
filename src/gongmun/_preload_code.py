"""Imported by the batch fork server before it forks workers: the code every document needs.

:mod:`gongmun.batch` imports the models, the pipeline and the readers only where they are
used, so that the CLI's own process (which only hands out documents and writes the JSON
sent back) starts fast. The workers need all of them: the fork server imports them here,
once, and every worker it forks has them.
"""

from __future__ import annotations

import importlib

# The workers' entry points, the records' models and everything the pipeline runs.
MODULES = ("gongmun.batch", "gongmun.models", "gongmun.pipeline", "gongmun.readers")

for _name in MODULES:
    importlib.import_module(_name)
