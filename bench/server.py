"""Start PainMap (or the floor app) production-like on loopback, for the benchmark and load test.

Debug off, hashed static files, the database cache, PostgreSQL, and exactly the gunicorn
settings of `make serve` (painmap/gunicorn.conf.py), so what is measured is what is deployed.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"
PG_ADMIN = os.environ.get("PAINMAP_BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")


def ensure_database(name: str) -> str:
    """Create the PostgreSQL database `name` if missing; return its URL."""
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'create database "{name}"')
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    # GUNICORN_* passes through, so other server settings can be tried (GUNICORN_WORKER_CLASS).
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="painmap.settings",
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        DJANGO_MANIFEST_STATIC="True",
        DJANGO_CACHE="db",
        DATABASE_URL=database_url,
        GUNICORN_ACCESS_LOG="",  # no access log while measuring
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra)
    return env


def prepare(env: dict[str, str]) -> None:
    """What `make serve` does before it starts gunicorn."""
    for command in (
        ["collectstatic", "--noinput", "-v", "0"],
        ["migrate", "--noinput", "-v", "0"],
        ["createcachetable"],
        ["seed_content"],
        ["seed_map"],
    ):
        subprocess.run(
            [PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with PainMap's config, serving `app` on 127.0.0.1:<port>."""

    def __init__(self, app: str, env: dict[str, str], port: int | None = None, log=None):
        self.app, self.env, self.port = app, dict(env), port or free_port()
        self.log = log or subprocess.DEVNULL
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> Server:
        self.env["BIND"] = f"{HOST}:{self.port}"
        self.process = subprocess.Popen(
            [PY, "-m", "gunicorn", "-c", "painmap/gunicorn.conf.py", self.app],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn for {self.app} exited with {self.process.returncode}")
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn for {self.app} did not start")
        # Let every worker boot before anything is measured.
        deadline = time.monotonic() + 30
        while len(self.worker_pids()) < self.expected_workers() and time.monotonic() < deadline:
            time.sleep(0.2)
        return self

    def expected_workers(self) -> int:
        import runpy
        from unittest import mock

        with mock.patch.dict(os.environ, self.env, clear=True):
            return runpy.run_path(str(ROOT / "painmap" / "gunicorn.conf.py"))["workers"]

    def worker_pids(self) -> list[int]:
        """The worker processes of this gunicorn master (its direct children)."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
