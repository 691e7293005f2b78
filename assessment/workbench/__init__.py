"""The clinical lead's admin: questionnaire versions and their weights, the test bench.

`admin` (the admin classes, registered from assessment/admin.py), `views` (the extra
admin pages), `versions` (clone, check, publish), `testbench` (scoring stories),
`insight` (anonymous counts) and `export` (answers as CSV).
"""
