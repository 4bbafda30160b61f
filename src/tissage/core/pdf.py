"""Printing: every PDF of Tissage is an HTML page laid out by WeasyPrint."""


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only printing needs (and takes a while).
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
