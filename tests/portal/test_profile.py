from django.urls import reverse
from django.utils import translation

from tissage.core.models import AuditEntry
from tissage.people.models import ConsentRecord

from ..factories import PersonLanguageFactory


def portal_url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


def profile_post(**fields) -> dict:
    data = {
        "native_name": "",
        "phone": "+243 81 555 0101",
        "city": "Kinshasa",
        "country": "CD",
        "nationality": "CD",
        "website": "",
        "language": "fr",
        "availability": "Not in August.",
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "1",
        "languages-0-language": "ln",
        "languages-0-level": "native",
        "languages-1-language": "fr",
        "languages-1-level": "fluent",
    }
    data.update(fields)
    return data


def test_profile_saves_contact_language_languages_and_availability(portal_client, participant):
    PersonLanguageFactory(person=participant, language="ln", level="native")
    response = portal_client.post(portal_url("profile"), profile_post())
    assert response["Location"] == portal_url("profile")
    participant.refresh_from_db()
    assert (participant.phone, participant.language, participant.availability, participant.mail_language) == (
        "+243 81 555 0101",
        "fr",
        "Not in August.",
        "fr",
    )
    assert list(participant.languages.values_list("language", "level")) == [
        ("fr", "fluent"),
        ("ln", "native"),
    ]
    entry = AuditEntry.objects.get(action="person.updated")
    assert (entry.actor, entry.changes["language"]) == (participant.user, ["", "fr"])


def test_profile_does_not_change_the_email_or_name(portal_client, participant):
    portal_client.post(portal_url("profile"), profile_post(email="evil@example.org", given_name="Eve"))
    participant.refresh_from_db()
    assert (participant.email, participant.given_name) == ("grace@example.cd", "Grace")


def test_profile_with_a_language_twice_shows_the_error_and_writes_nothing(portal_client, participant):
    response = portal_client.post(portal_url("profile"), profile_post(**{"languages-1-language": "ln"}))
    assert response.status_code == 200
    assert response.context["languages_formset"].non_form_errors() == [
        "Lingala is given twice: keep one row per language."
    ]
    participant.refresh_from_db()
    assert (participant.phone, AuditEntry.objects.filter(action="person.updated").count()) == ("", 0)


def test_password_page_sets_a_password_and_keeps_the_participant_signed_in(portal_client, participant):
    response = portal_client.post(
        portal_url("password"), {"new_password1": "rumba at dawn", "new_password2": "rumba at dawn"}
    )
    assert response["Location"] == portal_url("profile")
    participant.user.refresh_from_db()
    assert participant.user.check_password("rumba at dawn")
    assert portal_client.get(portal_url("home")).status_code == 200


def test_password_page_with_two_different_passwords_writes_nothing(portal_client, participant):
    response = portal_client.post(
        portal_url("password"), {"new_password1": "rumba", "new_password2": "salsa"}
    )
    assert response.status_code == 200
    participant.user.refresh_from_db()
    assert not participant.user.has_usable_password()


def test_privacy_page_records_consent_answers_that_changed(portal_client, participant):
    portal_client.post(portal_url("privacy"), {"data": "on", "photos": "on"})
    portal_client.post(portal_url("privacy"), {"data": "on"})
    current = {k: r.given for k, r in participant.consents.all().current().items()}
    assert current == {"data": True, "photos": False, "news": False}
    assert ConsentRecord.objects.count() == 4
    page = portal_client.get(portal_url("privacy"))
    assert page.context["form"].initial == {"data": True, "photos": False, "news": False}
