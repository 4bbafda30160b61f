import datetime

import pytest

from tissage.activities.models import Activity
from tissage.core.models import JobStatus
from tissage.schedule.domain.conflicts import edition_conflicts
from tissage.schedule.tasks import JOB_KIND, timetable_enqueue

from ..factories import ParticipationFactory, PersonFactory, SessionFactory, StaffFactory
from .conftest import placed, unplaced

pytestmark = pytest.mark.django_db


def test_timetable_job_places_the_activities_and_reports_what_it_did(edition, hall, studio, leader):
    staff = StaffFactory()
    placed(edition, hall, 2, 10, people=[leader])
    for _ in range(3):
        unplaced(edition, 120, people=[leader, PersonFactory()])
    job = timetable_enqueue(actor=staff, edition=edition, replace=False, time_limit=3)
    assert (job.kind, job.status, job.created_by) == (JOB_KIND, JobStatus.SUCCEEDED, staff)
    assert (job.result["status"] in {"optimal", "feasible"}, job.result["moved"], job.result["conflict"]) == (
        True,
        3,
        [],
    )
    assert not Activity.objects.filter(starts_at__isnull=True).exists()
    assert edition_conflicts(edition) == []


def test_timetable_job_explains_an_impossible_timetable(edition, hall, leader):
    session = SessionFactory(
        hub=edition.festival.hub, edition=edition, start_date=edition.start_date, end_date=edition.end_date
    )
    ParticipationFactory(
        person=leader,
        session=session,
        arrives_on=datetime.date(2002, 9, 2),
        departs_on=datetime.date(2002, 9, 2),
    )
    first, second = unplaced(edition, 600, people=[leader]), unplaced(edition, 600, people=[leader])
    job = timetable_enqueue(actor=None, edition=edition, replace=False, time_limit=3)
    assert job.status == JobStatus.SUCCEEDED
    assert job.result["status"] == "infeasible"
    assert sorted((r["rule"], r["subject"]) for r in job.result["conflict"]) == sorted(
        [
            ("place", str(first.pk)),
            ("place", str(second.pk)),
            ("presence", str(leader.pk)),
            ("overlap", str(leader.pk)),
        ]
    )
    assert job.result["moved"] == 0
