"""Typed errors raised by Marsad.

Every error derives from :class:`MarsadError` and from the built-in exception
that fits it, so callers can catch either. Messages name the input and the
reason, with a stable code (``[E001]``) that the docs list.
"""


class MarsadError(Exception):
    """Root of all Marsad errors."""


class OffsetError(MarsadError, IndexError):
    """A span falls outside the text it claims to point into."""


class InputError(MarsadError, ValueError):
    """An input (file, record, URL) cannot be read as an article.

    Parameters
    ----------
    source : str
        The input path, URL or ``"-"`` for stdin.
    reason : str
        Why it failed, in plain words.
    record_no : int or None
        1-based record number within a multi-record input.
    """

    def __init__(self, source: str, reason: str, record_no: int | None = None):
        self.source = str(source)
        self.reason = reason
        self.record_no = record_no
        where = self.source if record_no is None else f"{self.source} record {record_no}"
        super().__init__(f"{where}: {reason}")


class DataFileError(MarsadError, ValueError):
    """A bundled or user-supplied data file (lexicon, dictionary) is invalid."""


class StoreError(MarsadError, RuntimeError):
    """The event store cannot be opened or written."""


class UsageError(MarsadError, ValueError):
    """A command or API was called with invalid options."""
