"""The audit log, searchable: every recorded change, including those of deleted objects."""

from tissage.core.models import AuditEntry

from ..filters.audit import AuditFilter
from .generic import OrgaListView


class AuditListView(OrgaListView):
    model = AuditEntry
    permission_required = "core.view_auditentry"
    filterset_class = AuditFilter
    template_name = "orga/audit/list.html"

    def get_queryset(self):
        return AuditEntry.objects.select_related("content_type").order_by("-timestamp", "-pk")
