"""Editors write Markdown; the public sees it as sanitised HTML."""

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def normalise_newlines(text: str) -> str:
    """Line breaks as LF. Browsers send a textarea's line breaks as CRLF (the HTML standard says
    so) while the seed and the database keep LF: without this, saving a page nobody touched
    records a change to every line of it in the history."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to show, whatever an editor (or an attacker) typed."""
    html = md.markdown(
        normalise_newlines(text or ""), extensions=["extra", "sane_lists"], output_format="html"
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
