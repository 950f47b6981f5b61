"""The stderr progress line: only on a terminal, and messages do not garble it."""

import io

from gongmun.batch import Progress
from gongmun.progress import ProgressLine


def _p(done: int, total: int = 4) -> Progress:
    return Progress(done, total, 0, done * 100, total * 100, elapsed=float(done))


def test_nothing_but_messages_when_not_a_terminal() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream, enabled=False)
    line.update(_p(1))
    line.message("gongmun: a.pdf: encrypted (encrypted_pdf)")
    line.close()
    assert stream.getvalue() == "gongmun: a.pdf: encrypted (encrypted_pdf)\n"


def test_a_message_clears_and_redraws_the_line() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream, enabled=True, interval=0.0)
    line.update(_p(1))
    line.message("실패 한 건")
    line.update(_p(4))
    line.close()
    text = stream.getvalue()
    assert text.startswith("\r\x1b[K1/4 documents, 1.0 docs/s, 0.00 MB/s, ETA 3.0s")
    assert "\r\x1b[K실패 한 건\n1/4 documents" in text
    assert "4/4 documents" in text
    assert "ETA" not in text.split("4/4 documents")[1]
    assert text.endswith("\r\x1b[K")
