from django.urls import reverse


def test_skip_link_is_the_first_stop_and_leads_to_the_main_content(live_server, page):
    page.goto(live_server.url + reverse("public:home"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_login_page_focuses_the_username(live_server, page):
    page.goto(live_server.url + reverse("orga:login"))
    assert page.evaluate("document.activeElement.name") == "username"
    assert page.get_by_label("Username").is_visible()
