"""Printable PDF documents shared by features (fonts with Polish letters, page numbering)."""
