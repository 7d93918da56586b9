"""The core's messages (English source texts, errors and warnings) in the UI language: context "core"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "core"


def core_text(message: str) -> str:
    return QCoreApplication.translate(CONTEXT, message)
