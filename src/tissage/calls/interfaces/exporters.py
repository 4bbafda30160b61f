"""The ``applications`` export scope: a call's applications, ranked, as a spreadsheet.

``select`` takes ``call`` (the call's short name); ``render`` receives the ``Call``. The columns are
the applicant's details, the ranking (rank, score, reviews) and one column per question of the call.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tissage.core.exporters import Exporter, Scope, registry
from tissage.core.languages import language_name
from tissage.core.spreadsheets import CONTENT_TYPES, FORMATS, write_table

from ..domain.ranking import call_ranking
from ..enums import CHOICE_KINDS
from ..models import Call


def select_call(params: Mapping[str, str]) -> Call:
    call = Call.objects.filter(slug=params.get("call", "")).first()
    if call is None:
        raise ValidationError({"call": [_("Name a call by its short name, e.g. call=sound-2027.")]})
    return call


def _answer_text(question, value) -> str:
    if value is None:
        return ""
    if question.kind in CHOICE_KINDS:
        labels = dict(question.choice_list())
        keys = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(key), str(key)) for key in keys)
    return str(value)


def application_table(call: Call) -> tuple[list[str], list[list]]:
    questions = list(call.questions.all())
    header = [
        _("Rank"),
        _("Score"),
        _("Reviews"),
        _("Reference"),
        _("State"),
        _("Given name"),
        _("Family name"),
        _("Email"),
        _("Phone"),
        _("City"),
        _("Country"),
        _("Nationality"),
        _("Languages"),
        _("Skills and instruments"),
        _("Links"),
        _("Sent"),
        *(str(q.label) for q in questions),
    ]
    _criteria, ranking = call_ranking(call, call.applications.prefetch_related("skills"))
    rows = [
        [
            row.rank or "",
            row.score if row.score is not None else "",
            row.reviews,
            a.reference,
            a.get_state_display(),
            a.given_name,
            a.family_name,
            a.email,
            a.phone,
            a.city,
            a.country.name,
            a.nationality.name,
            ", ".join(f"{language_name(code)} ({level})" for code, level in a.languages),
            ", ".join(str(skill.name) for skill in a.skills.all()),
            " ".join(a.links),
            a.created_at.date(),
            *(_answer_text(q, a.answers.get(str(q.pk))) for q in questions),
        ]
        for row in ranking
        for a in [row.application]
    ]
    return header, rows


registry.register_scope(Scope(name="applications", permission="calls.change_application", select=select_call))
for _format in FORMATS:
    registry.register(
        Exporter(
            identifier=f"applications.{_format}",
            label=format_lazy("{} ({})", gettext_lazy("Applications, ranked"), _format.upper()),
            scope="applications",
            format=_format,
            content_type=CONTENT_TYPES[_format],
            extension=_format,
            render=lambda call, fmt=_format: write_table(fmt, *application_table(call)),
        )
    )
