"""FHIR in a real Chromium, against a client nobody here wrote.

A second HTTP server on another port plays the other origin: it serves a page and LHC-Forms
(the npm package `lforms`, installed into tests/lforms by `make lforms`), never a CDN.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.urls import reverse

from assessment.data.seed_map import seed_all, seed_spec
from tests.support import FULL_ANSWERS_V2, make_finished

pytestmark = pytest.mark.django_db(transaction=True)

LFORMS_DIR = Path(__file__).parents[1] / "lforms"
LFORMS_DIST = LFORMS_DIR / "node_modules" / "lforms" / "dist" / "lforms"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def other_origin():
    """http://127.0.0.1:<another port>/ serving tests/lforms; stopped after the test."""
    handler = functools.partial(_QuietHandler, directory=str(LFORMS_DIR))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def lforms_installed():
    if not (LFORMS_DIST / "webcomponent" / "main.js").exists():
        message = "lforms is not installed: run `make lforms`"
        if os.environ.get("PAINMAP_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


def own(page, live_server, assessment):
    """Claim the assessment in this browser as the person would, with the resume code."""
    page.goto(live_server.url + reverse("assessment:resume"))
    page.fill("#id_code", assessment.resume_code)
    page.locator("main form").first.locator("button[type=submit]").click()
    page.wait_for_load_state()


FETCH = """async ([url, credentials]) => {
  try {
    const response = await fetch(url, {credentials});
    return {ok: true, status: response.status, body: await response.json()};
  } catch (error) {
    return {ok: false, error: String(error)};
  }
}"""


def test_another_origin_may_fetch_the_questionnaire_but_never_a_response(
    page, live_server, other_origin, lforms_installed
):
    seed_all()
    assessment = make_finished(FULL_ANSWERS_V2, version=2)
    own(page, live_server, assessment)
    response_url = live_server.url + reverse("assessment:fhir_response", args=[assessment.key])
    # The browser does hold the person's session: same-origin, the response is theirs to read.
    assert page.evaluate(FETCH, [response_url, "include"])["status"] == 200

    page.goto(other_origin + "/roundtrip.html")
    definition = page.evaluate(FETCH, [live_server.url + "/fhir/Questionnaire/map", "omit"])
    assert definition["ok"] and definition["status"] == 200
    assert definition["body"]["url"] == live_server.url + "/fhir/Questionnaire/map"
    code_system = page.evaluate(FETCH, [live_server.url + "/fhir/CodeSystem/map-results", "omit"])
    assert code_system["ok"] and code_system["body"]["resourceType"] == "CodeSystem"
    for credentials in ("include", "omit"):
        blocked = page.evaluate(FETCH, [response_url, credentials])
        assert not blocked["ok"], "a person's response must never be readable cross-origin"


def answers_by_link_id(resource) -> dict:
    """linkId -> sorted answer values, over every level of nesting."""
    found: dict = {}

    def walk(items):
        for item in items or []:
            values = []
            for answer in item.get("answer", []):
                if "valueCoding" in answer:
                    coding = answer["valueCoding"]
                    values.append(f"{coding.get('system')}|{coding['code']}")
                else:
                    values.extend(str(v) for k, v in answer.items() if k.startswith("value"))
                walk(answer.get("item"))
            if values:
                found[item["linkId"]] = sorted(values)
            walk(item.get("item"))

    walk(resource.get("item"))
    return found


def test_lhc_forms_loads_our_questionnaire_and_response_and_gives_the_same_answers_back(
    page, live_server, other_origin, lforms_installed, client
):
    seed_all()
    assessment = make_finished({**FULL_ANSWERS_V2, "fatigue": None}, version=2)
    own(page, live_server, assessment)
    bundle = page.evaluate(
        FETCH,
        [live_server.url + reverse("assessment:fhir_response", args=[assessment.key]), "include"],
    )["body"]
    response = bundle["entry"][0]["resource"]

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(other_origin + "/roundtrip.html")
    page.wait_for_function("() => window.LForms && LForms.Util")
    questionnaire = page.evaluate(FETCH, [live_server.url + "/fhir/Questionnaire/map", "omit"])
    assert questionnaire["ok"], questionnaire
    back = page.evaluate("([q, r]) => window.roundTrip(q, r)", [questionnaire["body"], response])
    assert not errors, errors

    sent = answers_by_link_id(response)
    assert len(sent) >= 30 and "fatigue" not in sent
    assert answers_by_link_id(back) == sent
    # The "why we ask" help reaches LHC-Forms (it shows one help text per question).
    help_text = page.evaluate(
        """(q) => {
          const found = {};
          const walk = (items) => (items || []).forEach((item) => {
            found[item.linkId] = item.codingInstructionsPlain || null;
            walk(item.items);
          });
          walk(LForms.Util.convertFHIRQuestionnaireToLForms(q, "R4").items);
          return found;
        }""",
        questionnaire["body"],
    )
    spec = seed_spec(2)
    for code in ("duration", "interference_enjoyment", "little_interest"):
        assert help_text[code] == f"Why we ask: {spec.by_code[code].why_we_ask}"
