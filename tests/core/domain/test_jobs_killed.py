"""A worker killed in the middle of a job: its writes are rolled back, and the job is marked failed
by the recovery that `tissage serve` runs when it starts. Real processes, real database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[3]
DATABASE = "tissage_worker_killed"


def tissage(env, *args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tissage", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        **kwargs,
    )


def shell(env, code: str) -> str:
    return tissage(env, "shell", "--no-imports", "-c", code).stdout.strip()


@pytest.fixture
def environment(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings",
        "TISSAGE_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(ROOT),
    }
    url = os.environ.get("DATABASE_URL")
    if url:
        # Its own database on the same server: the worker must see what the test commits.
        parts = urlsplit(url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DATABASE}")
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{DATABASE}"))
    tissage(env, "migrate", "-v0")
    yield env
    if url:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_a_killed_worker_leaves_no_partial_write_and_its_job_is_marked_failed(environment, tmp_path):
    marker = tmp_path / "writing"
    job_id = shell(
        environment,
        "from tests.core.domain.jobs_tasks import write_slowly;"
        "from tissage.core.domain.jobs import job_enqueue;"
        "job = job_enqueue(actor=None, kind='test.write', task=write_slowly, count=40,"
        f" marker={str(marker)!r}); print(job.pk)",
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "tissage", "worker", "--interval", "0.1", "--no-startup-delay"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline, "the worker never started the job"
            assert worker.poll() is None, "the worker stopped by itself"
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()

    state = (
        "from tissage.core.models import Job; from tissage.people.models import Organisation;"
        "from django_tasks_db.models import DBTaskResult;"
        f"job = Job.objects.get(pk={job_id}); task = DBTaskResult.objects.get(pk=job.task_result_id);"
        "print(job.status, Organisation.objects.count(), task.status)"
    )
    assert shell(environment, state) == "running 0 RUNNING"

    recovered = tissage(environment, "recover-jobs", "--stale-after", "0").stdout
    assert recovered.strip() == "1 abandoned job(s) marked failed."
    assert shell(environment, state) == "failed 0 FAILED"
    error = shell(
        environment, f"from tissage.core.models import Job; print(Job.objects.get(pk={job_id}).error)"
    )
    assert error.startswith("The worker stopped while running this job")
    assert tissage(environment, "recover-jobs", "--stale-after", "0").stdout.strip().startswith("0 ")
