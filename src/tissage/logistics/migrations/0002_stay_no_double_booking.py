"""No two stays in one bed on the same night, held by the database itself where it can.

PostgreSQL gets an exclusion constraint over the bed and the range of nights (the btree_gist
extension lets a GiST index compare the bed's id with "="). SQLite has no such constraint: there
the domain's check (``stay_create``, which locks the bed first) and the unique first night per
bed stand alone. The operation changes no model state, so it is written by hand.
"""

from django.db import migrations

CONSTRAINT = "stay_no_double_booking"


class PostgresOnly(migrations.operations.base.Operation):
    reduces_to_sql = True
    reversible = True

    def __init__(self, forwards: list[str], backwards: list[str]):
        self.forwards, self.backwards = forwards, backwards

    def state_forwards(self, app_label, state):
        pass

    def _run(self, schema_editor, statements):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.forwards)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.backwards)

    def describe(self):
        return "On PostgreSQL: refuse overlapping stays in one bed"


class Migration(migrations.Migration):
    dependencies = [("logistics", "0001_initial")]

    operations = [
        PostgresOnly(
            forwards=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                f"ALTER TABLE logistics_stay ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
                "(bed_id WITH =, daterange(check_in, check_out, '[)') WITH &&)",
            ],
            backwards=[f"ALTER TABLE logistics_stay DROP CONSTRAINT {CONSTRAINT}"],
        )
    ]
