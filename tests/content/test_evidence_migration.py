"""The migration that made references rows keeps every reference an editor had written."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("content", "0004_editor_support_text")]
AFTER = [("content", "0005_evidence_strength")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_it_turns_each_line_of_references_into_a_linked_reference_row():
    try:
        apps = migrate(BEFORE)
        Article = apps.get_model("content", "Article")
        article = Article.objects.create(
            title="T",
            slug="t",
            summary="s",
            body="b",
            references="Woolf CJ. Central sensitization. *Pain*. 2011.\n\n  Second source.  \n",
        )

        apps = migrate(AFTER)
        Reference = apps.get_model("content", "Reference")
        rows = list(Reference.objects.filter(article_id=article.pk).order_by("order"))
        assert [row.citation for row in rows] == [
            "Woolf CJ. Central sensitization. Pain. 2011.",
            "Second source.",
        ]
        assert rows[0].url.startswith("https://pubmed.ncbi.nlm.nih.gov/?term=Woolf+CJ")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
