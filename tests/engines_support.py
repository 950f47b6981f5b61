"""Helpers for the engine tests: test documents that crash, hang or raise."""

from collections.abc import Iterator

import pytest

from gongmun.engines import isolate
from gongmun.engines.worker import POISON_ENV

CRASH = b"GONGMUN-TEST-CRASH this document kills its process"
HANG = b"GONGMUN-TEST-HANG this document never finishes"
RAISE = b"GONGMUN-TEST-RAISE this document raises"


@pytest.fixture
def poison(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Turn the test documents on, in fresh worker processes that see the variable."""
    monkeypatch.setenv(POISON_ENV, "1")
    isolate.shutdown()
    yield
    isolate.shutdown()
