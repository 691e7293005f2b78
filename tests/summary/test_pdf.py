"""The summary PDF (WeasyPrint), read back with pypdf."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessment.journey import services
from assessment.spec_loader import spec_for
from assessment.summary import pdf
from assessment.summary.builder import reference_for
from tests.support import (
    FULL_ANSWERS,
    FULL_ANSWERS_V2,
    claim,
    make_assessment,
    make_finished,
    pdf_text,
    seed_toolkit,
    squash,
    v1,
)

# Every test here renders a PDF with WeasyPrint: seconds each (left out of make test-fast).
pytestmark = pytest.mark.slow

# The longest answer the questionnaire accepts, so the two-page promise holds at the limit.
LONG_NOTE = ("My pain is worse after long shifts and better after a warm bath. " * 16)[:1000]


@pytest.fixture
def assessment(db):
    seed_toolkit()
    return make_assessment(v1(), {**FULL_ANSWERS, "notes_for_clinician": LONG_NOTE}, complete=True)


def get_pdf(client, assessment):
    claim(client, assessment)
    response = client.get(reverse("assessment:summary_pdf", args=[assessment.key]))
    assert response.status_code == 200
    return response


def test_it_downloads_a_pdf_named_for_the_reference(client, assessment):
    response = get_pdf(client, assessment)
    reference = reference_for(assessment.key)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="painmap-summary-{reference}.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_it_fits_a_fully_answered_questionnaire_on_two_pages(client, assessment):
    pages, _text, _meta = pdf_text(get_pdf(client, assessment).content)
    assert 1 <= pages <= 2


def first_page_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return squash(PdfReader(io.BytesIO(data)).pages[0].extract_text() or "")


def test_it_fits_a_fully_answered_version_2_on_two_pages_with_measures_and_note_on_page_1(
    client, db
):
    seed_toolkit()
    assessment = make_finished({**FULL_ANSWERS_V2, "notes_for_clinician": LONG_NOTE}, version=2)
    data = get_pdf(client, assessment).content
    pages, text, _meta = pdf_text(data)
    assert 1 <= pages <= 2
    page_1 = first_page_text(data)
    for expected in (
        "Validated measures",
        "PEG 7.0/10",
        "PHQ-2 3/6 positive screen",
        "GAD-2 5/6 positive screen",
        "Positive screen at 3 or more of 6",
        "A 30% fall is a meaningful improvement",
        "From 7.0, that is 4.9 or lower.",
        squash(LONG_NOTE)[:200],
    ):
        assert expected in page_1, expected


def test_it_says_not_answered_for_a_measure_with_a_skipped_item_never_0(client, db):
    assessment = make_finished(
        {**FULL_ANSWERS_V2, "interference_activity": None, "nervous": None}, version=2
    )
    page_1 = first_page_text(get_pdf(client, assessment).content)
    assert "PEG Not answered" in page_1
    assert "GAD-2 Not answered" in page_1
    assert "PHQ-2 3/6" in page_1


def test_it_carries_the_key_content_and_reference(client, assessment):
    _pages, text, _meta = pdf_text(get_pdf(client, assessment).content)
    text = squash(text)
    assert reference_for(assessment.key) in text
    for expected in (
        "Clinician summary",
        "Self-reported; not a diagnosis.",
        "Red-flag screen: none of the listed symptoms reported.",
        "Pain profile",
        "8 of 19 regions",
        "Regular NSAIDs with an anticoagulant: bleeding risk.",
        "Regular NSAIDs in pregnancy or breastfeeding: review.",
        "inflammatory arthritis",
        "All answers",
        "My pain is worse after long shifts",
    ):
        assert expected in text, expected
    assert "Download PDF" not in text, "no buttons in the PDF"
    assert "Skip to main content" not in text


def test_it_sets_the_pdf_metadata(client, assessment):
    _pages, _text, meta = pdf_text(get_pdf(client, assessment).content)
    reference = reference_for(assessment.key)
    assert meta["/Title"].startswith(f"Clinician summary {reference}")
    assert meta["/Author"] == "PainMap"
    assert "not a diagnosis" in meta["/Subject"]
    assert meta["/Creator"].startswith("PainMap")


def test_it_makes_a_tagged_pdf_for_screen_readers(client, assessment):
    from io import BytesIO

    from pypdf import PdfReader

    root = PdfReader(BytesIO(get_pdf(client, assessment).content)).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).lower().startswith("en")


def test_it_shows_every_caution_of_the_results_page_in_the_pdf(client, assessment):
    claim(client, assessment)
    results = client.get(reverse("assessment:results", args=[assessment.key]))
    shown = [c.text for s in results.context["suggestions"] for c in s.cautions]
    assert shown
    _pages, text, _meta = pdf_text(get_pdf(client, assessment).content)
    for caution in shown:
        assert squash(caution) in squash(text)


def test_it_puts_red_flags_first_in_the_pdf(client, db):
    assessment = make_assessment(
        v1(), {**FULL_ANSWERS, "red_flags": ["chest_pain", "weight_loss"]}, complete=True
    )
    _pages, text, _meta = pdf_text(get_pdf(client, assessment).content)
    text = squash(text)
    assert text.index("Red flags reported: emergency") < text.index("Pain profile")
    flags = spec_for(assessment.questionnaire).by_code["red_flags"].options_by_code
    assert squash(flags["chest_pain"].label) in text
    assert squash(flags["weight_loss"].label) in text


def test_it_leaves_a_hidden_branch_out_of_the_pdf(client, db):
    assessment = make_assessment(v1(), {**FULL_ANSWERS, "medications": ["opioids"]})
    services.store_answer(assessment, "medications", ["nsaids_regular", "anticoagulant"])
    services.complete(assessment, spec_for(assessment.questionnaire))
    _pages, text, _meta = pdf_text(get_pdf(client, assessment).content)
    text = squash(text)
    # Listed as not asked (the branch does not apply), never with the stale answer.
    assert "Opioid use duration Not asked (did not apply)" in text
    assert "More than 3 months" not in text.split("Opioid use duration", 1)[1][:60]
    assert "hyperalgesia" not in text
    assert "Regular NSAIDs with an anticoagulant: bleeding risk." in text


def test_it_is_a_plain_404_for_a_stranger(client, assessment):
    response = client.get(reverse("assessment:summary_pdf", args=[assessment.key]))
    assert response.status_code == 404


# The fetcher ------------------------------------------------------------------------------


def test_it_serves_the_sites_own_stylesheet_to_weasyprint():
    body, mime_type = pdf.fetch_static(f"{pdf.PDF_ORIGIN}/static/css/painmap.css")
    assert mime_type == "text/css"
    assert b"/* Clinician summary" in body


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/static/css/painmap.css",
        "http://127.0.0.1:8000/static/css/painmap.css",
        "file:///etc/passwd",
        f"{pdf.PDF_ORIGIN}/admin/",
        f"{pdf.PDF_ORIGIN}/static/../../painmap/settings.py",
        f"{pdf.PDF_ORIGIN}/static/%2e%2e/painmap/settings.py",
        f"{pdf.PDF_ORIGIN}/static/css/missing.css",
    ],
)
def test_it_refuses_anything_but_local_static_files(url):
    with pytest.raises(pdf.RefusedURL):
        pdf.fetch_static(url)


def test_it_never_fetches_from_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the PDF tried to open a network connection")

    monkeypatch.setattr("socket.socket.connect", no_network)
    html = (
        '<html><head><title>T</title><link rel="stylesheet" href="https://example.com/x.css">'
        '<link rel="stylesheet" href="/static/css/painmap.css"></head>'
        '<body><img src="http://example.com/i.png" alt=""><p>Hello</p></body></html>'
    )
    assert pdf.html_to_pdf(html).startswith(b"%PDF-")


def test_it_limits_how_fast_pdfs_are_made(client, assessment, settings):
    settings.PAINMAP_RATE_LIMITS = {**settings.PAINMAP_RATE_LIMITS, "pdf": "2/10m"}
    claim(client, assessment)
    url = reverse("assessment:summary_pdf", args=[assessment.key])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
