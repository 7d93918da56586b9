"""Bookmarks: marked incidents (moment, footage range, cameras, category), their history and evidence holds."""

from videowall.model.bookmark import DEFAULT_CATEGORIES, Bookmark, BookmarkFilter, BookmarkRevision

__all__ = ["DEFAULT_CATEGORIES", "Bookmark", "BookmarkFilter", "BookmarkRevision"]
