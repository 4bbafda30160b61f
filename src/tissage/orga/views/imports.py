"""Staff pages of spreadsheet imports: upload, preview, confirm, result; and the empty template files.

The uploaded file waits between preview and confirmation in ``var/imports/`` (never under the
public media), named by a random identifier that only a signed token, bound to the user who
uploaded it, leads to. Confirming plans the import again and commits only if the plan is still
the one the preview showed; otherwise the new preview is shown.
"""

import datetime
import uuid
from functools import cached_property
from pathlib import PurePath

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from tissage.activities.interfaces.importers import ParticipationsImporter
from tissage.core.interfaces.importing import PREVIEW_LIMIT, Importer, ImportRefused, ImportUploadForm
from tissage.core.models import AuditEntry
from tissage.core.spreadsheets import CONTENT_TYPES, FORMATS, read_table
from tissage.people.interfaces.importers import PeopleImporter

from .generic import StaffMixin

IMPORTERS: dict[str, type[Importer]] = {
    importer.kind: importer for importer in (PeopleImporter, ParticipationsImporter)
}
UPLOAD_MAX_AGE = datetime.timedelta(days=1)
TOKEN_SALT = "tissage.orga.imports"
RESULT_LIMIT = 200
DATA_CHANGED = gettext_lazy(
    "The data changed since the preview was made. Nothing was written: check the new preview."
)


def upload_storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.VAR_DIR / "imports")


def allowed_importers(user) -> dict[str, type[Importer]]:
    return {kind: importer for kind, importer in IMPORTERS.items() if user.has_perms(importer.permissions)}


def importer_for(kind: str) -> type[Importer]:
    try:
        return IMPORTERS[kind]
    except KeyError:
        raise Http404 from None


def keep_upload(*, data: bytes, filename: str, kind: str, user) -> str:
    """Keep an uploaded file until it is confirmed; the token that leads back to it."""
    storage = upload_storage()
    forget_old_uploads(storage)
    name = storage.save(f"{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}", ContentFile(data))
    return signing.dumps({"file": name, "name": filename, "kind": kind, "user": user.pk}, salt=TOKEN_SALT)


def forget_old_uploads(storage: FileSystemStorage) -> None:
    """Uploads never confirmed are deleted after a day."""
    if not storage.exists(""):
        return
    limit = timezone.now() - UPLOAD_MAX_AGE
    for name in storage.listdir("")[1]:
        if storage.get_modified_time(name) < limit:
            storage.delete(name)


class ImportStartView(StaffMixin, FormView):
    form_class = ImportUploadForm
    template_name = "orga/imports/start.html"

    @cached_property
    def importers(self) -> dict[str, type[Importer]]:
        return allowed_importers(self.request.user)

    def has_permission(self) -> bool:
        return bool(self.importers)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "importers": self.importers}

    def get_initial(self):
        return {"kind": self.request.GET.get("kind") or next(iter(self.importers))}

    def get_context_data(self, **kwargs):
        importers = [importer() for importer in self.importers.values()]
        return super().get_context_data(importers=importers, formats=FORMATS, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        token = keep_upload(data=form.content, filename=upload.name, kind=kind, user=self.request.user)
        return HttpResponseRedirect(reverse("orga:import-preview", kwargs={"token": token}))


class ImportTemplateView(StaffMixin, View):
    """An empty file with the header row, to fill in."""

    def get_permission_required(self):
        return importer_for(self.kwargs["kind"]).permissions

    def get(self, request, kind: str, fmt: str):
        if fmt not in FORMATS:
            raise Http404
        response = HttpResponse(importer_for(kind)().template(fmt), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="tissage-{kind}-template.{fmt}"'
        return response


class ImportPreviewView(StaffMixin, TemplateView):
    """GET shows what the import would do; POST confirms it."""

    template_name = "orga/imports/preview.html"

    @cached_property
    def upload(self) -> dict:
        try:
            upload = signing.loads(
                self.kwargs["token"], salt=TOKEN_SALT, max_age=UPLOAD_MAX_AGE.total_seconds()
            )
        except signing.BadSignature:
            raise Http404 from None
        if upload["user"] != self.request.user.pk:
            raise PermissionDenied
        return upload

    def get_permission_required(self):
        return importer_for(self.upload["kind"]).permissions

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not upload_storage().exists(self.upload["file"]):
            messages.error(request, _("That upload has expired; please upload the file again."))
            return HttpResponseRedirect(reverse("orga:import"))
        return super().dispatch(request, *args, **kwargs)

    def read(self):
        storage = upload_storage()
        with storage.open(self.upload["file"]) as handle:
            return read_table(handle.read(), filename=self.upload["name"])

    def get(self, request, *args, **kwargs):
        preview = importer_for(self.upload["kind"])().preview(self.read(), filename=self.upload["name"])
        return self.render_to_response(self.get_context_data(preview=preview))

    def post(self, request, *args, **kwargs):
        importer = importer_for(self.upload["kind"])()
        approved = request.POST.get("fingerprint", "")
        try:
            preview, entry = importer.confirm(
                self.read(), filename=self.upload["name"], actor=request.user, fingerprint=approved
            )
        except ImportRefused as refused:
            messages.error(request, str(refused))
            return self.render_to_response(self.get_context_data(preview=refused.preview))
        if entry is None:
            if preview.fingerprint != approved:
                messages.warning(request, DATA_CHANGED)
            return self.render_to_response(self.get_context_data(preview=preview))
        upload_storage().delete(self.upload["file"])
        messages.success(
            request,
            _("%(file)s was imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "file": preview.filename,
                "created": len(preview.to_create),
                "updated": len(preview.to_update),
                "unchanged": len(preview.unchanged),
            },
        )
        return HttpResponseRedirect(reverse("orga:import-result", kwargs={"pk": entry.pk}))

    def get_context_data(self, *, preview, **kwargs):
        sections = [
            {"id": action, "title": title, "rows": rows[:PREVIEW_LIMIT], "total": len(rows)}
            for action, title, rows in (
                ("create", _("To create"), preview.to_create),
                ("update", _("To update"), preview.to_update),
            )
        ]
        return super().get_context_data(
            importer=importer_for(self.upload["kind"]), preview=preview, sections=sections, **kwargs
        )


class ImportResultView(StaffMixin, TemplateView):
    """What an import did: its counts, and the people or participations it created or updated."""

    template_name = "orga/imports/result.html"

    @cached_property
    def entry(self) -> AuditEntry:
        return get_object_or_404(
            AuditEntry.objects.select_related("actor"), pk=self.kwargs["pk"], action="import.committed"
        )

    @cached_property
    def importer(self) -> type[Importer]:
        return importer_for(self.entry.changes["kind"][1])

    def get_permission_required(self):
        return self.importer.permissions

    def get_context_data(self, **kwargs):
        importer = self.importer()
        imported = self.entry.links.filter(content_type=ContentType.objects.get_for_model(importer.model))
        links = list(imported.order_by("pk")[:RESULT_LIMIT])
        objects = importer.model.objects.filter(pk__in=[link.object_id for link in links]).select_related(
            *importer.display_related
        )
        return super().get_context_data(
            entry=self.entry,
            importer=importer,
            counts={name: change[1] for name, change in self.entry.changes.items()},
            rows=[importer.linked(obj) for obj in objects],
            more=imported.count() - len(links),
            **kwargs,
        )
