from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from painmap import twofactor

admin.site.site_header = "PainMap editors"
admin.site.site_title = "PainMap admin"
admin.site.index_title = "Guide and MAP"

admin.site.login_form = twofactor.TwoFactorAuthenticationForm
admin.site.login_template = "admin/login_two_factor.html"

urlpatterns = [
    path(
        settings.ADMIN_PATH + "two-factor/",
        admin.site.admin_view(twofactor.enrol),
        name="painmap_two_factor",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("map/", include("assessment.journey.urls")),
    path("shared/", include("assessment.summary.shared_urls")),
    path("fhir/", include("assessment.summary.fhir_urls")),
    path("", include("content.urls")),
]
