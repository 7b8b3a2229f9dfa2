"""A message box that a screen reader reads out when its text changes ("Still unanswered: ...",
"Saved", "Exported"): the box is a live region (role="status") from the moment it is drawn,
before any text is put in it, since screen readers ignore a live region that arrives with its
text already in it."""
from __future__ import annotations

import re

import ipywidgets as W

LIVE_CLASS = "careerlab-live"
# ipywidgets gives no way to set an ARIA role on a widget's own element, and an HTML widget's
# value replaces everything inside it (a role inside the value would be a new region each time).
# So a small hidden widget that never changes holds a 1x1 picture whose onload gives the box
# around it role="status" (polite: a note about the form, not an urgent alert; MDN, WAI-ARIA).
# It waits for the box if its view is drawn before being put in it, then takes itself out of the
# page (its work is done, and no picture is left for a reader to meet). Picture: a transparent GIF.
_PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
_MARK_JS = ("(function mark(img, tries) {"
            f" var box = img.closest('.{LIVE_CLASS}');"
            " if (box) { box.setAttribute('role', 'status'); box.setAttribute('aria-live', 'polite');"
            " box.setAttribute('aria-atomic', 'true'); img.remove(); }"
            " else if (tries < 100) { setTimeout(mark, 50, img, tries + 1); }"
            "})(this, 0)")
MARKER_HTML = f'<img alt="" aria-hidden="true" width="1" height="1" src="{_PIXEL}" onload="{_MARK_JS}">'
# A message's own role="status" (careerlab.ui.message_html) would be a second region inside this one.
_INNER_ROLE = re.compile(r'\srole="(?:status|alert)"')


class StatusMessage(W.VBox):
    """Where a widget's messages show; set and read ``value`` (HTML) like an ``HTML`` widget's.

    >>> box = StatusMessage("careerlab-example-message")
    >>> box.value = '<div class="careerlab-msg" role="status">Saved</div>'
    >>> box.value
    '<div class="careerlab-msg">Saved</div>'
    """

    def __init__(self, css: str) -> None:
        super().__init__()
        self.text = W.HTML()
        self.marker = W.HTML(MARKER_HTML, layout=W.Layout(display="none"))
        self.children = (self.marker, self.text)
        self.add_class(LIVE_CLASS)
        self.add_class(css)

    @property
    def value(self) -> str:
        """The message shown now (HTML), "" for none."""
        return self.text.value

    @value.setter
    def value(self, html_text: str) -> None:
        self.text.value = _INNER_ROLE.sub("", html_text)
