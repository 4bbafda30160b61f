"""The participant's sessions: what they are invited to, their schedule in each hub's time, their groups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from tissage.activities.domain.participations import participation_set_status
from tissage.activities.enums import ActivityKind, ParticipationStatus
from tissage.activities.models import ActivityMember
from tissage.calls.models import Application
from tissage.public.views.queries import programme_days

from .base import ParticipantMixin

# Activities where people work together over days: the participant's groups.
GROUP_KINDS = (ActivityKind.CROSSED_WORKSHOP, ActivityKind.RESIDENCY, ActivityKind.TRAINING)
ANSWERS = {
    ParticipationStatus.CONFIRMED: gettext_lazy("You confirmed that you come to %(session)s."),
    ParticipationStatus.DECLINED: gettext_lazy("You told us that you do not come to %(session)s."),
}


class HomeView(ParticipantMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        participations = list(self.participations())
        today = timezone.localdate()
        applications = Application.objects.of_person(self.person).select_related("call")
        return super().get_context_data(
            participations=participations,
            to_answer=[
                p
                for p in participations
                if p.status == ParticipationStatus.INVITED and p.session.end_date >= today
            ],
            upcoming=[p for p in participations if p.session.end_date >= today],
            past=[p for p in reversed(participations) if p.session.end_date < today],
            applications=applications.order_by("-created_at"),
            **kwargs,
        )


def person_activities(person, session):
    """The person's activities in a session and in its edition's programme, with who else is in them."""
    where = Q(activity__session=session)
    if session.edition_id:
        where |= Q(activity__edition_id=session.edition_id, activity__session__isnull=True)
    memberships = (
        ActivityMember.objects.filter(where, person=person)
        .select_related("activity__room__venue")
        .prefetch_related(
            Prefetch(
                "activity__members",
                queryset=ActivityMember.objects.select_related("person__home_hub").order_by(
                    "role", "person__family_name", "person__given_name"
                ),
            )
        )
        .order_by("activity__starts_at", "activity__pk")
    )
    activities = []
    for membership in memberships:
        activity = membership.activity
        activity.my_role = membership.get_role_display()
        activity.others = [m for m in activity.members.all() if m.person_id != person.pk]
        activities.append(activity)
    return activities


class ParticipationView(ParticipantMixin, TemplateView):
    template_name = "portal/participation.html"

    def get_context_data(self, **kwargs):
        participation = self.own(self.participations(), pk=self.kwargs["pk"])
        session = participation.session
        activities = person_activities(self.person, session)
        return super().get_context_data(
            participation=participation,
            session=session,
            hub=session.hub,
            days=programme_days(activities, session.hub),
            groups=[a for a in activities if a.kind in GROUP_KINDS],
            **kwargs,
        )


class ParticipationAnswerView(ParticipantMixin, View):
    """The participant confirms or declines an invitation (POST ``answer=confirmed|declined``)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        participation = self.own(self.participations(), pk=pk)
        answer = request.POST.get("answer", "")
        if participation.status != ParticipationStatus.INVITED or answer not in ANSWERS:
            messages.error(request, _("This invitation has already been answered."))
        else:
            try:
                participation_set_status(actor=request.user, participation=participation, status=answer)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, ANSWERS[answer] % {"session": participation.session})
        return redirect("portal:participation", pk=participation.pk)
