"""Staff pages of people: the list, the form (with spoken languages), the person's whole history, roles."""

from functools import cached_property

from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.activities.models import Participation
from tissage.people.domain.erasure import person_erase
from tissage.people.domain.persons import (
    person_coworkers,
    person_create,
    person_history,
    person_role_add,
    person_role_delete,
    person_role_end,
    person_role_update,
    person_update,
    role_is_held_on,
    roles_held_on,
)
from tissage.people.interfaces.forms import (
    PersonForm,
    PersonRoleEndForm,
    PersonRoleForm,
    person_language_formset,
)
from tissage.people.models import Person, PersonRole

from ..filters.people import PersonFilter
from .generic import (
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    ParentPageMixin,
)


class PersonListView(OrgaListView):
    model = Person
    permission_required = "people.view_person"
    filterset_class = PersonFilter
    template_name = "orga/people/list.html"

    def get_queryset(self):
        present = Participation.objects.present()
        last_participation = present.select_related("session__hub", "session__programme").order_by(
            "-session__start_date", "-pk"
        )
        return (
            Person.objects.select_related("home_hub")
            .annotate(
                last_session_start=Subquery(
                    present.filter(person=OuterRef("pk"))
                    .order_by("-session__start_date")
                    .values("session__start_date")[:1]
                )
            )
            .prefetch_related(
                "languages",
                "skills",
                Prefetch(
                    "roles",
                    queryset=roles_held_on(timezone.localdate()).order_by("since"),
                    to_attr="current_roles",
                ),
                Prefetch("participations", queryset=last_participation[:1], to_attr="last_participations"),
            )
        )


class PersonDetailView(OrgaDetailView):
    model = Person
    permission_required = "people.view_person"
    template_name = "orga/people/detail.html"

    def get_queryset(self):
        return Person.objects.select_related("home_hub").prefetch_related("languages", "skills")

    def get_context_data(self, **kwargs):
        history = person_history(self.object)
        today = timezone.localdate()
        roles = [role for year in history for role in year.roles]
        return super().get_context_data(
            history=history,
            roles=roles,
            current_roles=[role for role in roles if role_is_held_on(role, today)],
            coworkers=person_coworkers(self.object),
            today=today,
            **kwargs,
        )


class PersonFormMixin:
    """The person's form and, on the same page, the rows of their spoken languages: both are
    checked before anything is saved, and saved together in one transaction by the domain."""

    model = Person
    form_class = PersonForm
    template_name = "orga/people/form.html"

    @cached_property
    def languages_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return person_language_formset(person=self.object, data=data)

    def form_valid(self, form):
        if not self.languages_formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(languages_formset=self.languages_formset, **kwargs)


class PersonCreateView(PersonFormMixin, OrgaCreateView):
    permission_required = "people.add_person"
    page_title = _("New person")
    success_message = _("The person was added.")

    def save(self, form):
        return person_create(
            actor=self.request.user, data=form.cleaned_data, languages=self.languages_formset.languages()
        )


class PersonUpdateView(PersonFormMixin, OrgaUpdateView):
    permission_required = "people.change_person"
    success_message = _("The person was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(person)s") % {"person": self.object}, **kwargs)

    def save(self, form):
        person = self.fresh_object()
        person_update(
            actor=self.request.user,
            person=person,
            data=self.changed_data(form),
            languages=self.languages_formset.languages(),
        )
        return person


class PersonEraseView(OrgaDeleteView):
    """Erases a person's personal data (their right to be forgotten), after a confirmation."""

    model = Person
    permission_required = "people.delete_person"
    template_name = "orga/confirm_delete.html"
    success_message = _("The person's personal data was erased; their part in the network's figures stays.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Erase the personal data of %(person)s?") % {"person": self.object},
            consequence=_(
                "Names, contact, nationality, biography, notes, languages, sign-in account, travel "
                "documents, applications and messages are erased, also from the history. The sessions, "
                "activities, ties and roles stay, anonymous, so that the network's figures stay true. "
                "This cannot be undone."
            ),
            confirm_label=_("Erase for good"),
            cancel_url=self.object.get_absolute_url(),
            **kwargs,
        )

    def get_success_url(self) -> str:
        return reverse("orga:person-list")

    def delete_object(self, person):
        person_erase(actor=self.request.user, person=person)


class PersonRoleMixin(ParentPageMixin):
    """Roles are shown and changed on the person's page."""

    model = PersonRole

    def get_queryset(self):
        return PersonRole.objects.select_related("person")

    def get_parent(self) -> Person:
        return self.object.person


class PersonRoleCreateView(PersonRoleMixin, OrgaCreateView):
    form_class = PersonRoleForm
    permission_required = "people.add_personrole"
    success_message = _("The role was added.")

    @cached_property
    def person(self) -> Person:
        return get_object_or_404(Person, slug=self.kwargs["slug"])

    def get_parent(self) -> Person:
        return self.person

    def get_context_data(self, **kwargs):
        title = _("New role for %(person)s") % {"person": self.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return person_role_add(actor=self.request.user, person=self.person, data=form.cleaned_data)


class PersonRoleUpdateView(PersonRoleMixin, OrgaUpdateView):
    form_class = PersonRoleForm
    permission_required = "people.change_personrole"
    success_message = _("The role was updated.")

    def get_context_data(self, **kwargs):
        title = _("Edit the role of %(person)s") % {"person": self.object.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        role = self.fresh_object()
        person_role_update(actor=self.request.user, role=role, data=self.changed_data(form))
        return role


class PersonRoleEndView(PersonRoleMixin, OrgaUpdateView):
    """End a role still held: one click on the person's page ends it today; this page picks another day."""

    form_class = PersonRoleEndForm
    permission_required = "people.change_personrole"
    success_message = _("The role was ended.")

    def get_context_data(self, **kwargs):
        title = _("End the role “%(role)s” of %(person)s") % {
            "role": self.object.get_role_display(),
            "person": self.object.person,
        }
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        role = self.fresh_object()
        person_role_end(actor=self.request.user, role=role, on=form.cleaned_data["until"])
        return role


class PersonRoleDeleteView(PersonRoleMixin, OrgaDeleteView):
    permission_required = "people.delete_personrole"
    template_name = "orga/people/role_delete.html"
    success_message = _("The role was deleted.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=self.get_cancel_url(), **kwargs)

    def delete_object(self, role):
        person_role_delete(actor=self.request.user, role=role)
