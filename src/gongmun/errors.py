"""Errors gongmun raises. Odd text never raises: only input that cannot be read does."""

from __future__ import annotations


class GongmunError(Exception):
    """Base class of every error gongmun raises on purpose."""


class InputError(GongmunError):
    """A document that cannot be read; ``str()`` is ``"{path}: {problem}"``.

    ``code`` is a stable snake_case name (``not_found``, ``encrypted_pdf``...) that batch
    output and error records carry; the message may change between releases.
    """

    def __init__(self, path: str, problem: str, code: str = "unreadable") -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.code = code
