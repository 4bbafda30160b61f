import datetime

import pytest

from tissage.people.domain.privacy import person_data

from ...factories import CollaborationFactory, EnterpriseFactory, PersonFactory


@pytest.mark.django_db
def test_a_persons_data_copy_holds_their_collaborations_and_enterprises():
    artyom, olga = PersonFactory(), PersonFactory()
    CollaborationFactory(
        people=[artyom, olga],
        kind="tour",
        title="Tour of the Nenets villages",
        date=datetime.date(2005, 3, 1),
        evidence_url="https://example.org/tour",
    )
    CollaborationFactory(people=[olga, PersonFactory()], title="Someone else's record")
    EnterpriseFactory(founders=[artyom], name="Sever-Zvuk", founded_on=datetime.date(2006, 4, 1))
    data = person_data(artyom)
    assert [(c["title"], c["date"], c["evidence_url"]) for c in data["declared collaborations"]] == [
        ("Tour of the Nenets villages", "2005-03-01", "https://example.org/tour")
    ]
    assert [(e["name"], e["founded_on"]) for e in data["enterprises founded"]] == [
        ("Sever-Zvuk", "2006-04-01")
    ]
