"""Two-factor sign-in for editors (TOTP from an authenticator app, with recovery codes).

Every staff account can turn it on from "Two-factor sign-in" in the admin; members of the
groups in ``PAINMAP_TWO_FACTOR_GROUPS`` (the Clinical lead, who publishes what patients are
told) must: until they have confirmed an authenticator app, every admin page sends them to the
enrolment page. Once a device is confirmed, the sign-in form asks for its 6-digit code, or one
of the ten single-use recovery codes shown at enrolment (django-otp's static tokens).

The QR code is drawn here as inline SVG (segno): the secret never leaves the site.
"""

from __future__ import annotations

import base64

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
_PENDING_DEVICE = "_painmap_otp_device"


def requires_two_factor(user) -> bool:
    groups = getattr(settings, "PAINMAP_TWO_FACTOR_GROUPS", ())
    return bool(user.is_authenticated and user.groups.filter(name__in=groups).exists())


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class TwoFactorAuthenticationForm(AdminAuthenticationForm):
    """The admin sign-in: username, password and, once set up, the authenticator code."""

    otp_token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app, or a recovery code"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp_missing": gettext_lazy(
            "Enter the 6-digit code from your authenticator app, or a recovery code."
        ),
        "otp_wrong": gettext_lazy(
            "That code is not right. Codes change every 30 seconds: enter the one showing now."
        ),
    }

    def clean(self):
        cleaned = super().clean()  # username and password (django-axes counts failures)
        user = self.get_user()
        if user is None or not (has_device(user) or StaticDevice.objects.filter(user=user)):
            return cleaned
        token = "".join((cleaned.get("otp_token") or "").split())
        if not token:
            raise forms.ValidationError(self.error_messages["otp_missing"], code="otp_missing")
        device = matching_device(user, token)
        if device is None:
            raise forms.ValidationError(self.error_messages["otp_wrong"], code="otp_wrong")
        # Marked verified once the session exists (auth.login may give it a new key).
        setattr(self.request, _PENDING_DEVICE, device)
        return cleaned


def matching_device(user, token: str):
    """The device that accepts `token`: 6 digits are an app code, anything else a recovery
    code. Asked of that kind only, so wrong app codes never slow down a recovery code (each
    device counts its own failures and throttles itself)."""
    is_app_code = token.isascii() and token.isdigit() and len(token) == 6
    model = TOTPDevice if is_app_code else StaticDevice
    with transaction.atomic():
        for device in model.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_is_allowed()[0] and device.verify_token(token):
                return device
    return None


@receiver(user_logged_in)
def _verify_session(sender, request, user, **kwargs):
    device = getattr(request, _PENDING_DEVICE, None) if request is not None else None
    if device is not None and device.user_id == user.pk:
        django_otp.login(request, device)


def _secret(device: TOTPDevice) -> str:
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _qr_svg(device: TOTPDevice) -> str:
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("QR code for your app"))
    return mark_safe(svg)  # noqa: S308  (made here from our own URL, nothing user-typed)


def _new_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@sensitive_post_parameters()
def enrol(request):
    """Set up (or review) two-factor sign-in for the signed-in staff account."""
    from django.contrib import admin

    user = request.user
    context = {**admin.site.each_context(request), "title": _("Two-factor sign-in")}
    if has_device(user):
        if request.method == "POST" and request.POST.get("action") == "recovery":
            context["codes"] = _new_recovery_codes(user)
        context["enabled"] = True
        context["recovery_left"] = StaticToken.objects.filter(device__user=user).count()
        return render(request, "admin/two_factor.html", context)

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    if request.method == "POST":
        token = "".join(request.POST.get("token", "").split())
        if token.isascii() and token.isdigit() and device.verify_token(token):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = _new_recovery_codes(user)
            django_otp.login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            return render(
                request,
                "admin/two_factor.html",
                {**context, "enabled": True, "codes": codes, "recovery_left": len(codes)},
            )
        context["error"] = _(
            "That code is not right. Enter the 6-digit code your app shows now for PainMap."
        )
    context.update(
        {
            "required": requires_two_factor(user),
            "secret": _secret(device),
            "qr_svg": _qr_svg(device),
        }
    )
    return render(
        request, "admin/two_factor.html", context, status=400 if "error" in context else 200
    )


class TwoFactorRequiredMiddleware:
    """Sends a Clinical lead who has not confirmed two-factor sign-in to the enrolment page.

    After OTPMiddleware and AuthenticationMiddleware. Only admin pages are affected; the
    sign-in, sign-out and enrolment pages themselves stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_prefix = "/" + settings.ADMIN_PATH
        if not request.path.startswith(admin_prefix):
            return self.get_response(request)  # no session load (a query) off the admin
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(admin_prefix)
            and not _is_open(request.path)
            and not user.is_verified()
            and (requires_two_factor(user) or has_device(user))
        ):
            if has_device(user):
                # A device exists but this session never gave a code (signed in elsewhere,
                # before enrolment): sign in again with the code.
                from django.contrib.auth import logout

                logout(request)
                return redirect(f"{reverse('admin:login')}?next={request.path}")
            return redirect("painmap_two_factor")
        return self.get_response(request)


def _is_open(path: str) -> bool:
    return path in (
        reverse("admin:login"),
        reverse("admin:logout"),
        reverse("painmap_two_factor"),
    ) or path.startswith("/" + settings.ADMIN_PATH + "jsi18n")
