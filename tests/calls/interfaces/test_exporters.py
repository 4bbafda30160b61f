import csv
import io

import pytest
from django.core.exceptions import ValidationError

from tissage.core.exporters import registry

from ...factories import ApplicationFactory, ReviewFactory


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_applications_export_lists_the_ranked_applications_with_their_answers(call):
    questions = {q.position: str(q.pk) for q in call.questions.all()}
    low = ApplicationFactory(
        call=call, given_name="Ivan", answers={questions[2]: "1"}, languages=[["ru", "native"]]
    )
    high = ApplicationFactory(
        call=call, given_name="Ksenia", answers={questions[1]: "=SUM(A1)", questions[2]: "3"}
    )
    criteria = list(call.criteria.all())
    ReviewFactory(application=low, scores={str(c.pk): 1 for c in criteria})
    ReviewFactory(application=high, scores={str(c.pk): c.scale for c in criteria})
    scope = registry.scope("applications")
    exporter = registry.get("applications.csv", scope="applications")
    rows = read_csv(exporter.render(scope.select({"call": call.slug})))
    assert rows[0][:5] == ["Rank", "Score", "Reviews", "Reference", "State"]
    assert rows[0][-4:] == ["Why Narian-Mar?", "Desk you know best", "A CV", "Years of practice"]
    assert [(r[0], r[1], r[5]) for r in rows[1:]] == [("1", "100.00", "Ksenia"), ("2", "0.00", "Ivan")]
    assert rows[1][-4:-2] == ["'=SUM(A1)", "Both"]
    assert rows[2][12] == "Russian (native)"


def test_applications_export_also_writes_xlsx(call):
    ApplicationFactory(call=call)
    exporter = registry.get("applications.xlsx", scope="applications")
    assert exporter.render(call)[:4] == b"PK\x03\x04"


@pytest.mark.django_db
def test_applications_scope_refuses_an_unknown_call():
    with pytest.raises(ValidationError) as caught:
        registry.scope("applications").select({"call": "nope"})
    assert list(caught.value.message_dict) == ["call"]
