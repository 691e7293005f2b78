# ruff: noqa: T201 - a command-line report: printing is its output
"""`make loadtest`: many people take the MAP at once on gunicorn + PostgreSQL; one worker dies.

Starts PainMap as `make serve` does (database `painmap_load`, created if missing) on
127.0.0.1, sends LOAD_PEOPLE simulated people (40) through the whole MAP with LOAD_CONCURRENCY
(16) at a time, and SIGKILLs one gunicorn worker once a third of them have started. Then it
checks, in the database, that:

* every person who reached their results has a completed assessment;
* its stored answers are exactly what that person last submitted, question by question;
* its stored result equals the score recomputed from those answers;
* no request failed except the ones the killed worker held (each retried and then succeeded).

Prints the figures and exits non-zero on any inconsistency. Loopback only; bounded in time.
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.people import Person  # noqa: E402
from bench.server import ROOT, Server, ensure_database, prepare, production_env  # noqa: E402

PEOPLE = int(os.environ.get("LOAD_PEOPLE", "40"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
DEADLINE = int(os.environ.get("LOAD_DEADLINE", "240"))  # seconds, a safety net only


def run_person(base: str, seed: int, started: threading.Event | None) -> Person:
    person = Person(base, seed=seed)
    begun = time.monotonic()
    first = person.start()
    if started is not None:
        started.set()
    person.answer_all(first)
    person.elapsed = time.monotonic() - begun
    return person


def verify(people: list[Person], env: dict[str, str]) -> list[str]:
    """Compare the database with what each person did; return the problems found."""
    os.environ.update(env)
    import django

    django.setup()
    from assessment.journey.services import stored_answers
    from assessment.models import Assessment
    from assessment.rules.scoring import result_for
    from assessment.spec_loader import spec_for

    problems = []
    for person in people:
        assessment = Assessment.objects.select_related("questionnaire").filter(key=person.key)
        assessment = assessment.first()
        if assessment is None:
            problems.append(f"person {person.seed}: assessment missing")
            continue
        if not assessment.is_complete:
            problems.append(f"person {person.seed}: reached results but not complete")
            continue
        stored = stored_answers(assessment)
        spec = spec_for(assessment.questionnaire)
        for code, sent in person.answers.items():
            item = spec.by_code[code]
            expected = None if sent is None else _as_stored(item, sent)
            if stored.get(code, "missing") != expected:
                problems.append(
                    f"person {person.seed}: {code} stored {stored.get(code, 'missing')!r}, "
                    f"sent {expected!r}"
                )
        extra = set(stored) - set(person.answers)
        if extra:
            problems.append(f"person {person.seed}: answers nobody sent: {sorted(extra)}")
        if result_for(spec, stored).to_dict() != assessment.result:
            problems.append(f"person {person.seed}: stored result differs from the recomputed one")
    return problems


def _as_stored(item, sent: list[str]):
    from assessment.rules.answers import clean_answer

    if item.kind == "multi":
        return clean_answer(item, sent)
    if item.kind == "number":
        return clean_answer(item, int(sent[0]))
    if item.kind == "text":
        return clean_answer(item, sent[0]) if sent and sent[0].strip() else None
    return clean_answer(item, sent[0])


def main() -> int:
    database_url = ensure_database(os.environ.get("PAINMAP_LOAD_DB", "painmap_load"))
    # The rate limit on starting assessments would stop 40 "people" from one address.
    env = production_env(database_url, PAINMAP_RATE_START="100000/h")
    print(f"Preparing {database_url.rsplit('/', 1)[-1]}…")
    prepare(env)
    log = open(ROOT / "artifacts" / "loadtest-gunicorn.log", "w")  # noqa: SIM115
    killed: list[int] = []
    killed_at: list[float] = []
    with Server("painmap.wsgi", env, log=log) as server:
        workers = server.worker_pids()
        print(
            f"PainMap on {server.base}: workers {workers}; {PEOPLE} people, {CONCURRENCY} at once"
        )
        third = threading.Event()
        count = {"started": 0}
        lock = threading.Lock()

        def one(seed):
            with lock:
                count["started"] += 1
                signal_third = count["started"] == max(1, PEOPLE // 3)
            return run_person(server.base, seed, third if signal_third else None)

        def killer():
            if third.wait(timeout=DEADLINE):
                time.sleep(0.5)  # mid-request, mid-run
                victim = server.worker_pids()[0]
                killed_at.append(time.monotonic())
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        threading.Thread(target=killer, daemon=True).start()
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            futures = [pool.submit(one, seed) for seed in range(1000, 1000 + PEOPLE)]
            people, crashed = [], []
            for future in futures:
                try:
                    people.append(future.result(timeout=DEADLINE))
                except Exception as exc:  # noqa: BLE001 - reported below
                    crashed.append(repr(exc))
        wall = time.monotonic() - began
        workers_after = server.worker_pids()

    requests = sum(p.requests for p in people)
    failures = [f for p in people for f in p.failures]
    # The killed worker's requests fail at the moment it dies, as dropped connections. Any
    # other failure (an HTTP 5xx, or a dropped connection later on) is a real problem.
    held = [
        f
        for f in failures
        if killed_at
        and f[1] != "HTTPError"
        and not f[1].startswith("HTTP ")
        and killed_at[0] - 0.05 <= f[2] <= killed_at[0] + 2
    ]
    other = [f[:2] for f in failures if f not in held]
    problems = verify(people, env)
    complete = sum(1 for p in people if p.results_url)
    elapsed = statistics.median(p.elapsed for p in people)
    print(
        f"\n{len(people)} people finished in {wall:.1f} s: {requests} requests, "
        f"{requests / wall:.1f} req/s; per person median {elapsed:.1f} s"
    )
    print(f"Killed worker {killed}; gunicorn replaced it: workers now {workers_after}")
    print(f"Reached results: {complete}/{PEOPLE}; people who crashed: {len(crashed)} {crashed[:3]}")
    print(
        f"Requests the killed worker held (dropped, then retried and answered): {len(held)}; "
        f"any other failed request: {len(other)} {other[:5]}"
    )
    print(f"Database check: {len(people)} assessments, {len(problems)} problem(s)")
    for problem in problems[:20]:
        print("  " + problem)
    ok = not crashed and not problems and complete == PEOPLE and not other
    ok = ok and bool(killed) and killed[0] not in workers_after
    ok = ok and len(workers_after) == len(workers)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
