from tissage.core.interfaces.importing import ImportCommand
from tissage.people.interfaces.importers import PeopleImporter


class Command(ImportCommand):
    help = (
        "Import people from a CSV or XLSX file (columns: docs/spreadsheets.md). Prints the preview; "
        "--commit writes it. Exits with status 2, writing nothing, if any row is bad."
    )
    importer_class = PeopleImporter
