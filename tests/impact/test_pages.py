"""The staff pages of the network and its impact: access, content, query counts, forms, exports."""

import datetime
import decimal
import io

import networkx as nx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tissage.core.models import AuditEntry, Job, JobStatus
from tissage.impact.domain.analytics import Scope, figures
from tissage.impact.domain.ledger import ledger_rebuild
from tissage.impact.models import Collaboration, Enterprise, Tie

from ..factories import (
    BudgetFactory,
    BudgetLineFactory,
    CollaborationFactory,
    EnterpriseFactory,
    ExchangeRateFactory,
    PersonFactory,
)
from ..orga.access import anonymous_outcomes, sent_to_login, statuses

D = datetime.date


def page_urls(network) -> list[str]:
    tie = Tie.objects.first()
    collaboration = CollaborationFactory(people=[network["a"], network["b"]])
    return [
        reverse("orga:impact"),
        reverse("orga:impact-list") + "?figure=ties",
        reverse("orga:impact-graph"),
        reverse("orga:impact-person", args=[network["a"].slug]),
        reverse("orga:impact-tie", args=[tie.pk]),
        reverse("orga:collaboration-list"),
        reverse("orga:collaboration-create"),
        reverse("orga:collaboration-detail", args=[collaboration.pk]),
        reverse("orga:collaboration-update", args=[collaboration.pk]),
        reverse("orga:collaboration-delete", args=[collaboration.pk]),
        reverse("orga:enterprise-list"),
        reverse("orga:enterprise-create"),
        reverse("orga:enterprise-detail", args=["sever-zvuk"]),
        reverse("orga:enterprise-update", args=["sever-zvuk"]),
        reverse("orga:enterprise-delete", args=["sever-zvuk"]),
        reverse("orga:export") + "?exporter=ties.gexf",
        reverse("orga:export") + "?exporter=report.xlsx",
    ]


def test_impact_pages_send_anonymous_visitors_to_login(client, network):
    urls = page_urls(network)
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)


def test_impact_pages_refuse_people_without_staff_rights(member_client, network):
    urls = page_urls(network)
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    posts = [reverse("orga:impact-report-pdf"), reverse("orga:impact-rebuild")]
    assert statuses(member_client, posts, method="post") == dict.fromkeys(posts, 403)


def test_impact_pages_open_for_staff(staff_client, network):
    urls = page_urls(network)
    assert statuses(staff_client, urls) == dict.fromkeys(urls, 200)


def test_overview_shows_every_figure_with_a_link_to_its_list(staff_client, network):
    response = staff_client.get(reverse("orga:impact"), {"programme": network["programme"].slug})
    html = response.content.decode()
    assert response.status_code == 200
    list_url = reverse("orga:impact-list")
    for figure in ("people", "ties", "new_ties", "durable_ties", "crossing_ties", "durable_crossing_ties"):
        assert f'href="{list_url}?figure={figure}&amp;programme={network["programme"].slug}"' in html
    assert html.count("<h1") == 1


def test_overview_refuses_bad_filters_with_400(staff_client, network):
    response = staff_client.get(reverse("orga:impact"), {"since": "2010", "until": "2002"})
    assert response.status_code == 400
    assert "The last year cannot come before the first." in response.content.decode()


def test_list_behind_a_figure_holds_its_ties(staff_client, network):
    response = staff_client.get(reverse("orga:impact-list"), {"figure": "durable_ties"})
    [tie] = response.context["object_list"]
    assert {tie.person_a, tie.person_b} == {network["a"], network["b"]}
    assert staff_client.get(reverse("orga:impact-list"), {"figure": "nonsense"}).status_code == 404


def test_ties_by_year_open_the_ties_first_made_that_year(staff_client, network):
    html = staff_client.get(reverse("orga:impact")).content.decode()
    assert f'href="{reverse("orga:impact-list")}?figure=durable_ties&amp;year=2002"' in html

    def listed(figure, year):
        response = staff_client.get(reverse("orga:impact-list"), {"figure": figure, "year": year})
        return sorted(
            "".join(sorted(key for key in "abcd" if network[key] in (tie.person_a, tie.person_b)))
            for tie in response.context["object_list"]
        )

    assert [listed(figure, "2002") for figure in ("new_ties", "durable_ties", "crossing_ties")] == [
        ["ab", "ac", "bc"],
        ["ab"],
        ["ab", "ac"],
    ]
    assert (listed("new_ties", "2003"), listed("new_ties", "2004")) == (["ad"], [])
    for figure, year in (("people", "2002"), ("ties", "soon")):
        assert (
            staff_client.get(reverse("orga:impact-list"), {"figure": figure, "year": year}).status_code == 404
        )


def test_list_behind_a_community_holds_its_members_most_connected_first(staff_client, network):
    [community] = figures(Scope()).communities
    html = staff_client.get(reverse("orga:impact")).content.decode()
    assert f'href="{reverse("orga:impact-list")}?figure=community&amp;community=1"' in html
    response = staff_client.get(reverse("orga:impact-list"), {"figure": "community", "community": "1"})
    assert [person.pk for person in response.context["object_list"]] == community.members
    assert len(community.members) == community.size > 1
    for wrong in ("2", "0", "x"):
        assert (
            staff_client.get(
                reverse("orga:impact-list"), {"figure": "community", "community": wrong}
            ).status_code
            == 404
        )


@pytest.mark.parametrize("figure", ["ties", "people", "activities", "enterprises"])
def test_list_behind_a_figure_query_count_does_not_grow(
    staff_client, network, figure, django_assert_max_num_queries
):
    url = reverse("orga:impact-list")
    staff_client.get(url, {"figure": figure})  # fills the cache
    with django_assert_max_num_queries(9):
        staff_client.get(url, {"figure": figure})
    for _ in range(3):
        EnterpriseFactory(founders=[PersonFactory(), PersonFactory()])
        CollaborationFactory(people=[PersonFactory(), network["a"]])
    ledger_rebuild()
    staff_client.get(url, {"figure": figure})
    with django_assert_max_num_queries(9):
        staff_client.get(url, {"figure": figure})


@pytest.mark.parametrize("name", ["orga:collaboration-list", "orga:enterprise-list"])
def test_record_lists_query_count_does_not_grow(staff_client, db, name, django_assert_max_num_queries):
    EnterpriseFactory()
    CollaborationFactory()
    with django_assert_max_num_queries(9):
        staff_client.get(reverse(name))
    for _ in range(4):
        EnterpriseFactory(founders=[PersonFactory(), PersonFactory()])
        CollaborationFactory(people=[PersonFactory(), PersonFactory(), PersonFactory()])
    with django_assert_max_num_queries(9):
        response = staff_client.get(reverse(name))
    assert len(response.context["object_list"]) == 5


def test_graph_draws_people_as_links_and_shows_a_persons_ties(staff_client, network):
    response = staff_client.get(reverse("orga:impact-graph"), {"person": network["a"].slug})
    html = response.content.decode()
    assert html.count('class="person-node"') == 4
    assert f'aria-label="{network["a"].full_name}, ' in html
    assert [other for _tie, other in response.context["person_ties"]] == [
        network["b"],
        network["c"],
        network["d"],
    ]


def test_graph_shows_the_chosen_persons_path(staff_client, network):
    response = staff_client.get(reverse("orga:impact-graph"), {"person": network["c"].slug})
    assert "<strong>Path:</strong> 2002 trainee → 2005 technician</p>" in response.content.decode()


def test_graph_answers_htmx_with_the_graph_alone(staff_client, network):
    response = staff_client.get(reverse("orga:impact-graph"), headers={"HX-Request": "true"})
    assert response.templates[0].name == "orga/impact/graph_body.html"


def test_person_ties_page_lists_strongest_first(staff_client, network):
    response = staff_client.get(reverse("orga:impact-person", args=[network["a"].slug]))
    assert [other for _tie, other in response.context["ties"]] == [network["b"], network["c"], network["d"]]


def test_collaboration_form_records_it_and_weaves_ties(staff_client, network):
    response = staff_client.post(
        reverse("orga:collaboration-create"),
        {
            "kind": "record",
            "title": "Sessions",
            "date": "2007-05-20",
            "people": [network["c"].pk, network["d"].pk],
            "evidence_url": "example.org/album",
            "evidence_file": SimpleUploadedFile(
                "sleeve.pdf", b"%PDF-1.4 sleeve", content_type="application/pdf"
            ),
        },
    )
    collaboration = Collaboration.objects.get()
    assert response.status_code == 302
    assert (collaboration.evidence_url, collaboration.evidence_file.name.endswith(".pdf")) == (
        "https://example.org/album",
        True,
    )
    assert (
        Tie.objects.get(person_a=min(network["c"], network["d"], key=lambda p: p.pk)).collaboration_count == 1
    )
    assert AuditEntry.objects.filter(action="collaboration.created").count() == 1
    evidence = staff_client.get(reverse("orga:collaboration-evidence", args=[collaboration.pk]))
    assert b"".join(evidence.streaming_content) == b"%PDF-1.4 sleeve"


def test_collaboration_form_refuses_one_person_or_a_bad_file_and_writes_nothing(staff_client, network):
    url = reverse("orga:collaboration-create")
    data = {"kind": "tour", "title": "Alone", "date": "2005-01-01"}
    alone = staff_client.post(url, {**data, "people": [network["a"].pk]})
    program = staff_client.post(
        url,
        {
            **data,
            "people": [network["a"].pk, network["b"].pk],
            "evidence_file": SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream"),
        },
    )
    assert (alone.status_code, program.status_code) == (200, 200)
    assert list(alone.context["form"].errors) == ["people"]
    assert list(program.context["form"].errors) == ["evidence_file"]
    assert (
        Collaboration.objects.count(),
        AuditEntry.objects.filter(action__startswith="collaboration").count(),
    ) == (0, 0)


def test_enterprise_forms_create_update_and_delete(staff_client, network):
    response = staff_client.post(
        reverse("orga:enterprise-create"),
        {
            "name": "Elikya Productions",
            "kind": "label",
            "founders": [network["c"].pk],
            "city": "Kinshasa",
            "founded_on": "2009-03-01",
            "status": "active",
        },
    )
    enterprise = Enterprise.objects.get(slug="elikya-productions")
    assert response["Location"] == enterprise.get_absolute_url()
    refused = staff_client.post(
        reverse("orga:enterprise-update", args=[enterprise.slug]),
        {
            "name": "Elikya Productions",
            "kind": "label",
            "founders": [network["c"].pk],
            "city": "Kinshasa",
            "founded_on": "2009-03-01",
            "status": "active",
            "closed_on": "2010-01-01",
        },
    )
    assert refused.status_code == 200
    assert Enterprise.objects.get(pk=enterprise.pk).closed_on is None
    staff_client.post(reverse("orga:enterprise-delete", args=[enterprise.slug]))
    assert not Enterprise.objects.filter(pk=enterprise.pk).exists()


def test_enterprise_page_shows_the_founders_path(staff_client, network):
    response = staff_client.get(reverse("orga:enterprise-detail", args=["sever-zvuk"]))
    [path] = response.context["paths"]
    assert (path.person, len(path.trainings)) == (network["c"], 1)


def test_gexf_export_is_read_back_by_networkx(staff_client, network):
    response = staff_client.get(reverse("orga:export"), {"exporter": "ties.gexf"})
    graph = nx.read_gexf(io.BytesIO(b"".join(response.streaming_content)))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (4, 4)
    a, b = network["a"].slug, network["b"].slug
    assert (graph.edges[a, b]["weight"], graph.edges[a, b]["durable"], graph.edges[a, b]["crossing"]) == (
        pytest.approx(4 / 2 + 4),
        True,
        True,
    )
    assert graph.nodes[a]["hub"] == "marseille"


def test_report_spreadsheet_has_the_figures_in_the_chosen_language(staff_client, network):
    response = staff_client.get(reverse("orga:export"), {"exporter": "report.xlsx", "language": "en"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    figures = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert (figures["Ties"], figures["Durable ties"], figures["Crossing ties"]) == ("4", "1", "2")
    assert workbook.sheetnames[-2:] == ["Enterprises", "Budgets"]


def test_report_sums_up_the_budgets_of_its_programmes(staff_client, network):
    budget = BudgetFactory(programme=network["programme"], title="Nord 2002–2004")
    BudgetLineFactory(budget=budget, category="travel", planned_amount=decimal.Decimal("1000"))
    BudgetLineFactory(
        budget=budget,
        category="fees",
        currency="RUB",
        planned_amount=decimal.Decimal("50000"),
        actual_amount=decimal.Decimal("40000"),
        spent_on=D(2026, 1, 1),
    )
    ExchangeRateFactory(base="RUB", quote="EUR", rate=decimal.Decimal("0.01"))
    BudgetFactory(title="Another programme's budget")
    params = {"programme": network["programme"].slug, "language": "en"}
    html = staff_client.get(reverse("orga:impact"), params).content.decode()
    report = html.split('<article class="impact-report"')[1]
    assert ("Nord 2002–2004" in report, "Another programme's budget" in report) == (True, False)
    assert "1,500.00\u00a0EUR" in report
    response = staff_client.get(reverse("orga:export"), {"exporter": "report.xlsx", **params})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook["Budgets"].iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("Nord 2002–2004", "Travel", 1000, 0, "EUR"),
        ("Nord 2002–2004", "Fees", 500, 400, "EUR"),
        ("Nord 2002–2004", "Total", 1500, 400, "EUR"),
    ]


def test_aggregate_report_names_nobody(staff_client, network):
    full = staff_client.get(reverse("orga:impact"), {"variant": "full"}).content.decode()
    aggregate = staff_client.get(reverse("orga:impact"), {"variant": "aggregate"}).content.decode()
    report = aggregate.split('<article class="impact-report"')[1]
    assert network["c"].full_name in full
    assert all(network[key].full_name not in report for key in "abcd")


def test_report_pdf_is_printed_in_the_background_in_the_chosen_language(staff_client, network):
    response = staff_client.post(
        reverse("orga:impact-report-pdf"), {"programme": network["programme"].slug, "language": "ru"}
    )
    job = Job.objects.get()
    assert response["Location"] == reverse("orga:impact-report-job", args=[job.pk])
    assert (job.status, job.kind) == (JobStatus.SUCCEEDED, "impact.report_pdf")
    page = staff_client.get(response["Location"])
    assert reverse("orga:impact-report-file", args=[job.pk]) in page.content.decode()
    download = staff_client.get(reverse("orga:impact-report-file", args=[job.pk]))
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages
    )
    assert "Марсель – Нарьян-Мар" in text
    assert "2002–2026" in text
    assert download["Content-Disposition"].startswith('attachment; filename="tissage-report-ru-')


def test_report_pdf_refuses_bad_choices_with_400(staff_client, network):
    response = staff_client.post(reverse("orga:impact-report-pdf"), {"language": "de"})
    assert response.status_code == 400
    assert Job.objects.count() == 0


def test_ledger_rebuild_runs_as_a_job(staff_client, network):
    response = staff_client.post(reverse("orga:impact-rebuild"))
    job = Job.objects.get()
    assert (response["Location"], job.status, job.result["ties"]) == (
        job.get_absolute_url(),
        JobStatus.SUCCEEDED,
        4,
    )


def grow_the_network(network) -> None:
    """More people, ties, declared collaborations, enterprises and founders around ``a`` and ``c``."""
    for _ in range(3):
        newcomer = PersonFactory(home_hub=network["marseille"])
        CollaborationFactory(people=[newcomer, network["a"], network["c"]])
        EnterpriseFactory(founders=[newcomer, network["c"]])
        network["company"].founders.add(newcomer)
    ledger_rebuild()


@pytest.mark.parametrize(
    ("page", "queries"),
    [
        (lambda network: reverse("orga:impact") + "?variant=full", 13),
        (lambda network: reverse("orga:impact-graph") + f"?person={network['c'].slug}", 11),
        (lambda network: reverse("orga:impact-person", args=[network["c"].slug]), 9),
        (
            lambda network: reverse(
                "orga:impact-tie", args=[Tie.objects.order_by("-weight", "pk").first().pk]
            ),
            6,
        ),
        (lambda network: reverse("orga:enterprise-detail", args=["sever-zvuk"]), 9),
    ],
    ids=["overview", "graph", "person", "tie", "enterprise"],
)
def test_impact_pages_query_count_does_not_grow_with_the_network(
    staff_client, network, page, queries, django_assert_max_num_queries
):
    staff_client.get(page(network))  # fills the cache of the figures and of the graph
    with django_assert_max_num_queries(queries):
        assert staff_client.get(page(network)).status_code == 200
    grow_the_network(network)
    staff_client.get(page(network))
    with django_assert_max_num_queries(queries):
        assert staff_client.get(page(network)).status_code == 200


def test_hub_to_hub_counts_open_the_ties_between_those_hubs(staff_client, network):
    marseille, narian_mar = network["a"].home_hub, network["b"].home_hub
    low, high = sorted((marseille.pk, narian_mar.pk))
    html = staff_client.get(reverse("orga:impact")).content.decode()
    assert f'href="{reverse("orga:impact-list")}?figure=ties&amp;hubs={low}-{high}"' in html

    def listed(hubs, figure="ties"):
        response = staff_client.get(reverse("orga:impact-list"), {"figure": figure, "hubs": hubs})
        if response.status_code != 200:
            return response.status_code
        return sorted(
            "".join(sorted(key for key in "abcd" if network[key] in (tie.person_a, tie.person_b)))
            for tie in response.context["object_list"]
        )

    between = [f"{marseille.pk}-{narian_mar.pk}", f"{narian_mar.pk}-{marseille.pk}"]
    assert [listed(hubs) for hubs in between] == [["ab", "ac"], ["ab", "ac"]]
    assert listed(f"{marseille.pk}-{marseille.pk}") == ["ad"]
    assert listed(f"{narian_mar.pk}-{narian_mar.pk}", "durable_ties") == []
    assert [listed(bad) for bad in ("x", str(marseille.pk), "1-2-3")] == [404, 404, 404]
    assert listed(between[0], "people") == 404
