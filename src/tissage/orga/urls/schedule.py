"""The festival timetable: the editor, the automatic timetabling, and the releases."""

from django.urls import path

from ..views import releases, timetable

urlpatterns = [
    path("editions/<int:pk>/timetable/", timetable.TimetableView.as_view(), name="timetable"),
    path(
        "editions/<int:pk>/timetable/solve/", timetable.TimetableSolveView.as_view(), name="timetable-solve"
    ),
    path(
        "timetable/activities/<int:pk>/place/", timetable.ActivityPlaceView.as_view(), name="timetable-place"
    ),
    path(
        "timetable/activities/<int:pk>/unschedule/",
        timetable.ActivityUnscheduleView.as_view(),
        name="timetable-unschedule",
    ),
    path("timetable/activities/<int:pk>/pin/", timetable.ActivityPinView.as_view(), name="timetable-pin"),
    path(
        "timetable/activities/<int:pk>/needs/", timetable.ActivityNeedsView.as_view(), name="timetable-needs"
    ),
    path("timetable/rooms/<int:pk>/", timetable.RoomRulesView.as_view(), name="timetable-room"),
    path("editions/<int:pk>/releases/", releases.ReleaseListView.as_view(), name="release-list"),
    path(
        "editions/<int:pk>/releases/publish/", releases.ReleasePublishView.as_view(), name="release-publish"
    ),
    path("releases/<int:pk>/", releases.ReleaseDetailView.as_view(), name="release-detail"),
]
