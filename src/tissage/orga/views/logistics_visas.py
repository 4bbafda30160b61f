"""Visas: the rules by nationality and destination, the cases with their steps and documents, the
invitation letters (printed by a background job) and the hubs' letter templates."""

from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from tissage.core.domain.jobs import jobs_of
from tissage.logistics.domain.visas import (
    letter_template_create,
    letter_template_update,
    visa_case_decide,
    visa_case_open,
    visa_case_record_step,
    visa_case_update,
    visa_document_add,
    visa_rule_create,
    visa_rule_for,
    visa_rule_update,
)
from tissage.logistics.enums import VisaOutcome, VisaStep
from tissage.logistics.interfaces.filters import VisaCaseFilter
from tissage.logistics.interfaces.forms import (
    LetterTemplateForm,
    VisaCaseForm,
    VisaDecisionForm,
    VisaDocumentForm,
    VisaRuleForm,
    VisaStepForm,
)
from tissage.logistics.models import LetterTemplate, VisaCase, VisaDocument, VisaRule
from tissage.logistics.tasks import invitation_letter_enqueue

from .generic import (
    FetchOnceMixin,
    OrgaActionView,
    OrgaCreateView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    StaffMixin,
    next_url,
)
from .logistics import ForParticipationMixin, OrgaObjectFormView, participation_logistics_url

CASES = VisaCase.objects.select_related(
    "rule",
    "participation__person__home_hub",
    "participation__session__hub",
    "participation__session__programme",
)
LETTER_JOBS_SHOWN = 5


class VisaRuleListView(OrgaListView):
    model = VisaRule
    permission_required = "logistics.view_visarule"
    template_name = "orga/logistics/visa_rules.html"
    filterset_fields = ["destination", "nationality", "visa_required"]

    def get_queryset(self):
        return VisaRule.objects.order_by("destination", "nationality")


class VisaRuleCreateView(OrgaCreateView):
    """A new rule; ``?nationality=CD&destination=FR`` (from the board) chooses the pair."""

    model = VisaRule
    form_class = VisaRuleForm
    permission_required = "logistics.add_visarule"
    page_title = _("New visa rule")
    success_message = _("The visa rule was added.")

    def get_initial(self):
        chosen = {
            name: self.request.GET[name]
            for name in ("nationality", "destination")
            if name in self.request.GET
        }
        return {**super().get_initial(), **chosen}

    def get_success_url(self):
        return next_url(self.request) or reverse("orga:visa-rule-list")

    def get_cancel_url(self):
        return self.get_success_url()

    def save(self, form):
        return visa_rule_create(actor=self.request.user, data=form.cleaned_data)


class VisaRuleUpdateView(OrgaUpdateView):
    model = VisaRule
    form_class = VisaRuleForm
    permission_required = "logistics.change_visarule"
    success_message = _("The visa rule was updated.")

    def get_success_url(self):
        return next_url(self.request) or reverse("orga:visa-rule-list")

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        rule = self.fresh_object()
        visa_rule_update(actor=self.request.user, rule=rule, data=self.changed_data(form))
        return rule


class VisaCaseListView(OrgaListView):
    model = VisaCase
    permission_required = "logistics.view_visacase"
    filterset_class = VisaCaseFilter
    template_name = "orga/logistics/visa_cases.html"

    def get_queryset(self):
        return CASES.order_by(
            "participation__session__start_date", "participation__person__family_name", "pk"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class VisaCaseOpenView(ForParticipationMixin, OrgaCreateView):
    """Opens the visa case of the participation in the address."""

    model = VisaCase
    form_class = VisaCaseForm
    permission_required = "logistics.add_visacase"
    participation_from = "url"
    success_message = _("The visa case was opened.")

    def get_initial(self):
        return {**super().get_initial(), "rule": visa_rule_for(self.participation)}

    def get_success_url(self):
        return next_url(self.request) or self.object.get_absolute_url()

    def get_cancel_url(self):
        return next_url(self.request) or participation_logistics_url(self.participation, "visa")

    def get_context_data(self, **kwargs):
        title = _("Open the visa case of %(person)s") % {"person": self.participation.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return visa_case_open(
            actor=self.request.user, participation=self.participation, data=form.cleaned_data
        )


class VisaCaseDetailView(OrgaDetailView):
    model = VisaCase
    permission_required = "logistics.view_visacase"
    template_name = "orga/logistics/visa_case.html"
    context_object_name = "case"

    def get_queryset(self):
        return CASES

    def get_context_data(self, **kwargs):
        case = self.object
        today = timezone.localdate()
        next_step = case.next_step()
        return super().get_context_data(
            today=today,
            steps=case.steps(),
            documents=case.documents.all(),
            letter_jobs=jobs_of(case)[:LETTER_JOBS_SHOWN],
            step_form=VisaStepForm(initial={"step": next_step.step if next_step else "", "on": today}),
            decision_form=VisaDecisionForm(initial={"on": today}),
            document_form=VisaDocumentForm(),
            **kwargs,
        )


class VisaCaseUpdateView(OrgaUpdateView):
    model = VisaCase
    form_class = VisaCaseForm
    permission_required = "logistics.change_visacase"
    success_message = _("The visa case was updated.")

    def get_queryset(self):
        return CASES

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        case = self.fresh_object()
        visa_case_update(actor=self.request.user, case=case, data=self.changed_data(form))
        return case


class VisaCaseStepView(OrgaObjectFormView):
    """Records that a step of a case was done (the form is on the case's page)."""

    model = VisaCase
    form_class = VisaStepForm
    permission_required = "logistics.change_visacase"

    def get_queryset(self):
        return CASES

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("A step of %(object)s") % {"object": self.object}, **kwargs
        )

    def save(self, form):
        visa_case_record_step(
            actor=self.request.user,
            case=self.object,
            step=form.cleaned_data["step"],
            on=form.cleaned_data["on"],
        )
        self.success_message = _("%(step)s: recorded.") % {"step": VisaStep(form.cleaned_data["step"]).label}
        return self.object


class VisaCaseDecideView(OrgaObjectFormView):
    """Records the consulate's decision; a refusal cancels the participation."""

    model = VisaCase
    form_class = VisaDecisionForm
    permission_required = "logistics.change_visacase"

    def get_queryset(self):
        return CASES

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Decision on %(object)s") % {"object": self.object}, **kwargs
        )

    def save(self, form):
        data = form.cleaned_data
        visa_case_decide(
            actor=self.request.user,
            case=self.object,
            outcome=data["outcome"],
            on=data["on"],
            reason=data["reason"],
        )
        if data["outcome"] == VisaOutcome.REFUSED:
            self.success_message = _(
                "Visa refused: %(person)s no longer comes to the session; the planner was told."
            ) % {"person": self.object.participation.person}
        else:
            self.success_message = _("Visa granted.")
        return self.object


class VisaDocumentAddView(OrgaObjectFormView):
    model = VisaCase
    form_class = VisaDocumentForm
    permission_required = "logistics.add_visadocument"
    success_message = _("The document was added.")

    def get_queryset(self):
        return CASES

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("A document for %(object)s") % {"object": self.object}, **kwargs
        )

    def save(self, form):
        visa_document_add(actor=self.request.user, case=self.object, data=form.cleaned_data)
        return self.object


class VisaDocumentView(FetchOnceMixin, StaffMixin, DetailView):
    """A visa document, opened in the browser (a passport scan is personal: staff only)."""

    model = VisaDocument
    permission_required = "logistics.view_visadocument"

    def get(self, request, *args, **kwargs):
        document = self.get_object()
        return FileResponse(document.file.open("rb"), filename=document.file.name.rsplit("/", 1)[-1])


class VisaLetterView(OrgaActionView):
    """Prints the case's invitation letter in the background and shows the job's progress."""

    model = VisaCase
    permission_required = "logistics.add_visadocument"

    def get_queryset(self):
        return CASES

    def act(self) -> str:
        language = self.request.POST.get("language") or None
        self.job = invitation_letter_enqueue(actor=self.request.user, case=self.object, language=language)
        return _("The letter is being printed; it appears among the case's documents when done.")

    def get_success_url(self) -> str:
        return self.job.get_absolute_url() if hasattr(self, "job") else self.object.get_absolute_url()


class LetterTemplateListView(OrgaListView):
    model = LetterTemplate
    permission_required = "logistics.view_lettertemplate"
    template_name = "orga/logistics/letter_templates.html"
    filterset_fields = ["hub", "language"]

    def get_queryset(self):
        return LetterTemplate.objects.select_related("hub").order_by("hub__slug", "language")


class LetterTemplateCreateView(OrgaCreateView):
    model = LetterTemplate
    form_class = LetterTemplateForm
    permission_required = "logistics.add_lettertemplate"
    page_title = _("New invitation letter")
    success_message = _("The letter was added.")

    def get_success_url(self):
        return reverse("orga:letter-template-list")

    def save(self, form):
        return letter_template_create(actor=self.request.user, data=form.cleaned_data)


class LetterTemplateUpdateView(OrgaUpdateView):
    model = LetterTemplate
    form_class = LetterTemplateForm
    permission_required = "logistics.change_lettertemplate"
    success_message = _("The letter was updated.")

    def get_success_url(self):
        return reverse("orga:letter-template-list")

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        template = self.fresh_object()
        letter_template_update(actor=self.request.user, template=template, data=self.changed_data(form))
        return template
