"""The public site; every address carries the interface language (``/fr/…``, ``/en/…``, ``/ru/…``).

Festivals live under ``festivals/`` so that a festival's short name can never hide another page.
"""

from django.urls import path

from .views import calls, pages, people, programme

app_name = "public"
urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("festivals/<slug:festival>/", pages.FestivalView.as_view(), name="festival"),
    path("festivals/<slug:festival>/<slug:edition>/", programme.EditionView.as_view(), name="edition"),
    # Two segments, so that no activity's short name can hide them.
    path(
        "festivals/<slug:festival>/<slug:edition>/programme/rooms/",
        programme.EditionRoomsView.as_view(),
        name="edition-rooms",
    ),
    path(
        "festivals/<slug:festival>/<slug:edition>/programme/people/",
        programme.EditionPeopleView.as_view(),
        name="edition-people",
    ),
    path(
        "festivals/<slug:festival>/<slug:edition>/programme/kinds/",
        programme.EditionKindsView.as_view(),
        name="edition-kinds",
    ),
    path(
        "festivals/<slug:festival>/<slug:edition>/programme/widget/",
        programme.EditionWidgetView.as_view(),
        name="edition-widget",
    ),
    path(
        "festivals/<slug:festival>/<slug:edition>/programme/files/<str:exporter>",
        programme.EditionExportView.as_view(),
        name="edition-export",
    ),
    path(
        "festivals/<slug:festival>/<slug:edition>/<slug:activity>/",
        programme.ActivityView.as_view(),
        name="activity",
    ),
    path("people/<slug:person>/", people.PersonView.as_view(), name="person"),
    path("calls/", calls.CallListView.as_view(), name="calls"),
    path("calls/<slug:call>/", calls.CallView.as_view(), name="call"),
    path("calls/<slug:call>/sent/<str:reference>/", calls.CallSentView.as_view(), name="call-sent"),
]
