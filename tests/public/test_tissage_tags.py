import pytest

from tissage.core.domain.audit import audit_record
from tissage.public.templatetags.tissage import audit_action, audit_changes

from ..factories import HubFactory


@pytest.mark.django_db
def test_audit_changes_labels_fields_and_flattens_translations_and_lists():
    hub = HubFactory()
    entry = audit_record(
        actor=None,
        action="hub.updated",
        obj=hub,
        changes={
            "name": [{"fr": "Pôle"}, {"fr": "Pôle", "ru": "Центр"}],
            "languages": [["fr"], ["fr", "ln"]],
            "gone_field": [1, None],
        },
    )
    assert audit_changes(entry) == [
        ("Name", "FR: Pôle", "FR: Pôle · RU: Центр"),
        ("Languages", "fr", "fr, ln"),
        ("gone_field", "1", ""),
    ]
    assert str(audit_action(entry)) == "Updated"
