"""Bookmarks in the GUI: the hotkey's create-and-edit flow, the bookmarks panel, history and evidence dialogs."""
