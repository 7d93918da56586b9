"""The whole schema, described once for SQLAlchemy.

A PostgreSQL deployment is created from the tables of ``BASELINE_VERSION``, then brought up to date by the
migrations after it (plain SQL for both engines; a table they create says so with ``info={"since": N}``);
an SQLite file reaches the same tables through the shipped migrations (``migrations.MIGRATIONS``), and
tests/unit/test_schema_parity.py checks the two agree.
Integers are BIGINT (SQLite's INTEGER is 64-bit, PostgreSQL's is not: microsecond times need 64);
flags stay 0/1 integers with the same CHECKs, so queries and parameters are the same on both engines.
Names compare ignoring letter case on both: SQLite's NOCASE, PostgreSQL's ``nocase`` ICU collation
(created by ``postgres_schema``).
"""

from __future__ import annotations

from sqlalchemy import (BigInteger, CheckConstraint, Column, Float, ForeignKey, Identity, Index, MetaData,
                        PrimaryKeyConstraint, Table, Text, UniqueConstraint, func, literal, text)

BASELINE_VERSION = 9
NOCASE = "nocase"

metadata = MetaData()


def _id() -> Column:
    return Column("id", BigInteger, Identity(), primary_key=True)


def _flag(name: str, default: int) -> Column:
    return Column(name, BigInteger, CheckConstraint(f"{name} IN (0, 1)"), nullable=False,
                  server_default=text(str(default)))


def _text(name: str, default: str | None = None, nullable: bool = False) -> Column:
    return Column(name, Text, nullable=nullable,
                  server_default=None if default is None else text(f"'{default}'"))


cameras = Table(
    "cameras", metadata,
    _id(),
    Column("name", Text(collation=NOCASE), nullable=False, unique=True),
    _text("location", ""),
    _text("grp", ""),
    _text("main_url"),
    _text("sub_url", nullable=True),
    _flag("has_credentials", 0),
    _text("created_utc"),
    _text("updated_utc"),
    _flag("record", 0),
    Column("record_profile", Text, CheckConstraint("record_profile IN ('main', 'sub')"), nullable=False,
           server_default=text("'main'")),
    Column("transport", Text, CheckConstraint("transport IN ('auto', 'udp-tcp', 'tcp', 'udp')"), nullable=False,
           server_default=text("'auto'")),
)

audit_log = Table(
    "audit_log", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    _text("recorded_utc"),
    _text("actor"),
    _text("action"),
    _text("details"),
    _text("prev_hash"),
    Column("entry_hash", Text, nullable=False, unique=True),
)

recording_segments = Table(
    "recording_segments", metadata,
    _id(),
    Column("camera_id", BigInteger, nullable=False),
    Column("profile", Text, CheckConstraint("profile IN ('main', 'sub')"), nullable=False),
    Column("path", Text, nullable=False, unique=True),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    Column("bytes", BigInteger, nullable=False, server_default=text("0")),
    Column("time_source", Text, CheckConstraint("time_source IN ('camera_ntp', 'receive')"), nullable=False),
    Column("clock_offset_ms", BigInteger),
    Column("state", Text, CheckConstraint("state IN ('recording', 'complete', 'recovered')"), nullable=False),
    _text("codec", "h264"),
    Column("width", BigInteger, nullable=False, server_default=text("0")),
    Column("height", BigInteger, nullable=False, server_default=text("0")),
    _text("created_utc"),
    Column("sha256", Text, CheckConstraint("sha256 IS NULL OR length(sha256) = 64")),
    CheckConstraint("end_us >= start_us"),
)
Index("recording_segments_by_camera", recording_segments.c.camera_id, recording_segments.c.start_us)
Index("recording_segments_by_start", recording_segments.c.start_us)
Index("recording_segments_open", recording_segments.c.state,
      sqlite_where=text("state = 'recording'"), postgresql_where=text("state = 'recording'"))

recording_gaps = Table(
    "recording_gaps", metadata,
    _id(),
    Column("camera_id", BigInteger, nullable=False),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    _text("reason"),
    CheckConstraint("end_us >= start_us"),
)
Index("recording_gaps_by_camera", recording_gaps.c.camera_id, recording_gaps.c.start_us)

legal_holds = Table(
    "legal_holds", metadata,
    _id(),
    Column("camera_id", BigInteger),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    _text("reason"),
    _text("case_number"),
    _text("placed_by"),
    _text("placed_utc"),
    _text("released_by", nullable=True),
    _text("released_utc", nullable=True),
    _text("release_reason", nullable=True),
    CheckConstraint("end_us > start_us"),
    CheckConstraint("(released_utc IS NULL) = (release_reason IS NULL)"),
)
Index("legal_holds_active", legal_holds.c.released_utc, legal_holds.c.start_us)

views = Table(
    "views", metadata,
    _id(),
    Column("name", Text(collation=NOCASE), nullable=False, unique=True),
    Column("hotkey", BigInteger, CheckConstraint("hotkey IS NULL OR hotkey BETWEEN 1 AND 12"), unique=True),
    _text("layout"),
    _text("cameras"),
    _text("updated_utc"),
)

screen_walls = Table(
    "screen_walls", metadata,
    Column("screen", Text, primary_key=True),
    Column("view_id", BigInteger),
    _flag("fullscreen", 1),
)

onvif_devices = Table(
    "onvif_devices", metadata,
    Column("camera_id", BigInteger, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    _text("device_url"),
    _text("manufacturer", ""),
    _text("model", ""),
    _text("firmware", ""),
    _text("serial", ""),
    _text("main_profile"),
    _text("sub_profile", nullable=True),
    _text("snapshot_uri", nullable=True),
    _text("ptz_profile", nullable=True),
    _text("pinned_sha256", nullable=True),
)

ptz_tours = Table(
    "ptz_tours", metadata,
    _id(),
    Column("camera_id", BigInteger, ForeignKey("cameras.id", ondelete="CASCADE"), nullable=False),
    _text("name"),
    _text("preset_tokens"),
    Column("dwell_s", Float, CheckConstraint("dwell_s > 0"), nullable=False, server_default=text("10")),
    _flag("loop", 1),
    UniqueConstraint("camera_id", "name"),
)

bookmarks = Table(
    "bookmarks", metadata,
    _id(),
    Column("at_us", BigInteger, nullable=False),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    Column("category", Text, CheckConstraint("category != ''"), nullable=False),
    _text("description", ""),
    _text("place", ""),
    Column("operator", Text, CheckConstraint("operator != ''"), nullable=False),
    _text("case_number", ""),
    _text("result", ""),
    _text("created_utc"),
    _text("updated_utc"),
    Column("revision", BigInteger, CheckConstraint("revision >= 1"), nullable=False, server_default=text("1")),
    _flag("withdrawn", 0),
    CheckConstraint("end_us > start_us"),
)
Index("bookmarks_by_time", bookmarks.c.start_us, bookmarks.c.end_us)
Index("bookmarks_by_moment", bookmarks.c.at_us)
Index("bookmarks_by_operator", bookmarks.c.operator)
Index("bookmarks_by_category", bookmarks.c.category)

bookmark_cameras = Table(
    "bookmark_cameras", metadata,
    Column("bookmark_id", BigInteger, ForeignKey("bookmarks.id"), nullable=False),
    Column("camera_id", BigInteger, nullable=False),
    PrimaryKeyConstraint("bookmark_id", "camera_id"),
)
Index("bookmark_cameras_by_camera", bookmark_cameras.c.camera_id, bookmark_cameras.c.bookmark_id)

bookmark_holds = Table(
    "bookmark_holds", metadata,
    Column("bookmark_id", BigInteger, ForeignKey("bookmarks.id"), nullable=False),
    Column("hold_id", BigInteger, ForeignKey("legal_holds.id"), nullable=False, unique=True),
    PrimaryKeyConstraint("bookmark_id", "hold_id"),
)

bookmark_revisions = Table(
    "bookmark_revisions", metadata,
    Column("bookmark_id", BigInteger, ForeignKey("bookmarks.id"), nullable=False),
    Column("revision", BigInteger, nullable=False),
    _text("changed_utc"),
    _text("changed_by"),
    _text("action"),
    _text("changes"),
    _text("reason", ""),
    PrimaryKeyConstraint("bookmark_id", "revision"),
)

station_identity = Table(
    "station_identity", metadata,
    Column("singleton", BigInteger, CheckConstraint("singleton = 1"), primary_key=True, autoincrement=False),
    Column("station_id", Text, CheckConstraint("length(station_id) = 32"), nullable=False),
    _text("created_utc"),
)

legacy_camera_secrets = Table(
    "legacy_camera_secrets", metadata,
    Column("camera_id", BigInteger, primary_key=True, autoincrement=False),
)

events = Table(
    "events", metadata,
    _id(),
    Column("camera_id", BigInteger),
    _text("kind"),
    Column("origin", Text, CheckConstraint("origin IN ('camera', 'station')"), nullable=False),
    Column("active", BigInteger, CheckConstraint("active IN (0, 1)")),
    _text("source", ""),
    _text("topic", ""),
    Column("first_us", BigInteger, nullable=False),
    Column("last_us", BigInteger, nullable=False),
    Column("count", BigInteger, CheckConstraint("count >= 1"), nullable=False, server_default=text("1")),
    _text("data", "{}"),
    CheckConstraint("last_us >= first_us"),
)
Index("events_by_camera", events.c.camera_id, events.c.first_us)
Index("events_by_time", events.c.first_us)
Index("events_by_kind", events.c.kind, events.c.first_us)

_SHOW = "show IN ('none', 'tile', 'monitor')"

alarms = Table(
    "alarms", metadata,
    _id(),
    Column("camera_id", BigInteger),
    _text("kind"),
    _text("source", ""),
    Column("priority", BigInteger, CheckConstraint("priority BETWEEN 1 AND 5"), nullable=False),
    Column("state", Text, CheckConstraint("state IN ('new', 'acknowledged', 'closed')"), nullable=False,
           server_default=text("'new'")),
    Column("first_us", BigInteger, nullable=False),
    Column("last_us", BigInteger, nullable=False),
    Column("count", BigInteger, CheckConstraint("count >= 1"), nullable=False, server_default=text("1")),
    _text("sound", ""),
    Column("show", Text, CheckConstraint(_SHOW), nullable=False, server_default=text("'none'")),
    _text("acknowledged_by", ""),
    Column("acknowledged_us", BigInteger),
    _text("closed_by", ""),
    Column("closed_us", BigInteger),
    _text("comment", ""),
    CheckConstraint("last_us >= first_us"),
    CheckConstraint("state != 'closed' OR (comment != '' AND closed_by != '' AND closed_us IS NOT NULL)"),
)
Index("alarms_by_state", alarms.c.state, alarms.c.last_us)
Index("alarms_by_camera", alarms.c.camera_id, alarms.c.first_us)

alarm_rules = Table(
    "alarm_rules", metadata,
    _id(),
    Column("camera_id", BigInteger),
    _text("grp", nullable=True),
    _text("kind"),
    Column("priority", BigInteger, CheckConstraint("priority BETWEEN 0 AND 5"), nullable=False),
    _text("sound", ""),
    Column("show", Text, CheckConstraint(_SHOW), nullable=False, server_default=text("'none'")),
    Column("debounce_s", Float, CheckConstraint("debounce_s >= 0"), nullable=False, server_default=text("30")),
    CheckConstraint("camera_id IS NULL OR grp IS NULL"),
)
Index("alarm_rules_unique", func.coalesce(alarm_rules.c.camera_id, literal(0, BigInteger)),
      func.coalesce(alarm_rules.c.grp, literal("", Text)), alarm_rules.c.kind, unique=True)

recorder_sessions = Table(
    "recorder_sessions", metadata,
    _id(),
    _text("user_name"),
    Column("token_sha256", Text, CheckConstraint("length(token_sha256) = 64"), nullable=False, unique=True),
    _text("created_utc"),
    _text("expires_utc"),
    _text("revoked_utc", nullable=True),
)
Index("recorder_sessions_by_user", recorder_sessions.c.user_name)

footage_access = Table(
    "footage_access", metadata,
    _id(),
    _text("at_utc"),
    Column("session_id", BigInteger),
    _text("user_name", nullable=True),
    _text("remote"),
    _text("method"),
    _text("path"),
    Column("camera_id", BigInteger),
    Column("segment_id", BigInteger),
    _text("byte_range", nullable=True),
    Column("status", BigInteger, nullable=False),
    Column("bytes", BigInteger),
)
Index("footage_access_by_time", footage_access.c.at_utc)

users = Table(
    "users", metadata,
    Column("login", Text, primary_key=True),
    Column("full_name", Text, CheckConstraint("full_name != ''"), nullable=False),
    Column("role", Text, CheckConstraint("role IN ('operator', 'supervisor', 'police', 'administrator')"),
           nullable=False),
    _text("password_hash"),
    Column("failed_logins", BigInteger, nullable=False, server_default=text("0")),
    _text("locked_utc", nullable=True),
    _text("created_utc"),
    _text("updated_utc"),
    info={"since": 10},
)

user_groups = Table(
    "user_groups", metadata,
    Column("login", Text, ForeignKey("users.login", ondelete="CASCADE"), nullable=False),
    Column("grp", Text, nullable=False),
    PrimaryKeyConstraint("login", "grp"),
    info={"since": 10},
)

ptz_leases = Table(
    "ptz_leases", metadata,
    Column("camera_id", BigInteger, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    _text("holder_login"),
    _text("holder_name"),
    Column("holder_role", Text,
           CheckConstraint("holder_role IN ('operator', 'supervisor', 'police', 'administrator')"), nullable=False),
    _text("station"),
    _text("taken_utc"),
    _text("renewed_utc"),
    Column("expires_us", BigInteger, nullable=False),
    info={"since": 11},
)


def baseline_tables() -> list[Table]:
    """The tables a new PostgreSQL deployment is created with, before the later migrations run."""
    return [table for table in metadata.sorted_tables if table.info.get("since", 0) <= BASELINE_VERSION]
