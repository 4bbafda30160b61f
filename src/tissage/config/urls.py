from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("orga/", include("tissage.orga.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    *i18n_patterns(
        path("portal/", include("tissage.portal.urls")),
        path("", include("tissage.public.urls")),
        prefix_default_language=True,
    ),
]

handler403 = "tissage.public.views.errors.permission_denied"
handler404 = "tissage.public.views.errors.page_not_found"
handler500 = "tissage.public.views.errors.server_error"
