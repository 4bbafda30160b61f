"""What the logistics domain functions share."""


def concerning(participation) -> list:
    """The objects whose pages show a change to someone's logistics: the participation, the person
    and the session."""
    return [participation, participation.person, participation.session]
