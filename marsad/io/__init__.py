"""Reading and cleaning: any news input to cleaned :class:`~marsad.doc.Doc` objects.

This is the stage before the pipeline. :func:`iter_docs` streams articles
from files, directories, zip archives, standard input and URLs; the
``doc_from_*`` builders turn one article in a known shape into a ``Doc``
whose ``text`` (headline, blank line, body) is what every later offset
refers to, with the input kept in ``raw``. See ``docs/inputs.md``.
"""

from marsad.io.articles import doc_from_html, doc_from_record, doc_from_text
from marsad.io.clean import CleanResult, Removed, clean_scraped_text
from marsad.io.fetch import fetch_url
from marsad.io.sources import iter_docs

__all__ = [
    "CleanResult",
    "Removed",
    "clean_scraped_text",
    "doc_from_html",
    "doc_from_record",
    "doc_from_text",
    "fetch_url",
    "iter_docs",
]
