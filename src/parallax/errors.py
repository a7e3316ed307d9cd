"""parallax's exceptions, each with a stable code; only the CLI and web app turn them into exits."""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class: `code` is stable across releases, `hint` says what to do."""

    code = "P000"

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.args[0]}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class InputError(ParallaxError):
    """An input path or item that cannot be read."""

    code = "P100"


class UnsupportedFormat(InputError):
    code = "P101"


class BadArticle(InputError):
    """One article that cannot be used (empty, malformed JSON line, bad date)."""

    code = "P102"


class SettingsError(ParallaxError):
    code = "P200"


class DataFileError(ParallaxError):
    """A knowledge file under parallax/data (or a user's override) is missing or malformed."""

    code = "P300"


class ModelError(ParallaxError):
    code = "P400"


class ModelUnavailableError(ModelError):
    """An optional model (the sentence encoder of the `embeddings` extra) is not installed."""

    code = "P401"


class StoreError(ParallaxError):
    code = "P500"


class EvalDataError(ParallaxError):
    code = "P600"


class TooLarge(InputError):
    """An input over settings.max_input_bytes: refused before it is read into memory."""

    code = "P103"


class BinaryInput(InputError):
    """A file whose bytes are not text (NUL bytes, or mostly control characters)."""

    code = "P104"


class ZoneError(ParallaxError):
    """Zones: a zones file or an alert that cannot be used."""

    code = "P700"


class ZoneFileError(ZoneError):
    """A zones GeoJSON file that cannot be read: the message names the file and the feature."""

    code = "P701"


class AlertDeliveryError(ZoneError):
    """A webhook that refused or could not take an alert (recorded on the alert, never fatal)."""

    code = "P702"


class WebError(ParallaxError):
    """The web app: a request it refuses (the app turns these into HTTP statuses)."""

    code = "P800"


class AccessDenied(WebError):
    """A write request without the right bearer token, or to a server started without one."""

    code = "P801"


class RequestTooLarge(WebError):
    """A request body over settings.max_request_bytes."""

    code = "P802"


class BadUpload(WebError):
    """An upload whose name or type cannot be stored (a path, an unreadable format)."""

    code = "P803"


# ---------------------------------------------------------------- geoparsing (issue 4)

class PlacesFileError(DataFileError):
    """A user's places CSV (--places, settings places_file) is missing or has a bad row."""

    code = "P301"


# ---------------------------------------------------------------- command line (new-user fixes)

class NotADatabase(InputError):
    """A --db path that exists but is not a parallax SQLite database (refused, never modified)."""

    code = "P105"
