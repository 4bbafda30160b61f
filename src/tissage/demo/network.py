"""The demo network's places: hubs, organisations, venues and rooms, festivals and their editions.

Public facts (see the seed text in the project's brief) are kept as they are: Mimi since 1986 on
the Frioul islands (2006: 21st edition, 27–30 July, Hôpital Caroline); Mimi-Nor's first edition
in Narian-Mar from 31 August to 8 September 2002; Mimi-Sud's first edition in Kinshasa in
November 2004. Every organisation, venue (but the Hôpital Caroline) and person is fictional.
"""

import datetime
from dataclasses import dataclass

from tissage.network.enums import RoomKind, Season
from tissage.people.enums import OrganisationKind

# The demo's "today": statuses (done, confirmed, invited …) are set relative to it, so that the
# same database comes out whatever the day it is built.
TODAY = datetime.date(2026, 11, 25)

Text = dict[str, str]


@dataclass(frozen=True)
class HubSpec:
    slug: str
    name: Text
    country: str
    timezone: str
    languages: tuple[str, ...]
    currency: str
    season: str
    description: Text
    from_city: Text
    email_domain: str
    phone_format: str
    is_home: bool = False
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganisationSpec:
    slug: str
    name: str
    kind: str
    hub: str
    city: str
    description: Text


@dataclass(frozen=True)
class RoomSpec:
    name: str
    kind: str
    capacity: int
    equipment: tuple[str, ...] = ()


@dataclass(frozen=True)
class VenueSpec:
    hub: str
    slug: str
    name: Text
    address: str
    owner: str | None
    description: Text
    rooms: tuple[RoomSpec, ...]


@dataclass(frozen=True)
class FestivalSpec:
    slug: str
    name: Text
    hub: str
    season: str
    founded_year: int
    tagline: Text
    description: Text


@dataclass(frozen=True)
class EditionSpec:
    festival: str
    number: int
    start: datetime.date
    end: datetime.date
    venues: tuple[str, ...]
    published: bool = True
    # "full": every activity scheduled; "partial": the first days only; "draft": titles only.
    programming: str = "full"
    concert_evenings: int = 2
    description: Text | None = None
    # Training tracks (keys of ``activities.TRACKS``) when not the usual ones; crossed workshops
    # and residencies, or only training courses.
    tracks: tuple[str, ...] = ()
    crossed_workshops: bool = True

    @property
    def key(self) -> str:
        return f"{self.festival}-{self.start.year}"

    def texts(self) -> Text:
        """The edition's description: its own, or one that says what it holds."""
        if self.description is not None:
            return self.description
        name, year = FESTIVALS_BY_SLUG[self.festival].name, self.start.year
        if self.programming != "full":
            return {
                "fr": f"{name['fr']} {year} : le programme est en préparation.",
                "en": f"{name['en']} {year}: the programme is being prepared.",
                "ru": f"{name['ru']} {year}: программа готовится.",
            }
        n = self.concert_evenings
        return {
            "fr": f"{name['fr']} {year} : ateliers croisés, formations ouvertes aux stagiaires, résidences "
            f"de création et {n} soirées de concert.",
            "en": f"{name['en']} {year}: crossed workshops, training courses open to trainees, creative "
            f"residencies and {n} concert evenings.",
            "ru": f"{name['ru']} {year}: перекрёстные мастерские, курсы для стажёров, творческие резиденции "
            f"и концертные вечера ({n}).",
        }


HUBS = (
    HubSpec(
        slug="marseille",
        name={"fr": "Marseille", "en": "Marseille", "ru": "Марсель"},
        country="FR",
        timezone="Europe/Paris",
        languages=("fr",),
        currency="EUR",
        season=Season.SUMMER,
        is_home=True,
        description={
            "fr": "Le port le plus ancien et le plus mêlé de France, d'où partent tous les programmes et où "
            "ils reviennent chaque été, au festival Mimi sur les îles du Frioul.",
            "en": "France's oldest and most mixed port city: every programme starts here and returns each "
            "summer, to the Mimi festival on the Frioul islands.",
            "ru": "Самый древний и самый многоликий портовый город Франции: отсюда начинается каждая "
            "программа и сюда она возвращается каждое лето, на фестиваль Мими на Фриульских островах.",
        },
        from_city={"fr": "de Marseille", "en": "from Marseille", "ru": "из Марселя"},
        email_domain="example.org",
        phone_format="+33 6 39 98 {a:02d} {b:02d}",
        partners=("ville-culture", "region-rivages", "radio-calanques", "frioul-sono", "maison-joliette"),
    ),
    HubSpec(
        slug="narian-mar",
        name={"fr": "Narian-Mar", "en": "Narian-Mar", "ru": "Нарьян-Мар"},
        country="RU",
        timezone="Europe/Moscow",
        languages=("ru", "yrk"),
        currency="RUB",
        season=Season.SPRING,
        description={
            "fr": "Capitale de la Région autonome des Nénètses, au bord de la Petchora, au-delà du cercle "
            "polaire (environ 35 000 habitants). Le festival-atelier Mimi-Nor y est né en 2002.",
            "en": "Capital of the Nenets Autonomous Region, on the Pechora river beyond the Arctic Circle "
            "(about 35,000 inhabitants). The Mimi-Nor workshop-festival was born here in 2002.",
            "ru": "Столица Ненецкого автономного округа на Печоре, за Полярным кругом (около 35 000 "
            "жителей). Здесь в 2002 году родился фестиваль-мастерская Мими-Нор.",
        },
        from_city={"fr": "de Narian-Mar", "en": "from Narian-Mar", "ru": "из Нарьян-Мара"},
        email_domain="example.ru",
        phone_format="+7 81853 5-{a:02d}-{b:02d}",
        partners=("komitet-kultury", "dk-siyanie", "radio-tundra", "sever-zvuk"),
    ),
    HubSpec(
        slug="kinshasa",
        name={"fr": "Kinshasa", "en": "Kinshasa", "ru": "Киншаса"},
        country="CD",
        timezone="Africa/Kinshasa",
        languages=("fr", "ln", "kg"),
        currency="CDF",
        season=Season.WINTER,
        description={
            "fr": "Le cœur battant de l'Afrique centrale, capitale de la rumba et des guitares. Mimi-Sud "
            "s'y tient chaque année depuis novembre 2004.",
            "en": "The heartbeat of Central Africa, capital of rumba and guitars. Mimi-Sud has been held "
            "here every year since November 2004.",
            "ru": "Бьющееся сердце Центральной Африки, столица румбы и гитар. Мими-Сюд проходит здесь "
            "каждый год с ноября 2004 года.",
        },
        from_city={"fr": "de Kinshasa", "en": "from Kinshasa", "ru": "из Киншасы"},
        email_domain="example.cd",
        phone_format="+243 81 555 {a:02d}{b:02d}",
        partners=("centre-mbongi", "radio-mboka", "fondation-nkembo", "elikya-productions"),
    ),
    HubSpec(
        slug="damascus",
        name={"fr": "Damas", "en": "Damascus", "ru": "Дамаск"},
        country="SY",
        timezone="Asia/Damascus",
        languages=("ar",),
        currency="SYP",
        season=Season.SPRING,
        description={
            "fr": "Partenaire du programme Marseille–Damas–Beyrouth–Amman (2003–2005) : oud, qanoun et "
            "chant savant rencontrent les musiques actuelles.",
            "en": "Partner of the Marseille–Damascus–Beirut–Amman programme (2003–2005): oud, qanun and "
            "art song meet contemporary music.",
            "ru": "Партнёр программы Марсель–Дамаск–Бейрут–Амман (2003–2005): уд, канун и классическое "
            "пение встречаются с современной музыкой.",
        },
        from_city={"fr": "de Damas", "en": "from Damascus", "ru": "из Дамаска"},
        email_domain="example.sy",
        phone_format="+963 11 555 {a:02d}{b:02d}",
        partners=("liwan",),
    ),
    HubSpec(
        slug="beirut",
        name={"fr": "Beyrouth", "en": "Beirut", "ru": "Бейрут"},
        country="LB",
        timezone="Asia/Beirut",
        languages=("ar", "fr"),
        currency="LBP",
        season=Season.SPRING,
        description={
            "fr": "Partenaire du programme Marseille–Damas–Beyrouth–Amman : une scène indépendante "
            "foisonnante, entre jazz, rock et musique arabe.",
            "en": "Partner of the Marseille–Damascus–Beirut–Amman programme: a thriving independent scene "
            "between jazz, rock and Arabic music.",
            "ru": "Партнёр программы Марсель–Дамаск–Бейрут–Амман: бурлящая независимая сцена между "
            "джазом, роком и арабской музыкой.",
        },
        from_city={"fr": "de Beyrouth", "en": "from Beirut", "ru": "из Бейрута"},
        email_domain="example.lb",
        phone_format="+961 1 555 {a:02d}{b:02d}",
        partners=("collectif-bahr",),
    ),
    HubSpec(
        slug="amman",
        name={"fr": "Amman", "en": "Amman", "ru": "Амман"},
        country="JO",
        timezone="Asia/Amman",
        languages=("ar", "en"),
        currency="JOD",
        season=Season.AUTUMN,
        description={
            "fr": "Partenaire du programme Marseille–Damas–Beyrouth–Amman ; la dernière session du "
            "programme s'y est tenue en octobre 2005.",
            "en": "Partner of the Marseille–Damascus–Beirut–Amman programme; its last session was held "
            "here in October 2005.",
            "ru": "Партнёр программы Марсель–Дамаск–Бейрут–Амман; её последняя сессия прошла здесь в "
            "октябре 2005 года.",
        },
        from_city={"fr": "d'Amman", "en": "from Amman", "ru": "из Аммана"},
        email_domain="example.jo",
        phone_format="+962 6 555 {a:02d}{b:02d}",
        partners=("weibdeh-arts",),
    ),
)
HUBS_BY_SLUG = {hub.slug: hub for hub in HUBS}


def _org(slug, name, kind, hub, city, fr, en, ru) -> OrganisationSpec:
    return OrganisationSpec(
        slug=slug, name=name, kind=kind, hub=hub, city=city, description={"fr": fr, "en": en, "ru": ru}
    )


ORGANISATIONS = (
    _org(
        "region-rivages",
        "Conseil régional Rivages-Méditerranée",
        OrganisationKind.PUBLIC_BODY,
        "marseille",
        "Marseille",
        "Collectivité régionale (fictive) qui soutient la coopération culturelle internationale.",
        "A (fictional) regional council supporting international cultural cooperation.",
        "(Вымышленный) региональный совет, поддерживающий международное культурное сотрудничество.",
    ),
    _org(
        "ville-culture",
        "Direction de la culture et des îles",
        OrganisationKind.PUBLIC_BODY,
        "marseille",
        "Marseille",
        "Service culturel municipal ; met l'Hôpital Caroline à disposition du festival Mimi.",
        "The city's culture department; lends the Hôpital Caroline to the Mimi festival.",
        "Городское управление культуры; предоставляет фестивалю Мими Госпиталь Каролины.",
    ),
    _org(
        "fondation-vents-croises",
        "Fondation Vents croisés",
        OrganisationKind.FOUNDATION,
        "marseille",
        "Marseille",
        "Fondation privée pour les échanges entre musiciens des deux rives.",
        "A private foundation for exchanges between musicians of both shores.",
        "Частный фонд обменов между музыкантами разных берегов.",
    ),
    _org(
        "fonds-mediterranee",
        "Fonds Méditerranée-Musiques",
        OrganisationKind.EU_PROGRAMME,
        "marseille",
        "Marseille",
        "Fonds multilatéral pour la coopération musicale autour de la Méditerranée.",
        "A multilateral fund for musical cooperation around the Mediterranean.",
        "Многосторонний фонд музыкального сотрудничества в Средиземноморье.",
    ),
    _org(
        "radio-calanques",
        "Radio Calanques",
        OrganisationKind.MEDIA,
        "marseille",
        "Marseille",
        "Radio associative marseillaise, partenaire média du festival Mimi.",
        "A Marseille community radio, media partner of the Mimi festival.",
        "Марсельское общественное радио, информационный партнёр фестиваля Мими.",
    ),
    _org(
        "frioul-sono",
        "Frioul Sono Location",
        OrganisationKind.COMPANY,
        "marseille",
        "Marseille",
        "Location de sonorisation et d'éclairage pour les scènes du Frioul.",
        "Sound and light hire for the stages of the Frioul.",
        "Прокат звукового и светового оборудования для сцен Фриуля.",
    ),
    _org(
        "maison-joliette",
        "Association Maison des musiques de la Joliette",
        OrganisationKind.VENUE_OPERATOR,
        "marseille",
        "Marseille",
        "Gère un lieu de répétition, de formation et de concert dans le quartier de la Joliette.",
        "Runs a rehearsal, training and concert house in the Joliette district.",
        "Управляет домом репетиций, обучения и концертов в квартале Жолиет.",
    ),
    _org(
        "komitet-kultury",
        "Комитет по культуре Ненецкого края",
        OrganisationKind.PUBLIC_BODY,
        "narian-mar",
        "Narian-Mar",
        "Service culturel (fictif) de l'administration régionale ; cofinance Mimi-Nor.",
        "The regional administration's (fictional) culture department; co-funds Mimi-Nor.",
        "(Вымышленный) отдел культуры окружной администрации; софинансирует Мими-Нор.",
    ),
    _org(
        "dk-siyanie",
        "Дом культуры «Северное сияние»",
        OrganisationKind.VENUE_OPERATOR,
        "narian-mar",
        "Narian-Mar",
        "Maison de la culture de Narian-Mar, hôte de Mimi-Nor.",
        "Narian-Mar's house of culture, host of Mimi-Nor.",
        "Дом культуры Нарьян-Мара, хозяин фестиваля Мими-Нор.",
    ),
    _org(
        "radio-tundra",
        "Радио «Тундра-волна»",
        OrganisationKind.MEDIA,
        "narian-mar",
        "Narian-Mar",
        "Radio locale en russe et en nénètse.",
        "A local radio in Russian and Nenets.",
        "Местное радио на русском и ненецком языках.",
    ),
    _org(
        "sever-zvuk",
        "Север-Звук",
        OrganisationKind.COMPANY,
        "narian-mar",
        "Narian-Mar",
        "Location de son fondée en 2006 par un ancien stagiaire de Mimi-Nor 2002.",
        "A sound-hire company founded in 2006 by a former trainee of Mimi-Nor 2002.",
        "Прокат звука, основанный в 2006 году бывшим стажёром Мими-Нор 2002.",
    ),
    _org(
        "institut-grand-nord",
        "Institut culturel franco-russe du Grand Nord",
        OrganisationKind.EMBASSY,
        "narian-mar",
        "Arkhangelsk",
        "Service culturel (fictif) pour les échanges franco-russes dans le Grand Nord.",
        "A (fictional) cultural service for French–Russian exchanges in the Far North.",
        "(Вымышленная) культурная служба франко-российских обменов на Крайнем Севере.",
    ),
    _org(
        "centre-mbongi",
        "Centre culturel Mbongi",
        OrganisationKind.VENUE_OPERATOR,
        "kinshasa",
        "Kinshasa",
        "Centre culturel de Lingwala, hôte de Mimi-Sud.",
        "A cultural centre in Lingwala, host of Mimi-Sud.",
        "Культурный центр в Лингвале, хозяин фестиваля Мими-Сюд.",
    ),
    _org(
        "radio-mboka",
        "Radio Mboka FM",
        OrganisationKind.MEDIA,
        "kinshasa",
        "Kinshasa",
        "Radio musicale de Kinshasa, en lingala et en français.",
        "A Kinshasa music radio, in Lingala and French.",
        "Музыкальное радио Киншасы на лингала и французском.",
    ),
    _org(
        "fondation-nkembo",
        "Fondation Nkembo pour les arts",
        OrganisationKind.FOUNDATION,
        "kinshasa",
        "Kinshasa",
        "Fondation (fictive) qui soutient la formation des jeunes musiciens congolais.",
        "A (fictional) foundation supporting the training of young Congolese musicians.",
        "(Вымышленный) фонд поддержки обучения молодых конголезских музыкантов.",
    ),
    _org(
        "centre-franco-congolais",
        "Centre culturel franco-congolais du Fleuve",
        OrganisationKind.EMBASSY,
        "kinshasa",
        "Kinshasa",
        "Service culturel (fictif) de coopération entre la France et la RD Congo.",
        "A (fictional) cultural service for cooperation between France and DR Congo.",
        "(Вымышленная) культурная служба сотрудничества Франции и ДР Конго.",
    ),
    _org(
        "elikya-productions",
        "Elikya Productions",
        OrganisationKind.COMPANY,
        "kinshasa",
        "Kinshasa",
        "Label et agence de production fondés en 2009 par une ancienne du programme Marseille–Kinshasa.",
        "A label and production agency founded in 2009 by an alumna of the Marseille–Kinshasa programme.",
        "Лейбл и продюсерское агентство, основанные в 2009 году выпускницей программы Марсель–Киншаса.",
    ),
    _org(
        "liwan",
        "Liwan Music Association",
        OrganisationKind.ASSOCIATION,
        "damascus",
        "Damascus",
        "Association musicale de la vieille ville de Damas.",
        "A music association in the old city of Damascus.",
        "Музыкальная ассоциация в старом городе Дамаска.",
    ),
    _org(
        "collectif-bahr",
        "Collectif Bahr",
        OrganisationKind.ASSOCIATION,
        "beirut",
        "Beirut",
        "Collectif de musiciens indépendants de Mar Mikhaël.",
        "A collective of independent musicians in Mar Mikhael.",
        "Коллектив независимых музыкантов в Мар-Микаэле.",
    ),
    _org(
        "weibdeh-arts",
        "Weibdeh Arts Foundation",
        OrganisationKind.FOUNDATION,
        "amman",
        "Amman",
        "Fondation (fictive) pour les arts vivants à Jabal al-Weibdeh.",
        "A (fictional) foundation for the performing arts in Jabal al-Weibdeh.",
        "(Вымышленный) фонд исполнительских искусств в Джабаль-аль-Вейбде.",
    ),
)

_PA = ("Façade 2 × 6 kW", "Console numérique 32 voies", "Retours 6 circuits")
_REHEARSAL = ("Batterie", "Amplis guitare et basse", "Sonorisation de répétition")
_REHEARSAL_RU = ("Ударная установка", "Гитарные и басовые комбики", "Репетиционный звук")
_STUDIO = ("Console 24 pistes", "Cabine de prise", "Micros de studio")

VENUES = (
    VenueSpec(
        hub="marseille",
        slug="hopital-caroline",
        name={"fr": "Hôpital Caroline", "en": "Hôpital Caroline", "ru": "Госпиталь Каролины"},
        address="Île de Ratonneau, archipel du Frioul, 13007 Marseille",
        owner="ville-culture",
        description={
            "fr": "Ancien lazaret du XIXᵉ siècle sur l'île de Ratonneau, face à la rade : le lieu du "
            "festival Mimi.",
            "en": "A 19th-century quarantine hospital on Ratonneau island, facing the harbour: the home "
            "of the Mimi festival.",
            "ru": "Карантинный госпиталь XIX века на острове Ратонно напротив рейда — дом фестиваля Мими.",
        },
        rooms=(
            RoomSpec(
                "Scène de plein air", RoomKind.STAGE, 800, ("Façade 2 × 12 kW", *_PA[1:], "Pont lumière")
            ),
            RoomSpec("Cour des lazarets", RoomKind.OUTDOOR, 300, ("Sonorisation légère", "Bancs")),
            RoomSpec("Chapelle", RoomKind.REHEARSAL, 120, ("Piano droit", "Sonorisation acoustique")),
            RoomSpec("Studio du Frioul", RoomKind.STUDIO, 10, _STUDIO),
            RoomSpec("Atelier Pomègues", RoomKind.REHEARSAL, 30, _REHEARSAL),
            RoomSpec("Atelier Ratonneau", RoomKind.REHEARSAL, 30, _REHEARSAL),
            RoomSpec("Atelier If", RoomKind.CLASSROOM, 25, ("Vidéoprojecteur", "Tableau blanc")),
            RoomSpec("Bureau de production", RoomKind.OFFICE, 10, ("Téléphone", "Connexion internet")),
        ),
    ),
    VenueSpec(
        hub="marseille",
        slug="maison-joliette",
        name={
            "fr": "Maison des musiques de la Joliette",
            "en": "Joliette Music House",
            "ru": "Дом музыки Жолиет",
        },
        address="Quartier de la Joliette, 13002 Marseille",
        owner="maison-joliette",
        description={
            "fr": "Studios de répétition, salles de formation et une petite salle de concert près du port.",
            "en": "Rehearsal studios, training rooms and a small concert hall near the harbour.",
            "ru": "Репетиционные студии, учебные классы и небольшой концертный зал у порта.",
        },
        rooms=(
            RoomSpec("Salle de concert", RoomKind.STAGE, 250, _PA),
            RoomSpec("Studio A", RoomKind.STUDIO, 8, _STUDIO),
            RoomSpec("Répétition 1", RoomKind.REHEARSAL, 20, _REHEARSAL),
            RoomSpec("Répétition 2", RoomKind.REHEARSAL, 20, _REHEARSAL),
            RoomSpec("Salle de formation", RoomKind.CLASSROOM, 24, ("Vidéoprojecteur", "Ordinateurs")),
            RoomSpec("Bureau", RoomKind.OFFICE, 8, ("Téléphone",)),
        ),
    ),
    VenueSpec(
        hub="narian-mar",
        slug="dk-siyanie",
        name={
            "fr": "Maison de la culture « Aurore boréale »",
            "en": "Northern Lights House of Culture",
            "ru": "Дом культуры «Северное сияние»",
        },
        address="Центр города, Нарьян-Мар, Ненецкий автономный округ",
        owner="dk-siyanie",
        description={
            "fr": "La maison de la culture de Narian-Mar : une grande salle, un studio, des salles de "
            "répétition, et un tchoum dressé dans la cour pendant le festival.",
            "en": "Narian-Mar's house of culture: a main hall, a studio, rehearsal rooms, and a chum "
            "pitched in the courtyard during the festival.",
            "ru": "Дом культуры Нарьян-Мара: большой зал, студия, репетиционные, а во время фестиваля "
            "во дворе ставят чум.",
        },
        rooms=(
            RoomSpec("Большой зал", RoomKind.STAGE, 450, ("Пульт 24 канала", "Портал 2 × 4 кВт", "Свет")),
            RoomSpec("Малый зал", RoomKind.REHEARSAL, 120, ("Пианино", "Акустическая система")),
            RoomSpec("Студия звукозаписи", RoomKind.STUDIO, 8, ("Пульт 16 каналов", "Микрофоны")),
            RoomSpec("Репетиционная 1", RoomKind.REHEARSAL, 25, _REHEARSAL_RU),
            RoomSpec("Репетиционная 2", RoomKind.REHEARSAL, 25, _REHEARSAL_RU),
            RoomSpec("Учебный класс", RoomKind.CLASSROOM, 30, ("Проектор", "Доска")),
            RoomSpec("Кабинет администрации", RoomKind.OFFICE, 10, ("Телефон", "Интернет")),
            RoomSpec("Чум во дворе", RoomKind.OUTDOOR, 40, ("Печка", "Оленьи шкуры")),
        ),
    ),
    VenueSpec(
        hub="narian-mar",
        slug="shkola-iskusstv",
        name={
            "fr": "École des arts de Narian-Mar",
            "en": "Narian-Mar Arts School",
            "ru": "Школа искусств Нарьян-Мара",
        },
        address="Нарьян-Мар, Ненецкий автономный округ",
        owner=None,
        description={
            "fr": "École de musique de la ville ; prête ses classes pendant Mimi-Nor.",
            "en": "The town's music school; lends its classrooms during Mimi-Nor.",
            "ru": "Городская музыкальная школа; предоставляет классы во время Мими-Нор.",
        },
        rooms=(
            RoomSpec("Концертный класс", RoomKind.REHEARSAL, 40, ("Рояль", "Пульт 8 каналов")),
            RoomSpec("Класс теории", RoomKind.CLASSROOM, 20, ("Доска", "Пианино")),
        ),
    ),
    VenueSpec(
        hub="kinshasa",
        slug="centre-mbongi",
        name={
            "fr": "Centre culturel Mbongi",
            "en": "Mbongi Cultural Centre",
            "ru": "Культурный центр «Мбонги»",
        },
        address="Commune de Lingwala, Kinshasa",
        owner="centre-mbongi",
        description={
            "fr": "Un centre culturel avec une grande scène en plein air, le cœur de Mimi-Sud.",
            "en": "A cultural centre with a large open-air stage, the heart of Mimi-Sud.",
            "ru": "Культурный центр с большой открытой сценой — сердце фестиваля Мими-Сюд.",
        },
        rooms=(
            RoomSpec("Grande scène en plein air", RoomKind.STAGE, 1200, ("Façade 2 × 10 kW", *_PA[1:])),
            RoomSpec("Salle polyvalente", RoomKind.STAGE, 300, _PA),
            RoomSpec("Studio", RoomKind.STUDIO, 8, _STUDIO),
            RoomSpec("Salle de répétition A", RoomKind.REHEARSAL, 25, _REHEARSAL),
            RoomSpec("Salle de répétition B", RoomKind.REHEARSAL, 25, _REHEARSAL),
            RoomSpec("Salle de cours", RoomKind.CLASSROOM, 30, ("Tableau", "Groupe électrogène")),
            RoomSpec("Paillote", RoomKind.OUTDOOR, 80, ("Sonorisation légère",)),
            RoomSpec("Bureau", RoomKind.OFFICE, 6, ("Téléphone",)),
        ),
    ),
    VenueSpec(
        hub="kinshasa",
        slug="espace-bandal",
        name={
            "fr": "Espace musical de Bandal",
            "en": "Bandal Music Space",
            "ru": "Музыкальное пространство Бандаль",
        },
        address="Commune de Bandalungwa, Kinshasa",
        owner=None,
        description={
            "fr": "Une parcelle de musiciens, avec une cour et une salle de répétition.",
            "en": "A musicians' compound, with a courtyard and a rehearsal room.",
            "ru": "Двор музыкантов с репетиционной комнатой.",
        },
        rooms=(
            RoomSpec("Cour", RoomKind.OUTDOOR, 200, ("Sonorisation légère",)),
            RoomSpec("Salle de répétition", RoomKind.REHEARSAL, 30, _REHEARSAL),
        ),
    ),
    VenueSpec(
        hub="damascus",
        slug="dar-al-liwan",
        name={"fr": "Maison Al-Liwan", "en": "Dar Al-Liwan", "ru": "Дар аль-Ливан"},
        address="Old City, Damascus",
        owner="liwan",
        description={
            "fr": "Une maison damascène à cour intérieure, transformée en lieu de musique.",
            "en": "A Damascene courtyard house turned into a music venue.",
            "ru": "Дамасский дом с внутренним двором, превращённый в музыкальную площадку.",
        },
        rooms=(
            RoomSpec("Courtyard", RoomKind.OUTDOOR, 200, ("Light PA",)),
            RoomSpec("Qa'a hall", RoomKind.STAGE, 150, ("Mixing desk 16 channels",)),
            RoomSpec("Studio", RoomKind.STUDIO, 6, ("Recorder", "Microphones")),
            RoomSpec("Rehearsal room", RoomKind.REHEARSAL, 20, ("Drum kit",)),
            RoomSpec("Classroom", RoomKind.CLASSROOM, 24, ("Whiteboard",)),
            RoomSpec("Office", RoomKind.OFFICE, 8, ()),
        ),
    ),
    VenueSpec(
        hub="beirut",
        slug="espace-bahr",
        name={"fr": "Espace Bahr", "en": "Bahr Space", "ru": "Пространство «Бахр»"},
        address="Mar Mikhaël, Beyrouth",
        owner="collectif-bahr",
        description={
            "fr": "Un ancien entrepôt du port devenu salle de concert et studio.",
            "en": "A former harbour warehouse turned concert hall and studio.",
            "ru": "Бывший портовый склад, ставший концертным залом и студией.",
        },
        rooms=(
            RoomSpec("Salle de concert", RoomKind.STAGE, 200, _PA),
            RoomSpec("Studio", RoomKind.STUDIO, 6, _STUDIO),
            RoomSpec("Salle de répétition", RoomKind.REHEARSAL, 25, _REHEARSAL),
            RoomSpec("Salle de cours", RoomKind.CLASSROOM, 20, ("Vidéoprojecteur",)),
            RoomSpec("Salle de réunion", RoomKind.OFFICE, 12, ()),
            RoomSpec("Terrasse", RoomKind.OUTDOOR, 80, ()),
        ),
    ),
    VenueSpec(
        hub="amman",
        slug="weibdeh-arts-house",
        name={
            "fr": "Maison des arts de Jabal al-Weibdeh",
            "en": "Jabal Al-Weibdeh Arts House",
            "ru": "Дом искусств Джабаль-аль-Вейбде",
        },
        address="Jabal Al-Weibdeh, Amman",
        owner="weibdeh-arts",
        description={
            "fr": "Une maison d'artistes sur la colline de Weibdeh, avec jardin.",
            "en": "An artists' house on Weibdeh hill, with a garden.",
            "ru": "Дом художников на холме Вейбде, с садом.",
        },
        rooms=(
            RoomSpec("Main hall", RoomKind.STAGE, 180, ("Mixing desk 24 channels", "Lights")),
            RoomSpec("Rehearsal room", RoomKind.REHEARSAL, 25, ("Drum kit", "Amplifiers")),
            RoomSpec("Seminar room", RoomKind.CLASSROOM, 30, ("Projector",)),
            RoomSpec("Studio", RoomKind.STUDIO, 6, ("Recorder", "Microphones")),
            RoomSpec("Office", RoomKind.OFFICE, 8, ()),
            RoomSpec("Garden", RoomKind.OUTDOOR, 120, ("Light PA",)),
        ),
    ),
)

FESTIVALS = (
    FestivalSpec(
        slug="mimi",
        name={"fr": "Mimi", "en": "Mimi", "ru": "Мими"},
        hub="marseille",
        season=Season.SUMMER,
        founded_year=1986,
        tagline={
            "fr": "Musiques du monde et d'aujourd'hui sur les îles du Frioul",
            "en": "Music of the world and of today on the Frioul islands",
            "ru": "Музыка мира и современности на Фриульских островах",
        },
        description={
            "fr": "Le plus ancien des trois Mimis, depuis 1986 : chaque été, l'Hôpital Caroline accueille "
            "concerts, ateliers croisés et formations, et les participants de tous les programmes.",
            "en": "The oldest of the three Mimis, since 1986: every summer the Hôpital Caroline hosts "
            "concerts, crossed workshops and training courses, and the participants of every programme.",
            "ru": "Старейший из трёх фестивалей Мими, с 1986 года: каждое лето Госпиталь Каролины "
            "принимает концерты, перекрёстные мастерские, курсы и участников всех программ.",
        },
    ),
    FestivalSpec(
        slug="mimi-nor",
        name={"fr": "Mimi-Nor", "en": "Mimi-Nor", "ru": "Мими-Нор"},
        hub="narian-mar",
        season=Season.SPRING,
        founded_year=2002,
        tagline={
            "fr": "Le festival-atelier au bord de la Petchora",
            "en": "The workshop-festival on the Pechora",
            "ru": "Фестиваль-мастерская на Печоре",
        },
        description={
            "fr": "Manifestation-sœur de Mimi, créée en 2002 à Narian-Mar, capitale de la Région autonome "
            "des Nénètses : ateliers de son, de régie et d'administration, résidences et concerts.",
            "en": "Mimi's sister event, created in 2002 in Narian-Mar, capital of the Nenets Autonomous "
            "Region: sound, stage-management and administration workshops, residencies and concerts.",
            "ru": "Фестиваль-побратим Мими, созданный в 2002 году в Нарьян-Маре, столице Ненецкого "
            "автономного округа: мастерские звука, сцены и администрирования, резиденции и концерты.",
        },
    ),
    FestivalSpec(
        slug="mimi-sud",
        name={"fr": "Mimi-Sud", "en": "Mimi-Sud", "ru": "Мими-Сюд"},
        hub="kinshasa",
        season=Season.WINTER,
        founded_year=2004,
        tagline={
            "fr": "Le battement de cœur de l'Afrique centrale",
            "en": "The heartbeat of Central Africa",
            "ru": "Сердцебиение Центральной Африки",
        },
        description={
            "fr": "Le troisième Mimi, à Kinshasa depuis novembre 2004 : guitares, likembé, percussions, et "
            "des formations pour les techniciens et les administrateurs de la musique.",
            "en": "The third Mimi, in Kinshasa since November 2004: guitars, likembe, percussion, and "
            "training courses for music technicians and administrators.",
            "ru": "Третий Мими, в Киншасе с ноября 2004 года: гитары, ликембе, ударные и курсы для "
            "музыкальных техников и администраторов.",
        },
    ),
)

_MARSEILLE_VENUES = ("hopital-caroline", "maison-joliette")
_NARIAN_MAR_VENUES = ("dk-siyanie", "shkola-iskusstv")
_KINSHASA_VENUES = ("centre-mbongi", "espace-bandal")
D = datetime.date

# Mimi has run every year since 1986: 2002 is its 17th edition, 2006 its 21st, 2027 its 42nd.
# Mimi-Nor and Mimi-Sud are numbered the same way from their first years.
EDITIONS = (
    EditionSpec("mimi", 17, D(2002, 7, 22), D(2002, 7, 28), _MARSEILLE_VENUES, concert_evenings=3),
    EditionSpec("mimi", 18, D(2003, 7, 21), D(2003, 7, 27), _MARSEILLE_VENUES, concert_evenings=3),
    EditionSpec("mimi", 19, D(2004, 7, 19), D(2004, 7, 25), _MARSEILLE_VENUES, concert_evenings=3),
    EditionSpec("mimi", 20, D(2005, 7, 25), D(2005, 7, 31), _MARSEILLE_VENUES, concert_evenings=3),
    EditionSpec("mimi", 21, D(2006, 7, 27), D(2006, 7, 30), ("hopital-caroline",), concert_evenings=2),
    EditionSpec(
        "mimi",
        42,
        D(2027, 7, 19),
        D(2027, 7, 25),
        _MARSEILLE_VENUES,
        published=False,
        programming="draft",
        concert_evenings=3,
    ),
    EditionSpec(
        "mimi-nor",
        1,
        D(2002, 8, 31),
        D(2002, 9, 8),
        ("dk-siyanie",),
        concert_evenings=1,
        tracks=("sound-workshop", "stage-admin-workshop"),
        crossed_workshops=False,
        description={
            "fr": "La première édition : du 2 au 7 septembre, un atelier son et un atelier régie et "
            "administration, puis une nuit de concert le samedi 7 septembre.",
            "en": "The first edition: from 2 to 7 September a sound workshop and a stage-management and "
            "administration workshop, then one concert night on Saturday 7 September.",
            "ru": "Первый фестиваль: со 2 по 7 сентября — мастерская звука и мастерская управления сценой "
            "и администрирования, затем концертная ночь в субботу 7 сентября.",
        },
    ),
    EditionSpec("mimi-nor", 2, D(2003, 5, 17), D(2003, 5, 25), _NARIAN_MAR_VENUES),
    EditionSpec("mimi-nor", 3, D(2004, 5, 15), D(2004, 5, 23), _NARIAN_MAR_VENUES),
    EditionSpec("mimi-nor", 4, D(2005, 5, 14), D(2005, 5, 22), _NARIAN_MAR_VENUES),
    EditionSpec(
        "mimi-nor",
        26,
        D(2027, 5, 15),
        D(2027, 5, 23),
        _NARIAN_MAR_VENUES,
        published=False,
        programming="partial",
    ),
    EditionSpec("mimi-sud", 1, D(2004, 11, 13), D(2004, 11, 21), _KINSHASA_VENUES),
    EditionSpec("mimi-sud", 2, D(2005, 11, 12), D(2005, 11, 20), _KINSHASA_VENUES),
    EditionSpec("mimi-sud", 3, D(2006, 11, 11), D(2006, 11, 19), _KINSHASA_VENUES),
    EditionSpec("mimi-sud", 23, D(2026, 12, 5), D(2026, 12, 13), _KINSHASA_VENUES),
)
FESTIVALS_BY_SLUG = {festival.slug: festival for festival in FESTIVALS}

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
}
