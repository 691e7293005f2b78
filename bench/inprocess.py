# ruff: noqa: T201 - a command-line report: printing is its output
"""In-process figures for each benchmarked page: SQL queries, bytes, service time, profile.

Run by `bench/run.py` with the production environment; reads a JSON list of pages on stdin
({"name", "path", "cookies"}) and prints a JSON object. Through Django's test Client there is
no HTTP server and no wrk, so the time is the service time of Django alone.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "painmap.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ASSET = re.compile(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def client_for(cookies: dict) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def measure(page: dict, repeat: int, profile: bool) -> dict:
    client = client_for(page["cookies"])
    response = client.get(page["path"])
    assert response.status_code == 200, (page["path"], response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page["path"])
    # Read them now: later requests may reconnect, which empties the connection's query log.
    sql = [q["sql"][:160] for q in queries.captured_queries]
    html = response.content
    assets = {}
    for url in sorted(set(ASSET.findall(html))):
        asset = client.get(url.decode())
        body = b"".join(asset.streaming_content) if asset.streaming else asset.content
        assets[url.decode()] = len(body)

    times = []
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            client.get(page["path"])
        times.append((time.perf_counter() - started) * 1000 / repeat)

    result = {
        "queries": len(sql),
        "sql": sql,
        "html_bytes": len(html),
        "assets": assets,
        "total_bytes": len(html) + sum(assets.values()),
        "ms_per_request": round(statistics.median(times), 3),
    }
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            client.get(page["path"])
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
        stats.print_stats(r"painmap|assessment|content|django/(template|db|middleware|contrib)", 25)
        result["profile"] = out.getvalue()
    return result


def main() -> None:
    pages = json.load(sys.stdin)
    repeat = int(os.environ.get("BENCH_INPROC_REPEAT", "200"))
    profile = os.environ.get("BENCH_PROFILE", "") not in ("", "0")
    print(json.dumps({page["name"]: measure(page, repeat, profile) for page in pages}))


if __name__ == "__main__":
    main()
