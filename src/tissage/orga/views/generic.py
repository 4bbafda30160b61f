"""The building blocks of every staff page: permission checks, lists, and forms that save
through a domain function (never ``form.save()``), so every change is validated and audited."""

import contextlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from tissage.core.models import AuditEntry

AUDIT_TRAIL_LENGTH = 50


class StaffMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without the permission get a 403."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()


class FetchOnceMixin:
    """The page's object, fetched once per request: django-rules fetches it for the permission check,
    and the page then uses that same instance instead of fetching it (and its prefetches) again.
    Every single-object staff view below has it."""

    def get_object(self, queryset=None):
        if queryset is not None:
            return super().get_object(queryset)
        if not hasattr(self, "_fetched_object"):
            self._fetched_object = super().get_object()
        return self._fetched_object


class OrgaListView(StaffMixin, FilterView):
    paginate_by = settings.TISSAGE_PAGE_SIZE
    strict = False


class OrgaDetailView(FetchOnceMixin, StaffMixin, DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["audit_entries"] = AuditEntry.objects.for_object(self.object)[:AUDIT_TRAIL_LENGTH]
        return context


def next_url(request) -> str:
    """The page named by ``?next=`` when it is on this site, else an empty string."""
    target = request.GET.get("next", "")
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


def add_domain_errors(form, error: ValidationError) -> None:
    """Show a domain function's refusal on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DomainFormMixin:
    """Saves with the view's ``save(form)`` (which calls a domain function) and turns the domain's
    refusals into form errors."""

    template_name = "orga/form.html"
    page_title = ""
    success_message = _("Saved.")

    def form_valid(self, form):
        try:
            self.object = self.save(form)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_cancel_url(self) -> str:
        if target := next_url(self.request):
            return target
        if getattr(self, "object", None) is not None:
            return self.object.get_absolute_url()
        return reverse("orga:dashboard")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("page_title", self.page_title)
        context.setdefault("cancel_url", self.get_cancel_url())
        return context


class OrgaCreateView(StaffMixin, DomainFormMixin, CreateView):
    pass


VERSION_FIELD = "seen_version"


def stored_version(obj) -> str:
    """When the object was last saved, as the form carries it; empty for objects without a time."""
    updated_at = getattr(obj, "updated_at", None)
    return updated_at.isoformat() if updated_at else ""


def field_verbose_name(model, name: str) -> str:
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


class OrgaUpdateView(FetchOnceMixin, StaffMixin, DomainFormMixin, UpdateView):
    """The form carries the version it was opened on: when someone else has saved the object since,
    the second writer gets a conflict message, their edits kept in the form, and nothing saved."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(VERSION_FIELD, self.request.POST.get(VERSION_FIELD) or stored_version(self.object))
        return context

    def form_valid(self, form):
        seen = self.request.POST.get(VERSION_FIELD)
        with transaction.atomic():
            # Locked until the save commits, so that two writers cannot both pass the check.
            stored = type(self.object)._base_manager.select_for_update().filter(pk=self.object.pk).first()
            if seen and stored is not None and stored_version(stored) != seen:
                form.add_error(None, self.conflict_message(seen))
                return self.render_to_response(
                    self.get_context_data(form=form, **{VERSION_FIELD: stored_version(stored)})
                )
            return super().form_valid(form)

    def conflict_message(self, seen: str) -> str:
        since = AuditEntry.objects.for_object(self.object).filter(
            content_type__isnull=False, object_id=str(self.object.pk)
        )
        # A version that is no time (a tampered form) still conflicts; it just cannot narrow the list.
        with contextlib.suppress(ValueError):
            if seen_at := parse_datetime(seen):
                since = since.filter(timestamp__gt=seen_at)
        latest = since.first()
        fields = sorted(
            {str(field_verbose_name(type(self.object), name)) for e in since for name in e.changes}
        )
        return _(
            "%(who)s saved this page at %(when)s UTC, after you opened it (changed: %(fields)s). Your "
            "edits were not saved and are still in the form: check them against theirs, then save again."
        ) % {
            "who": (latest.actor_name if latest else "") or _("someone else"),
            "when": f"{latest.timestamp:%H:%M}" if latest else "?",
            "fields": ", ".join(map(str, fields)) or "—",
        }

    def fresh_object(self):
        """The object as stored: the form has already written its values onto ``self.object``,
        and the domain function needs the values before the change to audit it."""
        return self.get_queryset().get(pk=self.object.pk)

    def changed_data(self, form) -> dict:
        return {name: form.cleaned_data[name] for name in form.changed_data}


class OrgaDeleteView(FetchOnceMixin, StaffMixin, DeleteView):
    """Asks for confirmation (GET), then deletes (POST) with the view's ``delete_object(obj)``, which
    calls a domain function; a refusal is shown as an error message on the confirmation page."""

    success_message = _("Deleted.")

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            self.delete_object(self.object)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(success_url)


class PreselectMixin:
    """Fills form fields from the address (``?session=12``, ``?person=ines-m``), so that a create page
    opened from another object's page starts with that object chosen.

    ``preselect`` maps a form field to the model field its value is looked up by, e.g.
    ``{"festival": "slug"}``; unknown values are ignored.
    """

    preselect: dict[str, str] = {}

    @cached_property
    def preselected(self) -> dict:
        fields = self.get_form_class().base_fields
        found = {}
        for name, lookup in self.preselect.items():
            if value := self.request.GET.get(name, ""):
                try:
                    found[name] = fields[name].queryset.get(**{lookup: value})
                except (ValueError, ValidationError, ObjectDoesNotExist):
                    continue
        return found

    def get_initial(self):
        return {**super().get_initial(), **self.preselected}

    def get_cancel_url(self) -> str:
        """Back to ``?next=``, else to the page of the first object chosen in advance."""
        if not next_url(self.request):
            for chosen in self.preselected.values():
                return chosen.get_absolute_url()
        return super().get_cancel_url()


class ParentPageMixin:
    """For things shown and changed on another object's page (a venue's rooms, a session's participants):
    after saving, and on cancel, go back to that page, or to ``?next=``. Subclasses define
    ``get_parent()``."""

    def get_success_url(self) -> str:
        return next_url(self.request) or self.get_parent().get_absolute_url()

    def get_cancel_url(self) -> str:
        return self.get_success_url()


class OrgaActionView(FetchOnceMixin, StaffMixin, SingleObjectMixin, View):
    """A change made with a button on a page (publish, confirm …): POST only. The view's ``act()`` calls
    a domain function and returns the message to show; a refusal is shown as an error message. Then
    back to ``?next=`` or to the object's page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            message = self.act()
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, message)
        return HttpResponseRedirect(next_url(request) or self.get_success_url())

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()
