"""The demo network's impact: the enterprises its trainees founded, collaborations people declared
beyond the programmes, and the tie ledger, computed once when the whole network is written.

The named stories come first (Artyom Vylka, trainee of the first Mimi-Nor sound workshop in 2002,
founds the sound-hire company Sever-Zvuk in 2006; Grâce Nsimba, administration trainee at the first
Mimi-Sud, founds Elikya Productions in 2009); everyone else whose career reaches the entrepreneur
role founds a business of the kind their trade suggests, on the day that role begins.
"""

import datetime
from dataclasses import dataclass

from tissage.impact.domain.collaborations import collaboration_create
from tissage.impact.domain.enterprises import enterprise_create
from tissage.impact.domain.ledger import ledger_rebuild
from tissage.impact.enums import CollaborationKind, EnterpriseKind
from tissage.network.models import CohortMember
from tissage.people.enums import Role, SkillCategory
from tissage.people.models import Person, PersonRole

D = datetime.date


@dataclass(frozen=True)
class EnterpriseSpec:
    slug: str
    name: str
    kind: str
    founders: tuple[str, ...]
    city: str
    founded_on: datetime.date
    activity: str
    employees: int


STORY_ENTERPRISES = (
    EnterpriseSpec(
        "sever-zvuk",
        "Sever-Zvuk",
        EnterpriseKind.HIRE,
        ("artyom-vylka",),
        "Narian-Mar",
        D(2006, 4, 1),
        "Sound hire and engineering for the house of culture, Mimi-Nor and the touring bands of the "
        "Nenets region; trains young technicians of the tundra villages.",
        4,
    ),
    EnterpriseSpec(
        "elikya-productions",
        "Elikya Productions",
        EnterpriseKind.LABEL,
        ("grace-nsimba",),
        "Kinshasa",
        D(2009, 3, 1),
        "Record label and booking agency: records the network's Kinshasa artists and tours them in "
        "Central Africa and Europe.",
        6,
    ),
)

# What a generated entrepreneur founds, by the category of their first skill, and its name.
KIND_BY_SKILL = {
    SkillCategory.SOUND: (EnterpriseKind.HIRE, "{family} Sound"),
    SkillCategory.LIGHT: (EnterpriseKind.HIRE, "{family} Lights"),
    SkillCategory.STAGE: (EnterpriseKind.PROMOTER, "{family} Concerts"),
    SkillCategory.ADMINISTRATION: (EnterpriseKind.AGENCY, "{family} Productions"),
    SkillCategory.PRODUCTION: (EnterpriseKind.AGENCY, "{family} Productions"),
    SkillCategory.INSTRUMENT: (EnterpriseKind.STUDIO, "Studio {family}"),
    SkillCategory.VOICE: (EnterpriseKind.LABEL, "{family} Records"),
}


@dataclass(frozen=True)
class CollaborationSpec:
    kind: str
    title: str
    date: datetime.date
    people: tuple[str, ...]
    # (programme, home hub, how many) artists of a programme's cohort who took part too.
    cohort_artists: tuple[tuple[str, str, int], ...]
    description: str
    evidence_url: str = ""


COLLABORATIONS = (
    CollaborationSpec(
        CollaborationKind.TOUR,
        "Tour of the Nenets villages",
        D(2005, 3, 12),
        ("artyom-vylka", "marius-giordano", "olga-taleeva"),
        (("marseille-narian-mar", "narian-mar", 2), ("marseille-narian-mar", "marseille", 1)),
        "Ten concerts in the tundra villages, with the sound of the Mimi-Nor workshop.",
        "https://sever-zvuk.example/tour-2005",
    ),
    CollaborationSpec(
        CollaborationKind.RECORD,
        "Kinshasa–Marseille Sessions (album)",
        D(2007, 5, 20),
        ("dieumerci-lukusa", "faiza-msaidie"),
        (("marseille-kinshasa", "kinshasa", 2), ("marseille-kinshasa", "marseille", 2)),
        "An album recorded in Marseille by musicians of the Marseille–Kinshasa programme.",
        "https://elikya.example/sessions",
    ),
    CollaborationSpec(
        CollaborationKind.INVITATION,
        "Mimi-Nor's coordinator invited to Mimi-Sud",
        D(2008, 11, 15),
        ("olga-taleeva", "patience-mbala"),
        (),
        "Olga Taleeva advises the Mimi-Sud team on running a festival far from the capital.",
    ),
    CollaborationSpec(
        CollaborationKind.TOUR,
        "Elikya Productions' first European tour",
        D(2010, 6, 4),
        ("grace-nsimba", "dieumerci-lukusa"),
        (("marseille-kinshasa", "kinshasa", 3),),
        "Eight dates in France and Belgium booked by Elikya Productions.",
    ),
    CollaborationSpec(
        CollaborationKind.RECORD,
        "Oud and electronics (duo record)",
        D(2008, 2, 1),
        ("kinan-jabri",),
        (("marseille-damascus-beirut-amman", "marseille", 1),),
        "A duo born in the crossed workshops of Mimi 2004.",
    ),
)


def _cohort_artists(programme: str, hub: str, count: int) -> list[Person]:
    """The first artists (by short name) of a programme's cohort from a hub: the same people come
    back in later collaborations, as they do."""
    members = CohortMember.objects.filter(
        programme__slug=programme, person__home_hub__slug=hub, role=Role.ARTIST
    ).select_related("person")
    return [member.person for member in members.order_by("person__slug")[:count]]


def build_impact() -> dict[str, int]:
    """Write the demo's enterprises and collaborations, then compute the whole tie ledger."""
    people = Person.objects.select_related("home_hub").in_bulk(field_name="slug")
    for spec in STORY_ENTERPRISES:
        enterprise_create(
            actor=None,
            data={
                "slug": spec.slug,
                "name": spec.name,
                "kind": spec.kind,
                "founders": [people[slug] for slug in spec.founders],
                "hub": people[spec.founders[0]].home_hub,
                "city": spec.city,
                "country": people[spec.founders[0]].home_hub.country,
                "founded_on": spec.founded_on,
                "activity": spec.activity,
                "employees": spec.employees,
            },
        )
    named = {slug for spec in STORY_ENTERPRISES for slug in spec.founders}
    entrepreneurs = (
        PersonRole.objects.filter(role=Role.ENTREPRENEUR)
        .exclude(person__slug__in=named)
        .select_related("person__home_hub")
        .prefetch_related("person__skills")
        .order_by("since", "person__slug")
    )
    for role in entrepreneurs:
        person = role.person
        skills = sorted(person.skills.all(), key=lambda skill: skill.slug)
        kind, name = KIND_BY_SKILL.get(
            skills[0].category if skills else "", (EnterpriseKind.OTHER, "{family} Music")
        )
        enterprise_create(
            actor=None,
            data={
                "name": name.format(family=person.family_name),
                "kind": kind,
                "founders": [person],
                "hub": person.home_hub,
                "city": person.city or str(person.home_hub.name),
                "country": person.home_hub.country,
                "founded_on": role.since,
                "activity": f"Founded by {person.full_name} in {person.city or person.home_hub.name}.",
            },
        )
    for spec in COLLABORATIONS:
        members = [people[slug] for slug in spec.people]
        for programme, hub, count in spec.cohort_artists:
            members += [p for p in _cohort_artists(programme, hub, count) if p not in members]
        collaboration_create(
            actor=None,
            data={
                "kind": spec.kind,
                "title": spec.title,
                "date": spec.date,
                "people": members,
                "description": spec.description,
                "evidence_url": spec.evidence_url,
            },
        )
    return ledger_rebuild()
