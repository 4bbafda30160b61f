"""What the impact app holds about a person, in the copy of their data they can ask for: the
collaborations declared for them, with their evidence, and the enterprises they founded. Their ties
are derived from these and from their activities, which the person's own section already lists."""

from tissage.people.domain.privacy import register_export_section


def _collaborations(person) -> list[dict]:
    return [
        {
            "kind": collaboration.kind,
            "title": collaboration.title,
            "date": collaboration.date.isoformat(),
            "description": collaboration.description,
            "evidence_url": collaboration.evidence_url,
            "evidence_file": collaboration.evidence_file.name,
        }
        for collaboration in person.collaborations.order_by("date", "pk")
    ]


def _enterprises(person) -> list[dict]:
    return [
        {
            "name": enterprise.name,
            "kind": enterprise.kind,
            "city": enterprise.city,
            "founded_on": enterprise.founded_on.isoformat(),
            "status": enterprise.status,
        }
        for enterprise in person.enterprises_founded.order_by("founded_on", "pk")
    ]


register_export_section("declared collaborations", _collaborations)
register_export_section("enterprises founded", _enterprises)
