import sys
from pathlib import Path

from django.core.management.base import CommandError
from tqdm import tqdm

from tissage.core.domain.backups import BackupError, backup_filename, backup_write
from tissage.core.management.base import TissageCommand


class Command(TissageCommand):
    help = (
        "Write the whole database and the uploaded files to one archive (restore it with `tissage restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="The archive to write (default: a dated name, here)."
        )

    def handle(self, *args, output: Path | None, verbosity, **options):
        path = output or Path(backup_filename())
        with tqdm(
            total=0, unit=" tables", desc="Backing up", disable=not (sys.stderr.isatty() and verbosity > 0)
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            try:
                manifest = backup_write(path, progress=progress)
            except BackupError as error:
                raise CommandError(str(error), returncode=2) from error
        rows, tables, files = (
            sum(manifest["tables"].values()),
            len(manifest["tables"]),
            len(manifest["files"]),
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}: {rows} rows in {tables} tables, {files} files."))
