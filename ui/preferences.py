"""The operator's display preferences (theme, panels), kept in ``ui.ini`` beside the station's data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.theme import DEFAULT_THEME, THEMES


class UiPreferences:
    def __init__(self, data_dir: Path) -> None:
        self._settings = QSettings(str(Path(data_dir) / "ui.ini"), QSettings.Format.IniFormat)

    @property
    def theme(self) -> str:
        value = self._settings.value("display/theme", DEFAULT_THEME)
        return value if value in THEMES else DEFAULT_THEME

    @theme.setter
    def theme(self, name: str) -> None:
        self._settings.setValue("display/theme", name)
        self._settings.sync()
