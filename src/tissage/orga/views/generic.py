"""The building blocks of every staff page: permission checks, lists, and forms that save
through a domain function (never ``form.save()``), so every change is validated and audited."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, UpdateView
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


class OrgaListView(StaffMixin, FilterView):
    paginate_by = settings.TISSAGE_PAGE_SIZE
    strict = False


class OrgaDetailView(StaffMixin, DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["audit_entries"] = AuditEntry.objects.for_object(self.object)[:AUDIT_TRAIL_LENGTH]
        return context


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
        target = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
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


class OrgaUpdateView(StaffMixin, DomainFormMixin, UpdateView):
    def fresh_object(self):
        """The object as stored: the form has already written its values onto ``self.object``,
        and the domain function needs the values before the change to audit it."""
        return self.get_queryset().get(pk=self.object.pk)

    def changed_data(self, form) -> dict:
        return {name: form.cleaned_data[name] for name in form.changed_data}
