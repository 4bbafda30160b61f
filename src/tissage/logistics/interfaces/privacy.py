"""The app's part of a person's erasure, registered the way a plugin would."""

from tissage.people.domain.erasure import register_erasure_step

from ..domain.erasure import travel_documents_erase

register_erasure_step("travel documents", travel_documents_erase)
