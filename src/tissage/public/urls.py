from django.urls import path

from .views import pages

app_name = "public"
urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
]
