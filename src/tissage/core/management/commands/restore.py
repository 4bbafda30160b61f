from pathlib import Path

from django.core.management.base import CommandError

from tissage.core.domain.backups import BackupError, backup_restore
from tissage.core.management.base import TissageCommand


class Command(TissageCommand):
    help = (
        "Replace the database and the uploaded files with a backup made by `tissage backup`, "
        "in one transaction; the database must be migrated to the backup's version."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The backup archive (.tar.gz).")
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite a database that already holds data."
        )

    def handle(self, *args, archive: Path, replace: bool, **options):
        try:
            manifest = backup_restore(archive, replace=replace)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from error
        rows, files = sum(manifest["tables"].values()), len(manifest["files"])
        made = manifest["created"]
        self.stdout.write(
            self.style.SUCCESS(f"Restored {archive} (made {made}): {rows} rows, {files} files.")
        )
