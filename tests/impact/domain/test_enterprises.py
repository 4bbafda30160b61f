import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.enums import ActivityKind
from tissage.core.models import AuditEntry
from tissage.impact.domain.enterprises import (
    enterprise_create,
    enterprise_delete,
    enterprise_update,
    enterprises_with_trainings_before,
    founder_paths,
)
from tissage.impact.enums import EnterpriseKind, EnterpriseStatus
from tissage.impact.models import Enterprise
from tissage.people.enums import Role

from ...factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    PersonFactory,
    PersonRoleFactory,
)

D = datetime.date


def sever_zvuk(founders, **data):
    return enterprise_create(
        actor=None,
        data={
            "name": "Sever-Zvuk",
            "kind": EnterpriseKind.HIRE,
            "city": "Narian-Mar",
            "founded_on": D(2006, 4, 1),
            "founders": founders,
            **data,
        },
    )


@pytest.mark.django_db
def test_enterprise_create_makes_a_slug_and_is_audited_on_its_founders():
    artyom = PersonFactory()
    enterprise = sever_zvuk([artyom])
    assert (enterprise.slug, enterprise.status, list(enterprise.founders.all())) == (
        "sever-zvuk",
        EnterpriseStatus.ACTIVE,
        [artyom],
    )
    assert AuditEntry.objects.for_object(artyom).get().action == "enterprise.created"


@pytest.mark.django_db
def test_enterprise_refuses_no_founder_and_closing_before_founding():
    with pytest.raises(ValidationError) as refused:
        sever_zvuk([])
    assert list(refused.value.message_dict) == ["founders"]
    enterprise = sever_zvuk([PersonFactory()])
    with pytest.raises(ValidationError):
        enterprise_update(
            actor=None,
            enterprise=enterprise,
            data={"status": EnterpriseStatus.CLOSED, "closed_on": D(2005, 1, 1)},
        )
    enterprise.refresh_from_db()
    assert (enterprise.status, Enterprise.objects.count()) == (EnterpriseStatus.ACTIVE, 1)
    enterprise_delete(actor=None, enterprise=enterprise)
    assert Enterprise.objects.count() == 0


@pytest.mark.django_db
def test_founder_paths_list_the_trainings_before_founding():
    artyom = PersonFactory()
    PersonRoleFactory(person=artyom, role=Role.TRAINEE, since=D(2002, 8, 31))
    PersonRoleFactory(person=artyom, role=Role.ENTREPRENEUR, since=D(2006, 4, 1))
    for year, kind in (
        (2002, ActivityKind.TRAINING),
        (2003, ActivityKind.CONCERT),
        (2007, ActivityKind.TRAINING),
    ):
        ActivityMemberFactory(
            person=artyom,
            activity=ActivityFactory(
                kind=kind, edition=EditionFactory(start_date=D(year, 9, 2), end_date=D(year, 9, 8))
            ),
        )
    [path] = founder_paths(sever_zvuk([artyom]))
    assert ([t.occasion.date for t in path.trainings], path.training_hours, path.trained_before) == (
        [D(2002, 9, 2)],
        3.0,
        True,
    )
    assert [role.role for role in path.roles] == [Role.TRAINEE, Role.ENTREPRENEUR]


@pytest.mark.django_db
def test_enterprises_of_a_person_count_the_trainings_before_each_founding():
    grace = PersonFactory()
    for year in (2004, 2007):
        ActivityMemberFactory(
            person=grace,
            activity=ActivityFactory(
                kind=ActivityKind.CROSSED_WORKSHOP,
                edition=EditionFactory(start_date=D(year, 11, 2), end_date=D(year, 11, 8)),
            ),
        )
    label = sever_zvuk([grace], name="Elikya", founded_on=D(2006, 1, 1))
    studio = sever_zvuk([grace], name="Studio Mboka", founded_on=D(2009, 1, 1))
    assert enterprises_with_trainings_before(grace) == [(label, 1), (studio, 2)]
