"""gunicorn settings for PainMap: `gunicorn -c painmap/gunicorn.conf.py painmap.wsgi`.

Every value can be changed from the environment, so one file serves a laptop, one small
machine and a fleet behind a load balancer. See docs/deploy.md.
"""

import multiprocessing
import os
import sys
from pathlib import Path

from gunicorn.glogging import Logger

# The config file is read before gunicorn puts the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from painmap.logfilters import redact_path  # noqa: E402

# Loopback by default: in production a reverse proxy (nginx, Caddy) sits in front, buffers
# slow clients and terminates TLS. BIND wins over PORT.
bind = [os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"]

# gthread: each worker process runs a few threads, so a request waiting on PostgreSQL does not
# hold a whole process, and keep-alive connections from the proxy are reused. Measured with
# `make bench` on 2 cores: question page 0.051 of the floor against 0.039 with sync workers,
# lower p99 on every page (bench/README.md).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
_cores = multiprocessing.cpu_count()
_max_workers = int(os.environ.get("GUNICORN_MAX_WORKERS", "8"))
workers = int(os.environ.get("GUNICORN_WORKERS") or min(2 * _cores + 1, _max_workers))
threads = int(os.environ.get("GUNICORN_THREADS", "4" if worker_class == "gthread" else "1"))
# Each thread holds its own persistent database connection (CONN_MAX_AGE): workers × threads
# must stay well under PostgreSQL's max_connections (100 by default).

# Load Django once in the master, then fork: workers start fast and share memory pages.
preload_app = True
# A request that takes more than 30 s is stuck; a restart (SIGTERM) waits up to 30 s for
# requests in flight to finish.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn 27 opens a control socket by default; PainMap does not use it.
control_socket_disable = True

# Trust X-Forwarded-* only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log: method, path (never the query string), status, bytes, milliseconds. No client
# address and no user agent: PainMap needs neither, and less to keep is less to protect.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class RedactingLogger(Logger):
    """Writes the access log with tokens in the path replaced by "…"."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # {name}e / {name}i / {name}o atoms expose the raw URI, cookies and referrer to any
        # format that asks for them: none is available.
        atoms = {key: value for key, value in atoms.items() if not key.startswith("{")}
        atoms["U"] = redact_path(atoms.get("U") or "")
        atoms["r"] = "-"  # the raw request line includes the query string: never logged
        atoms["q"] = "-"
        atoms["f"] = "-"  # referrers carry the previous page's path, tokens included
        return atoms


logger_class = RedactingLogger
