"""assessment/rules/ is what a clinician reviews: plain Python, no HTTP, no views, no queries."""

import ast
from pathlib import Path

import pytest

import assessment.rules

RULES = Path(assessment.rules.__file__).parent
MODULES = sorted(RULES.glob("*.py"))


def imported_modules(tree: ast.Module) -> set[str]:
    """Every module a file imports, relative ones resolved against assessment.rules."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = ["assessment", "rules"][: 3 - node.level]
                base = ".".join([*package, base]) if base else ".".join(package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_it_finds_the_rules():
    assert {path.stem for path in MODULES} >= {"codes", "scoring", "spec", "flow", "answers"}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_it_keeps_http_views_and_the_orm_out_of_the_rules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    imports = imported_modules(tree)
    assert not {m for m in imports if m == "django.http" or m.startswith("django.http.")}
    assert not {m for m in imports if m.split(".")[-1] == "views" or ".views." in m}
    assert not {m for m in imports if m.startswith(("assessment.models", "django.db"))}
    queries = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]
    assert not queries, f"{path.name} runs a query at lines {queries}"


def test_it_would_catch_a_query():
    tree = ast.parse("from ..models import Item\nitems = Item.objects.all()\n")
    assert "assessment.models" in imported_modules(tree)
    assert any(isinstance(n, ast.Attribute) and n.attr == "objects" for n in ast.walk(tree))
