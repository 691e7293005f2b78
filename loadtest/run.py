# ruff: noqa: T201 - a command-line report: printing is its output
"""`make loadtest`: many people take the MAP at once on gunicorn + PostgreSQL; workers die.

Starts PainMap as `make serve` does (database `PAINMAP_LOAD_DB`, default `painmap_load`,
created if missing) on 127.0.0.1 with the access log on, and sends LOAD_PEOPLE simulated
people (40) through the whole MAP, LOAD_CONCURRENCY (16) at a time. They are not all alike:

* **red flag** people tick an urgent red flag, read the stop page and go on, or an emergency
  one, where the journey ends on the stop page;
* **self-harm** people answer "yes" to the self-harm question, read the support page, go on;
* **two-tab** people answer in two tabs at once (one session, two threads), both of which
  end on the check-answers page and press "Confirm";
* **double-submit** people press every button twice at once (two identical POSTs in flight);
* everyone else answers one question after another.

Once a third of them have started, it SIGKILLs a gunicorn worker *while that worker holds a
request* (seen in /proc: an established connection on the site's port), and shows that the
kill hit: requests dropped at that moment, retried by the person and answered. If a kill hit
nothing (the request finished first), it tries again, up to LOAD_KILLS (4) times.

Then it checks, in the database, that no assessment was lost or torn:

* every person who reached their results has a completed assessment (else **lost**);
* its stored answers are what that person last sent, question by question (two tabs: each
  stored answer is one that a tab sent), its stored result equals the score recomputed from
  them, and its urgency and crisis flags match what the person reported (else **torn**);
* no request failed except the ones a killed worker held (each retried, then answered);
* no access-log line holds an assessment key or any text a person typed.

Prints the figures and exits non-zero on any problem. Loopback only; bounded in time.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.people import Person  # noqa: E402
from bench.server import ROOT, Server, ensure_database, prepare, production_env  # noqa: E402

PEOPLE = int(os.environ.get("LOAD_PEOPLE", "40"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
KILLS = int(os.environ.get("LOAD_KILLS", "4"))
DEADLINE = int(os.environ.get("LOAD_DEADLINE", "300"))  # seconds, a safety net only

URGENT_FLAG = "weight_loss"  # an urgent red flag: see a GP soon
EMERGENCY_FLAG = "chest_pain"  # an emergency red flag: 999 / A&E now
# Ten people in a row: two red flags, one self-harm, three two-tab, two double-submit, two plain.
ROLES = (
    "urgent",
    "plain",
    "two_tab",
    "double",
    "self_harm",
    "emergency",
    "two_tab",
    "double",
    "two_tab",
    "plain",
)


def role_of(seed: int) -> str:
    return ROLES[seed % len(ROLES)]


EVERY_TAB: list[LoadPerson] = []  # so the killer sees failures as they happen
_EVERY_TAB_LOCK = threading.Lock()


def failures_so_far() -> list:
    with _EVERY_TAB_LOCK:
        tabs = list(EVERY_TAB)
    return [failure for tab in tabs for failure in list(tab.failures)]


class LoadPerson(Person):
    """A Person with a role: which red flag, self-harm answer, and how they press buttons."""

    def __init__(self, base: str, seed: int, role: str, tab: int = 0):
        super().__init__(base, seed=seed * 10 + tab)
        self.person_seed = seed
        self.role = role
        self.double_outcomes: list[tuple[int, int]] = []  # statuses of each pair of presses
        with _EVERY_TAB_LOCK:
            EVERY_TAB.append(self)

    def choose(self, code, page):
        if code == "red_flags" and self.role in ("urgent", "emergency"):
            flag = URGENT_FLAG if self.role == "urgent" else EMERGENCY_FLAG
            offered = [value for value, _exclusive in page.checkboxes]
            if flag not in offered:
                raise RuntimeError(f"red flag {flag!r} not offered: {offered}")
            return [flag], "continue"
        if code == "self_harm" and self.role == "self_harm":
            return ["yes"], "continue"
        return super().choose(code, page)

    def submit(self, path, data):
        if self.role != "double":
            return self.request(path, data)
        results: list = [None, None]

        def press(i):
            try:
                results[i] = self.request(path, data)
            except Exception as exc:  # noqa: BLE001 - the first press's error is raised below
                results[i] = exc

        threads = [threading.Thread(target=press, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for result in results:
            if isinstance(result, Exception):
                raise result
        self.double_outcomes.append((results[0][0], results[1][0]))
        return results[0]


class Outcome:
    """What one person did: one tab, or two sharing a session."""

    def __init__(self, seed: int, role: str, tabs: list[LoadPerson], elapsed: float):
        self.seed, self.role, self.tabs, self.elapsed = seed, role, tabs, elapsed
        self.key = tabs[0].key
        self.results_url = next((tab.results_url for tab in tabs if tab.results_url), None)
        self.stopped_url = next((tab.stopped_url for tab in tabs if tab.stopped_url), None)
        # Where the journey ended: the results, or the stop page of an emergency.
        self.ended = self.results_url or self.stopped_url
        self.requests = sum(tab.requests for tab in tabs)
        self.failures = [failure for tab in tabs for failure in tab.failures]


def run_person(base: str, seed: int, started: threading.Event | None) -> Outcome:
    role = role_of(seed)
    begun = time.monotonic()
    first_tab = LoadPerson(base, seed, role)
    first = first_tab.start()
    if started is not None:
        started.set()
    tabs = [first_tab]
    if role == "two_tab":
        # The second tab: the same browser session (cookies), its own choices, at the same time.
        second_tab = LoadPerson(base, seed, role, tab=1)
        second_tab.jar = first_tab.jar
        second_tab.opener = first_tab.opener
        second_tab.key = first_tab.key
        tabs.append(second_tab)
        for tab in tabs:
            tab.stale_pages = 0
        errors: list[Exception] = []

        def walk(tab):
            try:
                tab.answer_all(first)
            except Exception as exc:  # noqa: BLE001 - raised below, the person crashed
                errors.append(exc)

        threads = [threading.Thread(target=walk, args=(tab,)) for tab in tabs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
    else:
        first_tab.answer_all(first)
    return Outcome(seed, role, tabs, time.monotonic() - begun)


# ---------------------------------------------------------------- killing a busy worker


def _established_inodes(port: int) -> set[str]:
    """Socket inodes of established TCP connections to `port` on this machine (IPv4)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].rsplit(":", 1)[1], 16)
        if local_port == port and fields[3] == "01":  # 01: ESTABLISHED
            inodes.add(fields[9])
    return inodes


def requests_held(pid: int, port: int) -> int:
    """How many client connections worker `pid` holds open right now (requests in flight:
    the simulated people open one connection per request)."""
    established = _established_inodes(port)
    held = 0
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            match = re.fullmatch(r"socket:\[(\d+)\]", target)
            if match and match.group(1) in established:
                held += 1
    except OSError:
        return 0
    return held


def dropped_at(outcomes_failures: list, moment: float) -> list:
    """Requests that failed at the connection level right when a worker was killed."""
    return [
        failure
        for failure in outcomes_failures
        if not failure[1].startswith("HTTP ") and moment - 0.05 <= failure[2] <= moment + 2
    ]


# ---------------------------------------------------------------- checking the database


def verify(outcomes: list[Outcome], env: dict[str, str]) -> tuple[list[str], list[str], Counter]:
    """Compare the database with what each person did: (lost, torn, flags seen)."""
    os.environ.update(env)
    import django

    django.setup()
    from assessment.journey.services import stored_answers
    from assessment.models import Assessment
    from assessment.rules.scoring import result_for, urgency_for
    from assessment.spec_loader import rulebook, spec_for

    lost, torn = [], []
    seen = Counter()
    for outcome in outcomes:
        who = f"person {outcome.seed} ({outcome.role})"
        assessment = (
            Assessment.objects.select_related("questionnaire").filter(key=outcome.key).first()
        )
        if assessment is None:
            lost.append(f"{who}: the assessment is gone")
            continue
        if outcome.role == "emergency":
            # An emergency ends the journey (ITEMS.md): never completed, no result, no type.
            if assessment.is_complete or assessment.result or assessment.urgency != "emergency":
                torn.append(f"{who}: emergency not stopped (complete={assessment.is_complete})")
            if not outcome.stopped_url:
                torn.append(f"{who}: never reached the emergency stop page")
            seen[f"red flag ({assessment.urgency})"] += 1
            continue
        if not assessment.is_complete:
            lost.append(f"{who}: reached results but the assessment is not complete")
            continue
        stored = stored_answers(assessment)
        spec = spec_for(assessment.questionnaire)
        sent: dict[str, list] = {}
        for tab in outcome.tabs:
            for code, values in tab.answers.items():
                item = spec.by_code[code]
                sent.setdefault(code, []).append(
                    None if values is None else _as_stored(item, values)
                )
        for code, value in stored.items():
            if code not in sent:
                torn.append(f"{who}: {code} stored {value!r}, which nobody sent")
            elif value not in sent[code]:
                torn.append(f"{who}: {code} stored {value!r}, sent {sent[code]!r}")
        if len(outcome.tabs) == 1:
            for code, values in sent.items():
                if stored.get(code, "missing") != values[-1]:
                    torn.append(
                        f"{who}: {code} sent {values[-1]!r}, stored {stored.get(code, 'missing')!r}"
                    )
        if result_for(spec, stored, rulebook()).to_record() != assessment.result:
            torn.append(f"{who}: stored result differs from the one recomputed from its answers")
        expected_urgency = urgency_for(stored.get("red_flags")) or ""
        if (assessment.urgency or "") != expected_urgency:
            torn.append(f"{who}: urgency {assessment.urgency!r}, answers say {expected_urgency!r}")
        if outcome.role in ("urgent", "emergency"):
            if not assessment.urgency:
                torn.append(f"{who}: reported a red flag, no urgency stored")
            seen[f"red flag ({assessment.urgency})"] += 1
        if outcome.role == "self_harm":
            if not assessment.crisis:
                torn.append(f"{who}: answered yes to self-harm, crisis not stored")
            seen["self-harm (crisis stored)"] += 1
        elif assessment.crisis and stored.get("self_harm") != "yes":
            torn.append(f"{who}: crisis stored without a yes to self-harm")
    return lost, torn, seen


def _as_stored(item, sent: list[str]):
    from assessment.rules.answers import clean_answer

    if item.kind == "multi":
        return clean_answer(item, sent)
    if item.kind == "number":
        return clean_answer(item, int(sent[0]))
    if item.kind == "text":
        return clean_answer(item, sent[0]) if sent and sent[0].strip() else None
    return clean_answer(item, sent[0])


def leaks_in_log(text: str, outcomes: list[Outcome]) -> list[str]:
    """Access- or error-log lines holding an assessment key or anything a person typed."""
    typed = {
        values[0]
        for outcome in outcomes
        for tab in outcome.tabs
        for values in tab.answers.values()
        if values and len(values[0]) > 8 and not values[0].replace("_", "").isalnum()
    }
    needles = {outcome.key for outcome in outcomes if outcome.key} | typed
    return [line for line in text.splitlines() if any(needle in line for needle in needles)]


def main() -> int:
    database_url = ensure_database(os.environ.get("PAINMAP_LOAD_DB", "painmap_load"))
    # The rate limit on starting assessments would stop 40 "people" from one address. The
    # access log is on, as in production: it is checked for keys and typed text below.
    env = production_env(database_url, PAINMAP_RATE_START="100000/h", GUNICORN_ACCESS_LOG="-")
    print(f"Preparing {database_url.rsplit('/', 1)[-1]}…")
    prepare(env)
    (ROOT / "artifacts").mkdir(exist_ok=True)
    log_path = ROOT / "artifacts" / "loadtest-gunicorn.log"
    log = open(log_path, "w")  # noqa: SIM115
    kills: list[dict] = []
    outcomes: list[Outcome] = []
    with Server("painmap.wsgi", env, log=log) as server:
        workers = server.worker_pids()
        roles = Counter(role_of(seed) for seed in range(1000, 1000 + PEOPLE))
        print(
            f"PainMap on {server.base}: workers {workers}; {PEOPLE} people, {CONCURRENCY} at "
            f"once: {dict(sorted(roles.items()))}"
        )
        third = threading.Event()
        count = {"started": 0}
        lock = threading.Lock()
        finished = threading.Event()

        def one(seed):
            with lock:
                count["started"] += 1
                signal_third = count["started"] == max(1, PEOPLE // 3)
            outcome = run_person(server.base, seed, third if signal_third else None)
            return outcome

        def killer():
            if not third.wait(timeout=DEADLINE):
                return
            while len(kills) < KILLS and not finished.is_set():
                # The worker holding the most requests now (two or more if that comes within
                # 5 s, else one); killed at once, mid-request.
                began_looking = time.monotonic()
                victim, held = None, 0
                while time.monotonic() < began_looking + 20 and not finished.is_set():
                    busiest = max(
                        ((requests_held(pid, server.port), pid) for pid in server.worker_pids()),
                        default=(0, None),
                    )
                    wanted = 2 if time.monotonic() < began_looking + 5 else 1
                    if busiest[0] >= wanted:
                        held, victim = busiest
                        break
                    time.sleep(0.005)
                if victim is None:
                    return
                moment = time.monotonic()
                os.kill(victim, signal.SIGKILL)
                kills.append({"pid": victim, "held": held, "at": moment})
                time.sleep(2.5)  # let the dropped requests fail and be retried
                if dropped_at(failures_so_far(), moment):
                    return  # this kill is shown to have hit requests in flight
                time.sleep(1.0)

        killer_thread = threading.Thread(target=killer, daemon=True)
        killer_thread.start()
        began = time.monotonic()
        crashed = []
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            futures = {pool.submit(one, seed): seed for seed in range(1000, 1000 + PEOPLE)}
            for future, seed in futures.items():
                try:
                    outcomes.append(future.result(timeout=DEADLINE))
                except Exception as exc:  # noqa: BLE001 - reported below
                    crashed.append(f"person {seed} ({role_of(seed)}): {exc!r}")
        finished.set()
        wall = time.monotonic() - began
        killer_thread.join(timeout=10)
        workers_after = server.worker_pids()
    log.close()

    requests = sum(o.requests for o in outcomes)
    failures = [f for o in outcomes for f in o.failures]
    held = {id(f): f for kill in kills for f in dropped_at(failures, kill["at"])}
    other = [f[:2] for f in failures if id(f) not in held]
    lost, torn, seen = verify(outcomes, env)
    lost += crashed
    complete = sum(1 for o in outcomes if o.ended)
    doubles = [pair for o in outcomes for tab in o.tabs for pair in tab.double_outcomes]
    leaks = leaks_in_log(log_path.read_text(errors="replace"), outcomes)
    access_lines = sum(
        1
        for line in log_path.read_text(errors="replace").splitlines()
        if '"GET ' in line or '"POST ' in line
    )

    print(
        f"\n{len(outcomes)} people finished in {wall:.1f} s: {requests} requests, "
        f"{requests / wall:.1f} req/s; per person median "
        f"{statistics.median(o.elapsed for o in outcomes) if outcomes else 0:.1f} s"
    )
    by_role = Counter(o.role for o in outcomes if o.results_url)
    print(f"Reached results, by kind of person: {dict(sorted(by_role.items()))}")
    stopped = Counter(o.role for o in outcomes if o.stopped_url)
    print(f"Stopped by an emergency (the journey ends there): {dict(stopped)}")
    print(f"Reported in the database: {dict(sorted(seen.items()))}")
    two_tab = sum(1 for o in outcomes if len(o.tabs) == 2)
    stale = sum(tab.stale_pages or 0 for o in outcomes for tab in o.tabs)
    print(
        f"Two-tab people: {two_tab} (questions the other tab hid meanwhile: {stale}); "
        f"double presses: {len(doubles)} pairs, statuses {dict(Counter(doubles))}"
    )
    for n, kill in enumerate(kills, 1):
        hit = dropped_at(failures, kill["at"])
        print(
            f"Kill {n}: worker {kill['pid']} holding {kill['held']} connection(s); "
            f"{len(hit)} request(s) dropped then, each retried and answered"
        )
    print(f"Workers before {workers}; after {workers_after} (gunicorn replaced the killed)")
    print(f"Any other failed request: {len(other)} {other[:5]}")
    print(f"Access log: {access_lines} request lines; lines with a key or typed text: {len(leaks)}")
    for line in leaks[:5]:
        print("  " + line[:200])
    print(f"Lost assessments: {len(lost)}; torn assessments: {len(torn)}")
    for problem in (lost + torn)[:20]:
        print("  " + problem)

    hits = sum(len(dropped_at(failures, kill["at"])) for kill in kills)
    ok = not lost and not torn and complete == PEOPLE and not other and not leaks
    ok = ok and hits > 0 and len(workers_after) == len(workers)
    ok = ok and all(kill["pid"] not in workers_after for kill in kills)
    ok = (
        ok
        and seen
        and all(any(k.startswith(prefix) for k in seen) for prefix in ("red flag", "self-harm"))
    )
    ok = ok and two_tab > 0 and len(doubles) > 0 and access_lines > 0
    if hits == 0:
        print("No kill was shown to hit a request in flight.")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
