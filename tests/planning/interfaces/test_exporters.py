import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from tissage.core.exporters import registry
from tissage.planning.interfaces.exporters import GroupsExport, groups_html, select_groups
from tissage.planning.models import PlanMember

pytestmark = pytest.mark.django_db


def test_the_groups_spreadsheet_has_a_row_per_member_in_the_chosen_language(world, plan):
    export = select_groups({"plan": str(plan.pk), "language": "fr"})
    sheet = load_workbook(io.BytesIO(registry.get("plan-groups.xlsx").render(export))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("session", "groupe", "langue de travail", "interprète", "animateur", "personne")
    assert len(rows) == 1 + len(world.people)
    first = PlanMember.objects.filter(plan=plan, group__number=1).order_by(
        "person__family_name", "person__given_name", "person_id"
    )[0]
    assert (rows[1][1], rows[1][2], rows[1][5]) == ("1", "français", first.person.full_name)


def test_the_printable_sheet_is_a_pdf_and_reads_in_russian(world, plan):
    export = GroupsExport(plan=plan, language="ru")
    html = groups_html(export)
    assert '<html lang="ru">' in html
    assert "Группа 1" in html
    assert registry.get("plan-groups.pdf").render(export)[:5] == b"%PDF-"


def test_an_unknown_plan_is_refused():
    with pytest.raises(ValidationError) as refusal:
        select_groups({"plan": "999"})
    assert list(refusal.value.message_dict) == ["plan"]
