"""Hypothesis throws junk at every endpoint that takes input: never a 5xx, never a lost answer.

Each field kind has its own test with the inputs that once gave 500s as explicit @example
cases, so they run every time, whatever hypothesis draws. Answers are posted to the real
question pages. A 404 passes only where the URL itself was wrong (an unknown question, a key
this browser does not hold); on a right URL only 200, 302 or 400 are answers.
"""

from __future__ import annotations

import logging

import pytest
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessment.journey import access, services
from assessment.models import Answer, Assessment
from assessment.rules import flow
from assessment.rules.answers import (
    NUMBER_PATTERN,
    UNSTORABLE_MESSAGE,
    AnswerError,
    clean_answer,
)
from assessment.spec_loader import spec_for
from tests.support import CALM_ANSWERS, make_assessment, make_questionnaire

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NINES = "9" * 5000
# Text a browser (or an attacker) can send: any unicode, control characters, huge strings.
junk_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=900, max_size=1200),
    st.sampled_from(["", " ", "none", "0", "-1", "99999999999999999999", "1e3", "NaN", "\x00"]),
    st.just("x" * 20_000),
)
junk_values = st.lists(junk_text, max_size=6)
number_text = st.one_of(
    st.integers(min_value=-1000, max_value=1000).map(str),
    st.from_regex(r"\A[-+ ]?[0-9²٣０-９]{1,6}[ .e]?\Z"),
    junk_text,
)
EARLIER = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "intensity": 6,
    "descriptors": ["aching"],
    "self_harm": "no",
    "notes_for_clinician": "an earlier note",
}


@pytest.fixture
def owner():
    """A client whose session owns an assessment with a few answers already saved."""
    questionnaire = make_questionnaire()
    assessment = make_assessment(questionnaire, answers=EARLIER)
    client = Client(raise_request_exception=False)
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()
    spec = spec_for(questionnaire)
    assert all(flow.is_shown(spec.by_code[code], EARLIER) for code in EARLIER)
    return client, assessment, spec


def snapshot(assessment):
    return dict(Answer.objects.filter(assessment=assessment).values_list("item_code", "value"))


def post_answer(owner, code, values, action="continue"):
    """Post to a real question page; check everything that must hold whatever was sent."""
    client, assessment, spec = owner
    before = snapshot(assessment)
    response = client.post(f"/map/{assessment.key}/q/{code}/", {"answer": values, "action": action})
    assert response.status_code in (200, 302, 400), (values, response.status_code)
    after = snapshot(assessment)
    for earlier, value in before.items():
        if earlier != code:
            assert after[earlier] == value, earlier  # no other answer ever changes
    assert set(after) - set(before) <= {code}
    if response.status_code != 302:
        assert after.get(code, "unset") == before.get(code, "unset")
    else:
        stored = after[code]
        item = spec.by_code[code]
        assert stored is None or clean_answer(item, stored) == stored  # only valid answers
    return response, after.get(code, "unset")


def refused_with(response, message: str) -> None:
    assert response.status_code == 400, response.status_code
    assert message in response.content.decode()


@FUZZ
@given(raw=number_text)
@example(raw="--5")
@example(raw="²")
@example(raw="٣")  # an Arabic-Indic three: isdigit() and int() both take it
@example(raw=NINES)
@example(raw="5\x00")
@example(raw="\x00")
@example(raw="+5")
@example(raw="1_0")
@example(raw="0x5")
@example(raw="5.0")
@example(raw="1e1")
@example(raw="11")
@example(raw="-1")
@example(raw="-0")
@example(raw="7")
def test_number_answers_are_parsed_by_pattern_then_range(owner, raw):
    response, stored = post_answer(owner, "intensity", [raw])
    typed = raw.strip()
    if NUMBER_PATTERN.match(typed) and 0 <= int(typed) <= 10:
        assert response.status_code == 302
        assert stored == int(typed)
    elif not typed:
        assert response.status_code in (200, 302)  # nothing chosen: optional, so a skip
    elif "\x00" in raw:
        refused_with(response, UNSTORABLE_MESSAGE)
    else:
        refused_with(response, "Select a number from 0 to 10")


@FUZZ
@given(values=junk_values)
@example(values=["gt_12_months\x00"])
@example(values=["\x00"])
@example(values=["--5"])
@example(values=["lt_3_months", "gt_12_months"])
@example(values=["not_an_option"])
@example(values=[NINES])
@example(values=["lt_3_months"])
def test_single_answers_take_one_offered_option_only(owner, values):
    response, stored = post_answer(owner, "duration", values)
    options = set(owner[2].by_code["duration"].options_by_code)
    chosen = [value for value in values if value.strip()]
    if len(chosen) == 1 and chosen[0] in options:
        assert response.status_code == 302 and stored == chosen[0]
    elif chosen:
        assert response.status_code == 400


@FUZZ
@given(values=junk_values)
@example(values=["aching", "\x00"])
@example(values=["none", "aching"])
@example(values=["aching", "aching"])
@example(values=["zzz"])
@example(values=["burning", "aching"])
def test_multi_answers_take_offered_options_only(owner, values):
    response, stored = post_answer(owner, "descriptors", values)
    options = set(owner[2].by_code["descriptors"].options_by_code)
    chosen = [value for value in values if value.strip()]
    if any(value not in options for value in chosen):
        assert response.status_code == 400
    if response.status_code == 302 and stored is not None:
        assert set(stored) == set(chosen)


@FUZZ
@given(text=junk_text)
@example(text="\x00")
@example(text="I take 40mg oxycodone daily\x00")
@example(text="x" * 1001)
@example(text="x" * 20_000)
@example(text="  a note with spaces  ")
@example(text="emoji 🙂 and ünïcödé")
def test_text_answers_refuse_nul_and_keep_everything_else_exact(owner, text):
    response, stored = post_answer(owner, "notes_for_clinician", [text])
    if "\x00" in text:
        refused_with(response, UNSTORABLE_MESSAGE)
    elif len(text.strip()) > 1000:
        assert response.status_code == 200
        assert "must be 1,000 characters or fewer" in response.content.decode()
    elif text.strip():
        assert response.status_code == 302 and stored == text.strip()


def test_undecodable_bytes_never_fail(owner):
    """Invalid UTF-8 (a surrogate's bytes, a lone continuation byte) straight on the wire."""
    client, assessment, _spec = owner
    for body in (b"answer=%ED%A0%80&action=continue", b"answer=%80%FF&action=continue"):
        response = client.generic(
            "POST",
            f"/map/{assessment.key}/q/notes_for_clinician/",
            body,
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (302, 400), response.status_code
    assert snapshot(assessment)["duration"] == EARLIER["duration"]


@pytest.mark.parametrize("kind_code", ["duration", "descriptors", "notes_for_clinician"])
def test_the_shared_check_refuses_lone_surrogates_and_nul(owner, kind_code):
    """map_score's JSON can carry a lone surrogate ("\\ud800"): refused before any database."""
    item = owner[2].by_code[kind_code]
    for bad in ("a\ud800b", "\udfff", "a\x00"):
        raw = [bad] if item.kind == "multi" else bad
        with pytest.raises(AnswerError, match="cannot be saved"):
            clean_answer(item, raw)


def test_the_number_check_refuses_what_int_would_take():
    item = spec_for(make_questionnaire()).by_code["intensity"]
    for bad in ("--5", "²", "٣", NINES, " 5", "+5", "1_0", True, 5.5, float("nan"), None, [5]):
        with pytest.raises(AnswerError):
            clean_answer(item, bad)
    assert clean_answer(item, "5") == 5
    assert clean_answer(item, 5) == 5
    assert clean_answer(item, 5.0) == 5


@FUZZ
@given(code=st.text(max_size=60), key=st.text(max_size=80))
@example(code="duration\x00", key="\x00")
def test_it_answers_404_only_for_unknown_questions_and_keys(owner, code, key):
    client, assessment, spec = owner
    known = code in spec.by_code
    for url, wrong in (
        (f"/map/{assessment.key}/q/{code}/", not known),
        (f"/map/{key}/q/duration/", key != assessment.key),
        (f"/map/{key}/", key != assessment.key),
    ):
        try:
            response = client.get(url)
        except ValueError:
            continue  # the test client refuses some URLs (NUL bytes) before Django sees them
        allowed = {200, 301, 302, 404} if wrong else {200, 301, 302}
        assert response.status_code in allowed, (url, response.status_code)


def test_nul_in_a_url_is_not_found_not_a_failure(owner):
    client, assessment, _spec = owner
    for url in (
        "/map/%00/",
        f"/map/{assessment.key}%00/",
        f"/map/{assessment.key}/q/duration%00/",
        "/map/resume/%00ABCD/",
        "/shared/%00abc/",
        "/shared/%00abc/summary.pdf",
        "/guide/%00/",
    ):
        assert client.get(url).status_code in (200, 404), url


@FUZZ
@given(code=junk_text, pending=junk_values)
@example(code="\x00", pending=["\x00"])
@example(code="ACDE-FGHJ\x00", pending=["gt_12_months"])
@example(code=NINES, pending=[NINES])
def test_it_never_fails_on_junk_resume_codes(owner, code, pending):
    client, assessment, _spec = owner
    before = snapshot(assessment)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("painmap.ratelimit.attempt", lambda *args, **kwargs: True)
        response = client.post(
            "/map/resume/",
            {"code": code, "pending_item": "duration", "pending_answer": pending},
        )
    assert response.status_code in (200, 302), response.status_code
    if "\x00" in code:
        assert response.status_code == 200
        body = response.content.decode()
        assert "Null characters are not allowed" in body or "at most 40 characters" in body
    assert snapshot(assessment) == before


@FUZZ
@given(token=st.text(max_size=200))
def test_it_never_fails_on_junk_share_links(owner, token):
    client, _assessment, _spec = owner
    for suffix in ("", "summary.pdf", "fhir/"):
        try:
            response = client.get(f"/shared/{token}/{suffix}")
        except ValueError:
            continue
        # Every junk token is a wrong URL; 429 once the guessing limit is reached.
        assert response.status_code in (301, 302, 404, 429), response.status_code


@FUZZ
@given(path=st.text(max_size=100), data=st.dictionaries(st.text(max_size=10), junk_text))
def test_it_never_fails_on_unknown_urls(path, data):
    client = Client(raise_request_exception=False)
    try:
        get = client.get("/" + path)
        post = client.post("/" + path, data)
    except ValueError:
        return
    assert get.status_code < 500
    assert post.status_code < 500


# ---------------------------------------------------------------- races


def test_a_delete_racing_an_answer_gives_the_not_found_page(owner, monkeypatch):
    """Another tab deletes the assessment after this request found it, before it saves."""
    client, assessment, _spec = owner
    real = access.owned_assessment

    def found_then_deleted(request, key):
        found = real(request, key)
        if found is not None:
            Assessment.objects.filter(pk=found.pk).delete()  # the other tab's delete, for real
        return found

    monkeypatch.setattr(access, "owned_assessment", found_then_deleted)
    response = client.post(
        f"/map/{assessment.key}/q/duration/",
        {"answer": "lt_3_months", "action": "continue"},
        follow=True,
    )
    assert response.status_code == 404  # the not-found page (via where-I-left-off), no 500
    assert "We could not find your answers" in response.content.decode()
    assert not Answer.objects.filter(assessment_id=assessment.pk).exists()
    assert not Assessment.objects.filter(pk=assessment.pk).exists()


def test_a_delete_racing_a_share_gives_the_not_found_page(owner, monkeypatch):
    from assessment.summary import views as summary_views

    client, assessment, _spec = owner
    services.complete(assessment, owner[2])
    real = summary_views.owned_assessment_or_404

    def found_then_deleted(request, key):
        found = real(request, key)
        Assessment.objects.filter(pk=found.pk).delete()
        return found

    monkeypatch.setattr(summary_views, "owned_assessment_or_404", found_then_deleted)
    assert client.post(f"/map/{assessment.key}/share/").status_code == 404


# ---------------------------------------------------------------- logs


def _everything_logged(records) -> str:
    """Every captured record as each configured handler would write it, plus its raw parts."""
    handlers = logging.getLogger().handlers
    parts = []
    for record in records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
        for handler in handlers:
            if handler.filter(record):
                parts.append(handler.format(record))
    return "\n".join(parts)


def test_a_refused_answer_leaves_nothing_of_itself_in_the_log(owner, caplog):
    client, assessment, _spec = owner
    secret = "I take 40mg oxycodone daily"
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            f"/map/{assessment.key}/q/notes_for_clinician/",
            {"answer": secret + "\x00", "action": "continue"},
        )
    assert response.status_code == 400
    assert caplog.records, "the refusal was not logged at all"
    logged = _everything_logged(caplog.records)
    assert secret not in logged and "oxycodone" not in logged
    assert assessment.key not in logged


@pytest.mark.parametrize("junk", ["a\x00b", "\ud800", "note \udfff end"])
def test_it_refuses_nul_and_lone_surrogates_in_text_with_a_message(client, db, junk):
    """PostgreSQL cannot store NUL: refused with a message, never a 500 (found by the fuzz)."""
    from assessment.data.seed_map import seed_spec
    from assessment.rules.answers import AnswerError, clean_answer

    item = seed_spec(1).by_code["notes_for_clinician"]
    with pytest.raises(AnswerError, match="cannot be saved"):
        clean_answer(item, junk)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="provokes a real PostgreSQL error with a DETAIL"
)
@pytest.mark.django_db(transaction=True)
def test_a_real_database_failure_logs_no_answer(caplog):
    """PostgreSQL refuses the row and says which ("DETAIL: Failing row contains (… note …)")."""
    questionnaire = make_questionnaire()
    assessment = make_assessment(questionnaire, answers={"red_flags": ["none"]})
    client = Client(raise_request_exception=False)
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()
    secrets = {
        "notes_for_clinician": "I take 40mg oxycodone daily",
        "duration": "lt_3_months",
        "descriptors": ["burning", "tingling"],
    }
    table = Answer._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID"
        )
    try:
        with caplog.at_level(logging.DEBUG):
            statuses = [
                client.post(
                    f"/map/{assessment.key}/q/{code}/",
                    {"answer": value, "action": "continue"},
                ).status_code
                for code, value in secrets.items()
            ]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT refuse_everything")
    assert statuses == [500, 500, 500]  # a real failure, all the way through
    logged = _everything_logged(caplog.records)
    assert "CheckViolation" in logged or "IntegrityError" in logged
    assert "detail withheld" in logged
    assert "Failing row" not in logged
    for value in ("oxycodone", "lt_3_months", "tingling"):
        assert value not in logged, value
    assert assessment.key not in logged
    assert CALM_ANSWERS  # the factory answers are not what was sent
