import os
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve Tissage with the production WSGI server (gunicorn); static files by whitenoise."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("TISSAGE_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("TISSAGE_WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("TISSAGE_THREADS", "4")))

    def handle(self, *args, bind, workers, threads, **options):
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1", returncode=2)
        host = bind.split(":")[0] or "127.0.0.1"
        port = bind.rsplit(":", 1)[-1]
        self.stdout.write(
            self.style.SUCCESS(f"Tissage is serving on http://{host}:{port}/ (Ctrl+C stops it)")
        )
        self.stdout.flush()
        os.execvp(
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tissage.config.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--worker-class",
                "gthread",
                "--access-logfile",
                "-",
                "--graceful-timeout",
                "10",
            ],
        )
