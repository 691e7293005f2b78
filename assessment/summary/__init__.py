"""The clinician's outputs of a finished assessment.

`builder` puts the summary together; `views` serves it as a page, a PDF (`pdf`) and
FHIR (`fhir`); `sharing` makes time-limited share links. `urls` are the patient's own
routes under /map/, `shared_urls` the routes a share link opens under /shared/.
"""
