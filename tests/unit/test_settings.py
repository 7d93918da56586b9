"""Settings: round trip, migration, damaged files kept aside and reported, newer files left alone."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone

import pytest

from videowall.config.settings import CURRENT_VERSION, Settings, load_settings, save_settings
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError

CLOCK = FakeClock(start_utc=datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc))
BACKUP_NAME = "settings.json.corrupt-20260304T050607Z"


def test_missing_file_gives_defaults_without_error_or_file(tmp_path):
    path = tmp_path / "settings.json"
    settings, error = load_settings(path)
    assert settings == Settings()
    assert settings.timezone == "Europe/Warsaw" and settings.version == CURRENT_VERSION
    assert error is None
    assert not path.exists()


def test_round_trip_writes_current_version_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "settings.json"
    wanted = Settings(ui_language="pl", station_name="Dyżurka 1", wall_repaint_hz=30, max_live_decoders=9,
                      reconnect_max_backoff_s=12.5)
    save_settings(path, wanted)
    loaded, error = load_settings(path)
    assert error is None
    assert loaded == wanted
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == CURRENT_VERSION
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_save_replaces_previous_content(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(station_name="first"))
    save_settings(path, Settings(station_name="second"))
    assert load_settings(path)[0].station_name == "second"


def test_version_1_file_is_migrated_and_left_as_it_was_until_saved(tmp_path):
    path = tmp_path / "settings.json"
    original = json.dumps({"version": 1, "language": "en", "station_name": "North", "wall_repaint_hz": 20})
    path.write_text(original, encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None
    assert (settings.ui_language, settings.station_name, settings.wall_repaint_hz) == ("en", "North", 20)
    assert settings.version == CURRENT_VERSION
    assert path.read_text(encoding="utf-8") == original
    save_settings(path, settings)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["ui_language"] == "en" and "language" not in on_disk


@pytest.mark.parametrize("content", [
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[1, 2, 3]",
    b'{"station_name": "no version"}',
    b'{"version": 2, "wall_repaint_hz": 0}',
    b'{"version": 2, "timezone": "Mars/Olympus_Mons"}',
    b'{"version": 2, "ui_language": 7}',
    b'{"version": 2, "colour_theme": "dark"}',
])
def test_damaged_file_is_kept_aside_defaults_used_and_error_names_backup(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, error = load_settings(path, clock=CLOCK)
    backup = tmp_path / BACKUP_NAME
    assert settings == Settings()
    assert error is not None and error.kind is ErrorKind.STORAGE_CORRUPT
    assert str(backup) in error.user_message
    assert backup.read_bytes() == content
    assert not path.exists()


def test_error_says_what_is_wrong_with_the_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "colour_theme": "dark"}', encoding="utf-8")
    _, error = load_settings(path, clock=CLOCK)
    assert "colour_theme" in error.user_message


def test_second_damaged_file_in_the_same_second_gets_its_own_backup(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"first damage")
    load_settings(path, clock=CLOCK)
    path.write_bytes(b"second damage")
    _, error = load_settings(path, clock=CLOCK)
    assert (tmp_path / BACKUP_NAME).read_bytes() == b"first damage"
    assert (tmp_path / f"{BACKUP_NAME}-1").read_bytes() == b"second damage"
    assert f"{BACKUP_NAME}-1" in error.user_message


def test_unreadable_path_is_moved_aside_too(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()  # reading a directory fails like an unreadable file does
    settings, error = load_settings(path, clock=CLOCK)
    assert settings == Settings()
    assert error.kind is ErrorKind.STORAGE_CORRUPT
    assert (tmp_path / BACKUP_NAME).is_dir()


def test_file_from_newer_version_is_reported_and_never_touched(tmp_path):
    path = tmp_path / "settings.json"
    future = json.dumps({"version": CURRENT_VERSION + 5, "hologram_mode": True}).encode()
    path.write_bytes(future)
    settings, error = load_settings(path, clock=CLOCK)
    assert settings == Settings()
    assert error.kind is ErrorKind.STORAGE_ERROR
    assert "newer videowall" in error.user_message and str(CURRENT_VERSION + 5) in error.user_message
    with pytest.raises(VideowallError) as refused:
        save_settings(path, Settings(station_name="would overwrite"))
    assert refused.value.kind is ErrorKind.STORAGE_ERROR
    assert path.read_bytes() == future
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_invalid_values_are_refused_when_building_settings():
    with pytest.raises(VideowallError) as err:
        Settings(max_live_decoders=0)
    assert err.value.kind is ErrorKind.INVALID_INPUT
    assert "max_live_decoders" in err.value.user_message
    with pytest.raises(VideowallError):
        dataclasses.replace(Settings(), timezone="Not/A_Zone")
    with pytest.raises(VideowallError):
        Settings(station_name="line\nbreak")
    with pytest.raises(VideowallError):
        Settings(wall_repaint_hz=True)
    with pytest.raises(VideowallError, match="max_warm_sessions"):
        Settings(max_warm_sessions=-1)
    assert Settings(max_warm_sessions=0).max_warm_sessions == 0      # 0 turns warming off


def test_whole_seconds_backoff_is_read_as_float(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "reconnect_max_backoff_s": 45}', encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None
    assert settings.reconnect_max_backoff_s == 45.0 and isinstance(settings.reconnect_max_backoff_s, float)


def test_data_dir_precedence_and_private_creation(tmp_path, monkeypatch):
    from videowall.config.paths import data_dir, database_path, log_dir, settings_path

    monkeypatch.setenv("VIDEOWALL_DATA_DIR", str(tmp_path / "from-env"))
    explicit = data_dir(tmp_path / "explicit" / "dir")
    assert explicit == tmp_path / "explicit" / "dir" and explicit.stat().st_mode & 0o777 == 0o700
    from_env = data_dir()
    assert from_env == tmp_path / "from-env" and from_env.is_dir()
    assert settings_path(from_env) == from_env / "settings.json"
    assert database_path(from_env).parent == from_env
    assert log_dir(from_env).is_dir() and log_dir(from_env).parent == from_env


def test_write_atomic_replaces_whole_file_and_cleans_up_after_a_failure(tmp_path):
    from videowall.runtime.atomic import write_atomic

    path = tmp_path / "state.json"
    write_atomic(path, b"old")
    write_atomic(path, b"new content")
    assert path.read_bytes() == b"new content"
    with pytest.raises(TypeError):
        write_atomic(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_recording_settings_follow_the_polish_retention_rules(tmp_path):
    import pytest as _pytest

    from videowall.runtime.errors import ErrorKind, VideowallError
    assert Settings(deployment="gmina", retention_days=90).retention_days == 90
    for bad in (dict(retention_days=19), dict(retention_days=61), dict(deployment="gmina", retention_days=91),
                dict(deployment="police"), dict(min_free_gb=30.0, warn_free_gb=20.0)):
        with _pytest.raises(VideowallError) as err:
            Settings(**bad)
        assert err.value.kind is ErrorKind.INVALID_INPUT
    with _pytest.raises(VideowallError, match="20 to 60"):
        Settings(retention_days=61)


def test_version_2_file_gets_the_default_bookmark_settings(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "station_name": "Rynek", "retention_days": 40}', encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None
    assert (settings.version, settings.station_name, settings.retention_days) == (3, "Rynek", 40)
    assert settings.bookmark_categories[:2] == ("wykroczenie drogowe", "zakłócanie porządku")
    assert (settings.bookmark_pre_roll_s, settings.bookmark_post_roll_s) == (30, 60)


def test_bookmark_categories_and_rolls_survive_a_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(bookmark_categories=("kradzież", "pożar"), bookmark_pre_roll_s=0,
                                 bookmark_post_roll_s=3600))
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["bookmark_categories"] == ["kradzież", "pożar"]
    settings, error = load_settings(path)
    assert error is None
    assert settings.bookmark_categories == ("kradzież", "pożar")
    assert (settings.bookmark_pre_roll_s, settings.bookmark_post_roll_s) == (0, 3600)


@pytest.mark.parametrize(("changes", "named"), [
    ({"bookmark_categories": ()}, "bookmark_categories"),
    ({"bookmark_categories": ("kradzież", "Kradzież")}, "twice"),
    ({"bookmark_categories": ("kradzież", " ")}, "bookmark_categories"),
    ({"bookmark_categories": ("line\nbreak",)}, "bookmark_categories"),
    ({"bookmark_pre_roll_s": -1}, "bookmark_pre_roll_s"),
    ({"bookmark_post_roll_s": 3601}, "bookmark_post_roll_s"),
    ({"bookmark_post_roll_s": 1.5}, "bookmark_post_roll_s"),
    ({"bookmark_pre_roll_s": 0, "bookmark_post_roll_s": 0}, "both be 0"),
])
def test_invalid_bookmark_settings_are_refused(changes, named):
    with pytest.raises(VideowallError) as err:
        Settings(**changes)
    assert err.value.kind is ErrorKind.INVALID_INPUT
    assert named in err.value.user_message
