import contextlib
import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import CommandError

from tissage.core.management.base import TissageCommand


class Command(TissageCommand):
    help = (
        "Serve Tissage with the production WSGI server (gunicorn; static files by whitenoise), "
        "with a background worker beside it for long jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("TISSAGE_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("TISSAGE_WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("TISSAGE_THREADS", "4")))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker (run `tissage worker`).",
        )

    def handle(self, *args, bind, workers, threads, no_worker, **options):
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1", returncode=2)
        host = bind.split(":")[0] or "127.0.0.1"
        port = bind.rsplit(":", 1)[-1]
        web = [
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
        ]
        # Personal documents past their retention go, whatever else runs.
        call_command("purge_visa_documents", stdout=self.stdout)
        processes = [subprocess.Popen(web)]
        if not no_worker:
            # Jobs left running by a worker that was stopped (a crash, a reboot) are marked failed.
            call_command("recover_jobs", stdout=self.stdout)
            processes.append(subprocess.Popen([sys.executable, "-m", "tissage", "worker"]))
        self.stdout.write(
            self.style.SUCCESS(f"Tissage is serving on http://{host}:{port}/ (Ctrl+C stops it)")
        )
        self.stdout.flush()

        def stop(*_args):
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        # When either process ends, the other is stopped too: a server without its worker would
        # accept jobs that never run.
        with contextlib.suppress(ChildProcessError):
            os.wait()
        stop()
        for process in processes:
            process.wait()
