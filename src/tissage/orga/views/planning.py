"""The crossed-workshop planner: the settings of a session's (or a programme's) run, who takes part,
the plans made so far, the run in progress with its progress and cancel button, and the reasons a
run found the settings impossible, each next to the setting to change."""

import dataclasses

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from tissage.core.domain.jobs import jobs_of
from tissage.core.models import Job
from tissage.network.models import Programme, Session
from tissage.people.models import Person
from tissage.planning.domain.plans import plan_dropouts, plan_lock, plan_member_move, plan_take_session
from tissage.planning.domain.problems import (
    Built,
    PlanSettings,
    auto_groups,
    problem_reasons,
    reasons_error,
)
from tissage.planning.domain.publishing import plan_publish, plan_unpublish, session_started
from tissage.planning.domain.runs import remaining_sessions, subject_problem
from tissage.planning.enums import PlanScope, PlanStatus
from tissage.planning.interfaces.forms import (
    CompareForm,
    LockForm,
    MoveForm,
    PairRuleFormSet,
    SettingsForm,
    TakeSessionForm,
    VersionForm,
    pair_initial,
)
from tissage.planning.interfaces.sheets import metric_rows, plan_sheet
from tissage.planning.models import Plan, PlanGroup, PlanMember
from tissage.planning.tasks import PROPOSE_JOB, propose_enqueue, repair_enqueue, resolve_enqueue
from tissage.solvers import grouping as engine

from .generic import OrgaActionView, OrgaDetailView, StaffMixin
from .jobs import JobDetailView

PAIRS = "pairs"


def show_reasons(form: SettingsForm, formset, reasons, names) -> None:
    """Put the engine's reasons on the settings to change (the pairs' reasons above the pairs)."""
    error = reasons_error(reasons, names, fields={*form.fields, PAIRS})
    for field, errors in error.error_dict.items():
        for message in errors:
            text = message.message
            if field == PAIRS:
                formset.add_error(text)
            else:
                form.add_error(None if field == NON_FIELD_ERRORS else field, text)


class PlannerView(StaffMixin, TemplateView):
    """Shared by the session's planner and the programme's (``horizon``): GET shows the settings of
    the latest plan (or sensible ones), POST checks them with the engine's counting checks and, if
    nothing is already impossible, starts the engine as a background job."""

    permission_required = "planning.add_plan"
    template_name = "orga/planning/planner.html"
    horizon = False

    @cached_property
    def subject(self) -> Session | Programme:
        return self.get_subject()

    @property
    def sessions(self) -> list[Session]:
        return remaining_sessions(self.subject) if self.horizon else [self.subject]

    @property
    def programme(self) -> Programme:
        return self.subject if self.horizon else self.subject.programme

    def plans(self):
        plans = Plan.objects.defer("problem").select_related("created_by")
        if self.horizon:
            return plans.filter(programme=self.subject, scope=PlanScope.PROGRAMME)
        return plans.filter(session=self.subject)

    @cached_property
    def latest(self) -> Plan | None:
        return self.plans().first()

    @cached_property
    def job(self) -> Job | None:
        return jobs_of(self.subject).filter(kind=PROPOSE_JOB).select_related("created_by").first()

    def settings_now(self) -> tuple[PlanSettings, int, Built]:
        """The settings to start from (the latest plan's, else sensible ones for the people there),
        its seed, and the problem they make."""
        if self.latest is not None:
            settings = PlanSettings.read(self.latest.settings)
            return settings, self.latest.seed, subject_problem(self.subject, settings)
        settings = PlanSettings()
        built = subject_problem(self.subject, settings)
        if not self.horizon:
            settings = dataclasses.replace(
                settings, groups=auto_groups(len(built.members), settings.max_size)
            )
        return settings, 1, built

    @cached_property
    def people(self) -> list[tuple[int, str]]:
        """Everyone who may be in a pair rule: the sessions' participants and the cohort (one query)."""
        rows = (
            Person.objects.filter(
                Q(participations__session__in=self.sessions) | Q(cohort_memberships__programme=self.programme)
            )
            .distinct()
            .order_by("family_name", "given_name", "pk")
            .values_list("pk", "given_name", "family_name")
        )
        return [(pk, f"{given} {family}".strip()) for pk, given, family in rows]

    def forms(self, data=None, settings: PlanSettings | None = None, seed: int = 1):
        initial = SettingsForm.initial_for(settings, seed) if settings is not None else None
        form = SettingsForm(data, initial=initial, horizon=self.horizon)
        formset = PairRuleFormSet(
            data, initial=pair_initial(settings) if settings else None, form_kwargs={"people": self.people}
        )
        return form, formset

    def refused(self):
        """The settings of the last run, if it found them impossible, with its reasons."""
        job = self.job
        if job is None or not job.is_finished or "infeasible" not in job.result:
            return None
        if self.latest is not None and self.latest.created_at > job.created_at:
            return None
        settings = PlanSettings.read(job.result["settings"])
        data = {
            k: v for k, v in SettingsForm.initial_for(settings, job.result["seed"]).items() if v is not None
        }
        for index, (a, b, kind) in enumerate(settings.pairs):
            data.update({f"form-{index}-a": a, f"form-{index}-b": b, f"form-{index}-kind": kind})
        # As many rows as the run had pairs, and the usual empty ones to add more.
        rows = len(settings.pairs) + PairRuleFormSet.extra
        data.update({"form-TOTAL_FORMS": rows, "form-INITIAL_FORMS": 0})
        form, formset = self.forms(data)
        if not (form.is_valid() and formset.is_valid()):
            return None
        built = subject_problem(self.subject, settings)
        reasons = [engine.Reason(r["code"], r["params"], r["text"]) for r in job.result["infeasible"]]
        show_reasons(form, formset, reasons, built.names)
        return self.render(form, formset, built)

    def get(self, request, *args, **kwargs):
        if (response := self.refused()) is not None:
            return response
        settings, seed, built = self.settings_now()
        form, formset = self.forms(settings=settings, seed=seed)
        return self.render(form, formset, built)

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if not (form.is_valid() and formset.is_valid()):
            return self.render(form, formset, self.settings_now()[2], status=400)
        settings = form.plan_settings(formset.pairs())
        built = subject_problem(self.subject, settings)
        if reasons := problem_reasons(built):
            show_reasons(form, formset, reasons, built.names)
            return self.render(form, formset, built, status=400)
        job = propose_enqueue(
            actor=request.user, subject=self.subject, settings=settings, seed=form.cleaned_data["seed"]
        )
        messages.success(request, _("The planner is composing the groups."))
        return HttpResponseRedirect(reverse("orga:planning-job", kwargs={"pk": job.pk}))

    def render(self, form, formset, built: Built, status: int = 200):
        context = self.get_context_data(form=form, formset=formset, built=built)
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        built: Built = kwargs["built"]
        members = built.members
        return super().get_context_data(
            subject=self.subject,
            programme=self.programme,
            horizon=self.horizon,
            plans=self.plans(),
            job=self.job,
            taking_part=len(members),
            hubs=sorted({built.names.hub(p.hub) for p in members}),
            leaders=sum(1 for p in members if p.role.can_lead),
            interpreters=len(built.problem.interpreters),
            history_pairs=built.history_pairs,
            session_rows=[
                (session, sum(1 for p in members if p.attends(str(session.pk))), problem_session.groups)
                for session, problem_session in zip(built.sessions, built.problem.sessions, strict=True)
            ],
            **kwargs,
        )


class SessionPlannerView(PlannerView):
    def get_subject(self) -> Session:
        return get_object_or_404(
            Session.objects.select_related("programme", "hub", "edition__festival"), pk=self.kwargs["pk"]
        )


class ProgrammePlannerView(PlannerView):
    horizon = True

    def get_subject(self) -> Programme:
        return get_object_or_404(Programme, slug=self.kwargs["slug"])


class PlanningJobView(JobDetailView):
    """A planner run: the job's page (progress, cancel button) until it ends, then what it led to — the
    new draft, or the page whose settings it found impossible. htmx polls this address beside the
    status block and follows ``HX-Redirect``; without JavaScript the page refreshes itself."""

    template_name = "orga/planning/job.html"

    def get_queryset(self):
        return super().get_queryset().filter(kind__startswith="planning.")

    def get(self, request, *args, **kwargs):
        job = self.get_object()
        if job.is_finished:
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = self.finished_url(job)
                return response
            return HttpResponseRedirect(self.finished_url(job))
        if request.htmx:
            return HttpResponse(status=204)
        return super().get(request, *args, **kwargs)

    @staticmethod
    def finished_url(job: Job) -> str:
        if pk := job.result.get("plan"):
            return reverse("orga:plan-detail", kwargs={"pk": pk})
        subject = job.content_type.model_class()._default_manager.filter(pk=job.object_id).first()
        if isinstance(subject, Plan):
            return subject.get_absolute_url()
        if isinstance(subject, Programme):
            return reverse("orga:planning-programme", kwargs={"slug": subject.slug})
        return reverse("orga:planning-session", kwargs={"pk": job.object_id})


def run_outcome(job: Job | None, names) -> list[str]:
    """The engine's reasons when the last run found the rules impossible, in the reader's language."""
    if job is None or not job.is_finished or "infeasible" not in job.result:
        return []
    error = reasons_error(
        [engine.Reason(r["code"], r["params"], r["text"]) for r in job.result["infeasible"]], names, fields=()
    )
    return [message for messages_ in error.message_dict.values() for message in messages_]


class PlanDetailView(OrgaDetailView):
    """A plan: its figures, each group with its members, what it mixes and why every rule holds, the
    rules a change by hand broke, and the forms that move, lock, re-solve, repair and publish."""

    model = Plan
    permission_required = "planning.view_plan"
    template_name = "orga/planning/plan.html"

    def get_queryset(self):
        return Plan.objects.select_related("programme", "session__hub", "session__edition", "based_on")

    def get_context_data(self, **kwargs):
        plan = self.object
        sheet = plan_sheet(plan)
        editable = plan.is_draft and self.request.user.has_perm("planning.change_plan")
        for session in sheet.sessions:
            session.numbers = [group.number for group in session.groups]
            for group in session.groups:
                for member in group.members:
                    member.movable = (
                        editable and len(session.numbers) > 1 and not (member.locked or group.group.locked)
                    )
        job = jobs_of(plan).first()
        siblings = Plan.objects.filter(programme=plan.programme, session=plan.session).exclude(pk=plan.pk)
        return super().get_context_data(
            sheet=sheet,
            editable=editable,
            metrics=metric_rows(plan),
            moves=moves_described(plan, sheet.names),
            dropouts=plan_dropouts(plan) if plan.status != PlanStatus.SUPERSEDED else [],
            started=plan.session is not None and session_started(plan.session),
            planner_url=planner_url(plan),
            job=job,
            job_reasons=run_outcome(job, sheet.names),
            compare_form=CompareForm(initial={"a": plan}) if siblings.exists() else None,
            siblings=siblings.only("pk", "status", "created_at", "version"),
            export_query=f"plan={plan.pk}",
            **kwargs,
        )


def moves_described(plan: Plan, names) -> list[tuple[str, int | None, int | None]]:
    """What a repair or a re-solve changed: (person, group before, group after); those who left the
    plan are named from the database (one query, only when someone left)."""
    gone = {int(move["person"]) for move in plan.moves if str(move["person"]) not in names.people}
    left = {str(p.pk): p.full_name for p in Person.objects.filter(pk__in=gone)} if gone else {}
    return [
        (left.get(str(move["person"])) or names.person(move["person"]), move["from_group"], move["to_group"])
        for move in plan.moves
    ]


def planner_url(plan: Plan) -> str:
    if plan.scope == PlanScope.PROGRAMME:
        return reverse("orga:planning-programme", kwargs={"slug": plan.programme.slug})
    return reverse("orga:planning-session", kwargs={"pk": plan.session_id})


class PlanActionView(OrgaActionView):
    """A change of a plan by a button or a small form: the form (with the plan's version as the page
    showed it) is checked, then ``change(data)`` calls the domain function and returns the message."""

    model = Plan
    permission_required = "planning.change_plan"
    form_class = VersionForm
    anchor = ""

    def act(self) -> str:
        form = self.form_class(self.request.POST)
        if not form.is_valid():
            raise ValidationError(
                [
                    f"{form.fields[name].label or name}: {error}" if name in form.fields else error
                    for name, errors in form.errors.items()
                    for error in errors
                ]
            )
        return self.change(form.cleaned_data)

    def get_success_url(self) -> str:
        return self.object.get_absolute_url() + self.anchor


class PlanMoveView(PlanActionView):
    """Moves a person to another group of the same session (the no-JavaScript path)."""

    form_class = MoveForm

    def change(self, data) -> str:
        member = (
            PlanMember.objects.select_related("person", "session")
            .filter(plan=self.object, person_id=data["person"], session_id=data["session"])
            .first()
        )
        if member is None:
            raise ValidationError(_("This person is not in this plan."))
        plan_member_move(
            actor=self.request.user,
            plan=self.object,
            person=member.person,
            session=member.session,
            number=data["group"],
            version=data["version"],
        )
        self.anchor = f"#group-{member.session_id}-{data['group']}"
        return _("%(person)s is now in group %(number)s.") % {
            "person": member.person,
            "number": data["group"],
        }


class PlanLockView(PlanActionView):
    """Locks (``locked=1``) or unlocks a member in their group, or a whole group: re-solving keeps them."""

    form_class = LockForm

    def change(self, data) -> str:
        member = group = None
        if data["member"] is not None:
            member = (
                PlanMember.objects.filter(plan=self.object, pk=data["member"])
                .select_related("person")
                .first()
            )
            target = member.person if member else None
        else:
            group = PlanGroup.objects.filter(plan=self.object, pk=data["group"]).first()
            target = group
        if target is None:
            raise ValidationError(_("Choose a member or a group of this plan."))
        plan_lock(
            actor=self.request.user,
            plan=self.object,
            version=data["version"],
            locked=data["locked"],
            member=member,
            group=group,
        )
        if data["locked"]:
            return _("%(target)s is locked: re-solving keeps it as it is.") % {"target": target}
        return _("%(target)s is unlocked.") % {"target": target}


class PlanPublishView(PlanActionView):
    permission_required = "planning.publish_plan"

    def change(self, data) -> str:
        activities = plan_publish(actor=self.request.user, plan=self.object, version=data["version"])
        return _("Published: %(count)s crossed workshops in %(session)s.") % {
            "count": len(activities),
            "session": self.object.session,
        }


class PlanUnpublishView(PlanActionView):
    permission_required = "planning.publish_plan"

    def change(self, data) -> str:
        removed = plan_unpublish(actor=self.request.user, plan=self.object, version=data["version"])
        return _("Publishing undone: %(count)s crossed workshops deleted; the plan is a draft again.") % {
            "count": removed
        }


class PlanTakeSessionView(PlanActionView):
    """Makes a draft of one session from a programme's plan, to adjust and publish it."""

    form_class = TakeSessionForm
    permission_required = "planning.add_plan"

    def change(self, data) -> str:
        session = Session.objects.filter(pk=data["session"]).select_related("hub", "programme").first()
        if session is None:
            raise ValidationError(_("This plan does not cover that session."))
        self.made = plan_take_session(actor=self.request.user, plan=self.object, session=session)
        return _("A draft of %(session)s was made from this plan.") % {"session": session}

    def get_success_url(self) -> str:
        made = getattr(self, "made", None)
        return made.get_absolute_url() if made is not None else super().get_success_url()


class PlanRunView(PlanActionView):
    """Starts a run from a plan (re-solve around its locks, or repair) and follows it."""

    permission_required = "planning.add_plan"
    enqueue = None

    def change(self, data) -> str:
        self.job = type(self).enqueue(actor=self.request.user, plan=self.object)
        return _("The planner is composing the groups.")

    def get_success_url(self) -> str:
        job = getattr(self, "job", None)
        return reverse("orga:planning-job", kwargs={"pk": job.pk}) if job else super().get_success_url()


class PlanResolveView(PlanRunView):
    enqueue = resolve_enqueue


class PlanRepairView(PlanRunView):
    enqueue = repair_enqueue


class PlanCompareView(StaffMixin, TemplateView):
    """Two plans of the same session (or programme) side by side: their figures, their groups, and who
    is in another group in the second."""

    permission_required = "planning.view_plan"
    template_name = "orga/planning/compare.html"

    def get(self, request, *args, **kwargs):
        form = CompareForm(request.GET)
        if not form.is_valid():
            return self.render_to_response({"form": form}, status=400)
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        first, second = plan_sheet(a), plan_sheet(b)
        where = {
            (member.session_id, member.person_id): group.number
            for group in second.groups
            for member in group.members
        }
        moved = [
            (
                member.person,
                group.group.session,
                group.number,
                where.get((member.session_id, member.person_id)),
            )
            for group in first.groups
            for member in group.members
            if where.get((member.session_id, member.person_id)) != group.number
        ]
        rows = [
            (label, value, other)
            for (label, value), (_label, other) in zip(metric_rows(a), metric_rows(b), strict=True)
        ]
        sessions = [
            (one.session, list(zip(one.groups, two.groups, strict=False)))
            for one, two in zip(first.sessions, second.sessions, strict=False)
        ]
        return self.render_to_response(
            {"form": form, "a": a, "b": b, "rows": rows, "sessions": sessions, "moved": moved}
        )
