from django.urls import path

from ..views import organisations, people, skills

urlpatterns = [
    path("people/", people.PersonListView.as_view(), name="person-list"),
    path("people/new/", people.PersonCreateView.as_view(), name="person-create"),
    path("people/<slug:slug>/", people.PersonDetailView.as_view(), name="person-detail"),
    path("people/<slug:slug>/edit/", people.PersonUpdateView.as_view(), name="person-update"),
    path("people/<slug:slug>/erase/", people.PersonEraseView.as_view(), name="person-erase"),
    path("people/<slug:slug>/roles/new/", people.PersonRoleCreateView.as_view(), name="person-role-add"),
    path("people/roles/<int:pk>/edit/", people.PersonRoleUpdateView.as_view(), name="person-role-update"),
    path("people/roles/<int:pk>/end/", people.PersonRoleEndView.as_view(), name="person-role-end"),
    path("people/roles/<int:pk>/delete/", people.PersonRoleDeleteView.as_view(), name="person-role-delete"),
    path("organisations/", organisations.OrganisationListView.as_view(), name="organisation-list"),
    path("organisations/new/", organisations.OrganisationCreateView.as_view(), name="organisation-create"),
    path(
        "organisations/<slug:slug>/",
        organisations.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(
        "organisations/<slug:slug>/edit/",
        organisations.OrganisationUpdateView.as_view(),
        name="organisation-update",
    ),
    path("skills/", skills.SkillListView.as_view(), name="skill-list"),
    path("skills/new/", skills.SkillCreateView.as_view(), name="skill-create"),
    path("skills/<slug:slug>/edit/", skills.SkillUpdateView.as_view(), name="skill-update"),
]
