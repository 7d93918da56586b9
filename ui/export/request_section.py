"""The authority's request, field for field as ``ExportRequest`` holds it; required fields say so inline."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ui.export.texts import tr

ERROR_STYLE = "color: #c62828;"
TEXT_BOX_HEIGHT = 54


@dataclass(frozen=True)
class RequestValues:
    exhibit_id: str
    authority: str
    case_number: str
    request_ref: str
    officer_name: str
    officer_rank: str
    officer_badge: str
    legal_basis: str
    reason: str
    incident_description: str
    incident_place: str


def _fields() -> list[tuple[str, str, bool, str]]:
    """(name, label, required, placeholder) in the order of the form."""
    return [
        ("exhibit_id", tr("Exhibit id"), True, tr("local register number, e.g. SM-2026-000123")),
        ("authority", tr("Requesting authority"), True, tr("e.g. Komenda Miejska Policji w Krakowie")),
        ("case_number", tr("Case number"), True, tr("the authority's case reference (sygnatura)")),
        ("request_ref", tr("Request reference"), False, tr("reference of the written request, if any")),
        ("officer_name", tr("Officer"), True, tr("first and last name of the officer")),
        ("officer_rank", tr("Rank"), False, ""),
        ("officer_badge", tr("Badge number"), False, ""),
        ("legal_basis", tr("Legal basis"), True, tr("e.g. art. 217 § 1 KPK")),
        ("reason", tr("Reason"), True, tr("why the footage is requested")),
        ("incident_description", tr("Incident"), False, tr("what happened")),
        ("incident_place", tr("Place"), False, tr("where it happened")),
    ]


_MULTILINE = {"reason", "incident_description"}


def _required_message(name: str) -> str:
    messages = {
        "exhibit_id": tr("Enter the exhibit id: it names the package folder on the medium."),
        "authority": tr("Enter the authority that requested the footage."),
        "case_number": tr("Enter the case number of the request."),
        "officer_name": tr("Enter the officer who requested the footage."),
        "legal_basis": tr("Enter the legal basis of the request."),
        "reason": tr("Enter the reason for the request."),
    }
    return messages[name]


class RequestSection(QGroupBox):
    def __init__(self, parent=None) -> None:
        super().__init__(tr("Request"), parent)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._required: list[str] = []
        form = QFormLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, required, placeholder in _fields():
            editor = QPlainTextEdit() if name in _MULTILINE else QLineEdit()
            editor.setObjectName(f"export_{name}")
            editor.setPlaceholderText(placeholder)
            if isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(TEXT_BOX_HEIGHT)
                editor.textChanged.connect(lambda n=name: self._clear_error(n))
            else:
                editor.textChanged.connect(lambda _text, n=name: self._clear_error(n))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            column.addWidget(error)
            form.addRow(f"{label} *" if required else label, cell)
            self.inputs[name], self.errors[name] = editor, error
            if required:
                self._required.append(name)

    def set_value(self, name: str, text: str) -> None:
        editor = self.inputs[name]
        editor.setPlainText(text) if isinstance(editor, QPlainTextEdit) else editor.setText(text)

    def value(self, name: str) -> str:
        editor = self.inputs[name]
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        return text.strip()

    def values(self) -> RequestValues:
        return RequestValues(**{name: self.value(name) for name in self.inputs})

    def check_required(self) -> list[str]:
        """Show a message under every empty required field; the names of those fields, first on the form first."""
        missing = [name for name in self._required if not self.value(name)]
        for name in self._required:
            self.errors[name].setText(_required_message(name) if name in missing else "")
            self.errors[name].setVisible(name in missing)
        if missing:
            self.inputs[missing[0]].setFocus()
        return missing

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()
