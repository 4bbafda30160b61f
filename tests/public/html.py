"""Reading rendered pages in tests: the elements of a tag, with their attributes and text."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag == "br":
            self.handle_data(" ")
        if tag not in VOID_TAGS:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element.parts.append(data)


def elements(response, tag: str, **attrs: str) -> list[Element]:
    """The page's ``tag`` elements whose attributes include ``attrs`` (``class_`` for ``class``:
    one of its classes)."""
    collector = _Collector()
    collector.feed(response.content.decode())
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
    return [e for e in collector.elements if e.tag == tag and all(_has(e, n, v) for n, v in wanted.items())]


def _has(element: Element, name: str, value: str) -> bool:
    if name == "class":
        return value in element.attrs.get("class", "").split()
    return element.attrs.get(name) == value


def texts(response, tag: str, **attrs: str) -> list[str]:
    return [e.text for e in elements(response, tag, **attrs)]
