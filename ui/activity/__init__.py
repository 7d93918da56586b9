"""The activity record (informacja) in the GUI: of one bookmark, or of a shift."""

from ui.activity.save_record import save_bookmark_record
from ui.activity.shift_dialog import ShiftRecordDialog

__all__ = ["ShiftRecordDialog", "save_bookmark_record"]
