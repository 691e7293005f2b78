"""What a clinician reviews, as plain Python: no ORM, no HTTP.

The codes of ITEMS.md (`codes`) and the names people read for them (`labels`), the
questionnaire as data (`spec`), which items are shown (`flow`), how an answer is checked
(`answers`), the scoring and its results (`scoring`, `results`), the published measures
(`measures`), the toolkit suggestions (`suggestions`) and the caution rulebook (`cautions`).
The rules take and
return plain values (a version's spec comes from assessment/spec_loader.py), so they can be
read, tested and reviewed on their own; tests/rules/test_purity.py keeps it that way.
"""
