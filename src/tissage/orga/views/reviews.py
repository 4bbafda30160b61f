"""An application as reviewers and staff see it: the answers and files, the reviews, the decision.

Reviewers score on the same page; staff decide there. Under blind review, reviewers who are not
staff see neither the applicant's name nor their contacts.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic.detail import SingleObjectMixin

from tissage.calls.domain.decisions import application_decide
from tissage.calls.domain.reviews import review_submit
from tissage.calls.enums import CHOICE_KINDS, NEXT_OUTCOMES, REVIEWABLE_STATES, Outcome
from tissage.calls.interfaces.forms import DecisionForm, ReviewForm
from tissage.calls.models import Application, ApplicationFile
from tissage.core.languages import language_name
from tissage.core.rules import is_network_staff
from tissage.outbox.models import Message
from tissage.people.enums import LanguageLevel

from .calls import shows_identity
from .generic import FetchOnceMixin, OrgaActionView, OrgaDetailView, StaffMixin, add_domain_errors

OUTCOME_MESSAGES = {
    Outcome.ACCEPTED: gettext_lazy("%(name)s is accepted; the message is on its way."),
    Outcome.WAITING_LIST: gettext_lazy("%(name)s is on the waiting list; the message is on its way."),
    Outcome.DECLINED: gettext_lazy("%(name)s is declined; the message is on its way."),
}


def answered(application: Application, questions) -> list[tuple]:
    """``(question, answer text, file)`` for each question, answers shown as the applicant chose them."""
    files = {f.question_id: f for f in application.files.all()}
    rows = []
    for question in questions:
        value = application.answers.get(str(question.pk))
        if question.kind in CHOICE_KINDS and value is not None:
            labels = dict(question.choice_list())
            value = ", ".join(
                labels.get(str(key), str(key)) for key in (value if isinstance(value, list) else [value])
            )
        rows.append((question, value, files.get(question.pk)))
    return rows


class ApplicationDetailView(OrgaDetailView):
    model = Application
    permission_required = "calls.view_application"
    template_name = "orga/calls/application.html"

    def get_queryset(self):
        return application_queryset()

    def get_context_data(self, **kwargs):
        application, user = self.object, self.request.user
        call = application.call
        staff = is_network_staff(user)
        criteria = list(call.criteria.all())
        reviews = list(application.reviews.select_related("reviewer"))
        for review in reviews:
            review.rows = [(c, review.scores.get(str(c.pk))) for c in criteria]
        my_review = next((r for r in reviews if r.reviewer_id == user.pk), None)
        can_review = user in call.reviewers.all() and application.state in REVIEWABLE_STATES
        kwargs.setdefault(
            "review_form", ReviewForm(criteria=criteria, review=my_review) if can_review else None
        )
        if staff and NEXT_OUTCOMES[application.state]:
            kwargs.setdefault("decision_form", DecisionForm(application=application))
        context = super().get_context_data(
            call=call,
            staff=staff,
            shows_identity=shows_identity(user, call),
            answers=answered(application, call.questions.all()),
            spoken=[
                (language_name(code), LanguageLevel(level).label) for code, level in application.languages
            ],
            criteria=criteria,
            reviews=reviews if staff else [r for r in reviews if r.reviewer_id == user.pk],
            my_review=my_review,
            decisions=application.decisions.select_related("decided_by", "message") if staff else [],
            messages_sent=Message.objects.about(application) if staff else [],
            **kwargs,
        )
        if not staff:
            # The history names the applicant: it is for staff only.
            context["audit_entries"] = []
        return context


def application_queryset():
    return Application.objects.select_related(
        "call__programme__home_hub", "call__session__hub", "home_hub", "person", "participation"
    ).prefetch_related("skills", "files", "call__reviewers")


class ApplicationPostView(OrgaActionView):
    """A form posted from the application's page: on success back to the page, on error the page
    again with the form's errors."""

    model = Application

    def get_queryset(self):
        return application_queryset()

    def show_errors(self, **forms):
        page = ApplicationDetailView()
        page.setup(self.request, **self.kwargs)
        page.object = self.object
        return page.render_to_response(page.get_context_data(**forms))


class ApplicationReviewView(ApplicationPostView):
    permission_required = "calls.review_application"

    def post(self, request, *args, **kwargs):
        self.object = application = self.get_object()
        form = ReviewForm(request.POST, criteria=list(application.call.criteria.all()))
        if form.is_valid():
            try:
                review_submit(
                    actor=request.user,
                    application=application,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    conflict_of_interest=form.cleaned_data["conflict_of_interest"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Your review was saved."))
                return HttpResponseRedirect(application.get_absolute_url())
        return self.show_errors(review_form=form)


class ApplicationDecideView(ApplicationPostView):
    permission_required = "calls.decide_application"

    def post(self, request, *args, **kwargs):
        self.object = application = self.get_object()
        form = DecisionForm(request.POST, application=application)
        if form.is_valid():
            try:
                decision = application_decide(
                    actor=request.user,
                    application=application,
                    outcome=form.cleaned_data["outcome"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(
                    request, OUTCOME_MESSAGES[decision.outcome] % {"name": application.full_name}
                )
                return HttpResponseRedirect(application.get_absolute_url())
        return self.show_errors(decision_form=form)


class ApplicationFileView(FetchOnceMixin, StaffMixin, SingleObjectMixin, View):
    """A file sent with an application, for those who may see the application."""

    model = ApplicationFile
    permission_required = "calls.view_application"

    def get_queryset(self):
        return ApplicationFile.objects.select_related("application__call")

    def get_permission_object(self):
        return self.get_object().application

    def get(self, request, *args, **kwargs):
        upload = self.get_object()
        return FileResponse(upload.file.open("rb"), as_attachment=True, filename=upload.name)
