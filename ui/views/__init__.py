"""Saved views of the wall: the views panel and the layout editor."""
