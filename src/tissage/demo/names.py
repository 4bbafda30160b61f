"""Plausible given and family names for the demo's people, by hub and heritage.

A name is written ``"Latin"`` or ``"Latin|native script"``. A family name that changes with
gender is ``"Latin|native|Latin feminine|native feminine"`` (Russian -ov / -ova …).

Languages a heritage adds to the hub's own are written ``(code, "level level … -")``: a level is
drawn at random from the list, ``-`` meaning the person does not speak it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    key: str
    weight: int
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    languages: tuple[tuple[str, str], ...] = ()
    nationalities: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()


RUSSIAN_MALE = (
    "Ivan|Иван",
    "Aleksei|Алексей",
    "Sergei|Сергей",
    "Dmitri|Дмитрий",
    "Andrei|Андрей",
    "Nikolai|Николай",
    "Pavel|Павел",
    "Mikhail|Михаил",
    "Yuri|Юрий",
    "Viktor|Виктор",
    "Oleg|Олег",
    "Konstantin|Константин",
    "Roman|Роман",
    "Denis|Денис",
    "Egor|Егор",
)
RUSSIAN_FEMALE = (
    "Anna|Анна",
    "Olga|Ольга",
    "Yelena|Елена",
    "Tatiana|Татьяна",
    "Natalia|Наталья",
    "Irina|Ирина",
    "Svetlana|Светлана",
    "Maria|Мария",
    "Galina|Галина",
    "Lyudmila|Людмила",
    "Ksenia|Ксения",
    "Darya|Дарья",
    "Valentina|Валентина",
    "Polina|Полина",
)

MARSEILLE = (
    NamePool(
        key="provencal",
        weight=30,
        male=(
            "Marius",
            "Frédéric",
            "Baptistin",
            "Mathieu",
            "Julien",
            "Olivier",
            "Rémi",
            "Thierry",
            "Fabien",
            "Laurent",
            "Sylvain",
            "Benoît",
        ),
        female=(
            "Mireille",
            "Magali",
            "Estelle",
            "Fanny",
            "Nathalie",
            "Sandrine",
            "Céline",
            "Delphine",
            "Laure",
            "Camille",
            "Élodie",
            "Marion",
        ),
        family=(
            "Roux",
            "Blanc",
            "Giraud",
            "Fabre",
            "Arnaud",
            "Gautier",
            "Reynaud",
            "Audibert",
            "Pellegrin",
            "Barthélemy",
            "Maurel",
            "Bonnefoy",
            "Roumieu",
            "Icard",
            "Chabaud",
        ),
        languages=(("oc", "basic - - - -"), ("es", "basic - - -")),
        cities=("Marseille", "Marseille", "Marseille", "Aubagne", "La Ciotat", "Aix-en-Provence"),
    ),
    NamePool(
        key="italian",
        weight=20,
        male=("Lucien", "Antoine", "Jean-Marc", "Christophe", "Paul", "Dominique", "Vincent", "Sébastien"),
        female=("Angèle", "Lucie", "Carla", "Sophie", "Valérie", "Isabelle", "Chiara", "Laetitia"),
        family=(
            "Giordano",
            "Esposito",
            "Marino",
            "Castelli",
            "Russo",
            "Santoro",
            "Cerutti",
            "Bianchi",
            "Ferraro",
            "Galante",
            "Lombardi",
            "Pastore",
        ),
        languages=(("it", "fluent working basic basic -"),),
        cities=("Marseille", "Marseille", "Marseille", "Martigues"),
    ),
    NamePool(
        key="maghrebi",
        weight=25,
        male=("Karim", "Samir", "Mehdi", "Rachid", "Farid", "Yacine", "Nabil", "Sofiane", "Bilel", "Hakim"),
        female=("Nadia", "Leïla", "Yasmina", "Malika", "Samia", "Inès", "Souad", "Nawel"),
        family=(
            "Benali",
            "Bouzid",
            "Messaoudi",
            "Belkacem",
            "Cherif",
            "Amrani",
            "Zerrouki",
            "Hamidi",
            "Saïdi",
            "Kaci",
            "Benyahia",
            "Bensaïd",
        ),
        languages=(("ar", "native fluent fluent working basic -"),),
        nationalities=("FR", "FR", "FR", "FR", "DZ", "MA", "TN"),
        cities=("Marseille",),
    ),
    NamePool(
        key="armenian",
        weight=12,
        male=("Garo", "Aram", "Ara", "Serge", "Hagop", "Vahé", "Raffi"),
        female=("Anahid", "Nairi", "Sona", "Lucine", "Taline", "Maral"),
        family=(
            "Hagopian",
            "Kalaydjian",
            "Papazian",
            "Tcholakian",
            "Der Sarkissian",
            "Khatchadourian",
            "Berberian",
            "Donabedian",
            "Gazarian",
        ),
        languages=(("hy", "fluent working basic basic -"), ("ru", "basic - - -")),
        cities=("Marseille", "Marseille", "Marseille", "Alfortville"),
    ),
    NamePool(
        key="comorian",
        weight=13,
        male=("Soilihi", "Ahamada", "Anli", "Mmadi", "Nassur", "Djaffar"),
        female=("Faïza", "Zaïnaba", "Mariama", "Hadidja", "Echati", "Nassima"),
        family=("Msaidie", "Mchangama", "Halidi", "Mzé", "Abdou", "Ibouroi", "Bacar", "Youssouf"),
        languages=(("ar", "basic - - -"), ("sw", "basic - -")),
        nationalities=("FR", "FR", "KM"),
        cities=("Marseille",),
    ),
)

NARIAN_MAR = (
    NamePool(
        key="russian",
        weight=45,
        male=RUSSIAN_MALE,
        female=RUSSIAN_FEMALE,
        family=(
            "Ivanov|Иванов|Ivanova|Иванова",
            "Popov|Попов|Popova|Попова",
            "Kuznetsov|Кузнецов|Kuznetsova|Кузнецова",
            "Smirnov|Смирнов|Smirnova|Смирнова",
            "Sokolov|Соколов|Sokolova|Соколова",
            "Lebedev|Лебедев|Lebedeva|Лебедева",
            "Kozlov|Козлов|Kozlova|Козлова",
            "Morozov|Морозов|Morozova|Морозова",
            "Volkov|Волков|Volkova|Волкова",
            "Belov|Белов|Belova|Белова",
            "Orlov|Орлов|Orlova|Орлова",
            "Nikitin|Никитин|Nikitina|Никитина",
            "Zaitsev|Зайцев|Zaitseva|Зайцева",
            "Pavlov|Павлов|Pavlova|Павлова",
        ),
        languages=(("en", "working basic basic - -"), ("fr", "basic - - - - -")),
        cities=("Narian-Mar", "Narian-Mar", "Narian-Mar", "Iskateley"),
    ),
    NamePool(
        key="nenets",
        weight=40,
        male=RUSSIAN_MALE,
        female=RUSSIAN_FEMALE,
        family=(
            "Vylka|Вылка",
            "Ledkov|Ледков|Ledkova|Ледкова",
            "Khatanzeysky|Хатанзейский|Khatanzeyskaya|Хатанзейская",
            "Taleev|Талеев|Taleeva|Талеева",
            "Ardeev|Ардеев|Ardeeva|Ардеева",
            "Valey|Валей",
            "Laptander|Лаптандер",
            "Yaptik|Яптик",
            "Pyrerka|Пырерка",
            "Hudi|Худи",
            "Tayborey|Тайбарей",
            "Kanyukov|Канюков|Kanyukova|Канюкова",
            "Serotetto|Сэротэтто",
            "Yando|Яндо",
        ),
        languages=(("yrk", "native native fluent working basic -"), ("en", "basic - -")),
        cities=("Narian-Mar", "Narian-Mar", "Krasnoe", "Nelmin-Nos", "Amderma"),
    ),
    NamePool(
        key="komi",
        weight=15,
        male=RUSSIAN_MALE,
        female=RUSSIAN_FEMALE,
        family=(
            "Kanev|Канев|Kaneva|Канева",
            "Chuprov|Чупров|Chuprova|Чупрова",
            "Artyeev|Артеев|Artyeeva|Артеева",
            "Rochev|Рочев|Rocheva|Рочева",
            "Istomin|Истомин|Istomina|Истомина",
            "Kozhevin|Кожевин|Kozhevina|Кожевина",
        ),
        languages=(("kv", "fluent working basic - -"), ("en", "basic - -")),
        cities=("Narian-Mar", "Narian-Mar", "Iskateley"),
    ),
)

_CONGOLESE_MALE = (
    "Papy",
    "Dieumerci",
    "Bienvenu",
    "Héritier",
    "Trésor",
    "Jean-Pierre",
    "Fiston",
    "Christian",
    "Junior",
    "Glody",
    "Blaise",
    "Nkembo",
    "Jonathan",
    "Serge",
)
_CONGOLESE_FEMALE = (
    "Merveille",
    "Grâce",
    "Patience",
    "Christelle",
    "Nadège",
    "Ruth",
    "Esther",
    "Divine",
    "Gloria",
    "Fortunée",
    "Elikya",
    "Bolingo",
)

KINSHASA = (
    NamePool(
        key="lingala",
        weight=40,
        male=_CONGOLESE_MALE,
        female=_CONGOLESE_FEMALE,
        family=(
            "Bolamba",
            "Ekofo",
            "Mboyo",
            "Bosenge",
            "Lokwa",
            "Mpia",
            "Ikolo",
            "Botende",
            "Likofo",
            "Bokele",
        ),
        languages=(("ln", "native"), ("sw", "basic - - -")),
        cities=("Kinshasa",),
    ),
    NamePool(
        key="kikongo",
        weight=30,
        male=_CONGOLESE_MALE,
        female=_CONGOLESE_FEMALE,
        family=(
            "Nsimba",
            "Nzuzi",
            "Mavungu",
            "Matondo",
            "Makiese",
            "Lutete",
            "Kiese",
            "Ndombasi",
            "Mbemba",
            "Diasonama",
        ),
        languages=(("kg", "native native fluent"), ("ln", "fluent native")),
        cities=("Kinshasa", "Kinshasa", "Kinshasa", "Matadi"),
    ),
    NamePool(
        key="luba",
        weight=30,
        male=_CONGOLESE_MALE,
        female=(*_CONGOLESE_FEMALE, "Ngalula", "Mujinga", "Kapinga", "Tshibola"),
        family=(
            "Mbuyi",
            "Kalala",
            "Tshimanga",
            "Kabongo",
            "Ilunga",
            "Mukendi",
            "Kalonji",
            "Tshibangu",
            "Ngoy",
            "Kasongo",
            "Mwamba",
            "Ntumba",
            "Lukusa",
            "Mulumba",
        ),
        languages=(
            ("lu", "native native fluent"),
            ("ln", "fluent native working"),
            ("sw", "working basic -"),
        ),
        cities=("Kinshasa", "Kinshasa", "Kinshasa", "Mbuji-Mayi"),
    ),
)

DAMASCUS = (
    NamePool(
        key="syrian",
        weight=1,
        male=(
            "Rami|رامي",
            "Bassel|باسل",
            "Kinan|كنان",
            "Tarek|طارق",
            "Fadi|فادي",
            "Wassim|وسيم",
            "Samer|سامر",
            "Maher|ماهر",
            "Ghaith|غيث",
        ),
        female=("Rasha|رشا", "Lina|لينا", "Dima|ديما", "Hiba|هبة", "Rana|رنا", "Reem|ريم", "Lama|لمى"),
        family=(
            "Sabbagh|صباغ",
            "Kayali|كيالي",
            "Jabri|جابري",
            "Mardini|مارديني",
            "Shami|شامي",
            "Hallak|حلاق",
            "Dabbagh|دباغ",
            "Kabbani|قباني",
            "Hakim|حكيم",
        ),
        cities=("Damascus", "Damascus", "Damascus", "Aleppo", "Homs"),
    ),
)

BEIRUT = (
    NamePool(
        key="lebanese",
        weight=1,
        male=(
            "Ziad|زياد",
            "Nadim|نديم",
            "Karim|كريم",
            "Elie|إيلي",
            "Georges|جورج",
            "Walid|وليد",
            "Marwan|مروان",
            "Charbel|شربل",
        ),
        female=("Maya|مايا", "Nour|نور", "Yara|يارا", "Zeina|زينة", "Layal|ليال", "Rita|ريتا", "Nayla|نايلة"),
        family=(
            "Khoury|خوري",
            "Saliba|صليبا",
            "Nassar|نصار",
            "Karam|كرم",
            "Haddad|حداد",
            "Harb|حرب",
            "Sfeir|صفير",
            "Chidiac|شدياق",
            "Moussa|موسى",
            "Abi Nader|أبي نادر",
        ),
        cities=("Beirut", "Beirut", "Beirut", "Jounieh", "Tripoli"),
    ),
)

AMMAN = (
    NamePool(
        key="jordanian",
        weight=1,
        male=(
            "Omar|عمر",
            "Khaled|خالد",
            "Ayman|أيمن",
            "Issam|عصام",
            "Hani|هاني",
            "Nabil|نبيل",
            "Yazan|يزن",
            "Laith|ليث",
        ),
        female=("Dana|دانة", "Farah|فرح", "Ruba|ربى", "Aseel|أسيل", "Tala|تالا", "Haya|هيا"),
        family=(
            "Majali|مجالي",
            "Tarawneh|طراونة",
            "Khasawneh|خصاونة",
            "Haddadin|حدادين",
            "Nsour|نسور",
            "Zoubi|زعبي",
            "Obeidat|عبيدات",
            "Qudah|قضاة",
            "Batayneh|بطاينة",
        ),
        cities=("Amman", "Amman", "Amman", "Zarqa", "Irbid"),
    ),
)

POOLS_BY_HUB = {
    "marseille": MARSEILLE,
    "narian-mar": NARIAN_MAR,
    "kinshasa": KINSHASA,
    "damascus": DAMASCUS,
    "beirut": BEIRUT,
    "amman": AMMAN,
}


def split_name(written: str, *, female: bool = False) -> tuple[str, str]:
    """``(latin, native)`` from a written name, in its feminine form when it has one."""
    parts = written.split("|")
    if female and len(parts) == 4:
        parts = parts[2:]
    latin = parts[0]
    native = parts[1] if len(parts) > 1 else ""
    return latin, native
