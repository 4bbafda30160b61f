"""The ``planning`` export scope: the groups of a plan, per session, as a spreadsheet
(``plan-groups.xlsx``) and as a printable sheet (``plan-groups.pdf``), in French, English or Russian.

``select`` takes ``plan`` (primary key) and ``language`` (``fr``, ``en``, ``ru``; by default the
interface's); ``render`` receives a :class:`GroupsExport`.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tissage.core.exporters import Scope, registry
from tissage.core.languages import language_name
from tissage.core.pdf import html_to_pdf
from tissage.core.spreadsheets import CONTENT_TYPES, write_table

from ..models import Plan
from .sheets import metric_rows, plan_sheet

SCOPE = "planning"


class ExportSelection(forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.select_related("programme", "session"))
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


@dataclass(frozen=True)
class GroupsExport:
    plan: Plan
    language: str


def select_groups(params: Mapping[str, str]) -> GroupsExport:
    form = ExportSelection(params)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return GroupsExport(
        plan=form.cleaned_data["plan"], language=form.cleaned_data["language"] or translation.get_language()
    )


def groups_header() -> list[str]:
    return [
        _("session"),
        _("group"),
        _("working language"),
        _("interpreter"),
        _("leader"),
        _("person"),
        _("home hub"),
        _("role"),
        _("locked"),
    ]


def groups_rows(export: GroupsExport):
    sheet = plan_sheet(export.plan)
    for session in sheet.sessions:
        for group in session.groups:
            row = group.group
            for member in group.members:
                person = member.person
                yield [
                    str(session.session),
                    group.number,
                    language_name(row.language) if row.language else "",
                    row.interpreter.full_name if row.interpreter else "",
                    row.leader.full_name if row.leader else "",
                    person.full_name,
                    str(person.home_hub) if person.home_hub else "",
                    member.role_label,
                    _("yes") if member.locked or row.locked else "",
                ]


def render_xlsx(export: GroupsExport) -> bytes:
    with translation.override(export.language):
        return write_table("xlsx", groups_header(), [[str(v) for v in row] for row in groups_rows(export)])


def groups_html(export: GroupsExport) -> str:
    with translation.override(export.language):
        return render_to_string(
            "planning/groups_print.html",
            {
                "sheet": plan_sheet(export.plan),
                "plan": export.plan,
                "metrics": metric_rows(export.plan),
                "generated": timezone.now(),
                "LANGUAGE_CODE": export.language,
            },
        )


def render_pdf(export: GroupsExport) -> bytes:
    return html_to_pdf(groups_html(export))


registry.register_scope(Scope(name=SCOPE, permission="planning.view_plan", select=select_groups))
registry.exporter(
    identifier="plan-groups.xlsx",
    label=gettext_lazy("Groups (spreadsheet)"),
    scope=SCOPE,
    format="xlsx",
    content_type=CONTENT_TYPES["xlsx"],
    extension="xlsx",
)(render_xlsx)
registry.exporter(
    identifier="plan-groups.pdf",
    label=gettext_lazy("Groups (printable sheet)"),
    scope=SCOPE,
    format="pdf",
    content_type="application/pdf",
    extension="pdf",
)(render_pdf)
