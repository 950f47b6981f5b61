"""Read a hostile file in a forked child with a memory ceiling and a deadline.

A reader that hangs or fills memory must fail its test, not the test run: the child
gets an address-space limit above what it already maps and a generous deadline; its
outcome (error code or "ok") and the memory the read added come back. These are
robustness bounds (the unbounded readers took GBs and minutes), not benchmarks.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Room the read may add to the child's address space, and its deadline.
EXTRA_ADDRESS_SPACE = 1536 * 1024**2
DEADLINE_S = 60.0


@dataclass(frozen=True)
class Outcome:
    """What reading the file ended with: ``code`` ("ok" or the error code) and the
    resident memory the read added (MiB)."""

    code: str
    peak_mib: int
    detail: dict[str, Any]


def _mapped_bytes() -> int:
    with Path("/proc/self/status").open() as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(path: str) -> dict[str, Any]:
    from gongmun.errors import InputError
    from gongmun.readers import read_path

    limit = _mapped_bytes() + EXTRA_ADDRESS_SPACE
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        raw = read_path(path)
        out: dict[str, Any] = {
            "code": "ok",
            "chars": len(raw.text),
            "tables": len(raw.tables),
            "warnings": [c for c, _ in raw.warnings],
        }
    except InputError as e:
        out = {"code": e.code, "message": str(e)}
    except BaseException as e:  # MemoryError and the like: the test fails on it
        out = {"code": f"crash:{type(e).__name__}", "message": str(e)[:500]}
    out["peak_mib"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
    return out


def read_bounded(path: Path | str) -> Outcome:
    """Read ``path`` in a bounded child; fail the test on a hang or a crash."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(r)
        try:
            data = json.dumps(_child(str(path))).encode()
            os.write(w, data[:60000])
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + DEADLINE_S
    status = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        raise AssertionError(f"reading {path} did not end within {DEADLINE_S:.0f} s")
    with os.fdopen(r, "rb") as f:
        data = f.read()
    assert data, f"reading {path} killed the reader (status {status})"
    out = json.loads(data)
    assert not str(out["code"]).startswith("crash:"), out
    return Outcome(str(out["code"]), int(out["peak_mib"]), out)
