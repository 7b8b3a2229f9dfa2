"""What a "Hand in" button does, shared by the progress panel and the self-assessment.

On a class hub the learner's results go to the course through ``hand_in``, under the hub's name
for the learner (never the name typed in a box), and the receipt says when and as whom. Off a hub
the results are exported (a copy in my-results/ beside the notebook) and offered as a browser
download, with no server path shown.
Never raises for a hub or network problem: ``hand_in`` turns those into a plain sentence.
"""
from __future__ import annotations

from typing import Any

from careerlab.ui import message_html

# Off a class hub nothing is handed in: the note says so first, in a blue note box (never a green
# "Exported" over a hand-in that did not happen), then where the results file is.
OFF_HUB_LEAD = ("Handing in works only on the class hub, and you are not on a class hub, so nothing was "
                "sent. ")
OFF_HUB = "Give that one file to your instructor."
OFF_HUB_TITLE = "Not handed in: your results are saved on this computer"


def hand_in_html(store: Any) -> tuple[bool, str]:
    """Hand in (or, off a hub, export) ``store``'s results; (handed in or exported, HTML to show)."""
    from careerlab.handin import client
    from careerlab.progress.text import export_html, has_name

    receipt = client.hand_in(client.results_document(store))
    if receipt.ok:
        return True, message_html(receipt.message, "ok", title="Handed in")
    if receipt.on_hub:
        return False, message_html(receipt.message, "warn", title="Not handed in")
    return True, export_html(store.export_copy(), OFF_HUB, named=has_name(store), lead=OFF_HUB_LEAD,
                             title=OFF_HUB_TITLE, kind="info")
