"""Calls for applications: their list, their page (form, criteria, reviewers, ranked applications),
and the forms of a call, its questions and its criteria. Reviewers who are not staff see the calls
they are assigned to, and nothing else."""

from functools import cached_property

import django_filters
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from tissage.calls.domain.calls import (
    call_create,
    call_delete,
    call_update,
    criterion_create,
    criterion_delete,
    criterion_update,
    question_create,
    question_delete,
    question_update,
)
from tissage.calls.domain.ranking import call_ranking
from tissage.calls.enums import REVIEWABLE_STATES, CallKind
from tissage.calls.interfaces.forms import CallForm, CriterionForm, QuestionForm
from tissage.calls.models import Call, Criterion, Question, Review
from tissage.core.interfaces.filters import SearchFilterSet, field_label
from tissage.core.rules import is_network_staff
from tissage.network.models import Programme

from .generic import (
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    ParentPageMixin,
    PreselectMixin,
)
from .pieces import ConfirmDeleteMixin


def visible_calls(user):
    """Every call for staff; for a reviewer, the calls they review."""
    calls = Call.objects.with_places()
    return calls if is_network_staff(user) else calls.filter(reviewers=user)


def shows_identity(user, call: Call) -> bool:
    """Whether ``user`` may see who applied: yes, unless the review is blind and they are not staff."""
    return not call.blind_review or is_network_staff(user)


class CallFilter(SearchFilterSet):
    search_fields = ("slug", "title")
    programme = django_filters.ModelChoiceFilter(
        label=field_label(Call, "programme"), queryset=Programme.objects.all(), to_field_name="slug"
    )
    kind = django_filters.ChoiceFilter(label=field_label(Call, "kind"), choices=CallKind.choices)

    class Meta:
        model = Call
        fields = ["q", "programme", "kind"]


class CallListView(OrgaListView):
    model = Call
    permission_required = "calls.view_call"
    filterset_class = CallFilter
    template_name = "orga/calls/list.html"

    def get_queryset(self):
        return (
            visible_calls(self.request.user)
            .annotate(
                application_count=Count("applications", distinct=True),
                undecided_count=Count(
                    "applications", filter=Q(applications__state__in=REVIEWABLE_STATES), distinct=True
                ),
            )
            .order_by("-closes_at", "pk")
        )


class CallDetailView(OrgaDetailView):
    model = Call
    permission_required = "calls.view_call"
    template_name = "orga/calls/detail.html"

    def get_queryset(self):
        return Call.objects.with_places().prefetch_related("reviewers")

    def get_context_data(self, **kwargs):
        call, user = self.object, self.request.user
        staff = is_network_staff(user)
        criteria, ranking = call_ranking(call)
        mine = set(
            Review.objects.filter(application__call=call, reviewer=user).values_list(
                "application_id", flat=True
            )
        )
        for row in ranking:
            row.reviewed_by_me = row.application.pk in mine
        return super().get_context_data(
            questions=call.questions.all(),
            criteria=criteria,
            ranking=ranking,
            staff=staff,
            shows_identity=shows_identity(user, call),
            is_reviewer=user in call.reviewers.all(),
            export_query=f"call={call.slug}",
            **kwargs,
        )


class CallFormMixin:
    model = Call
    form_class = CallForm
    slug_field = "slug"

    def get_queryset(self):
        return Call.objects.with_places()


class CallCreateView(CallFormMixin, PreselectMixin, OrgaCreateView):
    """A new call; from a session's or a programme's page, that session or programme is chosen."""

    permission_required = "calls.add_call"
    preselect = {"programme": "slug", "session": "pk"}
    page_title = _("New call")
    success_message = _("The call was created.")

    def get_initial(self):
        initial = super().get_initial()
        if (session := self.preselected.get("session")) is not None:
            initial.setdefault("programme", session.programme)
        return initial

    def save(self, form):
        return call_create(actor=self.request.user, data=form.cleaned_data)


class CallUpdateView(CallFormMixin, OrgaUpdateView):
    permission_required = "calls.change_call"
    success_message = _("The call was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(call)s") % {"call": self.object}, **kwargs)

    def save(self, form):
        call = self.fresh_object()
        call_update(actor=self.request.user, call=call, data=self.changed_data(form))
        return call


class CallDeleteView(ConfirmDeleteMixin, CallFormMixin, OrgaDeleteView):
    permission_required = "calls.delete_call"
    success_message = _("The call was deleted.")
    consequence = _("Its questions and criteria go with it. A call people applied to cannot be deleted.")

    def get_success_url(self) -> str:
        return self.object.programme.get_absolute_url()

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()

    def delete_object(self, call):
        call_delete(actor=self.request.user, call=call)


class CallPartMixin(ParentPageMixin):
    """Questions and criteria are shown and changed on their call's page."""

    def get_queryset(self):
        return self.model.objects.select_related("call")

    def get_parent(self) -> Call:
        return self.object.call


class CallPartCreateMixin(CallPartMixin):
    @cached_property
    def call(self) -> Call:
        return get_object_or_404(Call, slug=self.kwargs["slug"])

    def get_parent(self) -> Call:
        return self.call


class QuestionCreateView(CallPartCreateMixin, OrgaCreateView):
    model = Question
    form_class = QuestionForm
    permission_required = "calls.add_question"
    success_message = _("The question was added.")

    def get_context_data(self, **kwargs):
        title = _("New question for %(call)s") % {"call": self.call}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return question_create(actor=self.request.user, call=self.call, data=form.cleaned_data)


class QuestionUpdateView(CallPartMixin, OrgaUpdateView):
    model = Question
    form_class = QuestionForm
    permission_required = "calls.change_question"
    success_message = _("The question was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit the question “%(question)s”") % {"question": self.object}, **kwargs
        )

    def save(self, form):
        question = self.fresh_object()
        question_update(actor=self.request.user, question=question, data=self.changed_data(form))
        return question


class QuestionDeleteView(ConfirmDeleteMixin, CallPartMixin, OrgaDeleteView):
    model = Question
    permission_required = "calls.delete_question"
    success_message = _("The question was deleted.")

    def delete_object(self, question):
        question_delete(actor=self.request.user, question=question)


class CriterionCreateView(CallPartCreateMixin, OrgaCreateView):
    model = Criterion
    form_class = CriterionForm
    permission_required = "calls.add_criterion"
    success_message = _("The criterion was added.")

    def get_context_data(self, **kwargs):
        title = _("New criterion for %(call)s") % {"call": self.call}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return criterion_create(actor=self.request.user, call=self.call, data=form.cleaned_data)


class CriterionUpdateView(CallPartMixin, OrgaUpdateView):
    model = Criterion
    form_class = CriterionForm
    permission_required = "calls.change_criterion"
    success_message = _("The criterion was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit the criterion “%(criterion)s”") % {"criterion": self.object}, **kwargs
        )

    def save(self, form):
        criterion = self.fresh_object()
        criterion_update(actor=self.request.user, criterion=criterion, data=self.changed_data(form))
        return criterion


class CriterionDeleteView(ConfirmDeleteMixin, CallPartMixin, OrgaDeleteView):
    model = Criterion
    permission_required = "calls.delete_criterion"
    success_message = _("The criterion was deleted.")

    def delete_object(self, criterion):
        criterion_delete(actor=self.request.user, criterion=criterion)
