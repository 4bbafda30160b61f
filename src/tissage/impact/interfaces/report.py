"""The funder report: the figures of a scope with their definitions, the activities, the people by role
and hub, concerts and audiences, retention, enterprises, the programmes' budgets and charts, as an
HTML page, a PDF and a spreadsheet in the report's language. The *aggregate* variant names nobody:
it is the one to send."""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from tissage.activities.enums import ActivityKind
from tissage.activities.models import Activity
from tissage.core.pdf import html_to_pdf
from tissage.logistics.domain.money import budget_summary
from tissage.logistics.models import Budget
from tissage.network.models import Hub, Programme
from tissage.people.enums import Role
from tissage.people.models import Organisation, Person

from ..domain.analytics import Figures, Scope, figures, hub_pair
from ..enums import EnterpriseKind, ReportVariant
from ..models import Enterprise, Tie
from . import charts
from .forms import ReportForm


@dataclass(frozen=True)
class FigureList:
    """A list of things behind a figure: which model, and which attribute of :class:`Figures`."""

    model: type
    attribute: str  # the lists of bridging people and retention hold more than keys: see figure_ids
    title: str


FIGURE_LISTS = {
    "ties": FigureList(Tie, "ties", gettext_lazy("Ties")),
    "new_ties": FigureList(Tie, "new_ties", gettext_lazy("New ties")),
    "durable_ties": FigureList(Tie, "durable_ties", gettext_lazy("Durable ties")),
    "crossing_ties": FigureList(Tie, "crossing_ties", gettext_lazy("Crossing ties")),
    "durable_crossing_ties": FigureList(Tie, "durable_crossing_ties", gettext_lazy("Durable crossing ties")),
    "people": FigureList(Person, "people", gettext_lazy("People")),
    "people_with_durable_crossing_tie": FigureList(
        Person, "people_with_durable_crossing_tie", gettext_lazy("People with a durable crossing tie")
    ),
    "trainees": FigureList(Person, "trainees", gettext_lazy("Trainees")),
    "trainees_later": FigureList(
        Person, "trainees_later", gettext_lazy("Trainees who went on to staff or entrepreneur roles")
    ),
    "bridging": FigureList(Person, "bridging", gettext_lazy("Bridging people")),
    "retained": FigureList(Person, "retention", gettext_lazy("Cohort members present in the last year")),
    "community": FigureList(Person, "communities", gettext_lazy("Members of a community")),
    "training_activities": FigureList(Activity, "training_activities", gettext_lazy("Training activities")),
    "concerts": FigureList(Activity, "concerts", gettext_lazy("Concerts")),
    "activities": FigureList(Activity, "activities", gettext_lazy("Activities")),
    "enterprises": FigureList(Enterprise, "enterprises", gettext_lazy("Enterprises")),
    "enterprises_trained_founders": FigureList(
        Enterprise, "enterprises_trained_founders", gettext_lazy("Enterprises whose founders trained first")
    ),
}


def figure_ids(
    result: Figures,
    key: str,
    *,
    community: int = 1,
    year: int | None = None,
    hubs: tuple[int | None, int | None] | None = None,
) -> list[int]:
    """The primary keys behind a figure, in the order the figure lists them; for ``community``, the
    members of the one numbered ``community`` (from 1, largest first), most connected first; with
    ``year``, only the ties of a tie figure that were first made that year (the table of ties by
    year); with ``hubs``, only those between the people of those two home hubs (the hub-to-hub
    table). An ``IndexError`` when there is no such community, or a year or hubs for another figure."""
    if year is not None or hubs is not None:
        if FIGURE_LISTS[key].model is not Tie:
            raise IndexError(key)
        ties = getattr(result, FIGURE_LISTS[key].attribute)
        if year is not None:
            made = set(result.new_ties_by_year.get(year, []))
            ties = [tie for tie in ties if tie in made]
        if hubs is not None:
            between = set(result.ties_by_hub_pair.get(hub_pair(*hubs), []))
            ties = [tie for tie in ties if tie in between]
        return ties
    if key == "community":
        if community < 1:
            raise IndexError(community)
        return result.communities[community - 1].members
    if key == "bridging":
        return [person for person, _score in result.bridging]
    if key == "retained":
        return sorted({person for retention in result.retention for person in retention.retained})
    return getattr(result, FIGURE_LISTS[key].attribute)


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    value: str
    definition: str


def _share(part: int, whole: int) -> str:
    return f"{number_format(100 * part / whole, 0)}\u00a0%" if whole else "—"


def _with_share(part: int, whole: int) -> str:
    return f"{part} ({_share(part, whole)})"


def _out_of(part: int, whole: int) -> str:
    return f"{part} / {whole} ({_share(part, whole)})"


def figure_rows(f: Figures) -> list[FigureRow]:
    """The headline figures, each with what it counts (docs/impact.md says it at length)."""
    retained = sum(len(r.retained) for r in f.retention)
    cohort = sum(len(r.cohort) for r in f.retention)
    return [
        FigureRow(
            "people",
            _("People"),
            str(len(f.people)),
            _("People with a tie in the scope, and everyone present in its programmes' sessions."),
        ),
        FigureRow(
            "ties",
            _("Ties"),
            str(len(f.ties)),
            _("Pairs of people who worked together in the scope's activities (or declared a collaboration)."),
        ),
        FigureRow(
            "new_ties",
            _("New ties"),
            str(len(f.new_ties)),
            _("Ties whose very first shared work is in the scope."),
        ),
        FigureRow(
            "durable_ties",
            _("Durable ties"),
            str(len(f.durable_ties)),
            _("Ties active in two or more different years, up to the end of the period."),
        ),
        FigureRow(
            "crossing_ties",
            _("Crossing ties"),
            str(len(f.crossing_ties)),
            _("Ties between people of different home hubs."),
        ),
        FigureRow(
            "durable_crossing_ties",
            _("Durable crossing ties"),
            str(len(f.durable_crossing_ties)),
            _("Ties both durable and crossing."),
        ),
        FigureRow(
            "people_with_durable_crossing_tie",
            _("People with a durable crossing tie"),
            _with_share(len(f.people_with_durable_crossing_tie), len(f.people)),
            _("Share of the scope's people with at least one durable crossing tie."),
        ),
        FigureRow(
            "bridging",
            _("Bridging people"),
            str(len(f.bridging)),
            _("The people through whom most shortest paths between others run (betweenness)."),
        ),
        FigureRow(
            "retained",
            _("Cohort retention"),
            _out_of(retained, cohort),
            _("Cohort members present in their programme's last year so far."),
        ),
        FigureRow(
            "training_activities",
            _("Training hours"),
            number_format(f.training_hours, 0),
            _("Hours of workshops, courses and residencies; %(person_hours)s person-hours of learners.")
            % {"person_hours": number_format(f.training_person_hours, 0)},
        ),
        FigureRow(
            "trainees_later",
            _("Trainees who went on"),
            _out_of(len(f.trainees_later), len(f.trainees)),
            _(
                "Trainees who later became technicians, administrators, coordinators, teaching artists "
                "or entrepreneurs."
            ),
        ),
        FigureRow(
            "enterprises",
            _("Enterprises"),
            str(len(f.enterprises)),
            _("Music enterprises founded in the period by people of the scope."),
        ),
        FigureRow(
            "enterprises_trained_founders",
            _("Enterprises born of the trainings"),
            str(len(f.enterprises_trained_founders)),
            _("Enterprises with a founder who took part in a training of the network before founding it."),
        ),
        FigureRow(
            "concerts",
            _("Concerts"),
            str(len(f.concerts)),
            _("Concerts and their audiences: %(audience)s people.")
            % {"audience": number_format(f.audience, 0)},
        ),
    ]


def scope_title(scope: Scope, funder: Organisation | None = None) -> str:
    """What a report is about, in words: "Marseille – Narian-Mar · Narian-Mar · 2002–2004"."""
    parts = []
    if funder is not None:
        parts.append(_("Programmes funded by %(funder)s") % {"funder": funder})
    elif scope.programmes:
        parts.append(", ".join(str(p.name) for p in Programme.objects.filter(pk__in=scope.programmes)))
    else:
        parts.append(_("The whole network"))
    if scope.hub is not None:
        parts.append(_("held at %(hub)s") % {"hub": Hub.objects.get(pk=scope.hub).name})
    if scope.role:
        parts.append(_("people who were %(role)s") % {"role": Role(scope.role).label})
    parts.append(f"{scope.first_year or '…'}–{scope.end_year}")
    return " · ".join(parts)


@dataclass(frozen=True)
class ReportChoice:
    scope: Scope
    variant: str
    language: str
    funder: Organisation | None = None


def report_choice(params) -> ReportChoice:
    """The report asked for by ``params`` (the report form's fields); a ``ValidationError`` if invalid."""
    form = ReportForm(params)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return ReportChoice(
        scope=form.scope(),
        variant=form.cleaned_data["variant"],
        language=form.cleaned_data["language"],
        funder=None if form.cleaned_data.get("programme") else form.cleaned_data.get("funder"),
    )


def report_context(choice: ReportChoice) -> dict:
    """Everything the report shows, with its texts in the report's language."""
    with translation.override(choice.language):
        return _report_context(choice.scope, variant=choice.variant, funder=choice.funder)


def _report_context(scope: Scope, *, variant: str, funder: Organisation | None) -> dict:
    result = figures(scope)
    hubs = Hub.objects.in_bulk()
    named = variant == ReportVariant.FULL
    names: dict = {}
    if named:
        shown = {pk for pk, _score in result.bridging} | {
            pk for c in result.communities for pk in c.most_connected
        }
        names = Person.objects.select_related("home_hub").in_bulk(shown)
    used_hubs = sorted(
        {hub for pair in result.hub_flows for hub in pair if hub is not None},
        key=lambda pk: str(hubs[pk].name),
    )
    flows = [[result.hub_flows.get(tuple(sorted((h, k))), 0) for k in used_hubs] for h in used_hubs]
    flow_pairs = [
        (
            hubs[a].name if a else _("no home hub"),
            hubs[b].name if b else _("no home hub"),
            f"{a or 0}-{b or 0}",
            n,
        )
        for (a, b), n in sorted(result.hub_flows.items(), key=lambda item: -item[1])
    ]
    roles = sorted({role for role, _hub in result.people_by_role_and_hub}, key=lambda r: list(Role).index(r))
    role_hubs = sorted(
        {hub for _role, hub in result.people_by_role_and_hub if hub is not None},
        key=lambda pk: str(hubs[pk].name),
    )
    programmes = Programme.objects.in_bulk([r.programme for r in result.retention])
    enterprises = (
        Enterprise.objects.filter(pk__in=result.enterprises)
        .select_related("hub")
        .prefetch_related("founders")
    )
    budgets = Budget.objects.select_related("programme").order_by("programme__start_year", "title", "pk")
    if scope.programmes:
        budgets = budgets.filter(programme__in=scope.programmes)
    return {
        "scope": scope,
        "title": scope_title(scope, funder),
        "named": named,
        "variant": variant,
        "figures": result,
        "rows": figure_rows(result),
        "generated_on": timezone.localdate(),
        "bridging": [(names.get(pk), score) for pk, score in result.bridging],
        "communities": [(c, [names.get(pk) for pk in c.most_connected]) for c in result.communities],
        "activities_by_kind": [
            (ActivityKind(kind).label, n, hours)
            for kind, (n, hours) in sorted(result.activities_by_kind.items())
        ],
        "role_hubs": [hubs[pk] for pk in role_hubs],
        "people_by_role": [
            (Role(role).label, [result.people_by_role_and_hub.get((role, hub), 0) for hub in role_hubs])
            for role in roles
        ],
        "retention": [
            (
                programmes[r.programme],
                len(r.cohort),
                [(year, len(people), _share(len(people), len(r.cohort))) for year, people in r.by_year],
                _share(len(r.retained), len(r.cohort)),
            )
            for r in result.retention
        ],
        "enterprises": list(enterprises),
        "enterprise_kinds": [
            (EnterpriseKind(kind).label, sum(1 for e in enterprises if e.kind == kind))
            for kind in EnterpriseKind.values
            if any(e.kind == kind for e in enterprises)
        ],
        "ties_chart": charts.ties_over_time(result.years),
        "enterprises_chart": charts.enterprises_over_time(result.enterprises_by_year),
        "flows_chart": charts.hub_flows([str(hubs[pk].name) for pk in used_hubs], flows),
        "flow_hubs": [hubs[pk] for pk in used_hubs],
        "flows": flows,
        "flow_pairs": flow_pairs,
        "budgets": [(budget, budget_summary(budget)) for budget in budgets],
    }


def render_report(context: dict, *, language: str, printed: bool = False) -> str:
    """The report as a whole HTML document (for the PDF), or as the body of a staff page."""
    with translation.override(language):
        template = "impact/report_print.html" if printed else "impact/report_body.html"
        return render_to_string(template, {**context, "language": language})


def report_pdf(context: dict, *, language: str) -> bytes:
    return html_to_pdf(render_report(context, language=language, printed=True))


def report_xlsx(context: dict, *, language: str) -> bytes:
    """The report's tables, one sheet each; cells are values, never formulas."""
    with translation.override(language):
        workbook = Workbook(write_only=True)
        result = context["figures"]
        sheets = [
            (
                _("Figures"),
                [_("Figure"), _("Value"), _("Definition")],
                [(r.label, r.value, r.definition) for r in context["rows"]],
            ),
            (
                _("Ties by year"),
                [_("Year"), _("New ties"), _("Durable"), _("Crossing")],
                [(y, v["new"], v["durable"], v["crossing"]) for y, v in result.years.items()],
            ),
            (
                _("Activities"),
                [_("Kind"), _("Activities"), _("Hours")],
                [(str(k), n, round(h, 1)) for k, n, h in context["activities_by_kind"]],
            ),
            (
                _("People by role"),
                [_("Role"), *[str(h.name) for h in context["role_hubs"]]],
                [(str(role), *counts) for role, counts in context["people_by_role"]],
            ),
            (
                _("Hub to hub"),
                ["", *[str(h.name) for h in context["flow_hubs"]]],
                [(str(h.name), *row) for h, row in zip(context["flow_hubs"], context["flows"], strict=True)],
            ),
            (
                _("Retention"),
                [_("Programme"), _("Cohort"), _("Retention")],
                [(str(p.name), n, share) for p, n, _years, share in context["retention"]],
            ),
            (
                _("Enterprises"),
                [
                    _("Name"),
                    _("Kind"),
                    _("City"),
                    _("Founded"),
                    _("Status"),
                    *([_("Founders")] if context["named"] else []),
                ],
                [
                    (
                        e.name,
                        str(e.get_kind_display()),
                        e.city,
                        e.founded_on,
                        str(e.get_status_display()),
                        *([", ".join(p.full_name for p in e.founders.all())] if context["named"] else []),
                    )
                    for e in context["enterprises"]
                ],
            ),
            (
                _("Budgets"),
                [_("Title"), _("Category"), _("Planned"), _("Actual"), _("Currency")],
                [
                    (
                        budget.title,
                        capfirst(str(row.label)),
                        row.planned.rounded().amount,
                        row.actual.rounded().amount,
                        summary.currency,
                    )
                    for budget, summary in context["budgets"]
                    for row in [*summary.categories, summary.total]
                ],
            ),
        ]
        for title, header, rows in sheets:
            sheet = workbook.create_sheet(title=capfirst(title)[:31])
            sheet.append([capfirst(str(name)) for name in header])
            for row in rows:
                sheet.append([_cell(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    """A text that starts like a formula stays text: exported data is never run as a formula."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return f"'{value}"
    return value
