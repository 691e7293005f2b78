# ruff: noqa: T201 - a command-line report: printing is its output
"""`make bench`: PainMap's pages against a bare-Django floor, on PostgreSQL, in one run.

1. Creates the database `painmap_bench` (PAINMAP_BENCH_DB) if missing, migrates and seeds it
   as `make serve` does, and starts two gunicorns with painmap/gunicorn.conf.py on 127.0.0.1:
   the floor (bench/floor.py) and PainMap.
2. Takes two simulated people through the MAP over HTTP: one stops part-way at movement_link (its session
   cookie opens a question page), one finishes (its cookie opens a results page).
3. Runs wrk against each target in interleaved rounds, the order reversed every other round,
   and reports the median req/s, p50 and p99, and each page's share of the floor.
4. Counts SQL queries and bytes per page in-process (bench/inprocess.py).

Environment: BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_CONNECTIONS (16),
BENCH_PROFILE=1 to print a cProfile of each page, GUNICORN_* to try other server settings.
Only ever 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.people import Person  # noqa: E402
from bench.server import HOST, PY, ROOT, Server, ensure_database, prepare, production_env  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WARMUP = 2
TARGETS = {"question": 0.5, "results": 0.35, "home": 0.5}  # share of the floor to reach
PAGE_WEIGHT_LIMIT = 60 * 1024


def wrk(url: str, cookie: str | None, duration: int) -> dict:
    assert url.startswith(f"http://{HOST}:"), url  # loopback only
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def cookie_header(person: Person) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in person.jar)


def main() -> None:
    database_url = ensure_database(os.environ.get("PAINMAP_BENCH_DB", "painmap_bench"))
    env = production_env(database_url)
    print(f"Preparing {database_url.rsplit('/', 1)[-1]} (migrate, collectstatic, seed)…")
    prepare(env)

    with Server("bench.floor:application", env) as floor, Server("painmap.wsgi", env) as app:
        print(f"floor on {floor.base}, PainMap on {app.base}: {len(app.worker_pids())} workers")
        partway = Person(app.base, seed=1)
        question_path = partway.start()
        partway.answer_all(question_path, stop_after=5)  # a typical one-choice page
        status, question_path, _ = partway.request(f"/map/{partway.key}/")
        finisher = Person(app.base, seed=2)
        finisher.answer_all(finisher.start())
        assert finisher.results_url, "the simulated person did not reach the results"

        pages = {
            "floor": (floor.base + "/", None),
            "home": (app.base + "/", None),
            "article": (app.base + "/guide/what-chronic-pain-is/", None),
            "question": (app.base + question_path, cookie_header(partway)),
            "results": (app.base + finisher.results_url, cookie_header(finisher)),
        }
        runs: dict[str, list[dict]] = {name: [] for name in pages}
        for round_number in range(ROUNDS):
            order = list(pages) if round_number % 2 == 0 else list(reversed(pages))
            for name in order:
                url, cookie = pages[name]
                wrk(url, cookie, WARMUP)
                runs[name].append(wrk(url, cookie, DURATION))
                last = runs[name][-1]
                print(f"  round {round_number + 1} {name:9} {last['rps']:9.1f} req/s")

    inprocess_pages = [
        {"name": "home", "path": "/", "cookies": {}},
        {"name": "article", "path": "/guide/what-chronic-pain-is/", "cookies": {}},
        {"name": "question", "path": question_path, "cookies": _cookies(partway)},
        {"name": "results", "path": finisher.results_url, "cookies": _cookies(finisher)},
    ]
    inproc = json.loads(
        subprocess.run(
            [PY, "bench/inprocess.py"],
            cwd=ROOT,
            env=env,
            input=json.dumps(inprocess_pages),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    report(runs, inproc)


def _cookies(person: Person) -> dict:
    return {c.name: c.value for c in person.jar}


def report(runs: dict, inproc: dict) -> None:
    floor_rps = statistics.median(run["rps"] for run in runs["floor"])
    lines = [
        f"PainMap benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC: {ROUNDS} interleaved "
        f"rounds × {DURATION} s, wrk -t2 -c{CONNECTIONS}, PostgreSQL, {os.cpu_count()} cores",
        "",
        "| page | req/s (median) | p50 ms | p99 ms | share of floor | target | SQL queries "
        "| HTML bytes | HTML+CSS+JS bytes | ms/request in-process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rounds in runs.items():
        rps = statistics.median(run["rps"] for run in rounds)
        share = statistics.median(
            run["rps"] / floor_run["rps"]
            for run, floor_run in zip(rounds, runs["floor"], strict=True)
        )
        target = TARGETS.get(name)
        verdict = "" if target is None else f"{target:.2f} {'✓' if share >= target else '✗'}"
        extra = inproc.get(name)
        lines.append(
            f"| {name} | {rps:,.1f} | {statistics.median(r['p50'] for r in rounds):.2f} "
            f"| {statistics.median(r['p99'] for r in rounds):.2f} | {share:.3f} | {verdict} "
            + (
                f"| {extra['queries']} | {extra['html_bytes']:,} | {extra['total_bytes']:,} "
                f"| {extra['ms_per_request']:.2f} |"
                if extra
                else "| 0 | 64 | 64 | – |"
            )
        )
    failures = {
        name: [(r["non_2xx"], r["socket_errors"]) for r in rounds if r["non_2xx"]]
        for name, rounds in runs.items()
    }
    lines.append("")
    lines.append(f"Floor median {floor_rps:,.1f} req/s. Share = median of per-round page ÷ floor.")
    if any(failures.values()):
        lines.append(f"Non-2xx responses: {failures}")
    weight = inproc["question"]["total_bytes"]
    lines.append(
        f"Question page weight {weight:,} bytes (HTML + CSS + JS, uncompressed): "
        f"{'under' if weight < PAGE_WEIGHT_LIMIT else 'OVER'} the 60 KB budget."
    )
    for name, extra in inproc.items():
        lines.append(f"SQL on {name}: " + " | ".join(extra["sql"]))
        if "profile" in extra:
            lines.append(f"\ncProfile, {name}:\n{extra['profile']}")
    text = "\n".join(lines)
    print(text)
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    (out / "bench.md").write_text(text + "\n")
    (out / "bench.json").write_text(json.dumps({"runs": runs, "inprocess": inproc}, indent=1))


if __name__ == "__main__":
    main()
