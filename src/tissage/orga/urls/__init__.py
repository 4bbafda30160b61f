"""Staff URLs, one module per area; they all share the ``orga`` namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path

from ..views import dashboard
from . import activities, imports, network, people

app_name = "orga"
urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("login/", auth_views.LoginView.as_view(template_name="orga/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    *network.urlpatterns,
    *activities.urlpatterns,
    *people.urlpatterns,
    *imports.urlpatterns,
]
