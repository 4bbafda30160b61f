"""The demo network's impact: enterprises, declared collaborations and the tie ledger.

The demo is built once, by one test that checks every fact (see test_build.py for why)."""

import datetime

import pytest

from tissage.activities.enums import ActivityKind
from tissage.demo.build import build_demo
from tissage.impact.domain.analytics import Scope, compute_figures
from tissage.impact.domain.enterprises import founder_paths
from tissage.impact.domain.ledger import ledger_rebuild
from tissage.impact.enums import EnterpriseKind
from tissage.impact.models import Collaboration, Enterprise, Tie
from tissage.people.enums import Role
from tissage.people.models import PersonRole

from ..impact.ledger import ledger_rows

D = datetime.date


def check_the_narian_mar_trainee_of_2002_founds_a_sound_hire_company_in_2006():
    company = Enterprise.objects.get(slug="sever-zvuk")
    assert (company.kind, company.founded_on, [p.slug for p in company.founders.all()]) == (
        EnterpriseKind.HIRE,
        D(2006, 4, 1),
        ["artyom-vylka"],
    )
    [path] = founder_paths(company)
    first = path.trainings[0]
    assert (first.occasion.date, first.member.activity.kind, first.member.activity.edition.festival.slug) == (
        D(2002, 9, 2),
        ActivityKind.TRAINING,
        "mimi-nor",
    )
    assert [role.role for role in path.roles] == [Role.TRAINEE, Role.TECHNICIAN, Role.ENTREPRENEUR]


def check_every_entrepreneur_founded_an_enterprise_the_day_the_role_began():
    founded = {
        (p, day)
        for day, p in Enterprise.founders.through.objects.values_list(
            "enterprise__founded_on", "person__slug"
        )
    }
    roles = set(PersonRole.objects.filter(role=Role.ENTREPRENEUR).values_list("person__slug", "since"))
    assert roles == founded
    assert Enterprise.objects.filter(slug="elikya-productions", founders__slug="grace-nsimba").exists()


def check_declared_collaborations_weave_durable_crossing_ties():
    assert Collaboration.objects.count() == 5
    tour = Collaboration.objects.get(title="Tour of the Nenets villages")
    assert {"artyom-vylka", "marius-giordano", "olga-taleeva"} <= set(
        tour.people.values_list("slug", flat=True)
    )
    tie = Tie.objects.get(
        person_a__slug__in=["artyom-vylka", "marius-giordano"],
        person_b__slug__in=["artyom-vylka", "marius-giordano"],
    )
    assert (tie.is_durable, tie.is_crossing, tie.collaboration_count) == (True, True, 1)


def check_the_ledger_equals_a_full_rebuild():
    kept = ledger_rows()
    ledger_rebuild()
    assert ledger_rows() == kept
    assert len(kept["ties"]) > 1000


def check_the_network_has_durable_crossing_ties_and_entrepreneurs_born_of_its_trainings():
    figures = compute_figures(Scope(last_year=2026))
    assert len(figures.durable_crossing_ties) > 100
    assert 0.5 < figures.durable_crossing_share < 1
    assert Enterprise.objects.get(slug="sever-zvuk").pk in figures.enterprises_trained_founders
    assert len(figures.communities) >= 2


CHECKS = [value for name, value in sorted(globals().items()) if name.startswith("check_")]


@pytest.mark.django_db
def test_demo_impact():
    build_demo()
    failures = []
    for check in CHECKS:
        try:
            check()
        except AssertionError as error:
            failures.append(f"{check.__name__}: {error}")
    assert failures == []
