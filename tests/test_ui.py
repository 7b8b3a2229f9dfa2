"""Shared widget helpers: messages never rely on colour alone, and a failing callback shows a
plain message instead of a traceback."""
import ipywidgets as W

from careerlab.ui import message_html, safe_callback


def test_message_carries_icon_and_word_and_escapes_text():
    box = message_html("<b>5 < 6</b>", "error")
    assert "Not quite" in box and "✖" in box
    assert "&lt;b&gt;5 &lt; 6&lt;/b&gt;" in box
    assert "Saved" in message_html("x", "ok", title="Saved")


def test_safe_callback_turns_an_error_into_a_message():
    out = W.HTML()
    button = W.Button(description="Go")

    @safe_callback(out)
    def boom(_):
        raise KeyError("visit-7")

    button.on_click(boom)
    button.click()  # must not raise
    assert "Sorry" in out.value and "nothing you saved was lost" in out.value and "visit-7" in out.value
