"""Logging in at the station: at start, and to lock or switch user at shift change while the wall runs."""
