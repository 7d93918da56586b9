from videowall.media.decoder import MAX_LAG_S, LagTracker


def test_real_time_stream_has_no_lag_even_with_a_constant_offset():
    lag = LagTracker()
    for i in range(100):
        assert lag.lag_s(stream_time_s=1000.0 + i * 0.04, arrival_s=5.0 + i * 0.04) == 0.0


def test_jitter_counts_only_above_the_fastest_packet():
    lag = LagTracker()
    lag.lag_s(10.0, 100.0)
    assert abs(lag.lag_s(10.04, 100.06) - 0.02) < 1e-9
    assert lag.lag_s(10.08, 100.07) == 0.0      # an earlier-than-ever arrival becomes the new baseline


def test_falling_behind_grows_the_lag_past_the_threshold():
    lag = LagTracker()
    arrival = 0.0
    values = []
    for i in range(50):                          # handled 30 % slower than real time
        arrival += 0.04 * 1.3
        values.append(lag.lag_s(i * 0.04, arrival))
    assert values == sorted(values)
    assert values[-1] > MAX_LAG_S


def test_missing_timestamps_and_reset():
    lag = LagTracker()
    assert lag.lag_s(None, 50.0) == 0.0
    lag.lag_s(0.0, 0.0)
    assert lag.lag_s(1.0, 3.0) == 2.0
    lag.reset()
    assert lag.lag_s(1.0, 3.0) == 0.0
