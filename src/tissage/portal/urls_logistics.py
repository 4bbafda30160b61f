"""Participant-portal pages contributed by the logistics area (travel, visas, accommodation).

This module is the portal's extension point: the portal's ``urls.py`` includes its
``urlpatterns`` at the end of its own.
"""

from django.urls import path

from .views import logistics

urlpatterns = [
    path("travel/", logistics.TravelView.as_view(), name="travel"),
    path("travel/documents/<int:pk>/", logistics.VisaDocumentView.as_view(), name="visa-document"),
]
