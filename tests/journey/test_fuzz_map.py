"""Hypothesis throws junk at every endpoint that takes input: never a 500, never a lost answer."""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.journey import access, services
from assessment.models import Answer
from tests.support import CALM_ANSWERS, make_assessment, make_questionnaire

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a browser (or an attacker) can send: any unicode, control characters, huge strings.
junk_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=900, max_size=1200),
    st.sampled_from(["", " ", "none", "0", "-1", "99999999999999999999", "1e3", "NaN", "\x00"]),
    st.just("x" * 20_000),
)
junk_values = st.lists(junk_text, max_size=6)
actions = st.one_of(st.sampled_from(["continue", "skip", "", "delete"]), st.text(max_size=10))


@pytest.fixture
def owner():
    """A client whose session owns an assessment with a few answers already saved."""
    questionnaire = make_questionnaire()
    earlier = {code: CALM_ANSWERS[code] for code in ("red_flags", "duration", "intensity")}
    assessment = make_assessment(questionnaire, answers=earlier)
    client = Client(raise_request_exception=False)
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()
    return client, assessment


def snapshot(assessment):
    return dict(Answer.objects.filter(assessment=assessment).values_list("item_code", "value"))


@FUZZ
@given(code=st.sampled_from(sorted(CALM_ANSWERS)), values=junk_values, action=actions)
def test_it_never_fails_or_loses_an_answer_on_junk_question_posts(owner, code, values, action):
    client, assessment = owner
    before = snapshot(assessment)
    url = f"/map/{assessment.key}/q/{code}/"
    response = client.post(url, {"answer": values, "action": action, "change": "1"})
    assert response.status_code in (200, 302, 404), response.status_code
    after = snapshot(assessment)
    # Earlier answers never change; the posted question is either saved valid or untouched.
    for earlier, value in before.items():
        if earlier != code:
            assert after[earlier] == value
    assert set(after) - set(before) <= {code}
    if response.status_code != 302:
        assert after.get(code, "unset") == before.get(code, "unset")


@FUZZ
@given(code=st.text(max_size=60), key=st.text(max_size=80))
def test_it_answers_404_for_any_unknown_question_or_key(owner, code, key):
    client, assessment = owner
    for url in (f"/map/{assessment.key}/q/{code}/", f"/map/{key}/q/duration/", f"/map/{key}/"):
        try:
            response = client.get(url)
        except ValueError:
            continue  # the test client refuses some URLs (NUL bytes) before Django sees them
        assert response.status_code in (200, 301, 302, 404), (url, response.status_code)


@FUZZ
@given(code=junk_text, pending=junk_values)
def test_it_never_fails_on_junk_resume_codes(owner, code, pending):
    client, assessment = owner
    cache.clear()  # rate limits would hide the view behind a 429
    response = client.post(
        "/map/resume/",
        {"code": code, "pending_item": "duration", "pending_answer": pending},
    )
    assert response.status_code in (200, 302, 429)


@FUZZ
@given(token=st.text(max_size=200))
def test_it_never_fails_on_junk_share_links(owner, token):
    client, _ = owner
    cache.clear()
    for suffix in ("", "summary.pdf", "fhir/"):
        try:
            response = client.get(f"/shared/{token}/{suffix}")
        except ValueError:
            continue
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


def test_it_keeps_answers_out_of_the_error_log(owner, caplog, monkeypatch):
    """A crash while saving an answer: the log has the traceback, never the answer."""
    client, assessment = owner
    secret = "my-private-answer-do-not-log"

    def crash(*args, **kwargs):
        raise RuntimeError("forced failure while saving")

    monkeypatch.setattr(services, "save_answer", crash)
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.post(
            f"/map/{assessment.key}/q/notes_for_clinician/",
            {"answer": secret, "action": "continue"},
        )
    assert response.status_code == 500
    assert caplog.records, "the failure was not logged at all"
    from django.views.debug import ExceptionReporter

    record = caplog.records[-1]
    report = ExceptionReporter(record.request, *record.exc_info).get_traceback_text()
    # What the configured console handler writes (its filters rewrite the record).
    import logging

    from painmap.logfilters import RedactPaths

    console = next(
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactPaths) for f in handler.filters)
    )
    assert console.filter(record)
    logged = console.format(record)
    assert "forced failure while saving" in logged
    assert "forced failure while saving" in report
    assert secret not in logged
    assert secret not in report  # what an error e-mail or Sentry would carry
    assert assessment.key not in logged


@pytest.mark.parametrize("junk", ["a\x00b", "\ud800", "note \udfff end"])
def test_it_refuses_nul_and_lone_surrogates_in_text_with_a_message(client, db, junk):
    """PostgreSQL cannot store NUL: refused with a message, never a 500 (found by the fuzz)."""
    from assessment.data.seed_map import seed_spec
    from assessment.rules.answers import AnswerError, clean_answer

    item = seed_spec(1).by_code["notes_for_clinician"]
    with pytest.raises(AnswerError, match="cannot be saved"):
        clean_answer(item, junk)
