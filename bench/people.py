"""A simulated person taking the MAP over HTTP, as a browser without JavaScript would.

Standard library only. Used by `bench/run.py` (to get a session that owns an assessment) and
by `loadtest/run.py` (many people at once). Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

LOOPBACK = "127.0.0.1"


class QuestionPage(HTMLParser):
    """The bits of a page a person acts on: the form, its inputs, the CSRF token, links."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.csrf = None
        self.radios: list[str] = []
        self.checkboxes: list[tuple[str, bool]] = []  # (value, exclusive)
        self.number = False
        self.textarea = False
        self.buttons: list[str] = []
        self.links: list[str] = []
        self.button_links: list[str] = []  # <a class="button …">: the page's way on

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post" and self.action is None:
            self.action = unescape(a.get("action") or "")
        elif tag == "input":
            if a.get("name") == "csrfmiddlewaretoken":
                self.csrf = a.get("value")
            elif a.get("name") == "answer":
                kind = a.get("type", "text")
                if kind == "radio":
                    self.radios.append(a["value"])
                elif kind == "checkbox":
                    self.checkboxes.append((a["value"], "data-exclusive" in a))
                else:
                    self.number = True
        elif tag == "textarea" and a.get("name") == "answer":
            self.textarea = True
        elif tag == "button" and a.get("name") == "action":
            self.buttons.append(a.get("value", ""))
        elif tag == "a" and a.get("href"):
            self.links.append(unescape(a["href"]))
            if "button" in (a.get("class") or "").split():
                self.button_links.append(unescape(a["href"]))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Person:
    """One person in their own browser session. `seed` makes the answers reproducible."""

    base: str
    seed: int = 0
    timeout: float = 30.0
    answers: dict = field(default_factory=dict)  # item code -> what we last saved
    key: str | None = None
    results_url: str | None = None
    stopped_url: str | None = None  # where an emergency ended the journey
    requests: int = 0
    failures: list = field(default_factory=list)  # (path, error, monotonic time) of failures
    # Two tabs: a question the other tab's answer has hidden is a 404; counted, then the person
    # carries on from where the MAP is. None: a 404 is an error.
    stale_pages: int | None = None

    def __post_init__(self):
        host = urllib.parse.urlsplit(self.base).hostname
        if host != LOOPBACK:
            raise ValueError(f"refusing to drive {self.base}: loopback ({LOOPBACK}) only")
        self.rng = random.Random(self.seed)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    # ------------------------------------------------------------------ HTTP

    def request(self, path: str, data: list[tuple[str, str]] | None = None, retries: int = 3):
        """GET or POST; returns (status, final path, body). Follows redirects by hand.

        A request that fails at the connection level (a worker killed under it) is recorded
        and retried: every step of the MAP is safe to repeat.
        """
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": url} if body else {}
        for attempt in range(retries + 1):
            try:
                request = urllib.request.Request(url, data=body, headers=headers)
                self.requests += 1
                with self.opener.open(request, timeout=self.timeout) as response:
                    return response.status, urllib.parse.urlsplit(url).path, response.read()
            except urllib.error.HTTPError as exc:
                if exc.code in (301, 302, 303):
                    location = urllib.parse.urljoin(url, exc.headers["Location"])
                    return self.request(location, retries=retries)
                if exc.code >= 500 and attempt < retries:
                    self.failures.append(
                        (urllib.parse.urlsplit(url).path, f"HTTP {exc.code}", time.monotonic())
                    )
                    continue
                return exc.code, urllib.parse.urlsplit(url).path, exc.read()
            except (ConnectionError, http.client.HTTPException, urllib.error.URLError) as exc:
                self.failures.append(
                    (urllib.parse.urlsplit(url).path, type(exc).__name__, time.monotonic())
                )
                if attempt == retries:
                    raise
        raise AssertionError("unreachable")

    def submit(self, path: str, data: list[tuple[str, str]]):
        """POST a form as the person presses its button (a hook: the load test presses twice)."""
        return self.request(path, data)

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    # ------------------------------------------------------------------ the journey

    def start(self) -> str:
        """Open the MAP start page and press Start; returns the first question's path."""
        status, _, html = self.request("/map/")
        page = parse(html)
        if status != 200 or page.csrf is None:
            raise RuntimeError(f"start page: HTTP {status}")
        status, path, _ = self.request("/map/start/", [("csrfmiddlewaretoken", page.csrf)])
        match = re.match(r"^/map/([A-Za-z0-9_-]{20,64})/", path)
        if status != 200 or not match:
            raise RuntimeError(f"start: HTTP {status} at {path}")
        self.key = match.group(1)
        return path

    def choose(self, code: str, page: QuestionPage) -> tuple[list[str], str]:
        """Pick an answer like a person would: (values of `answer`, action)."""
        rng = self.rng
        if page.radios:
            if code == "self_harm":
                return ["no"] if "no" in page.radios else [page.radios[-1]], "continue"
            return [rng.choice(page.radios)], "continue"
        if page.checkboxes:
            plain = [value for value, exclusive in page.checkboxes if not exclusive]
            exclusive = [value for value, exclusive in page.checkboxes if exclusive]
            # Red flags: "none of these" keeps the person on the main path.
            if exclusive and (code == "red_flags" or not plain or rng.random() < 0.3):
                return [exclusive[0]], "continue"
            return rng.sample(plain, k=rng.randint(1, min(3, len(plain)))), "continue"
        if page.number:
            return [str(rng.randint(0, 10))], "continue"
        if page.textarea:
            return [rng.choice(["", "Worse after long walks — é ü ☂", "Knee and lower back"])], (
                "continue"
            )
        return [], "skip"

    def answer_all(self, first_path: str, stop_after: int | None = None) -> None:
        """Answer questions until check answers (or `stop_after` questions), then finish."""
        path = first_path
        answered = 0
        while True:
            status, path, html = self.request(path)
            if status == 404 and self.stale_pages is not None and "/q/" in path:
                # Another tab's answer hid this question: carry on from where the MAP is.
                self.stale_pages += 1
                path = f"/map/{self.key}/"
                continue
            if status != 200:
                raise RuntimeError(f"HTTP {status} at {path}")
            page = parse(html)
            question = re.match(r"^/map/[^/]+/q/([a-z0-9_-]+)/$", path)
            if question:
                if stop_after is not None and answered >= stop_after:
                    return
                code = question.group(1)
                values, action = self.choose(code, page)
                data = [("csrfmiddlewaretoken", page.csrf), *(("answer", v) for v in values)]
                data.append(("action", action))
                status, new_path, html = self.submit(page.action or path, data)
                if new_path == path:
                    # Shown again with an error (a number out of range): skip instead.
                    page = parse(html)
                    status, new_path, html = self.request(
                        page.action or path,
                        [("csrfmiddlewaretoken", page.csrf), ("action", "skip")],
                    )
                    values, action = [], "skip"
                self.answers[code] = None if action == "skip" else values
                answered += 1
                path = new_path
                continue
            if path.endswith("/support/"):
                # Crisis support, once: its Continue posts (the page is marked as seen).
                status, path, _ = self.submit(path, [("csrfmiddlewaretoken", page.csrf)])
                continue
            if path.endswith("/stop/"):
                if not page.button_links:
                    # An emergency ends the journey: no way on, only "I ticked this by mistake".
                    self.stopped_url = path
                    return
                # Urgent: go on with the page's Continue button (its Back and "change my
                # answer" links lead to the question again, a loop).
                path = page.button_links[0]
                continue
            if path.endswith("/check/"):
                status, path, _ = self.submit(path, [("csrfmiddlewaretoken", page.csrf)])
                continue
            if path.endswith("/results/"):
                self.results_url = path
                return
            raise RuntimeError(f"unexpected page {path}")


def parse(html: bytes) -> QuestionPage:
    page = QuestionPage()
    page.feed(html.decode("utf-8", "replace"))
    return page
