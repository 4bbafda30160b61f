"""A person's applications, forgotten with them: names, contact, answers, links and files."""

from django.db.models import Q

from tissage.people.domain.erasure import ERASED
from tissage.people.models import Person

from ..models import Application, ApplicationFile


def applications_erase(person: Person) -> int:
    """Blank every application the person made (linked, or sent from their address); the
    reviews' scores and the decisions stay, for the calls' figures."""
    mine = Q(person=person) | Q(email__iexact=person.email) if person.email else Q(person=person)
    applications = list(Application.objects.filter(mine))
    for upload in ApplicationFile.objects.filter(application__in=applications):
        upload.file.delete(save=False)
        upload.delete()
    for application in applications:
        application.given_name, application.family_name = ERASED, ""
        application.native_name = application.phone = application.city = ""
        application.email = f"erased-{application.pk}@invalid.example"
        application.links, application.answers, application.languages = [], {}, []
        application.save()
    return len(applications)
