"""The demo's people: the skill vocabulary, the named people whose paths tell the network's
story, and the generator of everyone else (plausible names for their hub, languages, skills, and
roles that change over the years).
"""

import datetime
import random
from dataclasses import dataclass, field, replace

from django.utils.text import slugify

from tissage.people.enums import LanguageLevel, Role, SkillCategory

from .names import POOLS_BY_HUB, NamePool, split_name
from .network import HUBS_BY_SLUG, TODAY, Text

D = datetime.date
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class SkillSpec:
    slug: str
    name: Text
    category: str
    # What one calls someone with this skill: French masculine, French feminine, English,
    # Russian masculine, Russian feminine.
    noun: tuple[str, str, str, str, str]


def _skill(slug, fr, en, ru, category, noun) -> SkillSpec:
    return SkillSpec(slug=slug, name={"fr": fr, "en": en, "ru": ru}, category=category, noun=noun)


_I, _V = SkillCategory.INSTRUMENT, SkillCategory.VOICE
SKILLS = (
    _skill(
        "guitar",
        "Guitare",
        "Guitar",
        "Гитара",
        _I,
        ("guitariste", "guitariste", "guitarist", "гитарист", "гитаристка"),
    ),
    _skill(
        "bass",
        "Basse",
        "Bass",
        "Бас-гитара",
        _I,
        ("bassiste", "bassiste", "bass player", "бас-гитарист", "бас-гитаристка"),
    ),
    _skill(
        "drums",
        "Batterie",
        "Drums",
        "Ударные",
        _I,
        ("batteur", "batteuse", "drummer", "барабанщик", "барабанщица"),
    ),
    _skill(
        "keyboards",
        "Claviers",
        "Keyboards",
        "Клавишные",
        _I,
        ("claviériste", "claviériste", "keyboard player", "клавишник", "клавишница"),
    ),
    _skill(
        "percussion",
        "Percussions",
        "Percussion",
        "Перкуссия",
        _I,
        ("percussionniste", "percussionniste", "percussionist", "перкуссионист", "перкуссионистка"),
    ),
    _skill(
        "balafon",
        "Balafon",
        "Balafon",
        "Балафон",
        _I,
        ("joueur de balafon", "joueuse de balafon", "balafon player", "балафонист", "балафонистка"),
    ),
    _skill(
        "likembe",
        "Likembé",
        "Likembe",
        "Ликембе",
        _I,
        (
            "joueur de likembé",
            "joueuse de likembé",
            "likembe player",
            "исполнитель на ликембе",
            "исполнительница на ликембе",
        ),
    ),
    _skill(
        "ngoma",
        "Ngoma",
        "Ngoma drum",
        "Барабан нгома",
        _I,
        (
            "joueur de ngoma",
            "joueuse de ngoma",
            "ngoma drummer",
            "исполнитель на нгоме",
            "исполнительница на нгоме",
        ),
    ),
    _skill(
        "oud",
        "Oud",
        "Oud",
        "Уд",
        _I,
        ("joueur d'oud", "joueuse d'oud", "oud player", "исполнитель на уде", "исполнительница на уде"),
    ),
    _skill(
        "qanun",
        "Qanoun",
        "Qanun",
        "Канун",
        _I,
        (
            "joueur de qanoun",
            "joueuse de qanoun",
            "qanun player",
            "исполнитель на кануне",
            "исполнительница на кануне",
        ),
    ),
    _skill(
        "buzuq",
        "Bouzouq",
        "Buzuq",
        "Бузук",
        _I,
        (
            "joueur de bouzouq",
            "joueuse de bouzouq",
            "buzuq player",
            "исполнитель на бузуке",
            "исполнительница на бузуке",
        ),
    ),
    _skill(
        "darbuka",
        "Darbouka",
        "Darbuka",
        "Дарбука",
        _I,
        (
            "joueur de darbouka",
            "joueuse de darbouka",
            "darbuka player",
            "исполнитель на дарбуке",
            "исполнительница на дарбуке",
        ),
    ),
    _skill(
        "accordion",
        "Accordéon",
        "Accordion",
        "Аккордеон",
        _I,
        ("accordéoniste", "accordéoniste", "accordionist", "аккордеонист", "аккордеонистка"),
    ),
    _skill(
        "bayan",
        "Bayan",
        "Bayan",
        "Баян",
        _I,
        ("joueur de bayan", "joueuse de bayan", "bayan player", "баянист", "баянистка"),
    ),
    _skill(
        "galoubet-tambourin",
        "Galoubet-tambourin",
        "Galoubet and tambourin",
        "Галубе и тамбурин",
        _I,
        (
            "tambourinaire",
            "tambourinaire",
            "galoubet-tambourin player",
            "исполнитель на галубе",
            "исполнительница на галубе",
        ),
    ),
    _skill(
        "violin",
        "Violon",
        "Violin",
        "Скрипка",
        _I,
        ("violoniste", "violoniste", "violinist", "скрипач", "скрипачка"),
    ),
    _skill(
        "saxophone",
        "Saxophone",
        "Saxophone",
        "Саксофон",
        _I,
        ("saxophoniste", "saxophoniste", "saxophonist", "саксофонист", "саксофонистка"),
    ),
    _skill(
        "trumpet",
        "Trompette",
        "Trumpet",
        "Труба",
        _I,
        ("trompettiste", "trompettiste", "trumpeter", "трубач", "исполнительница на трубе"),
    ),
    _skill(
        "mandolin",
        "Mandoline",
        "Mandolin",
        "Мандолина",
        _I,
        ("mandoliniste", "mandoliniste", "mandolin player", "мандолинист", "мандолинистка"),
    ),
    _skill("voice", "Chant", "Voice", "Вокал", _V, ("chanteur", "chanteuse", "singer", "певец", "певица")),
    _skill(
        "throat-singing",
        "Chant diphonique",
        "Throat singing",
        "Горловое пение",
        _V,
        (
            "chanteur diphonique",
            "chanteuse diphonique",
            "throat singer",
            "исполнитель горлового пения",
            "исполнительница горлового пения",
        ),
    ),
    _skill("rap", "Rap", "Rap", "Рэп", _V, ("rappeur", "rappeuse", "rapper", "рэпер", "рэп-исполнительница")),
    _skill(
        "sound-engineering",
        "Ingénierie du son",
        "Sound engineering",
        "Звукорежиссура",
        SkillCategory.SOUND,
        ("ingénieur du son", "ingénieure du son", "sound engineer", "звукорежиссёр", "звукорежиссёр"),
    ),
    _skill(
        "lighting",
        "Éclairage",
        "Lighting",
        "Свет",
        SkillCategory.LIGHT,
        ("éclairagiste", "éclairagiste", "lighting technician", "художник по свету", "художница по свету"),
    ),
    _skill(
        "stage-management",
        "Régie de scène",
        "Stage management",
        "Управление сценой",
        SkillCategory.STAGE,
        ("régisseur", "régisseuse", "stage manager", "стейдж-менеджер", "стейдж-менеджер"),
    ),
    _skill(
        "administration",
        "Administration",
        "Administration",
        "Администрирование",
        SkillCategory.ADMINISTRATION,
        ("administrateur", "administratrice", "administrator", "администратор", "администратор"),
    ),
    _skill(
        "production",
        "Production",
        "Production",
        "Продюсирование",
        SkillCategory.PRODUCTION,
        ("chargé de production", "chargée de production", "production manager", "продюсер", "продюсер"),
    ),
)
SKILLS_BY_SLUG = {skill.slug: skill for skill in SKILLS}

# What one calls someone in a role, in the same five forms as a skill's noun.
ROLE_NOUNS = {
    Role.ARTIST: ("musicien", "musicienne", "musician", "музыкант", "музыкант"),
    Role.TEACHING_ARTIST: (
        "musicien-intervenant",
        "musicienne-intervenante",
        "teaching artist",
        "музыкант-педагог",
        "музыкант-педагог",
    ),
    Role.TECHNICIAN: ("technicien", "technicienne", "technician", "техник", "техник"),
    Role.ADMINISTRATOR: (
        "administrateur",
        "administratrice",
        "administrator",
        "администратор",
        "администратор",
    ),
    Role.TRAINEE: ("stagiaire", "stagiaire", "trainee", "стажёр", "стажёрка"),
    Role.INTERPRETER: ("interprète", "interprète", "interpreter", "переводчик", "переводчица"),
    Role.COORDINATOR: ("coordinateur", "coordinatrice", "coordinator", "координатор", "координатор"),
    Role.ENTREPRENEUR: (
        "entrepreneur",
        "entrepreneuse",
        "entrepreneur",
        "предприниматель",
        "предпринимательница",
    ),
}

# The instruments played at each hub, with weights; the trades of technicians and the tracks of
# trainees.
INSTRUMENTS = {
    "marseille": (
        ("guitar", 4),
        ("bass", 3),
        ("drums", 3),
        ("keyboards", 2),
        ("accordion", 2),
        ("galoubet-tambourin", 1),
        ("saxophone", 2),
        ("trumpet", 1),
        ("darbuka", 2),
        ("mandolin", 1),
        ("voice", 4),
        ("rap", 2),
        ("violin", 1),
        ("throat-singing", 1),
    ),
    "narian-mar": (
        ("guitar", 4),
        ("bass", 3),
        ("drums", 3),
        ("keyboards", 2),
        ("bayan", 3),
        ("accordion", 1),
        ("voice", 5),
        ("violin", 1),
        ("throat-singing", 1),
    ),
    "kinshasa": (
        ("guitar", 6),
        ("bass", 3),
        ("drums", 3),
        ("likembe", 3),
        ("balafon", 2),
        ("ngoma", 2),
        ("percussion", 3),
        ("voice", 5),
        ("keyboards", 1),
    ),
    "damascus": (("oud", 4), ("qanun", 3), ("buzuq", 2), ("darbuka", 2), ("voice", 3), ("violin", 2)),
    "beirut": (
        ("oud", 2),
        ("bass", 2),
        ("drums", 2),
        ("keyboards", 2),
        ("voice", 3),
        ("guitar", 3),
        ("trumpet", 1),
    ),
    "amman": (("oud", 3), ("darbuka", 2), ("voice", 3), ("guitar", 2), ("qanun", 2), ("keyboards", 1)),
}
TRADES = (("sound-engineering", 50), ("lighting", 25), ("stage-management", 25))
TRAINEE_TRACKS = (
    ("sound-engineering", 40),
    ("lighting", 20),
    ("stage-management", 20),
    ("administration", 20),
)

# Every hub's own languages, as in ``names``: a level drawn from the list, "-" for none.
HUB_LANGUAGES = {
    "marseille": (("fr", "native"), ("en", "working working basic basic basic -")),
    "narian-mar": (("ru", "native"),),
    "kinshasa": (("fr", "native fluent fluent fluent working"), ("en", "working basic basic - -")),
    "damascus": (
        ("ar", "native"),
        ("en", "fluent working working basic basic -"),
        ("fr", "working basic - - -"),
    ),
    "beirut": (
        ("ar", "native"),
        ("fr", "native fluent fluent working"),
        ("en", "fluent working working basic"),
    ),
    "amman": (("ar", "native"), ("en", "native fluent fluent working")),
}

# How a role may lead to another, with the chance it does.
NEXT_ROLES = {
    Role.ARTIST: ((Role.TEACHING_ARTIST, 0.3), (Role.ENTREPRENEUR, 0.05)),
    Role.TECHNICIAN: ((Role.ENTREPRENEUR, 0.2),),
    Role.ADMINISTRATOR: ((Role.COORDINATOR, 0.2), (Role.ENTREPRENEUR, 0.1)),
}


@dataclass(frozen=True)
class RoleSpec:
    role: str
    since: datetime.date
    until: datetime.date | None = None
    note: str = ""

    def held_on(self, day: datetime.date) -> bool:
        return self.since <= day and (self.until is None or self.until >= day)


@dataclass(frozen=True)
class PersonSpec:
    slug: str
    given_name: str
    family_name: str
    native_name: str
    female: bool
    hub: str
    city: str
    nationality: str
    languages: tuple[tuple[str, str], ...]
    skills: tuple[str, ...]
    roles: tuple[RoleSpec, ...]
    bio: Text | None = None
    email: str = ""
    phone: str = ""

    @property
    def is_public(self) -> bool:
        return self.bio is not None

    def role_on(self, day: datetime.date) -> str | None:
        """The role begun last among those held on ``day``."""
        held = [r for r in self.roles if r.held_on(day)]
        return held[-1].role if held else None

    def usable_languages(self) -> frozenset[str]:
        usable = {LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.WORKING}
        return frozenset(code for code, level in self.languages if level in usable)


def _person(slug, given, family, native, female, hub, city, nationality, languages, skills, roles, bio=None):
    return PersonSpec(
        slug=slug,
        given_name=given,
        family_name=family,
        native_name=native,
        female=female,
        hub=hub,
        city=city,
        nationality=nationality,
        languages=tuple(languages),
        skills=tuple(skills),
        roles=tuple(RoleSpec(*role) for role in roles),
        bio=bio,
    )


_N, _F, _W, _B = LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.WORKING, LanguageLevel.BASIC

# The named people: their paths are the network's story (see ``programmes`` for where they go).
STORY_PEOPLE = (
    _person(
        "artyom-vylka",
        "Artyom",
        "Vylka",
        "Артём Вылка",
        False,
        "narian-mar",
        "Narian-Mar",
        "RU",
        (("ru", _N), ("yrk", _F), ("en", _B), ("fr", _B)),
        ("sound-engineering", "bass"),
        (
            (Role.TRAINEE, D(2002, 8, 31), D(2004, 5, 14)),
            (Role.TECHNICIAN, D(2004, 5, 15), D(2006, 3, 31)),
            (Role.ENTREPRENEUR, D(2006, 4, 1), None, "Founder of the sound-hire company Sever-Zvuk"),
        ),
        {
            "fr": "Stagiaire de l'atelier son de la première édition de Mimi-Nor en 2002, Artyom Vylka "
            "devient technicien du son deux ans plus tard, puis fonde en 2006 Sever-Zvouk, une société de "
            "location de son à Narian-Mar.",
            "en": "A trainee in the sound workshop of the first Mimi-Nor in 2002, Artyom Vylka became a "
            "sound technician two years later and in 2006 founded Sever-Zvuk, a sound-hire company in "
            "Narian-Mar.",
            "ru": "Стажёр звуковой мастерской первого Мими-Нор в 2002 году, через два года Артём Вылка стал "
            "звукотехником, а в 2006 году основал в Нарьян-Маре компанию по прокату звука «Север-Звук».",
        },
    ),
    _person(
        "olga-taleeva",
        "Olga",
        "Taleeva",
        "Ольга Талеева",
        True,
        "narian-mar",
        "Narian-Mar",
        "RU",
        (("ru", _N), ("yrk", _W), ("fr", _W), ("en", _B)),
        ("stage-management", "administration"),
        (
            (Role.TRAINEE, D(2002, 8, 31), D(2003, 12, 31)),
            (Role.ADMINISTRATOR, D(2004, 1, 1), D(2011, 12, 31), "Дом культуры «Северное сияние»"),
            (Role.COORDINATOR, D(2012, 1, 1), None, "Coordinator of Mimi-Nor"),
        ),
        {
            "fr": "Formée à la régie et à l'administration lors de Mimi-Nor 2002, Olga Taleeva administre la "
            "maison de la culture de Narian-Mar, puis coordonne Mimi-Nor depuis 2012.",
            "en": "Trained in stage management and administration at Mimi-Nor 2002, Olga Taleeva ran the "
            "Narian-Mar house of culture and has coordinated Mimi-Nor since 2012.",
            "ru": "Прошедшая мастерскую управления сценой и администрирования на Мими-Нор 2002, Ольга "
            "Талеева руководила Домом культуры Нарьян-Мара, а с 2012 года координирует Мими-Нор.",
        },
    ),
    _person(
        "dieumerci-lukusa",
        "Dieumerci",
        "Lukusa",
        "",
        False,
        "kinshasa",
        "Kinshasa",
        "CD",
        (("fr", _F), ("ln", _N), ("lu", _N), ("en", _B)),
        ("guitar", "voice"),
        (
            (Role.ARTIST, D(1996, 3, 1), D(2009, 8, 31)),
            (Role.TEACHING_ARTIST, D(2009, 9, 1), None),
        ),
        {
            "fr": "Guitariste de rumba formé dans les orchestres de Kinshasa, Dieumerci Lukusa rejoint le "
            "programme Marseille–Kinshasa en 2004. Musicien-intervenant depuis 2009, il mène les ateliers "
            "croisés de Tissage 2026–2028.",
            "en": "A rumba guitarist schooled in Kinshasa's bands, Dieumerci Lukusa joined the "
            "Marseille–Kinshasa programme in 2004. A teaching artist since 2009, he leads the crossed "
            "workshops of Tissage 2026–2028.",
            "ru": "Гитарист румбы, прошедший школу оркестров Киншасы, Дьёмерси Лукуса присоединился к "
            "программе Марсель–Киншаса в 2004 году. С 2009 года — музыкант-педагог, ведёт перекрёстные "
            "мастерские программы «Тиссаж 2026–2028».",
        },
    ),
    _person(
        "grace-nsimba",
        "Grâce",
        "Nsimba",
        "",
        True,
        "kinshasa",
        "Kinshasa",
        "CD",
        (("fr", _N), ("ln", _F), ("kg", _N), ("en", _W)),
        ("administration", "production"),
        (
            (Role.TRAINEE, D(2004, 7, 19), D(2005, 12, 31)),
            (Role.ADMINISTRATOR, D(2006, 1, 1), D(2009, 2, 28)),
            (Role.ENTREPRENEUR, D(2009, 3, 1), None, "Founder of Elikya Productions"),
        ),
        {
            "fr": "Stagiaire en administration lors du premier Mimi-Sud, Grâce Nsimba fonde en 2009 Elikya "
            "Productions, label et agence qui fait tourner les artistes du réseau.",
            "en": "An administration trainee at the first Mimi-Sud, Grâce Nsimba founded Elikya Productions "
            "in 2009, a label and agency that tours the network's artists.",
            "ru": "Стажёр-администратор первого Мими-Сюд, Грас Нсимба в 2009 году основала лейбл и агентство "
            "Elikya Productions, которое организует гастроли артистов сети.",
        },
    ),
    _person(
        "nathalie-roux",
        "Nathalie",
        "Roux",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("en", _F), ("ru", _B), ("it", _B)),
        ("production", "administration"),
        ((Role.COORDINATOR, D(1996, 9, 1), D(2016, 6, 30), "International programmes"),),
    ),
    _person(
        "yasmina-bensaid",
        "Yasmina",
        "Bensaïd",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("ar", _F), ("en", _W)),
        ("administration", "production"),
        (
            (Role.ADMINISTRATOR, D(2001, 3, 1), D(2011, 12, 31)),
            (Role.COORDINATOR, D(2012, 1, 1), None, "International programmes"),
        ),
    ),
    _person(
        "marius-giordano",
        "Marius",
        "Giordano",
        "",
        False,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("it", _W), ("en", _W), ("ru", _B)),
        ("sound-engineering",),
        ((Role.TECHNICIAN, D(1989, 1, 1), None),),
        {
            "fr": "Ingénieur du son du festival Mimi depuis la fin des années 1980, Marius Giordano a animé "
            "l'atelier son de la première édition de Mimi-Nor en 2002.",
            "en": "Sound engineer of the Mimi festival since the late 1980s, Marius Giordano led the sound "
            "workshop of the first Mimi-Nor in 2002.",
            "ru": "Звукорежиссёр фестиваля Мими с конца 1980-х, Мариус Джордано вёл звуковую мастерскую "
            "первого Мими-Нор в 2002 году.",
        },
    ),
    _person(
        "magali-fabre",
        "Magali",
        "Fabre",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("en", _W), ("es", _B)),
        ("stage-management", "administration", "lighting"),
        ((Role.TECHNICIAN, D(1994, 5, 1), None),),
    ),
    _person(
        "anahid-manoukian",
        "Anahid",
        "Manoukian",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("hy", _N), ("ru", _F), ("en", _W)),
        (),
        ((Role.INTERPRETER, D(1998, 1, 1), None),),
    ),
    _person(
        "ksenia-orlova",
        "Ksenia",
        "Orlova",
        "Ксения Орлова",
        True,
        "narian-mar",
        "Narian-Mar",
        "RU",
        (("ru", _N), ("fr", _F), ("en", _W)),
        (),
        ((Role.INTERPRETER, D(2000, 9, 1), None),),
    ),
    _person(
        "souad-amrani",
        "Souad",
        "Amrani",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("ar", _N), ("en", _W)),
        (),
        ((Role.INTERPRETER, D(1999, 1, 1), None),),
    ),
    _person(
        "rami-sabbagh",
        "Rami",
        "Sabbagh",
        "رامي صباغ",
        False,
        "damascus",
        "Damascus",
        "SY",
        (("ar", _N), ("en", _W), ("fr", _B)),
        ("production", "administration"),
        ((Role.COORDINATOR, D(2000, 1, 1), None, "Liwan Music Association"),),
    ),
    _person(
        "nayla-khoury",
        "Nayla",
        "Khoury",
        "نايلة خوري",
        True,
        "beirut",
        "Beirut",
        "LB",
        (("ar", _N), ("fr", _F), ("en", _F)),
        ("production",),
        ((Role.COORDINATOR, D(2001, 1, 1), None, "Collectif Bahr"),),
    ),
    _person(
        "haya-nsour",
        "Haya",
        "Nsour",
        "هيا نسور",
        True,
        "amman",
        "Amman",
        "JO",
        (("ar", _N), ("en", _F)),
        ("administration",),
        ((Role.COORDINATOR, D(2002, 6, 1), None, "Weibdeh Arts Foundation"),),
    ),
    _person(
        "patience-mbala",
        "Patience",
        "Mbala",
        "",
        True,
        "kinshasa",
        "Kinshasa",
        "CD",
        (("fr", _N), ("ln", _N), ("kg", _F), ("en", _W)),
        ("administration", "production"),
        (
            (Role.ADMINISTRATOR, D(2000, 1, 1), D(2004, 6, 30), "Centre culturel Mbongi"),
            (Role.COORDINATOR, D(2004, 7, 1), None, "Coordinator of Mimi-Sud"),
        ),
    ),
    _person(
        "viktor-sokolov",
        "Viktor",
        "Sokolov",
        "Виктор Соколов",
        False,
        "narian-mar",
        "Narian-Mar",
        "RU",
        (("ru", _N), ("en", _B)),
        ("administration",),
        ((Role.ADMINISTRATOR, D(1995, 1, 1), D(2012, 12, 31), "Комитет по культуре Ненецкого края"),),
    ),
    _person(
        "lyudmila-ardeeva",
        "Lyudmila",
        "Ardeeva",
        "Людмила Ардеева",
        True,
        "narian-mar",
        "Narian-Mar",
        "RU",
        (("ru", _N), ("yrk", _F)),
        ("administration",),
        ((Role.ADMINISTRATOR, D(1998, 1, 1), None, "Комитет по культуре Ненецкого края"),),
    ),
    _person(
        "kinan-jabri",
        "Kinan",
        "Jabri",
        "كنان جابري",
        False,
        "damascus",
        "Damascus",
        "SY",
        (("ar", _N), ("en", _W), ("fr", _B)),
        ("oud", "voice"),
        (
            (Role.ARTIST, D(1995, 1, 1), D(2011, 12, 31)),
            (Role.TEACHING_ARTIST, D(2012, 1, 1), None),
        ),
        {
            "fr": "Joueur d'oud damascène, Kinan Jabri participe au programme Marseille–Damas–Beyrouth–Amman "
            "de 2003 à 2005 ; il enseigne depuis 2012.",
            "en": "A Damascene oud player, Kinan Jabri took part in the Marseille–Damascus–Beirut–Amman "
            "programme from 2003 to 2005; he has been teaching since 2012.",
            "ru": "Дамасский исполнитель на уде Кинан Джабри участвовал в программе "
            "Марсель–Дамаск–Бейрут–Амман с 2003 по 2005 год; с 2012 года преподаёт.",
        },
    ),
    _person(
        "faiza-msaidie",
        "Faïza",
        "Msaidie",
        "",
        True,
        "marseille",
        "Marseille",
        "FR",
        (("fr", _N), ("ar", _B), ("en", _W)),
        ("voice", "percussion"),
        (
            (Role.ARTIST, D(1999, 1, 1), D(2007, 12, 31)),
            (Role.TEACHING_ARTIST, D(2008, 1, 1), None),
        ),
        {
            "fr": "Chanteuse marseillaise d'origine comorienne, Faïza Msaidie mêle twarab et chanson ; "
            "musicienne-intervenante depuis 2008, de Marseille à Kinshasa.",
            "en": "A Marseille singer of Comorian descent, Faïza Msaidie blends twarab and song; a teaching "
            "artist since 2008, from Marseille to Kinshasa.",
            "ru": "Марсельская певица коморского происхождения Фаиза Мсаиди соединяет тараб и песню; с 2008 "
            "года — музыкант-педагог, от Марселя до Киншасы.",
        },
    ),
)


def _weighted(rng: random.Random, items):
    values = [value for value, _weight in items]
    weights = [weight for _value, weight in items]
    return rng.choices(values, weights=weights)[0]


def _level(rng: random.Random, choices: str) -> str | None:
    level = rng.choice(choices.split())
    return None if level == "-" else level


def _first_of_month(rng: random.Random, year: int) -> datetime.date:
    return D(year, rng.randint(1, 12), 1)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class PeopleGenerator:
    """Draws newcomers at random, each with a name nobody else in the demo has."""

    rng: random.Random
    people: dict[str, PersonSpec] = field(default_factory=dict)
    _emails: set[str] = field(default_factory=set)

    def __post_init__(self):
        for person in STORY_PEOPLE:
            self._add(person)

    def _add(self, person: PersonSpec) -> PersonSpec:
        hub = HUBS_BY_SLUG[person.hub]
        local = f"{slugify(person.given_name)}.{slugify(person.family_name)}".replace("-", "")
        email, n = f"{local}@{hub.email_domain}", 1
        while email in self._emails:
            n += 1
            email = f"{local}{n}@{hub.email_domain}"
        self._emails.add(email)
        phone = hub.phone_format.format(a=self.rng.randint(0, 99), b=self.rng.randint(0, 99))
        person = replace(person, email=email, phone=phone)
        self.people[person.slug] = person
        return person

    def _name(self, pool: NamePool, female: bool) -> tuple[str, str, str]:
        taken = {(p.given_name, p.family_name) for p in self.people.values()}
        while True:
            given, given_native = split_name(self.rng.choice(pool.female if female else pool.male))
            family, family_native = split_name(self.rng.choice(pool.family), female=female)
            if (given, family) not in taken:
                native = f"{given_native} {family_native}" if given_native and family_native else ""
                return given, family, native

    def _languages(self, hub: str, pool: NamePool) -> tuple[tuple[str, str], ...]:
        languages: dict[str, str] = {}
        for code, choices in (*HUB_LANGUAGES[hub], *pool.languages):
            if code not in languages and (level := _level(self.rng, choices)):
                languages[code] = level
        return tuple(languages.items())

    def _skills(self, hub: str, role: str) -> tuple[str, ...]:
        if role in (Role.ARTIST, Role.TEACHING_ARTIST):
            first = _weighted(self.rng, INSTRUMENTS[hub])
            second = _weighted(self.rng, INSTRUMENTS[hub]) if self.rng.random() < 0.35 else first
            return tuple(dict.fromkeys((first, second)))
        if role == Role.TECHNICIAN:
            return (_weighted(self.rng, TRADES),)
        if role == Role.TRAINEE:
            return (_weighted(self.rng, TRAINEE_TRACKS),)
        if role in (Role.ADMINISTRATOR, Role.COORDINATOR):
            return ("administration", "production")
        return ()

    def _career(self, role: str, since: datetime.date, skills: tuple[str, ...], can_end: bool):
        """The roles from ``since`` on: trainees move on after two or three years, others may."""
        roles = []
        current, start = role, since
        while True:
            if current == Role.TRAINEE:
                after = Role.ADMINISTRATOR if "administration" in skills else Role.TECHNICIAN
                options = ((after, 0.75),)
                gap = self.rng.randint(2, 3)
            else:
                options = NEXT_ROLES.get(current, ())
                gap = self.rng.randint(3, 8)
            draw, chosen = self.rng.random(), None
            for option, chance in options:
                if draw < chance:
                    chosen = option
                    break
                draw -= chance
            next_since = _first_of_month(self.rng, start.year + gap)
            if chosen is None or next_since > TODAY:
                break
            roles.append(RoleSpec(current, start, next_since - DAY))
            current, start = chosen, next_since
        until = None
        if current == Role.TRAINEE:
            until = D(start.year + 2, start.month, 1) - DAY
        elif can_end and self.rng.random() < 0.3:
            until = D(self.rng.randint(start.year + 3, start.year + 12), 12, 31)
        roles.append(RoleSpec(current, start, until if until is not None and until < TODAY else None))
        return tuple(roles)

    def _bio(self, person: PersonSpec, joined: datetime.date) -> Text:
        hub = HUBS_BY_SLUG[person.hub]
        skill = SKILLS_BY_SLUG[person.skills[0]].noun if person.skills else ROLE_NOUNS[person.roles[0].role]
        last = person.roles[-1]
        role = ROLE_NOUNS[last.role]
        g = 1 if person.female else 0
        since = joined.year
        bio = {
            "fr": f"{_capitalised(skill[g])} {hub.from_city['fr']}, dans le réseau Mimi depuis {since}.",
            "en": f"{_capitalised(skill[2])} {hub.from_city['en']}, part of the Mimi network since {since}.",
            "ru": f"{_capitalised(skill[3 + g])} {hub.from_city['ru']}, в сети Мими с {since} года.",
        }
        if len(person.roles) > 1:
            bio["fr"] += f" {_capitalised(role[g])} depuis {last.since.year}."
            bio["en"] += f" {_capitalised(role[2])} since {last.since.year}."
            bio["ru"] += f" С {last.since.year} года — {role[3 + g]}."
        return bio

    def newcomer(self, *, hub: str, role: str, joined: datetime.date, local: bool = False) -> PersonSpec:
        """Someone new at ``hub`` who holds ``role`` on ``joined``.

        Cohort members held their role for some years before joining (trainees start then);
        people of the local scene start on ``joined`` itself.
        """
        pools = POOLS_BY_HUB[hub]
        pool = _weighted(self.rng, [(p, p.weight) for p in pools])
        female = self.rng.random() < 0.45
        given, family, native = self._name(pool, female)
        skills = self._skills(hub, role)
        if local or role == Role.TRAINEE:
            since = joined
        else:
            since = _first_of_month(self.rng, joined.year - self.rng.randint(1, 12))
        roles = self._career(role, since, skills, can_end=True)
        base = slug = slugify(f"{given} {family}")
        n = 1
        while slug in self.people:
            n += 1
            slug = f"{base}-{n}"
        person = PersonSpec(
            slug=slug,
            given_name=given,
            family_name=family,
            native_name=native,
            female=female,
            hub=hub,
            city=self.rng.choice(pool.cities),
            nationality=self.rng.choice(pool.nationalities)
            if pool.nationalities
            else HUBS_BY_SLUG[hub].country,
            languages=self._languages(hub, pool),
            skills=skills,
            roles=roles,
        )
        public = role in (Role.ARTIST, Role.TEACHING_ARTIST) and self.rng.random() < 0.45
        if public:
            person = replace(person, bio=self._bio(person, joined))
        return self._add(person)
