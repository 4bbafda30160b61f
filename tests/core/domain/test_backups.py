import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import models

from tissage.core.domain.backups import BackupError, backed_up_models, backup_restore, backup_write
from tissage.core.models import AuditEntry
from tissage.people.domain.persons import person_create

from ... import factories

pytestmark = pytest.mark.django_db

# One of everything a network holds; each factory also makes the rows it points to.
EVERYTHING = [
    name
    for name in dir(factories)
    if name.endswith("Factory")
    and name not in {"UserFactory", "StaffFactory"}
    and isinstance(getattr(factories, name), type)
]


def every_table() -> dict[str, list[tuple]]:
    """Every row of every table a backup carries, in key order; many-to-many tables by their pairs
    (their own ids are renumbered on restore, and nothing refers to them)."""
    tables = {}
    for model in backed_up_models():
        rows = model._base_manager.order_by("pk")
        if model is AuditEntry:
            rows = rows.exclude(action="backup.restored")
        tables[model._meta.label_lower] = list(rows.values_list())
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            pair = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
            tables[through._meta.db_table] = sorted(through._base_manager.values_list(*pair))
    return tables


def stored_files() -> dict[str, bytes]:
    files = {}
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                for row in model._base_manager.exclude(**{field.attname: ""}):
                    with getattr(row, field.name).open("rb") as handle:
                        files[getattr(row, field.name).name] = handle.read()
    return files


@pytest.fixture
def network(staff_user):
    for name in EVERYTHING:
        getattr(factories, name)()
    factories.StaffFactory()
    factories.CollaborationFactory(evidence_file=ContentFile(b"%PDF-1.4 a record sleeve", name="sleeve.pdf"))
    person_create(actor=staff_user, data={"given_name": "Anna", "family_name": "Vokueva"})


def test_a_backup_restores_every_table_and_file_as_it_was(network, tmp_path):
    before, files = every_table(), stored_files()
    assert sum(1 for rows in before.values() if rows) >= 40
    assert files
    path = tmp_path / "network.tar.gz"
    manifest = backup_write(path)
    assert manifest["tables"]["people.person"] == len(before["people.person"])

    with pytest.raises(BackupError, match="already holds"):
        backup_restore(path)
    factories.PersonFactory(given_name="Added after the backup")
    backup_restore(path, replace=True)

    assert every_table() == before
    assert stored_files() == files
    assert AuditEntry.objects.filter(action="backup.restored").count() == 1


def test_the_commands_round_trip_and_refuse_bad_archives_in_one_line(network, tmp_path):
    path = tmp_path / "network.tar.gz"
    out = io.StringIO()
    call_command("backup", "--output", str(path), stdout=out)
    assert out.getvalue().startswith(f"Wrote {path}: ")
    before = every_table()

    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not an archive")
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        archive.add(__file__, arcname="manifest.json")
    for args, message in [
        ([str(tmp_path / "missing.tar.gz")], "No such file"),
        ([str(broken)], "not a Tissage backup"),
        ([str(foreign)], "no readable manifest"),
        ([str(path)], "already holds"),
    ]:
        with pytest.raises(CommandError, match=message) as caught:
            call_command("restore", *args)
        assert caught.value.returncode == 2
    assert every_table() == before

    call_command("restore", str(path), "--replace", stdout=io.StringIO())
    assert every_table() == before


def test_a_backup_from_other_migrations_is_refused(network, tmp_path):
    path = tmp_path / "network.tar.gz"
    backup_write(path)
    with tarfile.open(path, "r:gz") as archive:
        members = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}
    manifest = members["manifest.json"].replace(b'"0001_initial"', b'"0001_elsewhere"', 1)
    older = tmp_path / "older.tar.gz"
    with tarfile.open(older, "w:gz") as archive:
        for name, data in {**members, "manifest.json": manifest}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with pytest.raises(BackupError, match="other migrations"):
        backup_restore(older, replace=True)
