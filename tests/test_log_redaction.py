"""What reaches a log line: no keys, share links or resume codes in paths; no database detail."""

import logging
import sqlite3

from django.db import IntegrityError

from painmap.logfilters import redact_path, withhold_database_detail

KEY_WITHOUT_DIGIT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"  # 43 characters, like a key


def test_it_redacts_keys_even_without_a_digit():
    for path in (
        f"/map/{KEY_WITHOUT_DIGIT}/q/duration/",
        f"/map/{KEY_WITHOUT_DIGIT}/",
        f"/map/{KEY_WITHOUT_DIGIT.lower()}/results/",
        f"/elsewhere/{KEY_WITHOUT_DIGIT}/",
        f"/map/resume/{KEY_WITHOUT_DIGIT[:16]}/",
        f"/shared/{KEY_WITHOUT_DIGIT}:1abc:sig/summary.pdf",
    ):
        redacted = redact_path(path)
        assert KEY_WITHOUT_DIGIT[:16].lower() not in redacted.lower(), redacted
        assert "…" in redacted


def test_it_keeps_guide_slugs_and_question_codes_readable():
    assert redact_path("/guide/understanding-persistent-pain/") == (
        "/guide/understanding-persistent-pain/"
    )
    assert redact_path("/map/…/q/notes_for_clinician/") == "/map/…/q/notes_for_clinician/"
    assert redact_path("/map/how-it-works/") == "/map/how-it-works/"


def test_it_withholds_database_detail_through_the_whole_chain():
    cause = sqlite3.IntegrityError('DETAIL: Failing row contains (1, "I take 40mg oxycodone")')
    error = IntegrityError("violates check constraint\nDETAIL: Failing row contains (… oxycodone)")
    error.__cause__ = cause
    try:
        raise error
    except IntegrityError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/map/…/",),
            exc_info=__import__("sys").exc_info(),
        )
    withhold_database_detail(record.exc_info[1])
    text = logging.Formatter().formatException(record.exc_info)
    assert "oxycodone" not in text  # neither Django's error nor the driver's under it
    assert "IntegrityError: detail withheld from the log" in text


def test_every_record_made_is_scrubbed_by_the_installed_factory():
    error = IntegrityError("DETAIL: Failing row contains (… I take 40mg oxycodone daily …)")
    try:
        raise error
    except IntegrityError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "failed", (), __import__("sys").exc_info()
        )
        made = logging.getLogRecordFactory()(
            "x", logging.ERROR, __file__, 1, "failed", (), record.exc_info
        )
    assert "oxycodone" not in logging.Formatter().format(made)
