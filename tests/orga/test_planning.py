import dataclasses

import pytest
from django.urls import reverse

from tissage.activities.domain.participations import participation_set_status
from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Activity
from tissage.core.models import Job
from tissage.planning import tasks
from tissage.planning.domain.plans import plan_lock
from tissage.planning.enums import PlanStatus
from tissage.planning.models import Plan
from tissage.schedule.domain.releases import release_publish

from ..factories import StaffFactory
from ..planning.conftest import SETTINGS, make_world, member_of, plan, propose, world  # noqa: F401
from ..public.html import elements, texts
from .access import anonymous_outcomes, sent_to_login, statuses

pytestmark = pytest.mark.django_db

PLANNER_QUERIES = 15
PLAN_QUERIES = 10
PERMISSION = "django.contrib.auth.models.User.has_perm"


def page_urls(world, plan) -> list[str]:
    return [
        reverse("orga:planning-session", args=[world.session.pk]),
        reverse("orga:planning-programme", args=[world.programme.slug]),
        reverse("orga:plan-detail", args=[plan.pk]),
        reverse("orga:plan-compare") + f"?a={plan.pk}&b={plan.pk}",
    ]


def action_urls(plan) -> list[str]:
    return [
        reverse(f"orga:plan-{action}", args=[plan.pk])
        for action in ("move", "lock", "resolve", "repair", "take-session", "publish", "unpublish")
    ]


def settings_data(**changes) -> dict:
    data = {
        "takers": ["cohort", "confirmed", "trainees"],
        "groups": 2,
        "min_size": 5,
        "max_size": 7,
        "min_hubs": 2,
        "max_hub_share": 50,
        "leaders_per_group": 1,
        "seconds": 1,
        "seed": 1,
        "repeat": 100,
        "skill": 1,
        "hub": 1,
        "cohort": 1,
        "form-TOTAL_FORMS": 2,
        "form-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def test_planner_pages_send_anonymous_visitors_to_login(client, world, plan):
    urls = page_urls(world, plan)
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    actions = action_urls(plan)
    assert anonymous_outcomes(client, actions, "post") == sent_to_login(actions)


def test_planner_pages_refuse_non_staff(member_client, world, plan):
    urls = page_urls(world, plan)
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    actions = action_urls(plan)
    assert statuses(member_client, actions, "post") == dict.fromkeys(actions, 403)
    assert Plan.objects.get().version == 1


def test_planner_shows_who_takes_part_and_proposes_enough_groups(staff_client, world):
    response = staff_client.get(reverse("orga:planning-session", args=[world.session.pk]))
    assert response.status_code == 200
    facts = [e.text for e in elements(response, "dd")][:5]
    assert facts == [
        "12",
        "Kinshasa, Marseille, Narian-Mar",
        "3",
        "0",
        "1 (in any activity of the network before, or in an earlier session's plan)",
    ]
    assert response.context["form"]["groups"].value() == 2


def test_running_the_planner_leads_to_the_new_plan(staff_client, staff_user, world):
    url = reverse("orga:planning-session", args=[world.session.pk])
    response = staff_client.post(url, settings_data(), follow=True)
    plan = Plan.objects.get()
    job = Job.objects.get()
    assert response.redirect_chain == [
        (reverse("orga:planning-job", args=[job.pk]), 302),
        (reverse("orga:plan-detail", args=[plan.pk]), 302),
    ]
    assert (plan.created_by, plan.session, job.kind) == (staff_user, world.session, tasks.PROPOSE_JOB)
    assert texts(response, "h3") == ["Group 1", "Group 2"]
    assert len(elements(response, "form", action=reverse("orga:plan-move", args=[plan.pk]))) == 12


def test_impossible_settings_are_refused_next_to_the_setting_and_start_nothing(staff_client, world):
    url = reverse("orga:planning-session", args=[world.session.pk])
    response = staff_client.post(url, settings_data(groups=3, min_size=5, max_size=5))
    assert response.status_code == 400
    session = response.context["built"].names.sessions[str(world.session.pk)]
    assert response.context["form"].errors["groups"] == [
        f"{session}: 12 people cannot fill 3 groups of 5 to 5."
    ]
    assert (Job.objects.count(), Plan.objects.count()) == (0, 0)


def test_a_run_found_impossible_shows_the_engines_reason_next_to_the_pairs(staff_client, world):
    a, b = world.people[0].pk, world.people[1].pk
    settings = dataclasses.replace(SETTINGS, pairs=((a, b, "together"), (a, b, "apart")))
    tasks.propose_enqueue(actor=None, subject=world.session, settings=settings, seed=1)
    response = staff_client.get(reverse("orga:planning-session", args=[world.session.pk]))
    assert response.status_code == 200
    formset = response.context["formset"]
    assert [(f["a"].value(), f["kind"].value()) for f in formset] == [
        (a, "together"),
        (a, "apart"),
        (None, None),
        (None, None),
    ]
    assert response.context["formset"].non_form_errors() == [
        f"{world.people[0].full_name} and {world.people[1].full_name} must be together and apart "
        f"({response.context['built'].names.sessions[str(world.session.pk)]})."
    ]


def test_the_planner_query_count_does_not_grow_with_the_people(client, django_assert_max_num_queries):
    client.force_login(StaffFactory())
    small = make_world(people_per_hub=4)
    propose(small)
    with django_assert_max_num_queries(PLANNER_QUERIES):
        assert client.get(reverse("orga:planning-session", args=[small.session.pk])).status_code == 200
    large = make_world(people_per_hub=12)
    propose(large, dataclasses.replace(SETTINGS, groups=6, leaders_per_group=0))
    propose(large, dataclasses.replace(SETTINGS, groups=6, leaders_per_group=0, min_hubs=3))
    with django_assert_max_num_queries(PLANNER_QUERIES):
        assert client.get(reverse("orga:planning-session", args=[large.session.pk])).status_code == 200


def test_the_plan_page_query_count_does_not_grow_with_the_groups(client, django_assert_max_num_queries):
    client.force_login(StaffFactory())
    small = propose(make_world(people_per_hub=3), dataclasses.replace(SETTINGS, groups=1, max_size=9))
    with django_assert_max_num_queries(PLAN_QUERIES):
        assert client.get(reverse("orga:plan-detail", args=[small.pk])).status_code == 200
    large = propose(
        make_world(people_per_hub=12), dataclasses.replace(SETTINGS, groups=6, leaders_per_group=0)
    )
    with django_assert_max_num_queries(PLAN_QUERIES):
        assert client.get(reverse("orga:plan-detail", args=[large.pk])).status_code == 200


def test_moving_a_person_by_form_updates_the_figures(staff_client, world, plan):
    person = world.people[3]
    number = 3 - member_of(plan, person).group.number
    new_pairs = plan.metrics["new_pairs"]
    response = staff_client.post(
        reverse("orga:plan-move", args=[plan.pk]),
        {"version": 1, "person": person.pk, "session": world.session.pk, "group": number},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/orga/plans/{plan.pk}/#group-{world.session.pk}-{number}"
    plan.refresh_from_db()
    assert (member_of(plan, person).group.number, plan.version) == (number, 2)
    page = staff_client.get(response["Location"])
    shown = {e.attrs["data-metric"]: e.text for e in elements(page, "dd") if "data-metric" in e.attrs}
    assert shown["1"] == str(plan.metrics["new_pairs"]) != str(new_pairs)
    assert texts(page, "strong")[:2] == ["Person moved to another group", "Created"]


def test_two_staff_editing_the_same_draft_get_a_conflict_message(staff_client, world, plan):
    first, second = world.people[3], world.people[4]
    move = reverse("orga:plan-move", args=[plan.pk])
    staff_client.post(
        move,
        follow=True,
        data={
            "version": 1,
            "person": first.pk,
            "session": world.session.pk,
            "group": 3 - member_of(plan, first).group.number,
        },
    )
    where = member_of(plan, second).group.number
    response = staff_client.post(
        move,
        {"version": 1, "person": second.pk, "session": world.session.pk, "group": 3 - where},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Someone else changed this plan while you were looking at it (you saw version 1, it is now at "
        "version 2). Nothing was changed: look at their change, then try again."
    ]
    assert member_of(plan, second).group.number == where


def test_bad_move_input_is_refused_with_a_message(staff_client, world, plan):
    response = staff_client.post(
        reverse("orga:plan-move", args=[plan.pk]),
        {"version": 1, "person": world.people[0].pk, "session": world.session.pk, "group": "x"},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["Move to group: Enter a whole number."]
    assert Plan.objects.get().version == 1


def test_locking_by_form_and_resolving_keep_the_locked_member(staff_client, world, plan):
    member = member_of(plan, world.people[5])
    response = staff_client.post(
        reverse("orga:plan-lock", args=[plan.pk]), {"version": 1, "member": member.pk, "locked": "1"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.locked
    response = staff_client.post(reverse("orga:plan-resolve", args=[plan.pk]), {"version": 2}, follow=True)
    resolved = Plan.objects.exclude(pk=plan.pk).get()
    assert response.redirect_chain[-1] == (resolved.get_absolute_url(), 302)
    assert member_of(resolved, world.people[5]).group.number == member.group.number


def test_publishing_by_form_puts_the_workshops_on_the_public_edition_page(staff_client, client, world, plan):
    response = staff_client.post(reverse("orga:plan-publish", args=[plan.pk]), {"version": 1}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        f"Published: 2 crossed workshops in {response.context['object'].session}."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED
    release_publish(actor=None, edition=world.session.edition)
    public = client.get(world.session.edition.get_public_url())
    assert public.status_code == 200
    assert [t for t in texts(public, "h4") if t.startswith("Crossed")] == [
        "Crossed workshop 1",
        "Crossed workshop 2",
    ]
    undo = staff_client.post(reverse("orga:plan-unpublish", args=[plan.pk]), {"version": 2})
    assert undo.status_code == 302
    assert Activity.objects.filter(session=world.session).count() == 0


def test_publishing_needs_its_own_permission(client, world, plan, monkeypatch):
    staff = StaffFactory()
    client.force_login(staff)
    original = type(staff).has_perm
    monkeypatch.setattr(
        type(staff),
        "has_perm",
        lambda user, perm, obj=None: perm != "planning.publish_plan" and original(user, perm, obj),
    )
    assert client.post(reverse("orga:plan-publish", args=[plan.pk]), {"version": 1}).status_code == 403
    assert Plan.objects.get().status == PlanStatus.DRAFT


def test_comparing_two_plans_shows_who_is_in_another_group(staff_client, world, plan):
    other = propose(world)
    plan_lock(actor=None, plan=other, version=1, locked=True, group=other.groups.get(number=1))
    response = staff_client.get(reverse("orga:plan-compare"), {"a": plan.pk, "b": other.pk})
    assert response.status_code == 200
    ours = {m.person_id: m.group.number for m in plan.members.select_related("group")}
    theirs = {m.person_id: m.group.number for m in other.members.select_related("group")}
    assert sorted(p.pk for p, _s, _a, _b in response.context["moved"]) == sorted(
        person for person in ours if ours[person] != theirs[person]
    )
    assert len(response.context["rows"]) == 10


def test_comparing_plans_of_different_sessions_is_refused(staff_client, world, plan):
    elsewhere = propose(make_world())
    response = staff_client.get(reverse("orga:plan-compare"), {"a": plan.pk, "b": elsewhere.pk})
    assert response.status_code == 400
    assert texts(response, "div", class_="form-errors") == [
        "Compare two plans of the same session or programme."
    ]


def test_the_run_page_leads_to_the_plan_once_finished(staff_client, world, plan):
    job = tasks.resolve_enqueue(actor=None, plan=plan)
    url = reverse("orga:planning-job", args=[job.pk])
    made = reverse("orga:plan-detail", args=[job.result["plan"]])
    assert staff_client.get(url)["Location"] == made
    polled = staff_client.get(url, headers={"HX-Request": "true"})
    assert (polled.status_code, polled["HX-Redirect"]) == (204, made)
    Job.objects.filter(pk=job.pk).update(status="running")
    running = staff_client.get(url)
    assert running.status_code == 200
    assert elements(running, "div", hx_get=url) != []


def test_the_programme_horizon_plans_the_remaining_sessions_and_gives_each_its_draft(staff_client, world):
    url = reverse("orga:planning-programme", args=[world.programme.slug])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert "groups" not in page.context["form"].fields
    data = settings_data()
    del data["groups"]
    response = staff_client.post(url, data, follow=True)
    programme_plan = Plan.objects.get()
    assert (programme_plan.scope, response.redirect_chain[-1][0]) == (
        "programme",
        programme_plan.get_absolute_url(),
    )
    taken = staff_client.post(
        reverse("orga:plan-take-session", args=[programme_plan.pk]),
        {"version": 1, "session": world.session.pk},
    )
    draft = Plan.objects.exclude(pk=programme_plan.pk).get()
    assert (taken["Location"], draft.session, draft.based_on) == (
        draft.get_absolute_url(),
        world.session,
        programme_plan,
    )


def test_the_plan_page_explains_the_groups_in_french_and_russian(staff_client, world, plan):
    url = reverse("orga:plan-detail", args=[plan.pk])
    french = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert texts(french, "ul", class_="plan-why")[0].count("Tout le monde travaille en français") == 1
    russian = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert texts(russian, "ul", class_="plan-why")[0].count("Общий рабочий язык: французский") == 1


def test_after_a_drop_out_the_repaired_plan_shows_its_moves(staff_client, world, plan):
    gone = world.people[7]
    participation_set_status(
        actor=None,
        participation=gone.participations.get(session=world.session),
        status=ParticipationStatus.DECLINED,
    )
    page = staff_client.get(reverse("orga:plan-detail", args=[plan.pk]))
    assert texts(page, "div", role="alert")[0].startswith("Some people of this plan no longer take part")
    response = staff_client.post(reverse("orga:plan-repair", args=[plan.pk]), {"version": 1}, follow=True)
    repaired = Plan.objects.exclude(pk=plan.pk).get()
    assert response.redirect_chain[-1][0] == repaired.get_absolute_url()
    changes = texts(response, "section", aria_labelledby="moves-heading")[0]
    assert f"{gone.full_name} leaves group {member_of(plan, gone).group.number}" in changes
