"""Seed data: the MAP questionnaire as PainMap ships it (`seed_map`) and PainMap's own
clinical cases for the test bench (`clinical_cases`).
"""
