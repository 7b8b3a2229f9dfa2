"""Property tests: whatever bytes are in the progress file, the store never raises, keeps a damaged
file byte for byte, and keeps a good file's records unchanged."""
import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.progress import ProgressStore

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                      | TEXT, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                      max_leaves=20)
SECTIONS = st.dictionaries(TEXT, st.dictionaries(TEXT, VALUES, max_size=4), max_size=4)
HEADER = b'{"format": "careerlab-progress", "version": 1, "sections": '
# Pieces of JSON and of damage: deep nesting, huge numbers, NaN, lone surrogates, bad encodings.
TOKENS = [b"{", b"}", b"[", b"]", b":", b",", b'"s"', b'"k"', b"1", b"null", b"[" * 3000, b"{\"a\":" * 600,
          b"9" * 5000, b"1e999", b"NaN", b"-Infinity", b'"\\ud800"', b"\xff", b"\xef\xbb\xbf", b"\x00"]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=12).map(lambda parts: HEADER + b"".join(parts))


def _fresh(tmp_path):
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    return folder, folder / "progress.json"


@SETTINGS
@given(raw=st.binary(max_size=300) | st.binary(max_size=200).map(lambda b: HEADER + b) | SOUP)
def test_any_bytes_never_raise_and_a_damaged_file_is_kept(tmp_path, raw):
    folder, path = _fresh(tmp_path)
    path.write_bytes(raw)
    store = ProgressStore(path)
    store.sections()
    store.get("s", "k")
    backups = list(folder.glob("progress.unreadable-*.json"))
    if store.warning:
        assert [b.read_bytes() for b in backups] == [raw]
    else:
        assert backups == [] and path.read_bytes() == raw
    store.record("s", "k", 1)
    assert store.get("s", "k") == 1
    assert [b.read_bytes() for b in folder.glob("progress.unreadable-*.json")] == [raw] * len(backups)


@SETTINGS
@given(sections=SECTIONS)
def test_a_good_file_keeps_its_records(tmp_path, sections):
    _, path = _fresh(tmp_path)
    doc = {"format": "careerlab-progress", "version": 1, "sections": sections}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = ProgressStore(path)
    assert store.warning is None and store.sections() == sections
    store.record("__new__", "k", [1, "two"])
    again = ProgressStore(path).sections()
    assert again.pop("__new__")["k"] == [1, "two"]
    sections.pop("__new__", None)
    assert again == sections
