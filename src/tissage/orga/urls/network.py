"""The network: hubs, venues and rooms, festivals and editions, programmes, cohorts and sessions."""

from django.urls import path

from ..views import festivals, hubs, programmes, sessions, venues

urlpatterns = [
    path("hubs/", hubs.HubListView.as_view(), name="hub-list"),
    path("hubs/new/", hubs.HubCreateView.as_view(), name="hub-create"),
    path("hubs/<slug:slug>/", hubs.HubDetailView.as_view(), name="hub-detail"),
    path("hubs/<slug:slug>/edit/", hubs.HubUpdateView.as_view(), name="hub-update"),
    path("venues/", venues.VenueListView.as_view(), name="venue-list"),
    path("venues/new/", venues.VenueCreateView.as_view(), name="venue-create"),
    path("venues/<int:pk>/", venues.VenueDetailView.as_view(), name="venue-detail"),
    path("venues/<int:pk>/edit/", venues.VenueUpdateView.as_view(), name="venue-update"),
    path("venues/<int:pk>/rooms/new/", venues.RoomCreateView.as_view(), name="room-create"),
    path("rooms/<int:pk>/edit/", venues.RoomUpdateView.as_view(), name="room-update"),
    path("rooms/<int:pk>/delete/", venues.RoomDeleteView.as_view(), name="room-delete"),
    path("festivals/", festivals.FestivalListView.as_view(), name="festival-list"),
    path("festivals/new/", festivals.FestivalCreateView.as_view(), name="festival-create"),
    path("festivals/<slug:slug>/", festivals.FestivalDetailView.as_view(), name="festival-detail"),
    path("festivals/<slug:slug>/edit/", festivals.FestivalUpdateView.as_view(), name="festival-update"),
    path("editions/", festivals.EditionListView.as_view(), name="edition-list"),
    path("editions/new/", festivals.EditionCreateView.as_view(), name="edition-create"),
    path("editions/<int:pk>/", festivals.EditionDetailView.as_view(), name="edition-detail"),
    path("editions/<int:pk>/edit/", festivals.EditionUpdateView.as_view(), name="edition-update"),
    path("editions/<int:pk>/publish/", festivals.EditionPublishView.as_view(), name="edition-publish"),
    path("programmes/", programmes.ProgrammeListView.as_view(), name="programme-list"),
    path("programmes/new/", programmes.ProgrammeCreateView.as_view(), name="programme-create"),
    path("programmes/<slug:slug>/", programmes.ProgrammeDetailView.as_view(), name="programme-detail"),
    path("programmes/<slug:slug>/edit/", programmes.ProgrammeUpdateView.as_view(), name="programme-update"),
    path(
        "programmes/<slug:slug>/cohort/add/",
        programmes.CohortMemberAddView.as_view(),
        name="cohort-member-add",
    ),
    path("cohort/<int:pk>/remove/", programmes.CohortMemberRemoveView.as_view(), name="cohort-member-remove"),
    path("sessions/", sessions.SessionListView.as_view(), name="session-list"),
    path("sessions/new/", sessions.SessionCreateView.as_view(), name="session-create"),
    path("sessions/<int:pk>/", sessions.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<int:pk>/edit/", sessions.SessionUpdateView.as_view(), name="session-update"),
]
