"""The public site; every address carries the interface language (``/fr/…``, ``/en/…``, ``/ru/…``).

Festivals live under ``festivals/`` so that a festival's short name can never hide another page.
"""

from django.urls import path

from .views import pages, people, programme

app_name = "public"
urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("festivals/<slug:festival>/", pages.FestivalView.as_view(), name="festival"),
    path("festivals/<slug:festival>/<slug:edition>/", programme.EditionView.as_view(), name="edition"),
    path(
        "festivals/<slug:festival>/<slug:edition>/<slug:activity>/",
        programme.ActivityView.as_view(),
        name="activity",
    ),
    path("people/<slug:person>/", people.PersonView.as_view(), name="person"),
]
