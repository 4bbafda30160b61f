"""A person's applications to calls: in the copy of their data they can ask for, and forgotten with them."""

from tissage.core.domain.audit import audit_value
from tissage.people.domain.erasure import register_erasure_step
from tissage.people.domain.privacy import register_export_section

from ..domain.erasure import applications_erase
from ..models import Application


def _applications(person) -> list[dict]:
    applications = Application.objects.of_person(person)
    return [
        {
            "call": str(application.call),
            "reference": application.reference,
            "state": application.state,
            "submitted_at": application.created_at.isoformat(),
            **{
                name: audit_value(getattr(application, name))
                for name in ("given_name", "family_name", "email", "phone", "city", "country", "nationality")
            },
            "languages": application.languages,
            "links": application.links,
            "answers": application.answers,
            "files": [file.name for file in application.files.all()],
        }
        for application in applications.select_related("call").prefetch_related("files")
    ]


register_export_section("applications", _applications)
register_erasure_step("applications", applications_erase)
