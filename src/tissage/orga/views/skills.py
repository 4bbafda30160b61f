"""Staff pages of the skill vocabulary: instruments, voices and trades that describe people."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.people.domain.organisations import skill_create, skill_update
from tissage.people.interfaces.forms import SkillForm
from tissage.people.models import Skill

from ..filters.people import SkillFilter
from .generic import OrgaCreateView, OrgaListView, OrgaUpdateView, next_url


class SkillListView(OrgaListView):
    model = Skill
    permission_required = "people.view_skill"
    filterset_class = SkillFilter
    template_name = "orga/skills/list.html"

    def get_queryset(self):
        return Skill.objects.annotate(people_count=Count("people")).order_by("category", "slug")


class SkillFormMixin:
    """A skill has no page of its own: its forms come back to the vocabulary (or to ``?next=``)."""

    model = Skill
    form_class = SkillForm

    def get_success_url(self) -> str:
        return next_url(self.request) or reverse("orga:skill-list")

    def get_cancel_url(self) -> str:
        return self.get_success_url()


class SkillCreateView(SkillFormMixin, OrgaCreateView):
    permission_required = "people.add_skill"
    page_title = _("New skill or instrument")
    success_message = _("The skill was added.")

    def save(self, form):
        return skill_create(actor=self.request.user, data=form.cleaned_data)


class SkillUpdateView(SkillFormMixin, OrgaUpdateView):
    permission_required = "people.change_skill"
    success_message = _("The skill was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(skill)s") % {"skill": self.object}, **kwargs)

    def save(self, form):
        skill = self.fresh_object()
        skill_update(actor=self.request.user, skill=skill, data=self.changed_data(form))
        return skill
