"""The patient's pages: starting, answering, resuming and the results page.

`urls` and `views` (thin), `forms`, `services` (saving answers and results),
`access` (who owns an assessment), `presenters` (what a page shows) and `explain`
(the 'how was this worked out' text).
"""
