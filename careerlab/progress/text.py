"""Sentences of the saved-progress area: where an export went, in plain words, with its link."""
from __future__ import annotations

from careerlab.progress import record
from careerlab.progress.store import Exported, ProgressStore
from careerlab.ui import download_link, message_html


def has_name(store: ProgressStore) -> bool:
    """Whether a name is saved for the results file (without one it is ``careerlab-results-learner-…``)."""
    return bool(store.read(record.LEARNER, record.NAME, str, "").strip())


def unnamed_html(file_name: str) -> str:
    """The warning shown with an export that carries no name (its file is ``careerlab-results-learner-…``)."""
    return message_html(
        f"You have not typed a name, so the file is called {file_name} and your instructor will not know it "
        "is yours. Type your name in the box above and export again; hand in the new file.",
        "warn", title="No name on your file")


def export_html(exported: Exported, then: str = "Hand in that one file.", *, named: bool = True,
                lead: str = "", title: str = "Exported", kind: str = "ok") -> str:
    """Where an export went, in plain words (the copy in my-results, never a server path), and its
    download link; when the copy could not be saved, the link alone, and a sentence saying so.
    ``named=False`` (no name saved): a warning first, saying the file does not say whose it is.
    ``lead``, ``title`` and ``kind``: a first sentence, heading and kind of box for a saved copy
    (off a class hub, Hand in says it sent nothing, in a note rather than a green "Exported")."""
    folder = record.MY_RESULTS
    if exported.saved is not None:
        text = (f"{lead}Saved as {exported.shown}, in the {folder} folder beside this notebook (open it in the "
                f"file browser on the left). Or download it with the link below. {then}")
    else:
        text = (f"{lead}Your results file is ready: download it with the link below. {then} A copy could not be "
                f"saved in the {folder} folder beside this notebook, because that folder cannot be written "
                "on this computer; the download has everything.")
        kind, title = "warn", "Download your results"
    link = download_link(exported.name, exported.data, f"Download {exported.name}", "careerlab-download-results")
    warning = "" if named else unnamed_html(exported.name)
    return warning + message_html(text, kind, title=title) + f'<p class="careerlab-downloads" style="margin:4px 0">{link}</p>'
