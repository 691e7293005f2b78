"""Keep secrets and answers out of logs.

Assessment keys (/map/<key>/…), signed share links (/shared/<signed>/…) and resume codes
(/map/resume/<code>/) each open someone's answers, or help to. Django logs the path of every
4xx/5xx ("Not Found: /map/<key>/…"); gunicorn logs every request. Both go through
`redact_path`.

A database error carries the data it choked on ("DETAIL: Failing row contains (…, "I take
40mg oxycodone daily", …)"). `withhold_database_detail` strips that from every exception in a
log record's exception chain; `install_record_factory` applies it as each record is made, so no
handler, formatter or error reporter ever sees the detail.
"""

import logging
import re
import sqlite3

# Random keys and signatures: after /map/, /resume/ or /shared/, any segment of 16 or more
# characters; anywhere else, 16 or more with a digit or a capital (guide slugs and question
# codes are lower-case words). A 43-character key has no digit about once in 1,500 keys, so
# a digit alone is not enough to spot one.
_AFTER = re.compile(r"(?<=/(resume|shared)/)[^/\s]+")
_MAP_KEY = re.compile(r"(?<=/map/)[A-Za-z0-9_-]{16,}(?=/|$|\s|\?)")
_TOKEN = re.compile(r"(?<=/)(?=[^/\s]*[0-9A-Z])[^/\s]{16,}(?=/|$|\s|\?)")


def redact_path(path: str) -> str:
    return _TOKEN.sub("…", _MAP_KEY.sub("…", _AFTER.sub("…", path)))


def _is_database_error(exc: BaseException) -> bool:
    from django.db import Error as DjangoDatabaseError

    if isinstance(exc, DjangoDatabaseError | sqlite3.Error):
        return True
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg2")


def withhold_database_detail(exc: BaseException | None) -> None:
    """Replace the message of every database error in `exc`'s chain with its kind alone."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if _is_database_error(exc):
            state = getattr(exc, "sqlstate", None) or getattr(
                getattr(exc, "__cause__", None), "sqlstate", None
            )
            code = f" (SQLSTATE {state})" if state else ""
            exc.args = (f"{type(exc).__name__}{code}: detail withheld from the log",)
        exc = exc.__cause__ or exc.__context__


def _scrub(record: logging.LogRecord) -> None:
    if record.exc_info and record.exc_info[1] is not None:
        withhold_database_detail(record.exc_info[1])
        record.exc_text = None
    args = record.args if isinstance(record.args, tuple) else ()
    for arg in args:
        if isinstance(arg, BaseException):
            withhold_database_detail(arg)


def install_record_factory() -> None:
    """Scrub database detail from every log record as it is made (idempotent)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "painmap_scrubs", False):
        return

    def factory(*args, **kwargs):
        record = current(*args, **kwargs)
        _scrub(record)
        return record

    factory.painmap_scrubs = True
    logging.setLogRecordFactory(factory)


class WithholdDatabaseDetail(logging.Filter):
    """The same scrub as a handler filter, for records made before the factory was set."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrub(record)
        return True


class RedactPaths(logging.Filter):
    """Rewrites string arguments of a log record (where Django puts the path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_path(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str) and not record.args:
            record.msg = redact_path(record.msg)
        return True
