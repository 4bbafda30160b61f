import dataclasses

import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.planning.domain.plans import plan_lock, plan_member_move, plan_take_session
from tissage.planning.domain.runs import plan_propose
from tissage.planning.enums import PlanScope, PlanStatus
from tissage.planning.models import Plan, PlanGroup, PlanMember

from ...factories import StaffFactory
from ..conftest import SETTINGS, member_of, propose

pytestmark = pytest.mark.django_db


def other_group(plan, person) -> int:
    return 3 - member_of(plan, person).group.number


def test_propose_saves_every_group_with_its_leader_language_and_explanation(world, plan):
    groups = list(PlanGroup.objects.filter(plan=plan).order_by("number"))
    assert [g.number for g in groups] == [1, 2]
    assert sorted(PlanMember.objects.filter(plan=plan).values_list("person_id", flat=True)) == sorted(
        p.pk for p in world.people
    )
    assert all(g.language == "fr" and g.leader_id in {p.pk for p in world.leaders} for g in groups)
    assert [item["code"] for item in groups[0].explanation][:3] == [
        "size_ok",
        "hubs_mixed",
        "language_shared",
    ]
    assert (plan.status, plan.version, plan.violations, plan.metrics["hard_violations"]) == (
        PlanStatus.DRAFT,
        1,
        [],
        0,
    )
    assert AuditEntry.objects.for_object(plan).get().action == "plan.created"


def test_the_pair_who_already_met_is_kept_apart(world, plan):
    first, second = world.met
    assert member_of(plan, first).group_id != member_of(plan, second).group_id
    assert plan.metrics["repeated_against_history"] == 0


def test_moving_a_person_measures_the_plan_again_and_audits_it(world, plan):
    person = world.people[3]
    staff = StaffFactory()
    before = plan.metrics["new_pairs"]
    number = other_group(plan, person)
    plan_member_move(actor=staff, plan=plan, person=person, session=world.session, number=number, version=1)
    plan.refresh_from_db()
    assert member_of(plan, person).group.number == number
    assert plan.version == 2
    # Groups of 7 and 5 hold 31 pairs instead of 30.
    assert plan.metrics["new_pairs"] != before
    entry = AuditEntry.objects.for_object(plan).first()
    assert (entry.action, entry.actor, list(entry.changes.values())) == (
        "plan.member_moved",
        staff,
        [[3 - number, number]],
    )


def test_a_move_that_breaks_a_rule_is_kept_and_named(world):
    plan = propose(world, dataclasses.replace(SETTINGS, min_size=6, max_size=6))
    person = world.people[0]
    plan_member_move(
        actor=None,
        plan=plan,
        person=person,
        session=world.session,
        number=other_group(plan, person),
        version=1,
    )
    plan.refresh_from_db()
    assert sorted({v["code"] for v in plan.violations}) == ["size"]


def test_a_change_based_on_an_older_version_is_refused_and_changes_nothing(world, plan):
    person, other = world.people[3], world.people[4]
    plan_member_move(
        actor=None,
        plan=plan,
        person=person,
        session=world.session,
        number=other_group(plan, person),
        version=1,
    )
    where = member_of(plan, other).group.number
    with pytest.raises(ValidationError) as refusal:
        plan_member_move(
            actor=None, plan=plan, person=other, session=world.session, number=3 - where, version=1
        )
    assert refusal.value.code == "conflict"
    assert "you saw version 1, it is now at version 2" in refusal.value.messages[0]
    assert (member_of(plan, other).group.number, Plan.objects.get(pk=plan.pk).version) == (where, 2)


def test_a_locked_member_cannot_be_moved(world, plan):
    person = world.people[2]
    member = member_of(plan, person)
    plan_lock(actor=None, plan=plan, version=1, locked=True, member=member)
    with pytest.raises(ValidationError) as refusal:
        plan_member_move(
            actor=None,
            plan=plan,
            person=person,
            session=world.session,
            number=3 - member.group.number,
            version=2,
        )
    assert list(refusal.value.message_dict) == ["group"]
    assert member_of(plan, person).group_id == member.group_id


def test_locking_a_group_raises_the_version_and_audits(world, plan):
    group = plan.groups.get(number=1)
    plan_lock(actor=None, plan=plan, version=1, locked=True, group=group)
    group.refresh_from_db()
    plan.refresh_from_db()
    assert (group.locked, plan.version, AuditEntry.objects.for_object(plan).first().action) == (
        True,
        2,
        "plan.locked",
    )


def groups_of(plan, session) -> list[list[int]]:
    return sorted(
        sorted(g.members.values_list("person_id", flat=True)) for g in plan.groups.filter(session=session)
    )


def test_a_session_is_taken_from_a_programmes_plan(world):
    programme_plan = plan_propose(
        actor=None, subject=world.programme, settings=dataclasses.replace(SETTINGS, groups=None), seed=3
    )
    assert (programme_plan.scope, programme_plan.session) == (PlanScope.PROGRAMME, None)
    draft = plan_take_session(actor=None, plan=programme_plan, session=world.session)
    assert (draft.scope, draft.session, draft.based_on) == (PlanScope.SESSION, world.session, programme_plan)
    assert groups_of(draft, world.session) == groups_of(programme_plan, world.session)
