"""The small world the logistics page tests share: a Congolese guitarist coming to Marseille,
with a journey, a visa case, a bed, a per diem, a fee, and a programme budget."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tissage.activities.models import Participation
from tissage.logistics.models import (
    AccommodationPlace,
    Bed,
    Budget,
    BudgetLine,
    ExchangeRate,
    Fee,
    LetterTemplate,
    PerDiemRate,
    Stay,
    TravelLeg,
    VisaCase,
    VisaRule,
)

from ..factories import (
    AccommodationRoomFactory,
    BedFactory,
    BudgetFactory,
    BudgetLineFactory,
    ExchangeRateFactory,
    FeeFactory,
    HubFactory,
    LetterTemplateFactory,
    ParticipationFactory,
    PerDiemRateFactory,
    SessionFactory,
    StayFactory,
    TravelLegFactory,
    VisaCaseFactory,
)

D = datetime.date


@dataclass
class World:
    participation: Participation
    leg: TravelLeg
    rule: VisaRule
    case: VisaCase
    place: AccommodationPlace
    bed: Bed
    stay: Stay
    rate: PerDiemRate
    fee: Fee
    budget: Budget
    line: BudgetLine
    exchange_rate: ExchangeRate
    letter: LetterTemplate


@pytest.fixture(name="world")
def world_fixture(db) -> World:
    marseille = HubFactory(slug="marseille", country="FR", name={"en": "Marseille", "fr": "Marseille"})
    kinshasa = HubFactory(
        slug="kinshasa", country="CD", timezone="Africa/Kinshasa", currency="CDF", name={"en": "Kinshasa"}
    )
    session = SessionFactory(hub=marseille, start_date=D(2027, 7, 19), end_date=D(2027, 7, 25))
    participation = ParticipationFactory(
        session=session,
        person__home_hub=kinshasa,
        person__nationality="CD",
        person__given_name="Grâce",
        person__family_name="Nsimba",
        person__slug="grace-nsimba",
    )
    case = VisaCaseFactory(participation=participation, rule__nationality="CD", rule__destination="FR")
    room = AccommodationRoomFactory(place__hub=marseille, place__name="Résidence du Frioul", name="12")
    bed = BedFactory(room=room, label="A")
    budget = BudgetFactory(programme=session.programme, title="Budget 2027")
    return World(
        participation=participation,
        leg=TravelLegFactory(
            participation=participation,
            from_place="Kinshasa FIH",
            from_timezone="Africa/Kinshasa",
            to_place="Marseille MRS",
            departs_at=datetime.datetime(2027, 7, 18, 21, 0, tzinfo=datetime.UTC),
            arrives_at=datetime.datetime(2027, 7, 19, 8, 30, tzinfo=datetime.UTC),
        ),
        rule=case.rule,
        case=case,
        place=room.place,
        bed=bed,
        stay=StayFactory(participation=participation, bed=bed),
        rate=PerDiemRateFactory(hub=marseille),
        fee=FeeFactory(participation=participation),
        budget=budget,
        line=BudgetLineFactory(
            budget=budget, label="Billets d'avion", currency="CDF", planned_amount=Decimal("3000000")
        ),
        exchange_rate=ExchangeRateFactory(base="EUR", quote="CDF", on=D(2025, 1, 1), rate=Decimal("3000")),
        letter=LetterTemplateFactory(hub=marseille),
    )
