"""The session planner in a real browser over the demo network: run the planner on the next session,
move one person (a group falls below its size: the figures and the broken rule show it at once), move
them back, publish, release the edition and find the crossed workshops on the public edition page.

Its screenshot is the README's picture of the planner: docs/screenshots/10-planner.png.
"""

import re

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from tissage.demo.build import build_demo
from tissage.network.models import Session
from tissage.planning.enums import PlanStatus
from tissage.planning.models import Plan, PlanGroup, PlanMember

from ..factories import StaffFactory
from .conftest import screenshot

PASSWORD = "correct horse battery staple"


@pytest.fixture
def demo_network(transactional_db):
    build_demo()
    return StaffFactory(username="ines", first_name="Inès", last_name="Martin", is_superuser=True)


def figure(page, label: str) -> str:
    return (
        page.locator("dl.facts dt", has_text=re.compile(f"^{label}$"))
        .locator("xpath=following-sibling::dd[1]")
        .inner_text()
    )


def test_plan_move_publish_and_read_the_workshops_on_the_public_page(live_server, page, demo_network):
    session = Session.objects.filter(start_date__gt=timezone.now().date()).order_by("start_date").first()
    page.goto(live_server.url + reverse("orga:login"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/orga/$"))

    # The planner, from the session's page. With one interpreter for seven people who speak only
    # Russian, the default rules cannot be met: the engine's reason shows next to the settings.
    page.goto(live_server.url + session.get_absolute_url())
    page.get_by_role("link", name="Plan the crossed workshops").click()
    page.wait_for_url(re.compile(r"/planner/$"))
    page.get_by_text("Search time, seed and weights").click()
    page.get_by_label("Search time (seconds)").fill("3")
    page.get_by_role("button", name="Compose the groups").click()
    page.wait_for_url(re.compile(r"/planner/$"))
    assert page.get_by_text("No plan can meet these settings").is_visible()
    reason = page.locator(".field", has=page.get_by_label("Most of a group from one hub (%)")).locator(
        ".errorlist"
    )
    assert "no grouping meets" in reason.inner_text()
    assert not Plan.objects.exists()

    # Three groups of up to eight, nine tenths of a group from one hub at most: a plan.
    page.get_by_label("Number of groups").fill("3")
    page.get_by_label("Largest group").fill("8")
    page.get_by_label("Most of a group from one hub (%)").fill("90")
    page.get_by_text("Search time, seed and weights").click()
    page.get_by_label("Search time (seconds)").fill("5")
    page.get_by_role("button", name="Compose the groups").click()
    page.wait_for_url(re.compile(r"/orga/plans/\d+/$"), timeout=60_000)
    plan = Plan.objects.get(session=session)
    assert page.get_by_role("heading", level=3, name=re.compile(r"^Group 3")).is_visible()
    assert figure(page, "Broken rules") == "0"
    screenshot(page, "10-planner")

    # Move someone into the largest group: it breaks its size rule, and the figures say so at once.
    groups = list(
        PlanGroup.objects.filter(plan=plan).annotate(size=Count("members")).order_by("-size", "number")
    )
    large = groups[0]
    small = next(g for g in groups[1:] if g.interpreter_id is None)
    mover = (
        PlanMember.objects.filter(group=small).exclude(person_id=small.leader_id).select_related("person")[0]
    )
    pairs_before = figure(page, "Pairs meeting for the first time")
    page.locator(f"#move-{mover.pk}").select_option(str(large.number))
    page.get_by_role("button", name=f"Move — {mover.person.full_name}").click()
    page.wait_for_url(re.compile(rf"#group-{session.pk}-{large.number}$"))
    assert page.get_by_text(f"{mover.person.full_name} is now in group {large.number}.").is_visible()
    assert figure(page, "Broken rules") == "1"
    assert figure(page, "Pairs meeting for the first time") != pairs_before
    assert page.get_by_role("alert").filter(has_text="This plan breaks 1 rule.").is_visible()

    # Drag them back to their group (the browser's drag events, as Playwright documents them), and publish.
    dragged = page.evaluate_handle("() => new DataTransfer()")
    page.locator(f"tr[data-move-form='move-form-{mover.pk}']").dispatch_event(
        "dragstart", {"dataTransfer": dragged}
    )
    page.locator(f"#group-{session.pk}-{small.number} h3").dispatch_event("drop", {"dataTransfer": dragged})
    page.wait_for_url(re.compile(rf"#group-{session.pk}-{small.number}$"))
    assert figure(page, "Broken rules") == "0"
    page.get_by_role("button", name="Publish as crossed workshops").click()
    assert page.get_by_text(re.compile(r"^Published: \d+ crossed workshops")).is_visible()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED

    # The edition's next release takes them to the public.
    page.goto(live_server.url + reverse("orga:release-list", args=[session.edition.pk]))
    page.get_by_role("button", name="Publish a new release").click()
    page.goto(live_server.url + session.edition.get_public_url())
    assert page.get_by_role("heading", name="Crossed workshop 1", exact=True).first.is_visible()
