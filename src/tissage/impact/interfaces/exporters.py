"""The impact exports, registered like any other exporter:

``impact`` scope
    ``select`` takes the impact pages' filters (``programme``, ``funder``, ``hub``, ``role``,
    ``since``, ``until``) and gives a :class:`~tissage.impact.domain.analytics.Scope`;
    ``ties.gexf`` renders its graph for Gephi (GEXF 1.2: people with their home hub and community,
    ties with their weight, first year, years active, durability and crossing).
``impact-report`` scope
    ``select`` also takes ``language`` and ``variant``; ``report.xlsx`` renders the funder
    report's tables, one sheet each.
"""

import io
from collections.abc import Mapping

import networkx as nx
from django.utils.translation import gettext_lazy as _

from tissage.core.exporters import Scope as ExportScope
from tissage.core.exporters import registry
from tissage.core.spreadsheets import CONTENT_TYPES
from tissage.network.models import Hub

from ..domain.analytics import Scope
from ..domain.network import scope_graph
from .forms import scope_from
from .report import ReportChoice, report_choice, report_context, report_xlsx


def select_scope(params: Mapping[str, str]) -> Scope:
    return scope_from(params)[1]


def gexf(scope: Scope) -> bytes:
    drawn = scope_graph(scope)
    hubs = {pk: hub.slug for pk, hub in Hub.objects.in_bulk().items()}
    network = nx.Graph()
    for node in drawn.nodes:
        network.add_node(
            node.slug,
            label=node.name,
            hub=hubs.get(node.hub, ""),
            community=node.community,
            strength=node.strength,
        )
    slugs = {node.pk: node.slug for node in drawn.nodes}
    for edge in drawn.edges:
        network.add_edge(
            slugs[edge.a],
            slugs[edge.b],
            weight=edge.weight,
            first_year=edge.first_year,
            years=edge.years,
            durable=edge.durable,
            crossing=edge.crossing,
        )
    buffer = io.BytesIO()
    nx.write_gexf(network, buffer, version="1.2draft")
    return buffer.getvalue()


def report_spreadsheet(choice: ReportChoice) -> bytes:
    return report_xlsx(report_context(choice), language=choice.language)


registry.register_scope(ExportScope(name="impact", permission="impact.view_tie", select=select_scope))
registry.register_scope(ExportScope(name="impact-report", permission="impact.view_tie", select=report_choice))
registry.exporter(
    identifier="ties.gexf",
    label=_("Network graph for Gephi (GEXF)"),
    scope="impact",
    format="gexf",
    content_type="application/gexf+xml",
    extension="gexf",
)(gexf)
registry.exporter(
    identifier="report.xlsx",
    label=_("Funder report (XLSX)"),
    scope="impact-report",
    format="xlsx",
    content_type=CONTENT_TYPES["xlsx"],
    extension="xlsx",
)(report_spreadsheet)
