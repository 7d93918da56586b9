"""QApplication set-up: platform, translations, and the one place uncaught errors are reported."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.gc_guard import install_gui_thread_collector
from ui.i18n import translation_paths
from videowall.runtime.redaction import redact

log = logging.getLogger(__name__)


def create_application(offscreen: bool = False, language: str | None = None) -> QApplication:
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("videowall")
    app.setOrganizationName("videowall")
    install_translator(app, language)
    install_excepthooks()
    install_gui_thread_collector(app)
    return app


def choose_language(setting: str | None, system_locale: str | None = None) -> str:
    """Polish where the setting or the system locale says Polish; English otherwise."""
    if setting in ("pl", "en"):
        return setting
    locale = system_locale if system_locale is not None else QLocale.system().name()
    return "pl" if locale.lower().startswith("pl") else "en"


def install_translator(app: QApplication, language: str | None) -> list[QTranslator]:
    """Install Qt's and every feature's translation for the chosen language (replacing earlier ones)."""
    for old in getattr(app, "_videowall_translators", []):
        app.removeTranslator(old)
    installed = []
    chosen = choose_language(language)
    for path in [*qt_translation_paths(chosen), *translation_paths(chosen)]:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load translation %s", path.name)
    app._videowall_translators = installed
    return installed


def qt_translation_paths(language: str) -> list[Path]:
    """Qt's own translations (dialog buttons, file dialogs, context menus of text fields) for ``language``."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [path for path in (folder / f"qtbase_{language}.qm",) if path.exists()]


def install_excepthooks() -> None:
    """Uncaught errors are logged (redacted) instead of silently killing a thread or the app."""
    def on_exception(exc_type, exc, tb) -> None:
        log.critical("uncaught error: %s", redact(f"{exc_type.__name__}: {exc}"), exc_info=(exc_type, exc, tb))

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        log.critical("uncaught error in thread %s: %s", name, redact(f"{args.exc_type.__name__}: {args.exc_value}"),
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
