import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.enums import ActivityKind, MemberRole
from tissage.activities.models import Activity, ActivityMember
from tissage.core.models import AuditEntry
from tissage.planning.domain.plans import plan_member_move
from tissage.planning.domain.publishing import plan_publish, plan_unpublish
from tissage.planning.enums import PlanStatus

from ..conftest import member_of, propose

pytestmark = pytest.mark.django_db


def members(activity) -> list[tuple[int, str]]:
    return sorted(ActivityMember.objects.filter(activity=activity).values_list("person_id", "role"))


def test_publishing_makes_a_crossed_workshop_per_group_with_members_and_leader(world, plan):
    activities = plan_publish(actor=None, plan=plan, version=1)
    plan.refresh_from_db()
    assert (plan.status, plan.version, plan.published_at is not None) == (PlanStatus.PUBLISHED, 2, True)
    activities = list(Activity.objects.filter(session=world.session).order_by("pk"))
    assert [(a.kind, a.session, a.edition, a.title.data["en"], a.languages) for a in activities] == [
        (ActivityKind.CROSSED_WORKSHOP, world.session, world.session.edition, f"Crossed workshop {n}", ["fr"])
        for n in (1, 2)
    ]
    assert activities[0].title.data == {
        "fr": "Atelier croisé 1",
        "en": "Crossed workshop 1",
        "ru": "Перекрёстная мастерская 1",
    }
    for group in plan.groups.select_related("activity"):
        expected = sorted(
            (m.person_id, MemberRole.LEADER if m.person_id == group.leader_id else MemberRole.MEMBER)
            for m in group.members.all()
        )
        assert members(group.activity) == expected
    assert AuditEntry.objects.for_object(plan).first().action == "plan.published"


def test_undo_publishing_deletes_the_activities_and_makes_a_draft_again(world, plan):
    plan_publish(actor=None, plan=plan, version=1)
    plan.refresh_from_db()
    assert plan_unpublish(actor=None, plan=plan, version=2) == 2
    plan.refresh_from_db()
    assert (plan.status, plan.published_at, Activity.objects.filter(session=world.session).count()) == (
        PlanStatus.DRAFT,
        None,
        0,
    )


def test_publishing_another_plan_supersedes_the_first(world, plan):
    plan_publish(actor=None, plan=plan, version=1)
    second = propose(world)
    assert second.status == PlanStatus.DRAFT
    plan_publish(actor=None, plan=second, version=1)
    plan.refresh_from_db()
    second.refresh_from_db()
    assert (plan.status, second.status) == (PlanStatus.SUPERSEDED, PlanStatus.PUBLISHED)
    assert Activity.objects.filter(session=world.session).count() == 2


def test_a_plan_breaking_a_rule_is_not_published(world, plan):
    plan.violations = [{"code": "size", "session": str(world.session.pk), "group": 1, "detail": ""}]
    plan.save()
    with pytest.raises(ValidationError):
        plan_publish(actor=None, plan=plan, version=1)
    assert (Activity.objects.count(), plan.status) == (1, PlanStatus.DRAFT)  # the earlier activity only


def test_nothing_is_published_or_undone_once_the_session_started(world, plan):
    plan_publish(actor=None, plan=plan, version=1)
    plan.refresh_from_db()
    session = world.session
    session.start_date = datetime.date.today() - datetime.timedelta(days=1)
    session.save()
    plan.session.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        plan_unpublish(actor=None, plan=plan, version=2)
    assert "has started" in refusal.value.messages[0]
    assert Activity.objects.filter(session=session).count() == 2


def test_a_published_plan_cannot_be_changed_by_hand(world, plan):
    plan_publish(actor=None, plan=plan, version=1)
    person = world.people[0]
    with pytest.raises(ValidationError) as refusal:
        plan_member_move(
            actor=None,
            plan=plan,
            person=person,
            session=world.session,
            number=3 - member_of(plan, person).group.number,
            version=2,
        )
    assert refusal.value.code == "not_draft"
