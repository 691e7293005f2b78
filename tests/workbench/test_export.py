"""CSV export of completed assessments: what is in it, what is never in it, and flat memory."""

import csv
import io
import json
import tracemalloc

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assessment.models import Answer, Assessment
from assessment.workbench import export
from tests.support import CALM_HIP, clinical_lead, make_assessment, sign_in, v1

pytestmark = pytest.mark.django_db


def download(client, **params):
    response = client.get(reverse("admin:assessment_export"), params)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_it_exports_completed_assessments_without_free_text(client):
    questionnaire = v1()
    answers = {
        **CALM_HIP,
        "descriptors": ["aching", "stiffness"],
        "medications": ["nsaids_regular"],
        "opioid_taper": "yes",  # stored from an earlier branch; opioids since unticked
        "notes_for_clinician": "My name is Jo and my neighbour hurt me",
    }
    done = make_assessment(questionnaire, answers, complete=True)
    make_assessment(questionnaire, CALM_HIP)
    sign_in(client, clinical_lead())

    rows = download(client)

    assert len(rows) == 1
    row = rows[0]
    assert "assessment" not in row and row["row"] != str(done.pk)
    assert len(row["row"]) == 16
    assert row["version"] == "1"
    assert row["descriptors"] == "aching|stiffness"
    assert row["intensity"] == "5"
    assert row["primary"] == "|".join(done.result["primary"])
    for code in ("peripheral", "central", "stress_driven", "neuropathic"):
        assert row[f"score_{code}"] == str(done.result["types"][code]["score"])
    assert row["urgency"] == "" and row["crisis"] == "no"
    # Days, not times: a time to the microsecond next to these answers could single one out.
    assert row["started_on"] == done.created_at.date().isoformat()
    assert row["completed_on"] == done.completed_at.date().isoformat()
    assert "created_at" not in row and "completed_at" not in row
    # A branch that no longer applies is not exported: it says why there is no answer.
    assert row["opioid_taper"] == "not_asked"
    assert "notes_for_clinician" not in row
    assert all("neighbour" not in value for value in row.values())
    assert "key" not in row and "resume_code" not in row


def test_it_fetches_answers_per_chunk_not_per_row(client, django_assert_max_num_queries):
    questionnaire = v1()
    for _ in range(6):
        make_assessment(questionnaire, CALM_HIP, complete=True)
    lines = export.rows(Assessment.objects.all(), chunk_size=2)
    with django_assert_max_num_queries(12):
        pieces = list(lines)
    # The header, then one piece per chunk of two rows.
    assert len(pieces) == 4
    assert "".join(pieces).count("\r\n") == 7


def insert_completed_assessments(questionnaire, total):
    """Rows straight through the cursor: model instances would cost more time than the export."""
    now = timezone.now()
    result = json.dumps({"primary": ["peripheral"], "types": {"peripheral": {"score": 40}}})
    table, answers = Assessment._meta.db_table, Answer._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (key, resume_code, questionnaire_id, created_at, updated_at, "
            "completed_at, urgency, crisis, result) VALUES (%s, %s, %s, %s, %s, %s, '', %s, %s)",
            (
                (f"bulk-{n}", f"B{n:07d}", questionnaire.pk, now, now, now, False, result)
                for n in range(total)
            ),
        )
        ids = list(Assessment.objects.filter(key__startswith="bulk-").values_list("pk", flat=True))
        cursor.executemany(
            f"INSERT INTO {answers} (assessment_id, item_code, value, updated_at) "
            "VALUES (%s, %s, %s, %s)",
            (
                (pk, code, value, now)
                for pk in ids
                for code, value in (
                    ("red_flags", '["none"]'),
                    ("duration", '"gt_12_months"'),
                    ("intensity", "6"),
                )
            ),
        )


@pytest.mark.slow
def test_it_streams_100000_rows_in_little_memory(client):
    """100,000 completed assessments with three answers each, exported with a flat peak."""
    questionnaire = v1()
    total = 100_000
    insert_completed_assessments(questionnaire, total)
    assert Assessment.objects.count() == total
    sign_in(client, clinical_lead())
    connection.queries_log.clear()

    tracemalloc.start()
    try:
        response = client.get(reverse("admin:assessment_export"))
        lines = 0
        size = 0
        for chunk in response.streaming_content:
            lines += chunk.count(b"\n")
            size += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert lines == total + 1
    # Holding the whole file alone would take `size` bytes; the stream's peak is a fraction.
    assert size > 10_000_000
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB export"


def test_it_numbers_rows_at_random_afresh_in_every_export(client):
    questionnaire = v1()
    done = [make_assessment(questionnaire, CALM_HIP, complete=True) for _ in range(3)]
    sign_in(client, clinical_lead())
    first = [row["row"] for row in download(client)]
    second = [row["row"] for row in download(client)]
    assert len(set(first)) == 3 and not set(first) & set(second)
    ids = {str(assessment.pk) for assessment in done}
    assert not ids & set(first)


def test_a_mixed_picture_keeps_all_its_types_in_the_csv_and_in_insight(client):
    from assessment.workbench.insight import insight

    questionnaire = v1()
    mixed = make_assessment(questionnaire, CALM_HIP, complete=True)
    Assessment.objects.filter(pk=mixed.pk).update(
        result={**mixed.result, "primary": ["central", "stress_driven"]}
    )
    sign_in(client, clinical_lead())
    (row,) = download(client)
    assert row["primary"] == "central|stress_driven"
    today = timezone.localdate()
    leading = {bar.key: bar.count for bar in insight(today, today).leading}
    assert leading["central"] == 1 and leading["stress_driven"] == 1
    assert leading["peripheral"] == 0 and leading["none"] == 0


def test_it_exports_the_suggestions_and_caution_codes_the_result_was_given(client):
    answers = {**CALM_HIP, "medications": ["anticoagulant", "nsaids_regular"]}
    done = make_assessment(v1(), answers, complete=True)
    sign_in(client, clinical_lead())

    (row,) = download(client)

    stored = done.result
    assert "nsaid_anticoagulant" in stored["medicine_cautions"]  # the rulebook's row fired
    assert row["medicine_cautions"].split("|") == stored["medicine_cautions"]
    assert row["suggestions"].split("|") == [s["slug"] for s in stored["suggestions"]]
    given = {code for s in stored["suggestions"] for code in s["cautions"]}
    assert given and set(row["suggestion_cautions"].split("|")) == given
