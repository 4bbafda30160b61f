"""Calls for applications, their reviews and decisions, and the outbox."""

from django.urls import path

from ..views import calls, outbox, reviews

urlpatterns = [
    path("calls/", calls.CallListView.as_view(), name="call-list"),
    path("calls/new/", calls.CallCreateView.as_view(), name="call-create"),
    path("calls/<slug:slug>/", calls.CallDetailView.as_view(), name="call-detail"),
    path("calls/<slug:slug>/edit/", calls.CallUpdateView.as_view(), name="call-update"),
    path("calls/<slug:slug>/delete/", calls.CallDeleteView.as_view(), name="call-delete"),
    path("calls/<slug:slug>/questions/new/", calls.QuestionCreateView.as_view(), name="call-question-add"),
    path("calls/<slug:slug>/criteria/new/", calls.CriterionCreateView.as_view(), name="call-criterion-add"),
    path("questions/<int:pk>/edit/", calls.QuestionUpdateView.as_view(), name="question-update"),
    path("questions/<int:pk>/delete/", calls.QuestionDeleteView.as_view(), name="question-delete"),
    path("criteria/<int:pk>/edit/", calls.CriterionUpdateView.as_view(), name="criterion-update"),
    path("criteria/<int:pk>/delete/", calls.CriterionDeleteView.as_view(), name="criterion-delete"),
    path("applications/<int:pk>/", reviews.ApplicationDetailView.as_view(), name="application-detail"),
    path("applications/<int:pk>/review/", reviews.ApplicationReviewView.as_view(), name="application-review"),
    path("applications/<int:pk>/decide/", reviews.ApplicationDecideView.as_view(), name="application-decide"),
    path("application-files/<int:pk>/", reviews.ApplicationFileView.as_view(), name="application-file"),
    path("outbox/", outbox.MessageListView.as_view(), name="message-list"),
    path("outbox/<int:pk>/", outbox.MessageDetailView.as_view(), name="message-detail"),
    path("outbox/<int:pk>/retry/", outbox.MessageRetryView.as_view(), name="message-retry"),
]
