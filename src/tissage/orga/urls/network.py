from django.urls import path

from ..views import hubs

urlpatterns = [
    path("hubs/", hubs.HubListView.as_view(), name="hub-list"),
    path("hubs/new/", hubs.HubCreateView.as_view(), name="hub-create"),
    path("hubs/<slug:slug>/", hubs.HubDetailView.as_view(), name="hub-detail"),
    path("hubs/<slug:slug>/edit/", hubs.HubUpdateView.as_view(), name="hub-update"),
]
