"""The network's graph and a funder report, in a real browser over the demo network.

Its screenshots are the README's pictures of the impact pages: docs/screenshots/impact-1-graph.png and
impact-2-report.png."""

import re

from django.urls import reverse

from .conftest import screenshot
from .test_tour import PASSWORD, demo_network  # noqa: F401  (the demo network and its staff member)


def log_in(page, live_server):
    page.goto(live_server.url + reverse("orga:login"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/orga/$"))


def scroll_to_top_of(page, selector: str) -> None:
    page.locator(selector).evaluate(
        "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8)"
    )


def test_graph_and_funder_report_of_the_demo_network(live_server, page, phone_page, demo_network):
    log_in(page, live_server)

    # The graph of the Marseille – Narian-Mar programme; choosing a person shows their ties beside it.
    page.get_by_role("navigation", name="Staff sections").get_by_role("link", name="Network & impact").click()
    page.get_by_role("link", name="The graph").click()
    page.get_by_label("Programme").select_option(label="Marseille – Narian-Mar")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"programme=marseille-narian-mar"))
    people = page.locator("a.person-node")
    assert people.count() > 20
    page.get_by_role("link", name=re.compile(r"^Artyom Vylka, ")).click()
    panel = page.get_by_role("complementary")
    panel.get_by_role("heading", name="Artyom Vylka").wait_for()
    assert panel.get_by_role("link", name="Marius Giordano").is_visible()
    assert "person=artyom-vylka" in page.url
    scroll_to_top_of(page, ".graph-layout")
    screenshot(page, "impact-1-graph")

    # By keyboard: a person of the graph takes the focus and opens with Enter.
    marius = page.get_by_role("link", name=re.compile(r"^Marius Giordano, "))
    marius.focus()
    page.keyboard.press("Enter")
    panel.get_by_role("heading", name="Marius Giordano").wait_for()

    # The programme's funder report, figures only, in French; then printed as a PDF in the background.
    page.goto(
        live_server.url
        + reverse("orga:impact")
        + "?programme=marseille-narian-mar&language=fr&variant=aggregate"
    )
    report = page.locator("article.impact-report")
    assert "Marseille – Narian-Mar" in report.get_by_role("heading", level=1).inner_text()
    assert report.locator("svg#ties-chart").is_visible()
    assert "Artyom Vylka" not in report.inner_text()
    scroll_to_top_of(page, "article.impact-report h1")
    screenshot(page, "impact-2-report")
    page.get_by_role("button", name="Print as PDF").click()
    page.get_by_role("link", name="Download the PDF").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.startswith("tissage-report-fr-")

    # On a phone, in Russian: the graph and the report fit the screen's width.
    phone_page.context.add_cookies(page.context.cookies())
    for address in ("orga:impact-graph", "orga:impact"):
        phone_page.goto(live_server.url + reverse(address) + "?programme=marseille-narian-mar&language=ru")
        assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), address
