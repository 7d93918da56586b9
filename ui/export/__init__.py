"""Evidence export dialog (GUI side of ``videowall.evidence``): ``open_export_dialog`` is the entry point."""

from ui.export.dialog import ExportDialog, open_export_dialog
from ui.export.services import ExportServices, services_for

__all__ = ["ExportDialog", "ExportServices", "open_export_dialog", "services_for"]
