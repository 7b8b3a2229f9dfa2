"""What a "Hand in" button does, shared by the progress panel and the self-assessment.

On a class hub the learner's results go to the course through ``hand_in``, under the hub's name
for the learner (never the name typed in a box), and the receipt says when and as whom. Off a hub
the results are exported as today and offered as a browser download, with no server path shown.
Never raises for a hub or network problem: ``hand_in`` turns those into a plain sentence.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from careerlab.ui import message_html

OFF_HUB = ("You are not on a class hub, so your results were saved as one file instead. "
           "Download it with the link below and give it to your instructor.")


def hand_in_html(store: Any) -> tuple[bool, str]:
    """Hand in (or, off a hub, export) ``store``'s results; (handed in or exported, HTML to show)."""
    from careerlab.assessment.export import download_link
    from careerlab.handin import client

    receipt = client.hand_in(client.results_document(store))
    if receipt.ok:
        return True, message_html(receipt.message, "ok", title="Handed in")
    if receipt.on_hub:
        return False, message_html(receipt.message, "warn", title="Not handed in")
    path = Path(store.export())
    link = download_link(path.name, path.read_bytes(), f"Results file ({path.name})",
                         "careerlab-download-results")
    return True, (message_html(OFF_HUB, "info", title="Saved as a file")
                  + f'<p class="careerlab-downloads" style="margin:4px 0">{link}</p>')
