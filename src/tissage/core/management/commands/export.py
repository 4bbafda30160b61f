import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.http import QueryDict
from django.utils import timezone

from tissage.core.exporters import registry
from tissage.core.management.base import TissageCommand


class Command(TissageCommand):
    help = (
        "Export with a registered exporter, e.g. `tissage export people.xlsx home_hub=kinshasa`. "
        "Filters are the scope's parameters, as in the staff interface's address."
    )

    def add_arguments(self, parser):
        parser.add_argument("exporter", help="An exporter's identifier, e.g. people.csv.")
        parser.add_argument(
            "filters", nargs="*", metavar="NAME=VALUE", help="Filters of the exporter's scope."
        )
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="The file to write ('-' for standard output; default: a dated name).",
        )

    def handle(self, *args, exporter: str, filters: list[str], output: Path | None, **options):
        try:
            chosen = registry.get(exporter)
        except KeyError:
            known = ", ".join(sorted(e.identifier for e in registry))
            raise CommandError(f"No exporter {exporter!r}; known: {known}.", returncode=2) from None
        params = QueryDict(mutable=True)
        for item in filters:
            name, equals, value = item.partition("=")
            if not equals:
                raise CommandError(f"A filter is NAME=VALUE, not {item!r}.", returncode=2)
            params.appendlist(name, value)
        try:
            data = chosen.render(registry.scope(chosen.scope).select(params))
        except ValidationError as error:
            problems = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
            raise CommandError(problems, returncode=2) from error
        if str(output) == "-":
            sys.stdout.buffer.write(data)
            return
        path = output or Path(chosen.filename(timezone.localdate()))
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}.", returncode=2) from error
        self.stdout.write(f"Wrote {path}")
