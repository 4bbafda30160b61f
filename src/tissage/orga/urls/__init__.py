"""Staff URLs, one module per area; they all share the ``orga`` namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path

from tissage.core.interfaces.auth import SignInForm

from ..views import dashboard, jobs
from . import activities, calls, impact, imports, logistics, network, people, planning, schedule

app_name = "orga"
urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="orga/login.html", authentication_form=SignInForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("jobs/<int:pk>/", jobs.JobDetailView.as_view(), name="job-detail"),
    path("jobs/<int:pk>/cancel/", jobs.JobCancelView.as_view(), name="job-cancel"),
    *network.urlpatterns,
    *activities.urlpatterns,
    *people.urlpatterns,
    *imports.urlpatterns,
    *logistics.urlpatterns,
    *calls.urlpatterns,
    *impact.urlpatterns,
    *schedule.urlpatterns,
    *planning.urlpatterns,
]
