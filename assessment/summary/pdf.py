"""HTML to PDF with WeasyPrint, reading only this site's static files.

The summary template is rendered to HTML first (with `pdf` set), then laid out here. WeasyPrint
would happily fetch any URL it meets; the fetcher below serves files from the static folders and
refuses everything else, so making a PDF never touches the network or the rest of the disk.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

# A made-up origin: relative and root-relative URLs in the HTML resolve against it, and only
# its static path is served. `.invalid` can never resolve (RFC 2606).
PDF_ORIGIN = "https://pdf.painmap.invalid"


# The stylesheet is written for browsers; WeasyPrint warns about every rule it does not use
# (hover, forced colours, SVG paint). Those warnings are expected, so only errors are logged.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class RefusedURL(ValueError):
    """A resource the PDF may not load."""


def static_file(path: str) -> Path | None:
    """The file behind a static path such as ``css/painmap.css``, or None."""
    path = unquote(path).lstrip("/")
    if not path or ".." in Path(path).parts:
        return None
    # The source folders first, so a stale collectstatic copy never wins; then the collected
    # files, where the hashed names of the manifest storage live.
    found = finders.find(path)
    if found:
        return Path(found)
    try:
        if staticfiles_storage.exists(path):
            return Path(staticfiles_storage.path(path))
    except NotImplementedError:  # a storage without local files
        pass
    return None


def fetch_static(url: str) -> tuple[bytes, str]:
    """Serve ``<PDF_ORIGIN><STATIC_URL>...`` from the static files; refuse anything else."""
    parts = urlsplit(url)
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    origin = f"{parts.scheme}://{parts.netloc}"
    if origin != PDF_ORIGIN or not parts.path.startswith(static_prefix):
        raise RefusedURL(f"the PDF may only load this site's static files, not {url}")
    found = static_file(parts.path[len(static_prefix) :])
    if found is None:
        raise RefusedURL(f"no static file at {parts.path}")
    mime_type, _ = mimetypes.guess_type(found.name)
    return found.read_bytes(), mime_type or "application/octet-stream"


def _fetcher():
    """A WeasyPrint URL fetcher built on `fetch_static`."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # newer WeasyPrint (70): a fetcher class

        class StaticOnlyFetcher(urls.URLFetcher):
            def fetch(self, url, headers=None):
                body, mime_type = fetch_static(url)
                return urls.URLFetcherResponse(url, body, {"Content-Type": mime_type})

        return StaticOnlyFetcher()

    def fetcher(url, *args, **kwargs):  # earlier versions: a function returning a dict
        body, mime_type = fetch_static(url)
        return {"string": body, "mime_type": mime_type, "redirected_url": url}

    return fetcher


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # The <title> and <meta> tags become the PDF's metadata (title, author, subject, creator).
    # PDF/UA: a tagged PDF with its language set, so screen readers follow the reading order.
    document = HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=_fetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
