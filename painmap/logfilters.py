"""Keep secrets that travel in URL paths out of logs.

Assessment keys (/map/<key>/…), signed share links (/shared/<signed>/…) and resume codes
(/map/resume/<code>/) each open someone's answers, or help to. Django logs the path of every
4xx/5xx ("Not Found: /map/<key>/…"); gunicorn logs every request. Both go through
`redact_path`.
"""

import logging
import re

# Keys and signatures are long and random, so they hold a digit; guide slugs are words.
_AFTER = re.compile(r"(?<=/(resume|shared)/)[^/\s]+")
_TOKEN = re.compile(r"(?<=/)(?=[^/\s]*[0-9])[^/\s]{16,}(?=/|$|\s)")


def redact_path(path: str) -> str:
    return _TOKEN.sub("…", _AFTER.sub("…", path))


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
