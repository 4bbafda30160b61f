import datetime

from django.core.management.base import CommandError

from tissage.core.domain.jobs import jobs_recover
from tissage.core.management.base import TissageCommand

DEFAULT_MINUTES = 30


class Command(TissageCommand):
    help = (
        "Mark failed the running jobs that gave no sign of life for a while (their worker was "
        "stopped); `tissage serve` does it when it starts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=float,
            default=DEFAULT_MINUTES,
            metavar="MINUTES",
            help="Minutes without progress before a running job counts as abandoned "
            f"(default {DEFAULT_MINUTES}).",
        )

    def handle(self, *args, stale_after: float, **options):
        if stale_after < 0:
            raise CommandError("--stale-after must be zero or more", returncode=2)
        recovered = jobs_recover(stale_after=datetime.timedelta(minutes=stale_after))
        self.stdout.write(f"{len(recovered)} abandoned job(s) marked failed.")
