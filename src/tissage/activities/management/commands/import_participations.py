from tissage.activities.interfaces.importers import ParticipationsImporter
from tissage.core.interfaces.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import participations from a CSV or XLSX file (columns: docs/spreadsheets.md). Prints the preview; "
        "--commit writes it. Exits with status 2, writing nothing, if any row is bad."
    )
    importer_class = ParticipationsImporter
