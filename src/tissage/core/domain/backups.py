"""Backups: the whole database and the uploaded files in one archive, and back.

An archive is a gzipped tar holding ``manifest.json`` (format, date, the database engine, the
migrations it was made with, the row count of every table), ``data.json`` (every row, as Django
serialises them, with natural keys for content types and permissions so that a backup restores
into any fresh database) and ``files/<name>`` for each uploaded file a row refers to.

A restore replaces everything in one transaction, then checks that every table holds the rows
the manifest counted: a restore that fails leaves the database as it was.
"""

import datetime
import io
import json
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .audit import audit_record

FORMAT = 1
# Rebuilt by ``migrate`` (content types, permissions) or worthless once restored (sessions).
SKIPPED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}

Progress = Callable[[int, int], None]


class ExactEncoder(DjangoJSONEncoder):
    """Keeps the microseconds that Django's encoder rounds to milliseconds: a restore is exact."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup that cannot be read or restored here; the message says why in one line."""


def backed_up_models() -> list[type[models.Model]]:
    """Every concrete model whose rows a backup carries, in dependency order."""
    return [
        model
        for model in serializers.sort_dependencies([(config, None) for config in apps.get_app_configs()])
        if model._meta.label_lower not in SKIPPED and not model._meta.proxy and model._meta.managed
    ]


def table_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _file_names() -> Iterator[tuple[models.FileField, str]]:
    """The field and name of every uploaded file a row refers to."""
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names = model._base_manager.exclude(**{field.attname: ""}).values_list(
                    field.attname, flat=True
                )
                for name in names.iterator():
                    if name:
                        yield field, name


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup_write(path: Path, *, progress: Progress | None = None) -> dict:
    """Write the whole database and its uploaded files to ``path``; returns the manifest."""
    path = Path(path)
    if path.is_dir() or not path.parent.is_dir():
        raise BackupError(f"Cannot write {path}: give a file name in an existing directory.")
    try:
        return _write(path, progress)
    except OSError as error:
        if path.is_file():  # half written
            path.unlink()
        raise BackupError(f"Cannot write {path}: {error.strerror or error}.") from error


def _write(path: Path, progress: Progress | None) -> dict:
    report = progress or (lambda done, total: None)
    chosen = backed_up_models()
    with transaction.atomic(), tempfile.TemporaryDirectory() as workdir:
        # One transaction: the rows and their counts are one consistent picture.
        data_path = Path(workdir) / "data.json"
        with data_path.open("w", encoding="utf-8") as out:
            serializers.serialize(
                "json", _rows(chosen, report), stream=out, use_natural_foreign_keys=True, cls=ExactEncoder
            )
        files = sorted(set(_file_names()), key=lambda item: item[1])
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": connection.vendor,
            "migrations": applied_migrations(),
            "tables": table_counts(),
            "files": [{"field": _field_label(field), "name": name} for field, name in files],
        }
        with tarfile.open(path, "w:gz") as archive:
            _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            archive.add(data_path, arcname="data.json")
            for field, name in files:
                storage = field.storage
                if storage.exists(name):
                    with storage.open(name, "rb") as handle:
                        _add(archive, f"files/{name}", handle.read())
    return manifest


def _rows(chosen: list[type[models.Model]], report: Progress) -> Iterator[models.Model]:
    for done, model in enumerate(chosen):
        report(done, len(chosen))
        yield from model._base_manager.order_by("pk").iterator(chunk_size=2000)
    report(len(chosen), len(chosen))


def _field_label(field: models.Field) -> str:
    return f"{field.model._meta.label_lower}.{field.name}"


def _field(label: str) -> models.FileField:
    model_label, _dot, name = label.rpartition(".")
    return apps.get_model(model_label)._meta.get_field(name)


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    except (KeyError, AttributeError, ValueError) as error:
        raise BackupError("This file is not a Tissage backup: it has no readable manifest.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')!r}; this Tissage reads {FORMAT}.")
    return manifest


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except FileNotFoundError as error:
        raise BackupError(f"No such file: {path}") from error
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{path} is not a Tissage backup (not a gzipped tar archive).") from error


def backup_restore(path: Path, *, replace: bool = False, actor=None) -> dict:
    """Replace the database and the uploaded files with the backup at ``path``.

    Refuses a backup made with other migrations (restore it with the version that made it, then
    upgrade), and a database that holds rows unless ``replace`` is set."""
    with _open(path) as archive:
        manifest = read_manifest(archive)
        ours = applied_migrations()
        theirs = manifest["migrations"]
        differing = sorted(app for app in set(ours) | set(theirs) if ours.get(app) != theirs.get(app))
        if differing:
            raise BackupError(
                "This backup was made with other migrations (" + ", ".join(differing) + "): restore it "
                "with the version of Tissage that made it, then upgrade."
            )
        held = sum(table_counts().values())
        if held and not replace:
            raise BackupError(f"The database already holds {held} rows; --replace overwrites them.")
        with tempfile.TemporaryDirectory() as workdir:
            data = archive.extractfile("data.json")
            if data is None:
                raise BackupError("This backup has no data.json.")
            data_path = Path(workdir) / "data.json"
            data_path.write_bytes(data.read())
            with transaction.atomic():
                _empty_tables()
                call_command("loaddata", str(data_path), verbosity=0)
                found = table_counts()
                expected = manifest["tables"]
                wrong = {
                    label: found.get(label) for label, count in expected.items() if found.get(label) != count
                }
                if wrong:
                    raise BackupError(f"The restored tables do not match the backup: {wrong}.")
                stored = set(archive.getnames())
                for file in manifest["files"]:
                    if f"files/{file['name']}" in stored:
                        _restore_file(archive, _field(file["field"]).storage, file["name"])
                audit_record(
                    actor=actor,
                    action="backup.restored",
                    changes={"file": [None, Path(path).name], "made": [None, manifest["created"]]},
                )
    # The cached pages show the old network; a fresh database may not have its cache table yet.
    call_command("createcachetable", verbosity=0)
    cache.clear()
    return manifest


def _empty_tables() -> None:
    """Delete every row a backup carries, and the sessions, without signals (a restore is no edit)."""
    if apps.is_installed("django.contrib.sessions"):
        apps.get_model("sessions", "Session")._base_manager.all()._raw_delete(connection.alias)
    for model in reversed(backed_up_models()):
        for field in model._meta.local_many_to_many:
            field.remote_field.through._base_manager.all()._raw_delete(connection.alias)
        model._base_manager.all()._raw_delete(connection.alias)


def _restore_file(archive: tarfile.TarFile, storage, name: str) -> None:
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(archive.extractfile(f"files/{name}").read()))


def backup_filename(now: datetime.datetime | None = None) -> str:
    """E.g. ``tissage-backup-2026-11-26-0130.tar.gz``."""
    return f"tissage-backup-{timezone.localtime(now or timezone.now()):%Y-%m-%d-%H%M}.tar.gz"
