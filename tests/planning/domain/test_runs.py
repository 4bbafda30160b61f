import pytest

from tissage.activities.domain.participations import participation_set_status
from tissage.activities.enums import ParticipationStatus
from tissage.planning.domain.plans import plan_dropouts, plan_lock
from tissage.planning.domain.runs import plan_repair, plan_resolve
from tissage.planning.models import PlanMember

from ..conftest import member_of, person_at

pytestmark = pytest.mark.django_db


def placements(plan) -> dict[int, int]:
    return dict(PlanMember.objects.filter(plan=plan).values_list("person_id", "group__number"))


def test_a_drop_out_marks_the_plan_and_repair_moves_few_people(world, plan):
    gone = world.people[7]
    participation = gone.participations.get(session=world.session)
    participation_set_status(actor=None, participation=participation, status=ParticipationStatus.DECLINED)
    plan.refresh_from_db()
    assert (plan.needs_repair, plan_dropouts(plan)) == (True, [(gone.pk, world.session.pk)])
    before = placements(plan)
    repaired = plan_repair(actor=None, plan=plan)
    after = placements(repaired)
    assert (repaired.based_on, gone.pk in after, repaired.needs_repair) == (plan, False, False)
    changed = sorted(person for person, number in after.items() if before[person] != number)
    # The diff names the drop-out and every person who moved, and nobody else.
    assert sorted(int(move["person"]) for move in repaired.moves) == sorted([gone.pk, *changed])
    assert len(changed) <= 2
    assert next(m for m in repaired.moves if int(m["person"]) == gone.pk)["to_group"] is None


def test_repair_places_a_newcomer(world, plan):
    newcomer = person_at(world.session, world.hubs[2])
    repaired = plan_repair(actor=None, plan=plan)
    assert newcomer.pk in placements(repaired)
    assert [(int(m["person"]), m["from_group"]) for m in repaired.moves if m["from_group"] is None] == [
        (newcomer.pk, None)
    ]


def test_resolve_keeps_the_locked_people_and_groups(world, plan):
    locked_person = world.people[4]
    member = member_of(plan, locked_person)
    plan_lock(actor=None, plan=plan, version=1, locked=True, member=member)
    group = plan.groups.exclude(pk=member.group_id).get()
    plan_lock(actor=None, plan=plan, version=2, locked=True, group=group)
    kept = sorted(group.members.values_list("person_id", flat=True))
    resolved = plan_resolve(actor=None, plan=plan)
    assert placements(resolved)[locked_person.pk] == member.group.number
    assert (
        sorted(resolved.groups.get(number=group.number).members.values_list("person_id", flat=True)) == kept
    )
    assert (member_of(resolved, locked_person).locked, resolved.groups.get(number=group.number).locked) == (
        True,
        True,
    )
