"""Reading values out of a device's parsed SOAP replies without trusting their shape.

zeep parses leniently (``strict=False``): a missing element is ``None``, a wrongly typed one is ``None`` too
(zeep logs the conversion error). ``ReplyReader`` walks dotted paths over such objects and turns every
missing or unusable value the product needs into ``VideowallError(STREAM_ERROR, "… reply to Op lacks X")``;
optional values come back as ``None``. Pure Python (works on any attribute objects).
"""

from __future__ import annotations

import math
from typing import Any

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact


class ReplyReader:
    """Values from the reply of one operation of one device."""

    def __init__(self, device_url: str, operation: str) -> None:
        self._where = redact(device_url)
        self.operation = operation

    def lacks(self, what: str) -> VideowallError:
        return VideowallError(ErrorKind.STREAM_ERROR,
                              f"The device at {self._where} sent a reply to {self.operation} that lacks {what}.")

    def present(self, value: Any, what: str) -> Any:
        """``value`` itself, unless the reply had none."""
        if value is None:
            raise self.lacks(what)
        return value

    def optional(self, obj: Any, path: str) -> Any:
        """``obj.a.b`` for path "a.b" ("" is ``obj`` itself); None where any step is missing."""
        for name in filter(None, path.split(".")):
            if obj is None:
                return None
            obj = getattr(obj, name, None)
        return obj

    def text(self, obj: Any, path: str) -> str:
        value = self.optional_text(obj, path)
        if not value:
            raise self.lacks(path)
        return value

    def optional_text(self, obj: Any, path: str) -> str | None:
        value = self.optional(obj, path)
        if value is None or isinstance(value, (list, tuple, dict)) or hasattr(value, "__values__"):
            return None  # a structure where text belongs is as good as nothing
        text = str(value).strip()
        return text or None

    def optional_int(self, obj: Any, path: str) -> int | None:
        value = self.optional(obj, path)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return None
        try:
            return int(value)
        except ValueError:
            return None

    def optional_float(self, obj: Any, path: str) -> float | None:
        value = self.optional(obj, path)
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None

    def items(self, value: Any) -> list[Any]:
        """A repeated element as a list (zeep gives a list, one object, or None for none)."""
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]
