"""The kinds of file an application may carry, recognised by their first bytes, not by their name
alone: a renamed executable is not a PDF."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    extension: str
    label: str
    content_type: str
    # Byte strings, each with the offset where it must appear; one match is enough.
    signatures: tuple[tuple[int, bytes], ...]

    def matches(self, head: bytes) -> bool:
        return any(head[offset : offset + len(magic)] == magic for offset, magic in self.signatures)


FILE_TYPES = {
    t.extension: t
    for t in (
        FileType("pdf", _("PDF document"), "application/pdf", ((0, b"%PDF-"),)),
        FileType("jpg", _("JPEG image"), "image/jpeg", ((0, b"\xff\xd8\xff"),)),
        FileType("png", _("PNG image"), "image/png", ((0, b"\x89PNG\r\n\x1a\n"),)),
        FileType(
            "mp3",
            _("MP3 recording"),
            "audio/mpeg",
            ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")),
        ),
        FileType("ogg", _("Ogg recording"), "audio/ogg", ((0, b"OggS"),)),
        FileType("flac", _("FLAC recording"), "audio/flac", ((0, b"fLaC"),)),
        FileType("wav", _("WAV recording"), "audio/wav", ((8, b"WAVE"),)),
        FileType("m4a", _("M4A recording"), "audio/mp4", ((4, b"ftyp"),)),
        FileType("mp4", _("MP4 video"), "video/mp4", ((4, b"ftyp"),)),
    )
}
# Aliases people type for the same kinds.
EXTENSION_ALIASES = {"jpeg": "jpg"}
FILE_TYPE_CHOICES = [(key, f"{t.label} (.{key})") for key, t in FILE_TYPES.items()]
DEFAULT_FILE_TYPES = ["pdf", "jpg", "png", "mp3"]
HEAD_BYTES = 16


def file_type_of(name: str, head: bytes, accepted: list[str]) -> FileType | None:
    """The accepted type whose extension ``name`` has and whose signature ``head`` shows, else None."""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    extension = EXTENSION_ALIASES.get(extension, extension)
    file_type = FILE_TYPES.get(extension)
    if file_type is None or extension not in accepted or not file_type.matches(head):
        return None
    return file_type
