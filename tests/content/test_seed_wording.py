"""The guide is written in the site's own words: no seeded text shares a run of seven or more
words with the source guide in ../shared/seed (issue 16).

Both sides are normalised the same way: lowercase, punctuation and Markdown stripped, and a few
British/American spellings folded together, so a copied run cannot hide behind "isation" or a
changed comma. Runs are looked for within each seeded field, against the whole source.
"""

import os
import re
from pathlib import Path

import pytest

from content import seed_data, seed_evidence

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

SEED_DIR = Path(__file__).resolve().parents[3] / "shared" / "seed"
SOURCE = SEED_DIR / "000_d4fb165349321eb5.txt"
RUN = 7

SPELLINGS = [
    (re.compile(r"(?<=[a-z])iz(e|es|ed|ing|ation|ations)\b"), r"is\1"),
    (re.compile(r"\bfiber\b"), "fibre"),
    (re.compile(r"\bbehavior"), "behaviour"),
    (re.compile(r"\bgray\b"), "grey"),
    (re.compile(r"\bprogram\b"), "programme"),
]


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    for pattern, replacement in SPELLINGS:
        text = pattern.sub(replacement, text)
    # Punctuation (including Markdown marks and apostrophes) is dropped, not turned into a
    # word break, so "doesn't" and "doesnt" match; digits stay words of their own.
    text = re.sub(r"['\u2018]", "", text)
    return re.findall(r"[a-z0-9]+", re.sub(r"(\d)([a-z])", r"\1 \2", text))


def runs(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def seeded_texts(value, path="seed"):
    """Every piece of prose the seed loads, with where it came from (links are not prose)."""
    if isinstance(value, str):
        if not value.startswith("http"):
            yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from seeded_texts(inner, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, inner in enumerate(value):
            label = (
                inner.get("slug", inner.get("code", index)) if isinstance(inner, dict) else index
            )
            yield from seeded_texts(inner, f"{path}[{label}]")


def all_seeded_texts():
    for name in ("TYPES", "ARTICLES", "TOOLKIT", "QUESTIONS", "SUPPORT_TEXTS"):
        yield from seeded_texts(getattr(seed_data, name), name)
    yield from seeded_texts(seed_evidence.TOOLKIT, "EVIDENCE.TOOLKIT")
    yield from seeded_texts(seed_evidence.ARTICLES, "EVIDENCE.ARTICLES")


@pytest.fixture(scope="module")
def source_runs():
    if not SOURCE.exists():
        if os.environ.get("PAINMAP_REQUIRE_SHARED"):
            pytest.fail(f"{SOURCE} is missing, and PAINMAP_REQUIRE_SHARED says it must be there")
        pytest.skip(f"the source guide {SOURCE} is not beside the repo (../shared is absent)")
    return runs(words(SOURCE.read_text(encoding="utf-8")))


def test_the_normalising_folds_spelling_punctuation_and_markdown():
    assert words("**Central sensitisation**, isn't it? 600mg") == words(
        "central sensitization isnt it 600 mg"
    )


def test_it_finds_a_copied_run_when_there_is_one():
    copied = runs(words("If none of those have been addressed, the conversation is incomplete."))
    source = runs(words("if none of those have been addressed the conversation about"))
    assert copied & source


def test_no_seeded_text_shares_seven_words_in_a_row_with_the_source(source_runs):
    texts = list(all_seeded_texts())
    assert len(texts) > 150  # every field is read, not just a few
    shared = []
    for path, text in texts:
        for run in sorted(runs(words(text)) & source_runs):
            shared.append(f"{path}: {' '.join(run)}")
    assert not shared, f"{len(shared)} runs of {RUN}+ words copied from the source:\n" + "\n".join(
        shared
    )


def test_no_page_template_shares_seven_words_in_a_row_with_the_source(source_runs):
    """The fixed words on the pages (home page intro, headings) follow the same rule."""
    shared = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = re.sub(r"<[^>]+>|\{[%{#].*?[%}#]\}", " ", path.read_text(encoding="utf-8"))
        for run in sorted(runs(words(text)) & source_runs):
            shared.append(f"{path.relative_to(TEMPLATES)}: {' '.join(run)}")
    assert not shared, "\n".join(shared)
