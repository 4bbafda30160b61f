import sys

from django.core.management.base import CommandError
from django.db import transaction
from tqdm import tqdm

from tissage.core.management.base import TissageCommand
from tissage.demo.build import build_demo, network_is_empty, wipe_network


class Command(TissageCommand):
    help = (
        "Build the demo network (hubs, festivals, programmes, people, activities) into an empty "
        "database; the same network every time for a given seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2002, help="Seed of the random draws (default 2002).")
        when_full = parser.add_mutually_exclusive_group()
        when_full.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the network already holds data (a second 'make run' keeps your changes).",
        )
        when_full.add_argument(
            "--reset", action="store_true", help="Delete the whole network first, then build the demo."
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation before --reset deletes the network.",
        )

    def handle(self, *args, seed, if_empty, reset, interactive, verbosity, **options):
        if seed < 0:
            raise CommandError("--seed must be zero or more", returncode=2)
        wipe = False
        if not network_is_empty():
            if if_empty:
                self.stdout.write("The network already holds data: the demo is not loaded (--if-empty).")
                return
            if not reset:
                raise CommandError(
                    "The network already holds data; --reset replaces it with the demo, --if-empty keeps it."
                )
            if interactive and not self._confirmed():
                self.stdout.write("Nothing was deleted.")
                return
            wipe = True
        # Wiping and building together: a build that fails leaves the old network in place.
        with transaction.atomic():
            if wipe:
                deleted = wipe_network()
                self.stdout.write(f"Deleted the network: {sum(deleted.values())} objects.")
            summary = self._build(seed, show_progress=sys.stderr.isatty() and verbosity > 0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network built (seed {seed}) in {summary.seconds:.1f} s, in one transaction:"
            )
        )
        for label, count in summary.rows():
            self.stdout.write(f"  {label:<18} {count:>6}")

    def _build(self, seed: int, *, show_progress: bool):
        with tqdm(
            total=0, unit=" objects", desc="Weaving the demo network", disable=not show_progress
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            return build_demo(seed=seed, progress=progress)

    def _confirmed(self) -> bool:
        answer = input(
            "This deletes every hub, festival, programme, person, organisation and activity "
            "(user accounts and the audit log stay). Type 'yes' to continue: "
        )
        return answer.strip().lower() == "yes"
