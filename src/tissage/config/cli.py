"""The ``tissage`` console command.

It wraps Django's management commands (``tissage migrate``, ``tissage demo`` …). The solver
commands (``golfers``, ``plan-groups``) are pure Python and run without loading Django at all.
"""

import importlib
import os
import sys

# Subcommand -> module whose ``main(argv)`` runs it without Django.
PURE_COMMANDS = {"golfers": "tissage.solvers.golfers.cli", "plan-groups": "tissage.solvers.grouping.cli"}
ALIASES = {"worker": "db_worker"}


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(list(sys.argv if argv is None else argv))
    except BrokenPipeError:
        # The reader went away (`tissage golfers 8 4 10 | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command in PURE_COMMANDS:
        return importlib.import_module(PURE_COMMANDS[command]).main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tissage.config.settings")
    import django
    from django.core.management import execute_from_command_line, get_commands

    if command and not command.startswith("-") and command != "help":
        argv[1] = ALIASES.get(command, command.replace("-", "_"))
        django.setup()
        if argv[1] not in get_commands():
            print(f"tissage: unknown command '{command}' ('tissage help' lists them)", file=sys.stderr)
            return 2
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
