"""What a bookmark is: a marked moment with the footage range around it, on one or more cameras."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The default categories are keys, shown in the UI's language; a station's own list
# (``Settings.bookmark_categories``) may name others, shown as written.
DEFAULT_CATEGORIES: tuple[str, ...] = ("traffic_offence", "public_disorder", "vandalism", "theft", "road_accident",
                                       "other")
# Their Polish names: for Polish documents (the activity record), and what was stored before there were keys.
POLISH_CATEGORY_NAMES: dict[str, str] = {
    "traffic_offence": "wykroczenie drogowe", "public_disorder": "zakłócanie porządku", "vandalism": "akt wandalizmu",
    "theft": "kradzież", "road_accident": "zdarzenie drogowe", "other": "inne"}
_KEY_OF_POLISH_NAME = {name: key for key, name in POLISH_CATEGORY_NAMES.items()}
DEFAULT_PRE_ROLL_S = 30
DEFAULT_POST_ROLL_S = 60
MAX_ROLL_S = 3600

# Fields ``BookmarkStore.update`` accepts.
EDITABLE_FIELDS = ("category", "description", "place", "camera_ids", "case_number", "result", "start_utc", "end_utc")

# History actions (``BookmarkRevision.action``); the audit action is ``"bookmark." + action``.
CREATED = "created"
EDITED = "edited"
EVIDENCE_MARKED = "evidence_marked"
EVIDENCE_RELEASED = "evidence_released"
WITHDRAWN = "withdrawn"
RESTORED = "restored"


def category_key(name: str) -> str:
    """The key of a default category given by its Polish name (as stored before keys); other names as given."""
    return _KEY_OF_POLISH_NAME.get(name, name)


def polish_category(category: str) -> str:
    """A category as a Polish document names it."""
    return POLISH_CATEGORY_NAMES.get(category, category)


@dataclass(frozen=True)
class Bookmark:
    id: int
    at_utc: datetime            # the marked moment
    start_utc: datetime         # at - pre-roll (editable)
    end_utc: datetime           # at + post-roll (editable)
    category: str
    description: str
    place: str
    camera_ids: tuple[int, ...]
    operator: str               # who created it
    case_number: str            # "" when none
    result: str                 # outcome ("wynik", for the activity record); "" until filled in
    created_utc: datetime
    updated_utc: datetime
    revision: int               # 1 at creation, +1 per change (every history entry)
    hold_ids: tuple[int, ...]   # the active legal holds placed by "mark as evidence" (one per camera)
    evidence: bool              # True while its holds are active
    withdrawn: bool             # withdrawn by mistake (kept, hidden by default)


@dataclass(frozen=True)
class BookmarkFilter:
    start_utc: datetime | None = None   # bookmarks overlapping [start, end]
    end_utc: datetime | None = None
    camera_id: int | None = None
    category: str | None = None
    operator: str | None = None
    text: str = ""                      # every word, ignoring case and Polish diacritics, in description,
                                        # place, case number or category
    evidence_only: bool = False
    include_withdrawn: bool = False


@dataclass(frozen=True)
class BookmarkRevision:
    bookmark_id: int
    revision: int
    changed_utc: datetime
    changed_by: str
    action: str                          # "created", "edited", "evidence_marked", "evidence_released",
                                         # "withdrawn", "restored"
    changes: dict[str, tuple[Any, Any]]  # field -> (old, new), JSON-able values (datetimes as ISO strings)
    reason: str                          # "" unless the action needs one
