from django.urls import path

from ..views import audit, exports, imports

urlpatterns = [
    path("import/", imports.ImportStartView.as_view(), name="import"),
    path(
        "import/template/<slug:kind>.<slug:fmt>", imports.ImportTemplateView.as_view(), name="import-template"
    ),
    path("import/preview/<str:token>/", imports.ImportPreviewView.as_view(), name="import-preview"),
    path("import/done/<int:pk>/", imports.ImportResultView.as_view(), name="import-result"),
    path("export/", exports.ExportView.as_view(), name="export"),
    path("audit/", audit.AuditListView.as_view(), name="audit"),
]
