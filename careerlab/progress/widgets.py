"""The "My progress" panel: name, hand in (or export) the results, reset with a confirmation."""
from __future__ import annotations

import html

import ipywidgets as W

from careerlab.progress import record
from careerlab.progress.shapes import matches
from careerlab.progress.store import ProgressStore, default_store
from careerlab.progress.text import export_html, has_name
from careerlab.ui import message_html, readable, safe_callback, show_message, shown_path

# The name box's width: the label and a whole placeholder ("as your instructor should see it")
# fit; the default 300 px cut the self-assessment's placeholder off in the lab.
NAME_BOX_WIDTH = "26em"
RESET_QUESTION = ("Your saved answers, scores and name are all cleared, and you start again from empty. "
                  "The old file is kept as a backup. Press Yes, reset to go on, or Cancel to keep everything.")
NAME_PLACEHOLDER = "as your instructor should see it"
MAX_NAME = 200  # characters: any real name fits; ``W.Text`` has no maxlength, so longer is cut on save


def _capped(text: str) -> str:
    return text[:MAX_NAME].rstrip()


def _summary(store: ProgressStore) -> str:
    sections = store.sections()
    quizzes = {k: v.get(record.SCORE_KEY) for k, v in sections.items() if record.is_quiz(k)}
    lines = [f"{record.lesson_of(name)}: {s['correct']} of {s['total']} correct"
             for name, s in sorted(quizzes.items()) if matches(s, {"correct": int, "total": int})]
    for name, entries in sorted(sections.items()):
        if name.startswith(record.EXERCISE_PREFIX) and isinstance(entries, dict) and entries:
            lines.append(f"{record.lesson_of(name)}: {len(entries)} "
                         f"{'exercise' if len(entries) == 1 else 'exercises'} done")
    if record.ROLE_FIT in sections.get(record.ASSESSMENT, {}):
        lines.append("self-assessment: done")
    return "; ".join(lines)


def _export_words(store: ProgressStore) -> str:
    """What the exported file holds, in a sentence (never "nothing saved yet" under a saved file)."""
    done = _summary(store)
    if done:
        return f"Hand in that one file. It holds: {done}."
    if not has_name(store):  # never "only your name" above a file that has no name either
        return ("It holds nothing yet: type your name above, do the lessons, and export again; then hand in "
                "that one file.")
    return ("Hand in that one file when your instructor asks. It holds only your name so far; "
            "export again after the lessons and it holds your answers too.")


def progress_panel(store: ProgressStore | None = None) -> W.VBox:
    """Build the panel that shows where progress is saved and exports or resets it."""
    store = store or default_store()
    out = W.Output()
    name = W.Text(
        value=store.read(record.LEARNER, record.NAME, str, ""),
        description="Your name",
        placeholder=NAME_PLACEHOLDER,
        style={"description_width": "initial"},
        layout=W.Layout(width=NAME_BOX_WIDTH),
    )
    auto = {"width": "auto"}  # whole labels, never "Export my res…"
    save_name = W.Button(description="Save name", icon="check", tooltip="Save your name for the results file",
                         layout=W.Layout(**auto))
    export = W.Button(description="Export my results", icon="download", tooltip="Write one file to hand in",
                      layout=W.Layout(**auto))
    handin = W.Button(description="Hand in", icon="paper-plane", button_style="primary",
                      tooltip="Send your results to your instructor (on a class hub) or download them",
                      layout=W.Layout(**auto))
    handin_message = W.HTML()  # the receipt, or the export's (and off a hub the hand-in's) download link
    reset = W.Button(description="Reset my progress…", icon="undo", tooltip="Start again (asks first)",
                     layout=W.Layout(**auto))
    confirm = W.Button(description="Yes, reset", button_style="danger", layout=W.Layout(display="none", **auto))
    cancel = W.Button(description="Cancel", layout=W.Layout(display="none", **auto))
    # The question and its answer buttons sit right under Reset, where the learner looks; what
    # the reset did shows there too (not at the panel's foot, under the live-sharing note).
    reset_note = W.HTML()
    reset_box = W.VBox([reset_note, W.HBox([confirm, cancel])])
    share = W.Checkbox(value=store.get(record.LEARNER, record.SHARE_LIVE) is True, indent=False,
                       description="Share my answers live with my instructor (class hub)",
                       layout=W.Layout(width="auto"))
    share_note = W.HTML()
    for widget, cls in ((share, "share-live"), (handin, "handin"), (export, "export"), (reset, "reset"), (confirm, "confirm"), (name, "name"),
                        (handin_message, "message"), (reset_note, "reset-note")):
        widget.add_class(f"careerlab-progress-{cls}")

    def ask(show: bool) -> None:
        confirm.layout.display = cancel.layout.display = None if show else "none"

    @safe_callback(out)
    def on_save_name(_=None):
        text = name.value.strip()
        if not text:
            show_message(out, "Type your name first (any name your instructor will recognise).", "warn")
            return
        cut = len(text) > MAX_NAME
        if cut:
            text = name.value = _capped(text)
        if not store.record(record.LEARNER, record.NAME, text) and store.warning:
            show_message(out, store.warning, "warn", title="About your saved progress")
            return
        shortened = f" It was shortened to {MAX_NAME} characters, the most a name can have." if cut else ""
        show_message(out, f"Saved. Your results file will carry the name “{text}”.{shortened}", "ok",
                     title="Saved")

    def keep_typed_name() -> None:
        text = _capped(name.value.strip())
        if text and text != store.get(record.LEARNER, record.NAME):
            store.record(record.LEARNER, record.NAME, text)

    @safe_callback(handin_message)
    def on_handin(_=None):
        from careerlab.handin.button import hand_in_html

        keep_typed_name()
        out.clear_output()
        reset_note.value = ""  # an earlier reset's note would sit above this result
        handin_message.value = hand_in_html(store)[1]

    @safe_callback(handin_message)
    def on_export(_=None):
        keep_typed_name()
        out.clear_output()
        reset_note.value = ""  # an earlier reset's note would sit above this result
        handin_message.value = export_html(store.export_copy(), _export_words(store), named=has_name(store))

    @safe_callback(reset_note)
    def on_reset(_=None):
        ask(True)
        handin_message.value = ""  # an earlier "Exported" would read as the answer to this question
        reset_note.value = message_html(RESET_QUESTION, "warn", title="Reset everything")

    @safe_callback(reset_note)
    def on_confirm(_=None):
        ask(False)
        handin_message.value = ""
        backup = store.reset(confirm=True)
        share.value = False  # a reset learner shares nothing until they tick the box again
        name.value = ""  # the name was part of the saved progress too
        where = f" The old answers are kept in {backup.name}, next to your saved progress file." if backup else ""
        reset_note.value = message_html("Your progress starts again from empty." + where
                                        + " Answers still showing in this page's quizzes are no longer saved: run "
                                          "a quiz's cell again to start it fresh.", "info", title="Reset done")

    @safe_callback(reset_note)
    def on_cancel(_=None):
        ask(False)
        reset_note.value = message_html("Nothing was changed.", "info", title="Cancelled")

    @safe_callback(out)
    def on_share(change):
        from careerlab.handin.live_share import WHAT_IS_SHARED

        if not store.record(record.LEARNER, record.SHARE_LIVE, bool(change["new"])) and store.warning:
            show_message(out, store.warning, "warn", title="About your saved progress")
            return
        from careerlab.handin.live_share import withdraw

        state = ("<b>On:</b> your answers are shared live." if change["new"]
                 else "<b>Off:</b> nothing is shared live.")
        note = None if change["new"] else withdraw(store)
        state += f" {html.escape(note)}" if note else ""
        share_note.value = readable(f"<p style='margin:0 0 4px'>{state} {WHAT_IS_SHARED}</p>")

    save_name.on_click(on_save_name)
    share.observe(on_share, names="value")
    handin.on_click(on_handin)
    export.on_click(on_export)
    reset.on_click(on_reset)
    confirm.on_click(on_confirm)
    cancel.on_click(on_cancel)
    header = W.HTML(f"<b>My progress</b> — saved in <code>{html.escape(shown_path(store.path))}</code>")
    if store.warning:
        show_message(out, store.warning, "warn", title="About your saved progress")
    from careerlab.handin.live_share import WHAT_IS_SHARED

    share_note.value = readable(f"<p style='margin:0 0 4px'>{WHAT_IS_SHARED}</p>")
    panel = W.VBox([header, W.HBox([name, save_name]), W.HBox([handin, export, reset]),
                    reset_box, handin_message, share, share_note, out])
    panel.add_class("careerlab-progress-panel")
    panel.children_by_role = {  # handy for tests and for instructors poking at it
        "name": name, "save_name": save_name, "share_live": share, "share_note": share_note, "handin": handin, "handin_message": handin_message,
        "export": export, "reset": reset,
        "confirm": confirm, "cancel": cancel, "reset_note": reset_note, "out": out,
    }
    return panel
