"""What happens in sessions and editions: participations, activities and their members."""

from django.urls import path

from ..views import activities, participations

urlpatterns = [
    path(
        "participations/new/", participations.ParticipationCreateView.as_view(), name="participation-create"
    ),
    path(
        "participations/<int:pk>/edit/",
        participations.ParticipationUpdateView.as_view(),
        name="participation-update",
    ),
    path(
        "participations/<int:pk>/status/",
        participations.ParticipationStatusView.as_view(),
        name="participation-status",
    ),
    path("activities/", activities.ActivityListView.as_view(), name="activity-list"),
    path("activities/new/", activities.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", activities.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/edit/", activities.ActivityUpdateView.as_view(), name="activity-update"),
    path("activities/<int:pk>/delete/", activities.ActivityDeleteView.as_view(), name="activity-delete"),
    path(
        "activities/<int:pk>/members/add/",
        activities.ActivityMemberAddView.as_view(),
        name="activity-member-add",
    ),
    path(
        "activity-members/<int:pk>/edit/",
        activities.ActivityMemberUpdateView.as_view(),
        name="activity-member-update",
    ),
    path(
        "activity-members/<int:pk>/remove/",
        activities.ActivityMemberRemoveView.as_view(),
        name="activity-member-remove",
    ),
]
