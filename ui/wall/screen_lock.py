"""Whether the station's screen is locked: a locked screen shows no wall, so the walls decode nothing.

Qt has no such notion, so it is read from the desktop. On Linux the screen locker announces itself on the
session bus: ``ActiveChanged(bool)`` of the ``org.freedesktop.ScreenSaver`` interface (KDE, Xfce, Cinnamon,
light-locker, …) or ``org.gnome.ScreenSaver`` (GNOME), whichever service sends it. Without a session bus
(a service account, Windows until a native watch exists) the screen counts as unlocked, so nothing
stops decoding by mistake.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot

log = logging.getLogger(__name__)

_SCREENSAVERS = (("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                 ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
                 ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"))


class ScreenLock(QObject):
    changed = Signal(bool)      # True: the screen was locked

    def __init__(self, parent: QObject | None = None, bus=None) -> None:
        """``bus``: a QDBusConnection to watch instead of the session bus."""
        super().__init__(parent)
        self.locked = False
        self.watching = self._watch(bus)

    def set_locked(self, locked: bool) -> None:
        """What the desktop said (also the hook for another platform's watch)."""
        locked = bool(locked)
        if locked != self.locked:
            self.locked = locked
            log.info("screen %s: walls %s decoding", "locked" if locked else "unlocked",
                     "stop" if locked else "resume")
            self.changed.emit(locked)

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        self.set_locked(active)

    def _watch(self, bus) -> bool:
        if bus is None:
            try:
                from PySide6.QtDBus import QDBusConnection
            except ImportError:
                return False
            bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        watching = False
        for path, interface in _SCREENSAVERS:
            watching |= bus.connect("", path, interface, "ActiveChanged", self, SLOT("on_active_changed(bool)"))
        return watching


_instance: ScreenLock | None = None


def screen_lock() -> ScreenLock:
    """The process's one watch (created on first use, on the GUI thread)."""
    global _instance
    if _instance is None:
        _instance = ScreenLock()
    return _instance
