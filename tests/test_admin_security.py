"""Editors' sign-in: lockout per real client address, idle sessions, two-factor sign-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from assessment.journey import access
from tests.support import clinical_lead, editor, sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
PROXY = "127.0.0.1"
T0 = datetime(2027, 3, 1, 9, 0, 0, tzinfo=UTC)


def login_url():
    return reverse("admin:login")


def sign_in_form(client, username, password, token="", **meta):
    return client.post(
        login_url(),
        {"username": username, "password": password, "otp_token": token, "next": "/admin/"},
        **meta,
    )


def token_for(device: TOTPDevice, at: datetime | None = None) -> str:
    """What the person's phone shows: django-otp's own TOTP over the device's key."""
    moment = (at or datetime.now(UTC)).timestamp()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = moment
    return f"{generator.token():0{device.digits}d}"


# ---------------------------------------------------------------- lockout behind the proxy


def test_failed_sign_ins_from_one_address_do_not_lock_out_another(settings):
    settings.PAINMAP_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    user = editor("ed")
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attacker.post(login_url(), {"username": "ed", "password": "wrong", "next": "/admin/"})
    locked = sign_in_form(attacker, "ed", PASSWORD, HTTP_X_REAL_IP="203.0.113.66")
    assert locked.status_code in (403, 429)  # the attacker's address is locked

    # The editor, behind the same proxy, from their own address: not locked out.
    own = Client(REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="198.51.100.7")
    response = sign_in_form(own, "ed", PASSWORD)
    assert response.status_code == 302, response.status_code
    assert own.get(reverse("admin:index")).status_code == 200
    assert user.username == "ed"


def test_the_lockout_still_counts_per_address_without_the_header():
    editor("ed2")
    for _ in range(6):
        Client(REMOTE_ADDR="203.0.113.70").post(
            login_url(), {"username": "ed2", "password": "wrong", "next": "/admin/"}
        )
    assert sign_in_form(Client(REMOTE_ADDR="203.0.113.70"), "ed2", PASSWORD).status_code in (
        403,
        429,
    )


# ---------------------------------------------------------------- idle sessions


def test_staff_sessions_end_after_30_idle_minutes_and_patients_do_not():
    staff = Client()
    patient = Client()
    with time_machine.travel(T0, tick=False):
        sign_in(staff, editor("idle"))
        assert staff.get(reverse("admin:index")).status_code == 200
        from tests.support import make_assessment, make_questionnaire

        assessment = make_assessment(make_questionnaire())
        session = patient.session
        session[access.SESSION_KEY] = [assessment.key]
        session.save()
    with time_machine.travel(T0 + timedelta(minutes=29), tick=False):
        assert staff.get(reverse("admin:index")).status_code == 200  # activity moves it on
    with time_machine.travel(T0 + timedelta(minutes=29 + 29), tick=False):
        assert staff.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(T0 + timedelta(minutes=29 + 29 + 31), tick=False):
        response = staff.get(reverse("admin:index"))
        assert response.status_code == 302 and login_url() in response["Location"]
        # A person's MAP session, untouched for the same 89 minutes, still opens their answers.
        assert patient.get(f"/map/{assessment.key}/").status_code == 302
        assert patient.get(f"/map/{assessment.key}/").url != "/map/"


# ---------------------------------------------------------------- two-factor sign-in


def test_a_clinical_lead_without_a_confirmed_app_cannot_reach_the_workbench():
    lead = clinical_lead("newlead")
    client = Client()
    client.force_login(lead)  # password only
    for url in (
        reverse("admin:index"),
        reverse("admin:assessment_insight"),
        reverse("admin:assessment_export"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("painmap_two_factor")
    # An unconfirmed device (scanned, never confirmed) is not enough either.
    TOTPDevice.objects.create(user=lead, name="half", confirmed=False)
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_editor_may_work_without_two_factor():
    client = Client()
    client.force_login(editor("plain"))
    assert client.get(reverse("admin:index")).status_code == 200


def test_enrolment_shows_a_local_qr_code_and_the_key_then_confirms_with_a_code():
    lead = clinical_lead("enrols")
    client = Client()
    client.force_login(lead)
    page = client.get(reverse("painmap_two_factor"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>")[0]
    assert 'id="otp-secret"' in html
    device = TOTPDevice.objects.get(user=lead, confirmed=False)

    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        wrong = client.post(reverse("painmap_two_factor"), {"token": "000000"})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()

    later = start + timedelta(seconds=30)  # django-otp slows retries down after a wrong code
    with time_machine.travel(later, tick=False):
        done = client.post(reverse("painmap_two_factor"), {"token": token_for(device, later)})
    assert done.status_code == 200
    codes = StaticToken.objects.filter(device__user=lead).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200  # this session is verified


def test_totp_sign_in_works_end_to_end_and_recovery_codes_work_once():
    lead = clinical_lead("twofa")
    device = TOTPDevice.objects.create(user=lead, name="phone", confirmed=True)
    enrol = Client()
    enrol.force_login(lead)
    enrol.post(reverse("painmap_two_factor"), {"action": "recovery"})
    recovery = StaticToken.objects.filter(device__user=lead).values_list("token", flat=True)[0]

    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        missing = sign_in_form(Client(), "twofa", PASSWORD)
        assert missing.status_code == 200
        assert "Enter the 6-digit code" in missing.content.decode()
        wrong = sign_in_form(Client(), "twofa", PASSWORD, token="123456")
        assert "That code is not right" in wrong.content.decode()

    later = start + timedelta(minutes=2)  # django-otp slows retries down after a wrong code
    with time_machine.travel(later, tick=False):
        client = Client()
        ok = sign_in_form(client, "twofa", PASSWORD, token=token_for(device, later))
        assert ok.status_code == 302
        assert client.get(reverse("admin:assessment_insight")).status_code == 200

        # The same code again (replayed) is refused: TOTP codes are single use.
        replay = sign_in_form(Client(), "twofa", PASSWORD, token=token_for(device, later))
        assert "That code is not right" in replay.content.decode()

    with_code = Client()
    response = sign_in_form(with_code, "twofa", PASSWORD, token=recovery)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert with_code.get(reverse("admin:index")).status_code == 200
    again = sign_in_form(Client(), "twofa", PASSWORD, token=recovery)
    assert "That code is not right" in again.content.decode()


def test_a_session_signed_in_without_a_code_is_sent_back_to_sign_in_once_a_device_exists():
    lead = clinical_lead("later")
    client = Client()
    client.force_login(lead)
    TOTPDevice.objects.create(user=lead, name="phone", confirmed=True)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and login_url() in response["Location"]
