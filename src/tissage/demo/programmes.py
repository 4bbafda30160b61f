"""The demo's programmes: who works with whom, where and when.

Each programme lists its real sessions in order; the build lets ``programme_create`` propose the
default rhythm, then moves each proposed session to these dates with ``session_update`` (and
adds a session when the programme has more than the rhythm proposes).

A cohort is made of named people (``people.STORY_PEOPLE``), alumni of earlier cohorts of the
same hub, and newcomers drawn at random with the role given here.
"""

import datetime
from dataclasses import dataclass

from tissage.network.enums import ProgrammeStatus
from tissage.people.enums import Role

from .network import Text

D = datetime.date


@dataclass(frozen=True)
class SessionSpec:
    hub: str
    start: datetime.date
    end: datetime.date
    edition: str | None = None
    # Who of the cohort comes: "all"; "delegation" (the partner hubs' organisers only, with the
    # whole home team); "technical" (the partner hubs' technicians, trainees and organisers).
    who: str = "all"
    # People from outside the cohort invited to this session (keys of named people).
    guests: tuple[str, ...] = ()
    description: Text | None = None
    # Where a session outside any edition is held (else in the hub's venues, in their order).
    venues: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgrammeSpec:
    slug: str
    name: Text
    description: Text
    home_hub: str
    partner_hubs: tuple[str, ...]
    start_year: int
    years: int
    status: str
    funders: tuple[str, ...]
    sessions: tuple[SessionSpec, ...]
    named_members: tuple[str, ...]
    # (hub, how many) alumni of earlier cohorts of that hub, still active, join the cohort.
    alumni: tuple[tuple[str, int], ...]
    # (hub, role, how many) newcomers.
    newcomers: tuple[tuple[str, str, int], ...]
    # Named people who take part in every session as staff (coordinators, interpreters).
    staff: tuple[str, ...]
    sessions_per_year: int = 2


PROGRAMMES = (
    ProgrammeSpec(
        slug="marseille-narian-mar",
        name={"fr": "Marseille – Narian-Mar", "en": "Marseille – Narian-Mar", "ru": "Марсель – Нарьян-Мар"},
        description={
            "fr": "Trois ans d'ateliers croisés entre Marseille et la capitale de la Région autonome des "
            "Nénètses : formation au son, à la régie et à l'administration, naissance du festival Mimi-Nor.",
            "en": "Three years of crossed workshops between Marseille and the capital of the Nenets "
            "Autonomous Region: training in sound, stage management and administration, and the birth "
            "of the Mimi-Nor festival.",
            "ru": "Три года перекрёстных мастерских между Марселем и столицей Ненецкого автономного "
            "округа: обучение звуку, управлению сценой и администрированию, рождение фестиваля Мими-Нор.",
        },
        home_hub="marseille",
        partner_hubs=("narian-mar",),
        start_year=2002,
        years=3,
        status=ProgrammeStatus.COMPLETED,
        funders=("region-rivages", "fondation-vents-croises", "komitet-kultury", "institut-grand-nord"),
        sessions=(
            SessionSpec(
                "marseille",
                D(2002, 7, 22),
                D(2002, 7, 28),
                "mimi-2002",
                who="delegation",
                description={
                    "fr": "Les organisateurs de Narian-Mar découvrent Mimi pour préparer Mimi-Nor.",
                    "en": "The Narian-Mar organisers discover Mimi to prepare Mimi-Nor.",
                    "ru": "Организаторы из Нарьян-Мара знакомятся с Мими, чтобы подготовить Мими-Нор.",
                },
            ),
            SessionSpec("narian-mar", D(2002, 8, 31), D(2002, 9, 8), "mimi-nor-2002"),
            SessionSpec("narian-mar", D(2003, 5, 17), D(2003, 5, 25), "mimi-nor-2003"),
            SessionSpec(
                "marseille",
                D(2003, 7, 21),
                D(2003, 7, 27),
                "mimi-2003",
                who="technical",
                guests=("viktor-sokolov", "lyudmila-ardeeva"),
                description={
                    "fr": "Techniciens russes et responsables culturels de la région invités à Marseille.",
                    "en": "Russian technicians and regional cultural officials invited to Marseille.",
                    "ru": "Российские техники и представители окружной культуры приглашены в Марсель.",
                },
            ),
            SessionSpec("narian-mar", D(2004, 5, 15), D(2004, 5, 23), "mimi-nor-2004"),
            SessionSpec("marseille", D(2004, 7, 19), D(2004, 7, 25), "mimi-2004"),
        ),
        named_members=("artyom-vylka", "olga-taleeva", "marius-giordano", "magali-fabre"),
        alumni=(),
        newcomers=(
            ("marseille", Role.ARTIST, 3),
            ("marseille", Role.TEACHING_ARTIST, 2),
            ("marseille", Role.TECHNICIAN, 1),
            ("narian-mar", Role.ARTIST, 5),
            ("narian-mar", Role.TRAINEE, 5),
            ("narian-mar", Role.TECHNICIAN, 1),
            ("narian-mar", Role.ADMINISTRATOR, 1),
        ),
        staff=("nathalie-roux", "anahid-manoukian", "ksenia-orlova"),
    ),
    ProgrammeSpec(
        slug="marseille-damascus-beirut-amman",
        name={
            "fr": "Marseille – Damas – Beyrouth – Amman",
            "en": "Marseille – Damascus – Beirut – Amman",
            "ru": "Марсель – Дамаск – Бейрут – Амман",
        },
        description={
            "fr": "Un programme à quatre villes : musiciens de Marseille, de Damas, de Beyrouth et d'Amman, "
            "une session dans chaque ville partenaire et chaque été à Mimi.",
            "en": "A four-city programme: musicians from Marseille, Damascus, Beirut and Amman, one session "
            "in each partner city and every summer at Mimi.",
            "ru": "Программа четырёх городов: музыканты Марселя, Дамаска, Бейрута и Аммана, по сессии в "
            "каждом городе-партнёре и каждое лето на Мими.",
        },
        home_hub="marseille",
        partner_hubs=("damascus", "beirut", "amman"),
        start_year=2003,
        years=3,
        status=ProgrammeStatus.COMPLETED,
        funders=("fonds-mediterranee", "region-rivages", "fondation-vents-croises"),
        sessions=(
            SessionSpec("damascus", D(2003, 4, 5), D(2003, 4, 13)),
            SessionSpec("marseille", D(2003, 7, 21), D(2003, 7, 27), "mimi-2003"),
            SessionSpec("beirut", D(2004, 4, 3), D(2004, 4, 11)),
            SessionSpec("marseille", D(2004, 7, 19), D(2004, 7, 25), "mimi-2004"),
            SessionSpec("marseille", D(2005, 7, 25), D(2005, 7, 31), "mimi-2005"),
            SessionSpec("amman", D(2005, 10, 15), D(2005, 10, 23)),
        ),
        named_members=("kinan-jabri",),
        alumni=(("marseille", 2),),
        newcomers=(
            ("marseille", Role.TEACHING_ARTIST, 1),
            ("marseille", Role.ARTIST, 2),
            ("damascus", Role.ARTIST, 3),
            ("damascus", Role.TRAINEE, 1),
            ("beirut", Role.ARTIST, 3),
            ("beirut", Role.TECHNICIAN, 1),
            ("beirut", Role.TRAINEE, 1),
            ("amman", Role.ARTIST, 3),
            ("amman", Role.ADMINISTRATOR, 1),
            ("amman", Role.TRAINEE, 1),
        ),
        staff=("nathalie-roux", "souad-amrani", "rami-sabbagh", "nayla-khoury", "haya-nsour"),
    ),
    ProgrammeSpec(
        slug="marseille-kinshasa",
        name={"fr": "Marseille – Kinshasa", "en": "Marseille – Kinshasa", "ru": "Марсель – Киншаса"},
        description={
            "fr": "Trois ans entre Marseille et Kinshasa : guitaristes, percussionnistes et chanteurs, "
            "techniciens et administrateurs en formation ; naissance de Mimi-Sud en novembre 2004.",
            "en": "Three years between Marseille and Kinshasa: guitarists, percussionists and singers, "
            "technicians and administrators in training; Mimi-Sud was born in November 2004.",
            "ru": "Три года между Марселем и Киншасой: гитаристы, перкуссионисты и певцы, техники и "
            "администраторы на обучении; в ноябре 2004 года родился Мими-Сюд.",
        },
        home_hub="marseille",
        partner_hubs=("kinshasa",),
        start_year=2004,
        years=3,
        status=ProgrammeStatus.COMPLETED,
        funders=("region-rivages", "fondation-nkembo", "centre-franco-congolais"),
        sessions=(
            SessionSpec("marseille", D(2004, 7, 19), D(2004, 7, 25), "mimi-2004"),
            SessionSpec("kinshasa", D(2004, 11, 13), D(2004, 11, 21), "mimi-sud-2004"),
            SessionSpec("marseille", D(2005, 7, 25), D(2005, 7, 31), "mimi-2005"),
            SessionSpec("kinshasa", D(2005, 11, 12), D(2005, 11, 20), "mimi-sud-2005"),
            SessionSpec("marseille", D(2006, 7, 27), D(2006, 7, 30), "mimi-2006"),
            SessionSpec("kinshasa", D(2006, 11, 11), D(2006, 11, 19), "mimi-sud-2006"),
        ),
        named_members=("dieumerci-lukusa", "grace-nsimba", "faiza-msaidie"),
        alumni=(("marseille", 2),),
        newcomers=(
            ("marseille", Role.TEACHING_ARTIST, 1),
            ("marseille", Role.ARTIST, 2),
            ("marseille", Role.TECHNICIAN, 1),
            ("marseille", Role.TRAINEE, 1),
            ("kinshasa", Role.ARTIST, 6),
            ("kinshasa", Role.TRAINEE, 5),
            ("kinshasa", Role.TECHNICIAN, 1),
            ("kinshasa", Role.ADMINISTRATOR, 1),
        ),
        staff=("nathalie-roux", "yasmina-bensaid", "patience-mbala"),
    ),
    ProgrammeSpec(
        slug="tissage-2026-2028",
        name={"fr": "Tissage 2026–2028", "en": "Tissage 2026–2028", "ru": "Тиссаж 2026–2028"},
        description={
            "fr": "Le nouveau cycle des trois Mimis : Marseille, Narian-Mar et Kinshasa ensemble, avec des "
            "anciens des premiers programmes devenus formateurs et entrepreneurs.",
            "en": "The new cycle of the three Mimis: Marseille, Narian-Mar and Kinshasa together, with "
            "alumni of the first programmes who have become trainers and entrepreneurs.",
            "ru": "Новый цикл трёх фестивалей Мими: Марсель, Нарьян-Мар и Киншаса вместе, с выпускниками "
            "первых программ, ставшими преподавателями и предпринимателями.",
        },
        home_hub="marseille",
        partner_hubs=("kinshasa", "narian-mar"),
        start_year=2026,
        years=3,
        status=ProgrammeStatus.ACTIVE,
        funders=("region-rivages", "fondation-vents-croises", "fondation-nkembo"),
        sessions=(
            SessionSpec(
                "marseille",
                D(2026, 10, 5),
                D(2026, 10, 9),
                description={
                    "fr": "Séminaire de lancement à la Maison des musiques de la Joliette.",
                    "en": "Kick-off seminar at the Joliette Music House.",
                    "ru": "Стартовый семинар в Доме музыки Жолиет.",
                },
                venues=("maison-joliette",),
            ),
            SessionSpec("kinshasa", D(2026, 12, 5), D(2026, 12, 13), "mimi-sud-2026"),
            SessionSpec("narian-mar", D(2027, 5, 15), D(2027, 5, 23), "mimi-nor-2027"),
            SessionSpec("marseille", D(2027, 7, 19), D(2027, 7, 25), "mimi-2027"),
            SessionSpec("kinshasa", D(2027, 12, 4), D(2027, 12, 12)),
            SessionSpec("narian-mar", D(2028, 5, 13), D(2028, 5, 21)),
            SessionSpec("marseille", D(2028, 7, 17), D(2028, 7, 23)),
        ),
        named_members=(
            "artyom-vylka",
            "dieumerci-lukusa",
            "marius-giordano",
            "faiza-msaidie",
            "grace-nsimba",
        ),
        alumni=(("marseille", 1), ("narian-mar", 2), ("kinshasa", 1)),
        newcomers=(
            ("marseille", Role.ARTIST, 3),
            ("marseille", Role.TRAINEE, 2),
            ("narian-mar", Role.ARTIST, 3),
            ("narian-mar", Role.TRAINEE, 2),
            ("kinshasa", Role.ARTIST, 3),
            ("kinshasa", Role.TRAINEE, 2),
        ),
        staff=("yasmina-bensaid", "anahid-manoukian"),
    ),
)

# Named people who take part in every session held at their own hub, as its coordinators
# (from the date their role allows it).
HUB_STAFF = ("olga-taleeva", "patience-mbala", "ksenia-orlova")

# Newcomers outside any cohort, by hub: the local scene that plays at the festivals.
LOCAL_SCENE = (
    ("marseille", Role.ARTIST, 16),
    ("marseille", Role.TECHNICIAN, 5),
    ("marseille", Role.ADMINISTRATOR, 3),
    ("narian-mar", Role.ARTIST, 10),
    ("narian-mar", Role.TECHNICIAN, 3),
    ("narian-mar", Role.ADMINISTRATOR, 1),
    ("kinshasa", Role.ARTIST, 11),
    ("kinshasa", Role.TECHNICIAN, 2),
    ("kinshasa", Role.ADMINISTRATOR, 1),
    ("damascus", Role.ARTIST, 2),
    ("damascus", Role.TECHNICIAN, 1),
    ("beirut", Role.ARTIST, 2),
    ("beirut", Role.TECHNICIAN, 1),
    ("amman", Role.ARTIST, 2),
    ("amman", Role.TECHNICIAN, 1),
)
