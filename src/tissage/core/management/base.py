"""What our own management commands share: one-line errors with exit status 2."""

from django.core.management.base import BaseCommand, CommandError, CommandParser


class OneLineErrorParser(CommandParser):
    """Reports a bad argument in one line and exits with status 2 (the usage is a ``--help`` away)."""

    def error(self, message):
        # An argument may hold a line break: shown escaped, the error stays on one line.
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        line = f"{self.prog}: {message} (see '{self.prog} --help')"
        if self.called_from_command_line:
            self.exit(2, line + "\n")
        raise CommandError(line, returncode=2)


class TissageCommand(BaseCommand):
    """A command whose argument errors are one line and exit status 2."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = OneLineErrorParser
        return parser
