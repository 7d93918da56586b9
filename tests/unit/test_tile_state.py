from ui.wall.tile_state import tile_label
from videowall.media.types import SessionState, SessionStatus


def test_live_is_not_a_problem():
    label = tile_label(SessionStatus(SessionState.LIVE))
    assert label.text == "live" and not label.problem and label.retry_in_s is None


def test_reconnecting_counts_whole_seconds_up():
    label = tile_label(SessionStatus(SessionState.RECONNECTING, retry_in_s=2.2))
    assert label.retry_in_s == 3
    assert label.report_text == "reconnecting in 3 s"
    assert label.problem


def test_auth_failed_and_unreachable_are_problems():
    assert tile_label(SessionStatus(SessionState.AUTH_FAILED, retry_in_s=9.5)).report_text == \
        "authentication failed in 10 s"
    assert tile_label(SessionStatus(SessionState.UNREACHABLE)).report_text == "unreachable"
    assert tile_label(SessionStatus(SessionState.INVALID_URL)).problem


def test_retry_is_ignored_for_states_that_do_not_retry():
    assert tile_label(SessionStatus(SessionState.LIVE, retry_in_s=4)).retry_in_s is None
