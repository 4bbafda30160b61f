from django.urls import path

from ..views import impact, impact_records

urlpatterns = [
    path("impact/", impact.ImpactView.as_view(), name="impact"),
    path("impact/list/", impact.ImpactListView.as_view(), name="impact-list"),
    path("impact/graph/", impact.ImpactGraphView.as_view(), name="impact-graph"),
    path("impact/people/<slug:slug>/", impact.ImpactPersonView.as_view(), name="impact-person"),
    path("impact/ties/<int:pk>/", impact.TieDetailView.as_view(), name="impact-tie"),
    path("impact/report/pdf/", impact.ReportPdfView.as_view(), name="impact-report-pdf"),
    path("impact/report/<int:pk>/", impact.ReportJobView.as_view(), name="impact-report-job"),
    path("impact/report/<int:pk>/file/", impact.ReportFileView.as_view(), name="impact-report-file"),
    path("impact/ledger/rebuild/", impact.LedgerRebuildView.as_view(), name="impact-rebuild"),
    path("collaborations/", impact_records.CollaborationListView.as_view(), name="collaboration-list"),
    path(
        "collaborations/new/", impact_records.CollaborationCreateView.as_view(), name="collaboration-create"
    ),
    path(
        "collaborations/<int:pk>/",
        impact_records.CollaborationDetailView.as_view(),
        name="collaboration-detail",
    ),
    path(
        "collaborations/<int:pk>/edit/",
        impact_records.CollaborationUpdateView.as_view(),
        name="collaboration-update",
    ),
    path(
        "collaborations/<int:pk>/delete/",
        impact_records.CollaborationDeleteView.as_view(),
        name="collaboration-delete",
    ),
    path(
        "collaborations/<int:pk>/evidence/",
        impact_records.CollaborationEvidenceView.as_view(),
        name="collaboration-evidence",
    ),
    path("enterprises/", impact_records.EnterpriseListView.as_view(), name="enterprise-list"),
    path("enterprises/new/", impact_records.EnterpriseCreateView.as_view(), name="enterprise-create"),
    path("enterprises/<slug:slug>/", impact_records.EnterpriseDetailView.as_view(), name="enterprise-detail"),
    path(
        "enterprises/<slug:slug>/edit/",
        impact_records.EnterpriseUpdateView.as_view(),
        name="enterprise-update",
    ),
    path(
        "enterprises/<slug:slug>/delete/",
        impact_records.EnterpriseDeleteView.as_view(),
        name="enterprise-delete",
    ),
]
