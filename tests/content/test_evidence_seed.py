"""Every seeded toolkit item and article says how strong its evidence is, with references a
reader can follow; editors' grades and references survive a re-seed."""

import re
from urllib.parse import urlparse

import pytest

from content import evidence, seed_data, seed_evidence
from content.models import Article, Reference, Status, ToolkitItem
from content.seeding import seed_content

pytestmark = pytest.mark.django_db

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def test_the_seed_grades_every_toolkit_item_and_article_and_nothing_else():
    assert set(seed_evidence.TOOLKIT) == {row["slug"] for row in seed_data.TOOLKIT}
    assert set(seed_evidence.ARTICLES) == {row["slug"] for row in seed_data.ARTICLES}


def test_every_seeded_item_and_article_has_a_strength_a_claim_and_checkable_references():
    seed_content()
    graded = [
        *ToolkitItem.objects.prefetch_related("sources"),
        *Article.objects.prefetch_related("sources"),
    ]
    assert len(graded) == 13 + len(seed_data.ARTICLES)
    for obj in graded:
        assert obj.evidence_strength in evidence.CODES, obj
        assert obj.grade.label and obj.grade.definition
        assert 20 < len(obj.evidence_claim) <= 300, obj
        refs = list(obj.sources.all())
        assert refs, f"{obj} has no reference"
        for ref in refs:
            assert ref.doi or ref.url, ref
            if ref.doi:
                assert DOI.match(ref.doi), ref.doi
                assert ref.href == f"https://doi.org/{ref.doi}"
            if ref.url:
                url = urlparse(ref.url)
                assert url.scheme == "https" and url.netloc, ref.url
            ref.full_clean()  # the same rules the admin applies


def test_every_guideline_reference_says_whether_it_agrees_and_only_guidelines_do():
    seed_content()
    for ref in Reference.objects.all():
        if ref.kind == Reference.Kind.GUIDELINE:
            assert ref.guideline_stance, ref
            assert ref.note, f"{ref} should say what the guideline says"
        else:
            assert not ref.guideline_stance, ref


def test_the_national_guidelines_are_named_where_they_speak():
    seed_content()

    def cited(owner, text):
        return Reference.objects.filter(**owner, citation__contains=text).exists()

    assert cited({"item__slug": "graded-movement"}, "NG193")
    assert cited({"item__slug": "graded-movement"}, "NG59")
    assert cited({"article__slug": "opioids-and-hyperalgesia"}, "Prescribing Opioids for Pain")
    assert cited({"article__slug": "imaging-findings"}, "NG59")
    assert cited({"article__slug": "fibromyalgia"}, "NG193")


def test_the_grades_are_honest_about_the_weaker_options():
    seed_content()
    grade = dict(ToolkitItem.objects.values_list("slug", "evidence_strength"))

    assert grade["graded-movement"] == "strong"
    assert grade["pain-neuroscience-education"] in ("moderate", "strong")
    for slug in ("low-dose-naltrexone", "magnesium", "palmitoylethanolamide", "curcumin"):
        assert grade[slug] == "limited", slug
    assert "Off-label" in ToolkitItem.objects.get(slug="low-dose-naltrexone").evidence_claim


def test_a_reseed_tops_up_a_missing_grade_and_references_but_keeps_an_editors():
    seed_content()
    edited = ToolkitItem.objects.get(slug="magnesium")
    edited.evidence_strength = "moderate"
    edited.save()
    edited.sources.all().delete()
    Reference.objects.create(
        item=edited, citation="An editor's source", url="https://example.org/x"
    )
    ToolkitItem.objects.filter(slug="curcumin").update(evidence_strength="", evidence_claim="")
    ToolkitItem.objects.get(slug="curcumin").sources.all().delete()

    created = seed_content()

    assert created["evidence grades"] == ["curcumin"]
    edited.refresh_from_db()
    assert edited.evidence_strength == "moderate"
    assert list(edited.sources.values_list("citation", flat=True)) == ["An editor's source"]
    curcumin = ToolkitItem.objects.get(slug="curcumin")
    assert curcumin.evidence_strength == "limited"
    assert curcumin.sources.count() == len(seed_evidence.TOOLKIT["curcumin"]["references"])
    assert curcumin.sources.first().history.count() == 1


def test_a_published_item_needs_a_strength_but_a_draft_can_wait():
    from django.core.exceptions import ValidationError

    item = ToolkitItem(
        slug="x", name="X", summary="s", what_it_does="w", dose="d", time_to_effect="t"
    )
    item.status = Status.DRAFT
    item.full_clean()
    item.status = Status.PUBLISHED
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "evidence_strength" in error.value.message_dict


def test_a_reference_needs_a_doi_or_a_link_and_one_owner():
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    seed_content()
    item = ToolkitItem.objects.first()
    with pytest.raises(ValidationError):
        Reference(item=item, citation="No link").full_clean()
    with pytest.raises(ValidationError):
        Reference(item=item, citation="Bad DOI", doi="https://doi.org/10.1/x").full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Reference.objects.create(item=item, citation="No link")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Reference.objects.create(citation="No owner", url="https://example.org/")


def test_every_reworded_field_names_a_seeded_row_and_field_whose_text_has_changed():
    import hashlib

    from content.seed_reworded import REWORDED
    from content.seeding import SEEDS

    for name, old_hash in REWORDED.items():
        seed, slug, field = name.split(":")
        key = SEEDS[seed][1]
        row = next(row for row in getattr(seed_data, seed) if row[key] == slug)
        assert hashlib.sha256(row[field].encode()).hexdigest() != old_hash, name


def test_a_reseed_rewords_untouched_old_text_but_never_an_editors(monkeypatch):
    import hashlib

    from content import seeding

    seed_content()
    old = "The evidence base is growing and the mechanism is understood."
    monkeypatch.setattr(
        seeding,
        "REWORDED",
        {
            "TOOLKIT:somatic-therapy:evidence": hashlib.sha256(old.encode()).hexdigest(),
            "TOOLKIT:magnesium:evidence": hashlib.sha256(old.encode()).hexdigest(),
        },
    )
    somatic = ToolkitItem.objects.get(slug="somatic-therapy")
    somatic.evidence = old
    somatic.save()
    magnesium = ToolkitItem.objects.get(slug="magnesium")
    magnesium.evidence = "An editor's own words."
    magnesium.save()

    created = seed_content()

    assert created["rewordings"] == ["somatic-therapy: evidence"]
    somatic.refresh_from_db()
    seeded = next(r for r in seed_data.TOOLKIT if r["slug"] == "somatic-therapy")
    assert somatic.evidence == seeded["evidence"]
    assert "hypothesis" in somatic.evidence_html
    assert somatic.history.first().history_change_reason.startswith("Reworded")
    magnesium.refresh_from_db()
    assert magnesium.evidence == "An editor's own words."
    assert seed_content()["rewordings"] == []
