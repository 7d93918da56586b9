"""One audit entry and the hash that chains it to the previous one (pure, no I/O).

entry_hash = SHA-256 over the UTF-8 bytes of the canonical JSON (sorted keys, separators ``,`` and
``:``, no ASCII escaping) of ``{"action", "actor", "details", "prev_hash", "recorded_utc", "seq"}``.
Anyone can recompute it from a line of ``audit_excerpt.jsonl`` with a few lines of any language.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from videowall.runtime.errors import ErrorKind, VideowallError

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def format_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return moment.astimezone(timezone.utc).strftime(TIME_FORMAT)


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=timezone.utc)


def entry_hash(seq: int, recorded_utc: str, actor: str, action: str, details: dict[str, Any],
               prev_hash: str) -> str:
    preimage = canonical_json({"action": action, "actor": actor, "details": details,
                               "prev_hash": prev_hash, "recorded_utc": recorded_utc, "seq": seq})
    return hashlib.sha256(preimage.encode("utf-8")).hexdigest()


def check_details(details: dict[str, Any]) -> str:
    """The canonical text of ``details``; raises INVALID_INPUT for what JSON cannot carry faithfully."""
    if not isinstance(details, dict):
        raise VideowallError(ErrorKind.INVALID_INPUT, "Audit details must be a dictionary.")
    _check_value(details, "details")
    return canonical_json(details)


def _check_value(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise VideowallError(ErrorKind.INVALID_INPUT, f"Audit {where} has a non-text key {key!r}.")
            _check_value(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_value(item, f"{where}[{index}]")
    elif isinstance(value, float) and not math.isfinite(value):
        raise VideowallError(ErrorKind.INVALID_INPUT, f"Audit {where} is not a finite number.")
    elif value is not None and not isinstance(value, (str, int, float, bool)):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"Audit {where} has a {type(value).__name__}; use text, numbers, lists or dicts.")


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    recorded_utc: datetime
    actor: str
    action: str
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str

    def to_json(self) -> dict[str, Any]:
        """The entry as written to ``audit_excerpt.jsonl`` (every field the hash covers, and the hash)."""
        return {"seq": self.seq, "recorded_utc": format_utc(self.recorded_utc), "actor": self.actor,
                "action": self.action, "details": self.details, "prev_hash": self.prev_hash,
                "entry_hash": self.entry_hash}

    def to_json_line(self) -> str:
        return canonical_json(self.to_json()) + "\n"

    def recomputed_hash(self) -> str:
        return entry_hash(self.seq, format_utc(self.recorded_utc), self.actor, self.action, self.details,
                          self.prev_hash)
