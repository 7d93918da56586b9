"""Recording: fMP4 segments of the live sessions, their SQLite index, retention and legal holds."""
