"""The demo's travel, visas, beds and money, written after the network (a separate step of the build).

Reference data first: visa rules between the three hubs' countries, dated exchange rates, each hub's
invitation letters, places to stay and per diem rates. Then, for the Tissage 2026–2028 sessions up
to next summer and for its kick-off (already over on the demo's "today"), everyone who travels gets
journeys, a visa case when their nationality needs one, a bed and a per diem, as far along as the
date allows — and the next session (Kinshasa, December 2026) keeps a few gaps for its "ready to
travel?" board to show: a visa late, a visa case never opened, a missing return journey, nights
without a bed, a per diem not set — and its rooming a bed held a night too long. Last, the
programme budgets, in several currencies.

Visa rules and exchange rates are reference data, not the network's: a wiped network keeps them,
and a rebuild reuses them. Nothing here changes a participation (the network step's digest holds).
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Participation
from tissage.logistics.domain.accommodation import bedroom_create, nights_needed, place_create, stay_create
from tissage.logistics.domain.money import (
    budget_create,
    budget_line_create,
    fee_create,
    per_diem_proposal,
    per_diem_rate_create,
    per_diem_set,
)
from tissage.logistics.domain.rates import exchange_rate_create
from tissage.logistics.domain.travel import travel_leg_create
from tissage.logistics.domain.visas import (
    letter_template_create,
    visa_case_decide,
    visa_case_open,
    visa_case_record_step,
    visa_rule_create,
)
from tissage.logistics.enums import VisaOutcome, VisaStep
from tissage.logistics.models import Bed, ExchangeRate, VisaRule
from tissage.network.models import Hub, Programme
from tissage.people.enums import Role
from tissage.people.models import Organisation

from .network import TODAY

D = datetime.date
DAY = datetime.timedelta(days=1)
UTC = datetime.UTC
TISSAGE = "tissage-2026-2028"
# The sessions of the Tissage cycle given logistics: the kick-off (over), then the next three.
SESSIONS = (1, 2, 3, 4)
NEXT_SESSION = 2


@dataclass(frozen=True)
class RuleSpec:
    nationality: str
    destination: str
    lead: int
    steps: tuple[int, int, int, int]
    language: str
    notes: str


VISA_RULES = (
    RuleSpec(
        "CD", "FR", 90, (80, 65, 50, 15), "fr", "Schengen visa: apply at the French embassy in Kinshasa."
    ),
    RuleSpec("RU", "FR", 75, (70, 55, 40, 10), "fr", "Schengen visa through the visa centre in Moscow."),
    RuleSpec("FR", "RU", 60, (55, 45, 30, 10), "ru", "Russian consulate in Marseille; a cultural visa."),
    RuleSpec("FR", "CD", 45, (40, 30, 20, 7), "fr", "Embassy of the DR Congo in Paris; yellow fever card."),
    RuleSpec("CD", "RU", 90, (80, 65, 45, 15), "ru", "Russian embassy in Kinshasa; slow in December."),
    RuleSpec("RU", "CD", 60, (55, 45, 30, 10), "fr", "Embassy of the DR Congo in Moscow."),
)

# (base, quote, day, rate): what a euro, a dollar bought.
EXCHANGE_RATES = (
    ("EUR", "RUB", D(2004, 1, 1), "35.90"),
    ("EUR", "USD", D(2004, 1, 1), "1.2630"),
    ("USD", "CDF", D(2004, 1, 1), "385"),
    ("EUR", "RUB", D(2006, 1, 1), "33.92"),
    ("EUR", "USD", D(2006, 1, 1), "1.1797"),
    ("USD", "CDF", D(2006, 1, 1), "431"),
    ("EUR", "RUB", D(2026, 1, 1), "92.40"),
    ("EUR", "USD", D(2026, 1, 1), "1.0810"),
    ("USD", "CDF", D(2026, 1, 1), "2840"),
    ("EUR", "RUB", D(2026, 10, 1), "94.75"),
    ("EUR", "USD", D(2026, 10, 1), "1.0735"),
    ("USD", "CDF", D(2026, 10, 1), "2865"),
)

LETTERS = {
    ("marseille", "fr"): {
        "letterhead": "Tissage — Maison des musiques de la Joliette\n"
        "12 quai de la Joliette\n13002 Marseille, France",
        "place": "Marseille",
        "subject": "Lettre d'invitation — demande de visa",
        "body": "Madame, Monsieur,\n\n"
        "Le réseau Tissage invite $name, de nationalité $nationality, passeport n° $passport, à "
        "participer en qualité de $role à la session « $session » à $city ($country), du $arrival au "
        "$departure.\n\n"
        "Le réseau prend en charge le voyage, l'hébergement et les frais de séjour de $name.\n\n"
        "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        "signatory": "Yasmina Bensaïd",
        "signatory_title": "Coordinatrice du programme Tissage 2026–2028",
    },
    ("marseille", "ru"): {
        "letterhead": "Тиссаж — Дом музыки Жолиет\nнаб. Жолиет, 12\n13002 Марсель, Франция",
        "place": "Марсель",
        "subject": "Приглашение — оформление визы",
        "body": "Уважаемые дамы и господа!\n\n"
        "Сеть «Тиссаж» приглашает $name (гражданство: $nationality, паспорт № $passport) принять "
        "участие в сессии «$session» в городе $city ($country) с $arrival по $departure включительно.\n\n"
        "Сеть оплачивает проезд, проживание и суточные.\n\n"
        "С уважением,",
        "signatory": "Ясмина Бенсаид",
        "signatory_title": "Координатор программы «Тиссаж 2026–2028»",
    },
    ("narian-mar", "ru"): {
        "letterhead": "ДК «Сияние»\nул. Смидовича, 20\n166000 Нарьян-Мар, Россия",
        "place": "Нарьян-Мар",
        "subject": "Приглашение",
        "body": "Уважаемые дамы и господа!\n\n"
        "Дом культуры «Сияние» приглашает $name, гражданство: $nationality, паспорт № $passport, "
        "на фестиваль и мастерские «$session» в Нарьян-Маре с $arrival по $departure включительно.\n\n"
        "Принимающая сторона обеспечивает проживание и питание.\n\n"
        "С уважением,",
        "signatory": "Ольга Талеева",
        "signatory_title": "Директор фестиваля Мими-Нор",
    },
    ("kinshasa", "fr"): {
        "letterhead": "Centre culturel Mbongi\nAvenue de la Justice 45, Gombe\nKinshasa, RD Congo",
        "place": "Kinshasa",
        "subject": "Lettre d'invitation",
        "body": "Madame, Monsieur,\n\n"
        "Le Centre culturel Mbongi invite $name, de nationalité $nationality, passeport n° $passport, "
        "au festival Mimi-Sud et à la session « $session » à Kinshasa, du $arrival au $departure.\n\n"
        "Nous assurons son accueil, son hébergement et ses frais de séjour.\n\n"
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        "signatory": "Patience Mbala",
        "signatory_title": "Coordinatrice de Mimi-Sud",
    },
}

# (hub, name, kind, address, price per bed and night, currency, bedrooms × beds)
PLACES = (
    (
        "marseille",
        "Résidence des artistes du Frioul",
        "residence",
        "Île Ratonneau, Frioul",
        "38",
        "EUR",
        8,
        2,
    ),
    ("marseille", "Hôtel de la Joliette", "hotel", "8 rue de Forbin, Marseille", "72", "EUR", 6, 1),
    ("narian-mar", "Гостиница «Печора»", "hotel", "ул. Ленина, 23, Нарьян-Мар", "3900", "RUB", 10, 2),
    (
        "kinshasa",
        "Maison d'hôtes de la Gombe",
        "guesthouse",
        "Avenue Colonel Ebeya, Gombe",
        "45",
        "USD",
        12,
        2,
    ),
)

# (hub, role or "", daily amount, currency, from, until)
PER_DIEM_RATES = (
    ("marseille", "", "30", "EUR", D(2002, 1, 1), D(2019, 12, 31)),
    ("marseille", "", "40", "EUR", D(2020, 1, 1), None),
    ("marseille", Role.TRAINEE, "32", "EUR", D(2020, 1, 1), None),
    ("narian-mar", "", "700", "RUB", D(2002, 1, 1), D(2019, 12, 31)),
    ("narian-mar", "", "2500", "RUB", D(2020, 1, 1), None),
    ("kinshasa", "", "25", "USD", D(2004, 1, 1), D(2019, 12, 31)),
    ("kinshasa", "", "40", "USD", D(2020, 1, 1), None),
)


@dataclass(frozen=True)
class Hop:
    """One flight: leaves at ``departs`` local time, lasts ``minutes``."""

    origin: str
    origin_zone: str
    destination: str
    destination_zone: str
    carrier: str
    number: str
    departs: datetime.time
    minutes: int
    cost: str
    currency: str


T = datetime.time
FIH = ("Kinshasa N'djili (FIH)", "Africa/Kinshasa")
CDG = ("Paris Charles-de-Gaulle (CDG)", "Europe/Paris")
MRS = ("Marseille Provence (MRS)", "Europe/Paris")
IST = ("Istanbul (IST)", "Europe/Istanbul")
SVO = ("Moscow Sheremetyevo (SVO)", "Europe/Moscow")
NNM = ("Naryan-Mar (NNM)", "Europe/Moscow")


def _hop(origin, destination, carrier, number, departs, minutes, cost, currency="EUR") -> Hop:
    return Hop(*origin, *destination, carrier, number, departs, minutes, cost, currency)


# The journeys between the three hubs, hop by hop (since 2022 the way to Russia goes by Istanbul).
ROUTES = {
    ("kinshasa", "marseille"): (
        _hop(FIH, CDG, "Air France", "AF 887", T(23, 10), 435, "780"),
        _hop(CDG, MRS, "Air France", "AF 7664", T(9, 45), 80, "95"),
    ),
    ("marseille", "kinshasa"): (
        _hop(MRS, CDG, "Air France", "AF 7661", T(6, 0), 85, "95"),
        _hop(CDG, FIH, "Air France", "AF 886", T(10, 50), 485, "780"),
    ),
    ("narian-mar", "marseille"): (
        _hop(NNM, SVO, "UTair", "UT 540", T(13, 10), 140, "14500", "RUB"),
        _hop(SVO, IST, "Turkish Airlines", "TK 416", T(19, 5), 235, "310"),
        _hop(IST, MRS, "Turkish Airlines", "TK 1365", T(8, 20), 215, "190"),
    ),
    ("marseille", "narian-mar"): (
        _hop(MRS, IST, "Turkish Airlines", "TK 1366", T(12, 25), 195, "190"),
        _hop(IST, SVO, "Turkish Airlines", "TK 413", T(19, 0), 215, "310"),
        _hop(SVO, NNM, "UTair", "UT 539", T(9, 40), 145, "14500", "RUB"),
    ),
    ("kinshasa", "narian-mar"): (
        _hop(FIH, IST, "Turkish Airlines", "TK 628", T(21, 35), 500, "690"),
        _hop(IST, SVO, "Turkish Airlines", "TK 413", T(19, 0), 215, "310"),
        _hop(SVO, NNM, "UTair", "UT 539", T(9, 40), 145, "14500", "RUB"),
    ),
    ("narian-mar", "kinshasa"): (
        _hop(NNM, SVO, "UTair", "UT 540", T(13, 10), 140, "14500", "RUB"),
        _hop(SVO, IST, "Turkish Airlines", "TK 416", T(19, 5), 235, "310"),
        _hop(IST, FIH, "Turkish Airlines", "TK 627", T(1, 40), 480, "690"),
    ),
}
MIN_CONNECTION = datetime.timedelta(hours=1)


def hop_times(
    hops: tuple[Hop, ...], first_day: datetime.date
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Departure and arrival (UTC) of each hop, the first leaving on ``first_day``; each next hop
    takes its first departure at least an hour after the last landing."""
    times = []
    ready = None
    for hop in hops:
        zone = zoneinfo.ZoneInfo(hop.origin_zone)
        day = first_day if ready is None else ready.astimezone(zone).date()
        departs = datetime.datetime.combine(day, hop.departs, tzinfo=zone)
        if ready is not None and departs < ready:
            departs += DAY
        departs = departs.astimezone(UTC)
        arrives = departs + datetime.timedelta(minutes=hop.minutes)
        times.append((departs, arrives))
        ready = arrives + MIN_CONNECTION
    return times


def journey_start(hops: tuple[Hop, ...], arrive_by: datetime.date) -> datetime.date:
    """The day to leave so that the last hop lands on ``arrive_by`` (local time) at the latest."""
    day = arrive_by
    while True:
        landing = hop_times(hops, day)[-1][1].astimezone(zoneinfo.ZoneInfo(hops[-1].destination_zone))
        if landing.date() <= arrive_by:
            return day
        day -= DAY


class LogisticsBuilder:
    def __init__(self, *, today: datetime.date = TODAY):
        self.today = today
        self.hubs = {hub.slug: hub for hub in Hub.objects.all()}
        self.rules: dict[tuple[str, str], VisaRule] = {}
        self.beds: dict[str, list[Bed]] = {}
        self.held: dict[int, list[tuple[datetime.date, datetime.date]]] = {}
        self.booked = 0

    def build(self) -> None:
        self.reference_data()
        self.places_and_rates()
        programme = Programme.objects.get(slug=TISSAGE)
        for session in (
            programme.sessions.filter(number__in=SESSIONS).select_related("hub").order_by("number")
        ):
            self.session(session)
        self.budgets(programme)

    def reference_data(self) -> None:
        for spec in VISA_RULES:
            rule = VisaRule.objects.filter(nationality=spec.nationality, destination=spec.destination).first()
            if rule is None:
                invitation, documents, appointment, decision = spec.steps
                rule = visa_rule_create(
                    actor=None,
                    data={
                        "nationality": spec.nationality,
                        "destination": spec.destination,
                        "lead_days": spec.lead,
                        "invitation_days": invitation,
                        "documents_days": documents,
                        "appointment_days": appointment,
                        "decision_days": decision,
                        "consulate_language": spec.language,
                        "notes": spec.notes,
                    },
                )
            self.rules[spec.nationality, spec.destination] = rule
        known = set(ExchangeRate.objects.values_list("base", "quote", "on"))
        for base, quote, day, rate in EXCHANGE_RATES:
            if (base, quote, day) not in known:
                exchange_rate_create(
                    actor=None,
                    data={"base": base, "quote": quote, "on": day, "rate": Decimal(rate), "source": "demo"},
                )

    def places_and_rates(self) -> None:
        for (hub, language), letter in LETTERS.items():
            letter_template_create(actor=None, data={"hub": self.hubs[hub], "language": language, **letter})
        for hub, name, kind, address, price, currency, rooms, beds in PLACES:
            place = place_create(
                actor=None,
                data={
                    "hub": self.hubs[hub],
                    "name": name,
                    "kind": kind,
                    "address": address,
                    "nightly_amount": Decimal(price),
                    "nightly_currency": currency,
                },
            )
            for number in range(1, rooms + 1):
                room = bedroom_create(actor=None, place=place, name=str(100 + number), beds=beds)
                self.beds.setdefault(hub, []).extend(room.beds.all())
        for hub, role, amount, currency, valid_from, valid_until in PER_DIEM_RATES:
            per_diem_rate_create(
                actor=None,
                data={
                    "hub": self.hubs[hub],
                    "role": role,
                    "daily_amount": Decimal(amount),
                    "currency": currency,
                    "valid_from": valid_from,
                    "valid_until": valid_until,
                },
            )

    def travellers(self, session) -> list[Participation]:
        return list(
            session.participations.exclude(
                status__in=(ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)
            )
            .exclude(Q(person__home_hub=session.hub) | Q(person__home_hub__isnull=True))
            .select_related("person__home_hub", "session__hub")
            .order_by("person__family_name", "person__given_name", "pk")
        )

    def session(self, session) -> None:
        """Everything the session's travellers need, as far along as the demo's today allows; the next
        session keeps one gap of each kind, and the later ones have every other visa case opened
        early and every third journey waiting to be booked."""
        travellers = self.travellers(session)
        is_next = session.number == NEXT_SESSION
        over = session.end_date < self.today
        for index, participation in enumerate(travellers):
            gap = index if is_next else None
            if over or (is_next and gap != 0) or (not is_next and index % 2 == 0):
                self.visa(participation, stalled=gap == 1)
            if over or is_next or index % 3 == 0:
                self.journeys(participation, with_return=gap != 2, booked=over or is_next)
            if over or (is_next and gap != 3):
                self.bed(participation, short=gap == 4, overstay=gap == 6)
            if over or (is_next and gap != 5):
                self.per_diem(participation, paid=over)
            if over and participation.role in (Role.TEACHING_ARTIST, Role.ARTIST):
                self.fee(participation)

    def visa(self, participation, *, stalled: bool) -> None:
        """A visa case when the person's nationality needs one, each step done three days before it is
        due, until the demo's today; a ``stalled`` case stops after the documents."""
        nationality = participation.person.nationality.code
        rule = self.rules.get((nationality, participation.session.hub.country.code))
        if rule is None:
            return
        case = visa_case_open(
            actor=None,
            participation=participation,
            data={"passport_number": f"{nationality}{participation.person.pk:07d}"},
        )
        for step in case.steps():
            done_on = step.due_on - 3 * DAY
            if done_on > self.today or (stalled and step.step in (VisaStep.APPOINTMENT, VisaStep.DECISION)):
                return
            if step.step == VisaStep.DECISION:
                visa_case_decide(actor=None, case=case, outcome=VisaOutcome.GRANTED, on=done_on)
            else:
                visa_case_record_step(actor=None, case=case, step=step.step, on=done_on)

    def journeys(self, participation, *, with_return: bool, booked: bool) -> None:
        home, there = participation.person.home_hub.slug, participation.session.hub.slug
        session = participation.session
        ways = [("arrival", (home, there), participation.arrives_on or session.start_date)]
        if with_return:
            ways.append(("return", (there, home), participation.departs_on or session.end_date))
        for direction, pair, day in ways:
            hops = ROUTES.get(pair)
            if hops is None:
                continue
            first_day = journey_start(hops, day) if direction == "arrival" else day
            for hop, (departs, arrives) in zip(hops, hop_times(hops, first_day), strict=True):
                self.booked += 1
                travel_leg_create(
                    actor=None,
                    data={
                        "participation": participation,
                        "direction": direction,
                        "mode": "plane",
                        "carrier": hop.carrier,
                        "number": hop.number,
                        "from_place": hop.origin,
                        "from_timezone": hop.origin_zone,
                        "to_place": hop.destination,
                        "to_timezone": hop.destination_zone,
                        "departs_at": departs,
                        "arrives_at": arrives,
                        "cost_amount": Decimal(hop.cost),
                        "cost_currency": hop.currency,
                        "booked_by": "host_hub" if hop.currency == "RUB" else "network",
                        "booking_reference": f"TSG{self.booked:04d}" if booked else "",
                        "status": "booked" if booked else "to_book",
                    },
                )

    def bed(self, participation, *, short: bool, overstay: bool = False) -> None:
        """The first bed of the hub free on all the nights (read from what this step booked); an
        ``overstay`` holds it one night after the person leaves, a conflict for the rooming page."""
        nights = nights_needed(participation)
        if short:
            nights = nights[: len(nights) // 2]
        check_in, check_out = nights[0], nights[-1] + (2 if overstay else 1) * DAY
        for bed in self.beds[participation.session.hub.slug]:
            held = self.held.setdefault(bed.pk, [])
            if all(check_out <= start or end <= check_in for start, end in held):
                data = {
                    "participation": participation,
                    "bed": bed,
                    "check_in": check_in,
                    "check_out": check_out,
                }
                stay_create(actor=None, data=data)
                held.append((check_in, check_out))
                return

    def per_diem(self, participation, *, paid: bool) -> None:
        proposal = per_diem_proposal(participation)
        if proposal.get("rate") is None:
            return
        paid_on = nights_needed(participation)[0] if paid else None
        per_diem_set(actor=None, participation=participation, data={**proposal, "paid_on": paid_on})

    def fee(self, participation) -> None:
        amount = "600" if participation.role == Role.TEACHING_ARTIST else "350"
        fee_create(
            actor=None,
            data={
                "participation": participation,
                "kind": "teaching" if participation.role == Role.TEACHING_ARTIST else "artist",
                "amount_value": Decimal(amount),
                "currency": "EUR",
                "status": "paid",
                "paid_on": participation.session.end_date,
            },
        )

    def budgets(self, programme) -> None:
        funders = {o.slug: o for o in Organisation.objects.filter(slug__in=BUDGET_FUNDERS)}
        for spec in BUDGETS:
            budget = budget_create(
                actor=None,
                data={
                    "programme": Programme.objects.get(slug=spec["programme"]),
                    "title": spec["title"],
                    "currency": "EUR",
                    "rates_on": spec["rates_on"],
                    "funders": [funders[slug] for slug in spec["funders"]],
                },
            )
            for category, label, funder, currency, planned, actual, spent_on in spec["lines"]:
                budget_line_create(
                    actor=None,
                    budget=budget,
                    data={
                        "category": category,
                        "label": label,
                        "funder": funders[funder],
                        "currency": currency,
                        "planned_amount": Decimal(planned),
                        "actual_amount": Decimal(actual) if actual else None,
                        "spent_on": spent_on,
                    },
                )


BUDGET_FUNDERS = ("region-rivages", "fondation-vents-croises", "fondation-nkembo", "centre-franco-congolais")
BUDGETS = (
    {
        "programme": TISSAGE,
        "title": "Tissage 2026–2027",
        "rates_on": D(2026, 1, 1),
        "funders": ("region-rivages", "fondation-vents-croises", "fondation-nkembo"),
        "lines": (
            (
                "travel",
                "Flights Kinshasa and Narian-Mar ↔ Marseille",
                "region-rivages",
                "EUR",
                "24000",
                "9650.40",
                D(2026, 11, 2),
            ),
            (
                "travel",
                "Domestic flights Moscow ↔ Naryan-Mar",
                "fondation-vents-croises",
                "RUB",
                "580000",
                "",
                None,
            ),
            ("visas", "Visa fees and insurance", "region-rivages", "EUR", "3200", "1180", D(2026, 9, 15)),
            (
                "accommodation",
                "Maison d'hôtes de la Gombe",
                "fondation-nkembo",
                "USD",
                "9000",
                "8640",
                D(2026, 11, 20),
            ),
            ("accommodation", "Гостиница «Печора»", "fondation-vents-croises", "RUB", "1250000", "", None),
            ("per_diems", "Per diems in Kinshasa", "fondation-nkembo", "USD", "7200", "", None),
            ("per_diems", "Per diems in Narian-Mar", "fondation-vents-croises", "RUB", "900000", "", None),
            ("fees", "Teaching artists' fees", "region-rivages", "EUR", "14000", "3600", D(2026, 10, 9)),
            ("venues", "Sound and light hire, Mimi-Sud", "fondation-nkembo", "CDF", "42000000", "", None),
            (
                "communication",
                "Programme printing in three languages",
                "region-rivages",
                "EUR",
                "2500",
                "",
                None,
            ),
        ),
    },
    {
        "programme": "marseille-kinshasa",
        "title": "Marseille – Kinshasa 2004–2006",
        "rates_on": D(2004, 1, 1),
        "funders": ("region-rivages", "fondation-nkembo", "centre-franco-congolais"),
        "lines": (
            (
                "travel",
                "Flights Kinshasa ↔ Marseille",
                "region-rivages",
                "EUR",
                "52000",
                "55320",
                D(2006, 7, 1),
            ),
            (
                "accommodation",
                "Guesthouses in Kinshasa",
                "fondation-nkembo",
                "USD",
                "14000",
                "13210",
                D(2006, 11, 20),
            ),
            (
                "per_diems",
                "Per diems in Kinshasa",
                "centre-franco-congolais",
                "CDF",
                "5200000",
                "5480000",
                D(2006, 11, 20),
            ),
            ("fees", "Artists' fees", "region-rivages", "EUR", "21000", "20400", D(2006, 7, 31)),
        ),
    },
)


def build_logistics(*, today: datetime.date = TODAY) -> None:
    """Write the demo's logistics (inside the demo build's transaction)."""
    LogisticsBuilder(today=today).build()
