"""Page footers with "strona X z Y": the total is known only after the last page, so pages are held back
until ``save`` and stamped then."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas


def numbered_canvas(font_name: str, footer_text: str, page_size: tuple[float, float] = A4,
                    margin: float = 20 * mm) -> type[Canvas]:
    """A canvas class for ``doc.build(..., canvasmaker=...)`` that prints ``footer_text`` on the left and
    "strona X z Y" on the right of every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(font_name, 7.5)
            self.drawString(margin, 10 * mm, footer_text)
            self.drawRightString(page_size[0] - margin, 10 * mm, f"strona {number} z {total}")
            self.restoreState()

    return NumberedCanvas
