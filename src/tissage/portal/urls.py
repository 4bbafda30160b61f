"""The participant portal, under ``/<lang>/portal/``; the logistics pages are included last."""

from django.urls import include, path

from .views import access, documents, profile, sessions

app_name = "portal"
urlpatterns = [
    path("", sessions.HomeView.as_view(), name="home"),
    path("sign-in/", access.SignInView.as_view(), name="sign-in"),
    path("sign-in/sent/", access.LinkSentView.as_view(), name="link-sent"),
    path("sign-in/<str:token>/", access.LinkView.as_view(), name="link"),
    path("sign-out/", access.SignOutView.as_view(), name="sign-out"),
    path("sessions/<int:pk>/", sessions.ParticipationView.as_view(), name="participation"),
    path(
        "sessions/<int:pk>/answer/", sessions.ParticipationAnswerView.as_view(), name="participation-answer"
    ),
    path("documents/", documents.DocumentsView.as_view(), name="documents"),
    path("documents/messages/<int:pk>/", documents.MessageView.as_view(), name="message"),
    path("documents/files/<int:pk>/", documents.ApplicationFileView.as_view(), name="application-file"),
    path("profile/", profile.ProfileView.as_view(), name="profile"),
    path("profile/password/", profile.PasswordView.as_view(), name="password"),
    path("privacy/", profile.PrivacyView.as_view(), name="privacy"),
    path("privacy/export/", profile.DataExportRequestView.as_view(), name="export"),
    path("privacy/export/<int:pk>/", documents.DataExportDownloadView.as_view(), name="export-download"),
    path("", include("tissage.portal.urls_logistics")),
]
