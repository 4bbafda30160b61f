"""Network and impact: the figures of a scope (also the funder report, in HTML, PDF and XLSX), the lists
behind every figure, the graph, a person's ties, one tie, and the background jobs that print a report
or rebuild the ledger."""

import math
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from tissage.activities.models import Activity
from tissage.core.domain.jobs import job_enqueue
from tissage.core.models import Job, JobStatus
from tissage.impact.domain.analytics import Scope, figures
from tissage.impact.domain.enterprises import enterprises_with_trainings_before
from tissage.impact.domain.network import DRAWN_PEOPLE, scope_graph
from tissage.impact.interfaces.forms import ReportForm, ScopeForm
from tissage.impact.interfaces.report import (
    FIGURE_LISTS,
    figure_ids,
    render_report,
    report_choice,
    report_context,
)
from tissage.impact.models import Enterprise, Tie, TieContribution
from tissage.impact.tasks import LEDGER_JOB, REPORT_JOB, ledger_rebuild_task, report_pdf_task
from tissage.network.models import Hub
from tissage.people.models import Person

from .generic import OrgaDetailView, StaffMixin

VIEW_IMPACT = "impact.view_tie"


class ScopeMixin(StaffMixin):
    """Reads the scope from the address; a bad value is answered with 400 and the form's errors."""

    permission_required = VIEW_IMPACT
    form_class = ScopeForm

    @cached_property
    def form(self):
        return self.form_class(self.request.GET or None)

    @cached_property
    def scope(self) -> Scope | None:
        if not self.form.is_bound:
            return Scope()
        return self.form.scope() if self.form.is_valid() else None

    def render_to_response(self, context, **kwargs):
        if self.scope is None:
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)

    def scope_query(self) -> str:
        return self.form.query() if self.form.is_bound else ""


class ImpactView(ScopeMixin, TemplateView):
    """The figures of a scope, each opening its list: the funder report, as staff read it."""

    form_class = ReportForm
    template_name = "orga/impact/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.scope_query(), **kwargs)
        if self.scope is None:
            return context
        choice = report_choice(self.request.GET)
        report = report_context(choice)
        context["report"] = render_report(
            {**report, "list_query": self.scope_query()}, language=choice.language
        )
        context["choice"] = choice
        return context


class ImpactListView(ScopeMixin, TemplateView):
    """The people, ties, activities or enterprises behind one figure (``?figure=durable_ties``)."""

    template_name = "orga/impact/list.html"

    @cached_property
    def figure(self):
        try:
            return FIGURE_LISTS[self.request.GET.get("figure", "")]
        except KeyError:
            raise Http404 from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, figure=self.figure, **kwargs)
        if self.scope is None:
            return context
        year, hubs = self.request.GET.get("year"), self.request.GET.get("hubs")
        try:
            ids = figure_ids(
                figures(self.scope),
                self.request.GET["figure"],
                community=int(self.request.GET.get("community", 1)),
                year=int(year) if year else None,
                # "3-7": the ties between the people of hubs 3 and 7 (0: people without a home hub).
                hubs=tuple(int(pk) or None for pk in hubs.split("-", 1)) if hubs else None,
            )
        except (ValueError, IndexError, TypeError):
            raise Http404 from None
        page = Paginator(ids, settings.TISSAGE_PAGE_SIZE).get_page(self.request.GET.get("page"))
        objects = LIST_QUERIES[self.figure.model]().in_bulk(list(page.object_list))
        context.update(
            page_obj=page,
            paginator=page.paginator,
            object_list=[objects[pk] for pk in page.object_list if pk in objects],
            kind=self.figure.model._meta.model_name,
            query=self.scope_query(),
        )
        return context


LIST_QUERIES = {
    Tie: lambda: Tie.objects.select_related("person_a__home_hub", "person_b__home_hub"),
    Person: lambda: Person.objects.select_related("home_hub"),
    Activity: lambda: Activity.objects.select_related(
        "session__hub", "session__programme", "edition__festival__hub"
    ),
    Enterprise: lambda: Enterprise.objects.select_related("hub").prefetch_related("founders"),
}


class ImpactGraphView(ScopeMixin, TemplateView):
    """The woven network as an SVG: each person a link that opens their ties beside the graph; htmx
    swaps the graph when filters change, and every link also works as a plain page."""

    template_name = "orga/impact/graph.html"

    def get_template_names(self):
        return ["orga/impact/graph_body.html"] if self.request.htmx else [self.template_name]

    @cached_property
    def person(self) -> Person | None:
        slug = self.request.GET.get("person", "")
        return Person.objects.select_related("home_hub").filter(slug=slug).first() if slug else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form, query=self.scope_query(), person=self.person, **kwargs
        )
        if self.scope is None:
            return context
        drawn = scope_graph(self.scope, limit=DRAWN_PEOPLE)
        names = {node.pk: node.name for node in drawn.nodes}
        strongest = sorted(drawn.edges, key=lambda edge: (-edge.weight, edge.tie))[:STRONGEST_SHOWN]
        context.update(
            picture=graph_picture(drawn, self.person),
            drawn=drawn,
            limit=DRAWN_PEOPLE,
            strongest=[
                {**edge.__dict__, "a_name": names[edge.a], "b_name": names[edge.b]} for edge in strongest
            ],
        )
        if self.person is not None:
            ties = (
                Tie.objects.of_person(self.person)
                .filter(pk__in=[edge.tie for edge in drawn.edges if self.person.pk in (edge.a, edge.b)])
                .select_related("person_a__home_hub", "person_b__home_hub")[:PERSON_TIES_SHOWN]
            )
            context["person_ties"] = [(tie, tie.other(self.person)) for tie in ties]
            context["person_roles"] = self.person.roles.order_by("since", "pk")
        return context


# Shapes (and colours) of the hubs on the graph, so that hubs are told apart without colour.
HUB_MARKS = [
    ("circle", "#8a2d1f"),
    ("square", "#1f5f74"),
    ("triangle", "#1e6b3a"),
    ("diamond", "#7a4b00"),
    ("pentagon", "#5b3a8c"),
    ("hexagon", "#4a4658"),
]
SIZE = 1000
MARGIN = 40
STRONGEST_SHOWN = 50
PERSON_TIES_SHOWN = 30
WIDTHS = (0.8, 1.6, 2.6, 3.8)
# The corners of each polygon mark, on a circle of radius 1 (the circle is drawn as a circle).
CORNERS = {"square": 4, "triangle": 3, "diamond": 4, "pentagon": 5, "hexagon": 6}
TURNS = {
    "square": math.pi / 4,
    "triangle": -math.pi / 2,
    "diamond": 0.0,
    "pentagon": -math.pi / 2,
    "hexagon": 0.0,
}


def mark_points(shape: str, x: float, y: float, radius: float) -> str:
    """The ``points`` of a polygon mark centred on (x, y)."""
    if shape not in CORNERS:
        return ""
    corners = CORNERS[shape]
    angles = [TURNS[shape] + 2 * math.pi * i / corners for i in range(corners)]
    return " ".join(f"{x + radius * math.cos(a):.1f},{y + radius * math.sin(a):.1f}" for a in angles)


def graph_picture(drawn, person: Person | None) -> dict:
    """Positions in the SVG's coordinates, each hub's mark, and which ties to highlight."""
    hubs = Hub.objects.in_bulk([node.hub for node in drawn.nodes if node.hub is not None])
    order = sorted(hubs, key=lambda pk: hubs[pk].slug)
    marks = {pk: HUB_MARKS[i % len(HUB_MARKS)] for i, pk in enumerate(order)}
    top = max((node.strength for node in drawn.nodes), default=1.0) or 1.0
    span = SIZE - 2 * MARGIN
    nodes = {
        node.pk: {
            "node": node,
            "x": round(MARGIN + node.x * span, 1),
            "y": round(MARGIN + node.y * span, 1),
            "r": round(5 + 9 * (node.strength / top) ** 0.5, 1),
            "shape": marks.get(node.hub, ("circle", "#6b6b6b"))[0],
            "colour": marks.get(node.hub, ("circle", "#6b6b6b"))[1],
            "hub": hubs.get(node.hub),
            "labelled": False,
        }
        for node in drawn.nodes
    }
    for item in nodes.values():
        item["points"] = mark_points(item["shape"], item["x"], item["y"], item["r"] * 1.15)
        # Names on the right-hand side are written leftwards, so that they stay inside the picture.
        item["label_leftwards"] = item["x"] > SIZE * 0.7
    for pk in sorted(nodes, key=lambda pk: -nodes[pk]["node"].strength)[:25]:
        nodes[pk]["labelled"] = True
    chosen = person.pk if person is not None else None
    if chosen in nodes:
        nodes[chosen]["labelled"] = True
    heaviest = max((edge.weight for edge in drawn.edges), default=1.0) or 1.0
    # Ties are drawn as a few paths (one per kind of line and width) rather than one element each:
    # a programme of 500 people has thousands of ties, and the page stays light.
    paths: dict[tuple, list[str]] = {}
    for edge in drawn.edges:
        chosen_tie = chosen in (edge.a, edge.b)
        width = WIDTHS[min(int(len(WIDTHS) * edge.weight / heaviest), len(WIDTHS) - 1)]
        key = (chosen_tie, edge.durable, edge.crossing, width)
        a, b = nodes[edge.a], nodes[edge.b]
        paths.setdefault(key, []).append(f"M{a['x']} {a['y']}L{b['x']} {b['y']}")
    lines = [
        {
            "d": "".join(segments),
            "width": width,
            "classes": " ".join(
                name
                for name, on in (
                    ("tie-chosen", chosen_tie),
                    ("tie-durable", durable),
                    ("tie-crossing", crossing),
                )
                if on
            ),
        }
        for (chosen_tie, durable, crossing, width), segments in sorted(paths.items())
    ]
    legend = [
        {
            "hub": hubs[pk],
            "shape": marks[pk][0],
            "colour": marks[pk][1],
            "points": mark_points(marks[pk][0], 10, 10, 9),
        }
        for pk in order
    ]
    return {"nodes": list(nodes.values()), "lines": lines, "legend": legend, "size": SIZE}


class ImpactPersonView(OrgaDetailView):
    """A person's ties, strongest first, with their path through the network."""

    model = Person
    permission_required = VIEW_IMPACT
    template_name = "orga/impact/person.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.select_related("home_hub")

    def get_context_data(self, **kwargs):
        person = self.object
        ties = Tie.objects.of_person(person).select_related("person_a__home_hub", "person_b__home_hub")
        return super().get_context_data(
            ties=[(tie, tie.other(person)) for tie in ties],
            roles=person.roles.order_by("since", "pk"),
            collaborations=person.collaborations.prefetch_related("people").order_by("-date", "pk"),
            enterprises=enterprises_with_trainings_before(person),
            **kwargs,
        )


class TieDetailView(OrgaDetailView):
    """One tie: what each shared activity and declared collaboration gave it, year by year."""

    model = Tie
    permission_required = VIEW_IMPACT
    template_name = "orga/impact/tie.html"

    def get_queryset(self):
        contributions = TieContribution.objects.select_related(
            "activity__session__hub", "activity__edition__festival__hub", "collaboration"
        ).order_by("date", "pk")
        return Tie.objects.select_related("person_a__home_hub", "person_b__home_hub").prefetch_related(
            "years", Prefetch("contributions", queryset=contributions)
        )


class ReportPdfView(StaffMixin, View):
    """Prints the chosen report as a PDF in the background, then shows the job's progress."""

    permission_required = VIEW_IMPACT
    http_method_names = ["post"]

    def post(self, request):
        try:
            report_choice(request.POST)
        except ValidationError as error:
            return HttpResponseBadRequest(
                "\n".join(
                    f"{field}: {m}" for field, messages in error.message_dict.items() for m in messages
                ),
                content_type="text/plain; charset=utf-8",
            )
        params = {name: value for name, value in request.POST.items() if name in ReportForm.base_fields}
        job = job_enqueue(actor=request.user, kind=REPORT_JOB, task=report_pdf_task, params=params)
        return HttpResponseRedirect(reverse("orga:impact-report-job", kwargs={"pk": job.pk}))


class ReportJobView(StaffMixin, TemplateView):
    """A report being printed: its progress (refreshing itself), then the link to the file."""

    permission_required = VIEW_IMPACT
    template_name = "orga/impact/report_job.html"

    def get_template_names(self):
        return ["orga/impact/report_job_status.html"] if self.request.htmx else [self.template_name]

    def get_context_data(self, **kwargs):
        job = get_object_or_404(Job, pk=self.kwargs["pk"], kind=REPORT_JOB)
        return super().get_context_data(job=job, **kwargs)


class ReportFileView(StaffMixin, View):
    permission_required = VIEW_IMPACT

    def get(self, request, pk):
        job = get_object_or_404(Job, pk=pk, kind=REPORT_JOB, status=JobStatus.SUCCEEDED)
        name = job.result.get("file", "")
        if not name or not default_storage.exists(name):
            raise Http404
        return FileResponse(
            default_storage.open(name, "rb"),
            as_attachment=True,
            filename=job.result.get("filename", "report.pdf"),
            content_type="application/pdf",
        )


class LedgerRebuildView(StaffMixin, View):
    """POST: recompute the whole tie ledger in the background (after an import, say)."""

    permission_required = "impact.change_tie"
    http_method_names = ["post"]

    def post(self, request):
        job = job_enqueue(actor=request.user, kind=LEDGER_JOB, task=ledger_rebuild_task)
        return HttpResponseRedirect(job.get_absolute_url())
