from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from tissage.core.management.base import TissageCommand
from tissage.logistics.domain.erasure import visa_documents_purge


class Command(TissageCommand):
    help = (
        "Delete the visa documents (passport scans …) of sessions that ended more than "
        "TISSAGE_VISA_DOCUMENT_RETENTION_DAYS days ago; run it daily (cron), `tissage serve` runs it "
        "when it starts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help=f"Days kept after the session (default {settings.TISSAGE_VISA_DOCUMENT_RETENTION_DAYS}).",
        )

    def handle(self, *args, keep_days: int | None, **options):
        if keep_days is not None and keep_days < 0:
            raise CommandError("--keep-days must be zero or more", returncode=2)
        removed = visa_documents_purge(today=timezone.localdate(), keep_days=keep_days)
        self.stdout.write(f"{removed} visa document(s) past their retention deleted.")
