"""Calls for applications: the open calls, a call with its form, and the page that thanks an applicant.

The form is plain HTML (it works without JavaScript); files are checked for type and size by the
same function as the domain's. The page's language chooses the applicant's language for messages.
"""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from tissage.calls.domain.applications import application_submit, call_closed_error
from tissage.calls.enums import CallPhase
from tissage.calls.interfaces.forms import ApplicationForm
from tissage.calls.models import Application, Call
from tissage.orga.views.generic import add_domain_errors
from tissage.people.interfaces.forms import person_language_formset

from .caching import REUSE_SECONDS

# The session remembers the applications sent from this browser, for the thank-you page.
SENT_KEY = "tissage_applications_sent"


def published_calls():
    return Call.objects.filter(is_published=True).with_places()


@method_decorator(cache_control(max_age=REUSE_SECONDS), name="dispatch")
class CallListView(TemplateView):
    """The calls taking applications now, then those opening soon."""

    template_name = "public/calls/list.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        calls = list(published_calls().filter(closes_at__gt=now).order_by("closes_at", "pk"))
        return super().get_context_data(
            open_calls=[c for c in calls if c.phase(now) == CallPhase.OPEN],
            coming_calls=[c for c in calls if c.phase(now) == CallPhase.UPCOMING],
            **kwargs,
        )


class CallView(TemplateView):
    """A call and, while it is open, its application form. A late application is refused whole."""

    template_name = "public/calls/call.html"

    @cached_property
    def call(self) -> Call:
        return get_object_or_404(published_calls(), slug=self.kwargs["call"])

    def forms(self):
        data, files = (
            (self.request.POST, self.request.FILES) if self.request.method == "POST" else (None, None)
        )
        return (
            ApplicationForm(data, files, call=self.call),
            person_language_formset(person=None, data=data),
        )

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"], kwargs["languages_formset"] = self.forms()
        call = self.call
        closed_error = kwargs.pop("closed_error", None) or call_closed_error(call, timezone.now())
        return super().get_context_data(
            **{**kwargs, "call": call, "hub": call.hub, "phase": call.phase(), "closed_error": closed_error}
        )

    def post(self, request, *args, **kwargs):
        form, languages = self.forms()
        if (closed := call_closed_error(self.call, timezone.now())) is not None:
            # Nothing is read, nothing is stored: the page says why.
            context = self.get_context_data(form=form, languages_formset=languages, closed_error=closed)
            return self.render_to_response(context, status=403)
        if form.is_valid() and languages.is_valid():
            try:
                application = application_submit(
                    actor=None,
                    call=self.call,
                    data=form.identity(),
                    languages=languages.languages(),
                    skills=form.cleaned_data["skills"],
                    links=form.link_list(),
                    answers=form.answers(),
                    files=form.files_by_question(),
                )
            except ValidationError as error:
                if getattr(error, "code", None) in ("closed", "not_open_yet"):
                    context = self.get_context_data(
                        form=form, languages_formset=languages, closed_error=error
                    )
                    return self.render_to_response(context, status=403)
                add_domain_errors(form, error)
            else:
                request.session[SENT_KEY] = [*request.session.get(SENT_KEY, []), application.pk][-10:]
                return redirect("public:call-sent", call=self.call.slug, reference=application.reference)
        return self.render_to_response(self.get_context_data(form=form, languages_formset=languages))


class CallSentView(TemplateView):
    """Thanks, the reference, and where the acknowledgement went. Only for the browser that sent it."""

    template_name = "public/calls/sent.html"

    def get_context_data(self, **kwargs):
        application = (
            Application.objects.select_related("call")
            .filter(
                pk__in=self.request.session.get(SENT_KEY, []),
                reference=self.kwargs["reference"],
                call__slug=self.kwargs["call"],
            )
            .first()
        )
        if application is None:
            raise Http404
        return super().get_context_data(**{**kwargs, "application": application, "call": application.call})
