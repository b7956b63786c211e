"""HTML pages: main text and metadata with trafilatura, publication date from metadata only.

Why: trafilatura separates an article from navigation, headers, footers and share widgets
far better than hand-written rules, and reads title, site name and canonical URL. Its date
finder (htmldate) also guesses dates from the visible text and the URL; such a guess is not
what "metadata" means to our date records, so the date is read here, from markup the
publisher wrote for machines only: JSON-LD ``datePublished``, ``itemprop="datePublished"``
and publication-date meta tags (``article:published_time``, Dublin Core, ...). Anything
else is left to the temporal stage, which infers dates from the text with its reasons.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as PageDocument
from trafilatura.utils import load_html

from dyad.errors import BinaryInput, EmptyInput, UndecodableInput
from dyad.ingest.article import RawArticle
from dyad.ingest.textfile import body_and_title

# Meta tag names/properties that publishers use for the publication date, best first.
META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "date",
)
_DATE_VALUE = re.compile(r"^\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:$|[T\s])")


def parse_metadata_date(value: str) -> date | None:
    """The calendar date at the start of an ISO-like value ("2018-04-28T10:00+05:30",
    "2018/04/28", "20180428"), as written (no time-zone shift), or None."""
    match = _DATE_VALUE.match(value)
    if not match:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2100 else None


def _json_ld_dates(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in node.values():
            yield from _json_ld_dates(child)
    elif isinstance(node, list):
        for child in node:
            yield from _json_ld_dates(child)


def metadata_date(tree: HtmlElement) -> date | None:
    """The publication date the page declares in JSON-LD or meta tags, or None."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            if (found := parse_metadata_date(value)) is not None:
                return found
    for element in tree.xpath("//*[@itemprop]"):
        if element.get("itemprop", "").lower() == "datepublished":
            value = element.get("content") or element.get("datetime") or ""
            if (found := parse_metadata_date(value)) is not None:
                return found
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key and key not in metas:
            metas[key] = meta.get("content", "")
    for key in META_DATE_KEYS:
        if key in metas and (found := parse_metadata_date(metas[key])) is not None:
            return found
    return None


def read_html(path: Path) -> RawArticle:
    """Read one .html/.htm page."""
    name = str(path)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput(name, "the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInput(name, "contains NUL bytes: not an HTML page")
    tree = load_html(data)
    if tree is None:
        raise UndecodableInput(name, "could not be parsed as HTML")
    published = metadata_date(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False},
    )
    if not isinstance(document, PageDocument) or not (document.text or "").strip():
        raise EmptyInput(name, "no article text found in the page")
    body, title = body_and_title(document.text or "", document.title or None, reflow=False)
    if not body.strip():
        raise EmptyInput(name, "no article text left after removing site boilerplate")
    return RawArticle(
        text=body,
        path=name,
        title=title,
        outlet=document.sitename or None,
        url=document.url or None,
        published=published,
        published_source="metadata" if published is not None else None,
    )
