"""The disk cache of the ICD-10-CM index: used when good; rebuilt silently when missing,
stale or corrupt. The library build is replaced by a counter around the real data, so these
tests stay fast after the first build of the session."""
import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.codes import icd10cm_cache as cache

_REAL: dict = {}


@pytest.fixture(scope="module")
def built_by_child(tmp_path_factory):
    """One real build, in a child process (as a learner's first use does)."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("icd-cache")
    code = ("import sys; from pathlib import Path; from careerlab.codes import icd10cm_cache as c; "
            f"d, r = c.load(Path({str(folder)!r})); print(len(d['codes']), r, 'simple_icd_10_cm' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    return folder, out


def test_first_build_runs_in_a_child_process(built_by_child):
    folder, out = built_by_child
    assert out == "98505 April 1, 2026 False"  # the parent never imported the library
    assert len(list(folder.glob("icd10cm-*.json.gz"))) == 2


@pytest.fixture()
def counted_build(monkeypatch, built_by_child):
    if not _REAL:
        folder = built_by_child[0]
        key = cache.cache_key(cache.release_info())
        index = cache._read(next(folder.glob("icd10cm-index-*")), key)["index"]
        notes = cache._read(next(folder.glob("icd10cm-notes-*")), key)["notes"]
        _REAL["data"] = (index, notes)
    monkeypatch.setattr(cache, "BUILD_IN_CHILD", False)
    calls = []

    def fake():
        calls.append(1)
        return _REAL["data"]

    monkeypatch.setattr(cache, "build_from_library", fake)
    return calls


def _index_file(folder):
    return next(folder.glob("icd10cm-index-*.json.gz"))


def test_missing_cache_is_built_then_reused(tmp_path, counted_build):
    data, release = cache.load(tmp_path)
    assert release == "April 1, 2026" and len(counted_build) == 1
    assert len(data["codes"]) == 98505  # items in the release (CONTENT_BRIEF section 2)
    again, _ = cache.load(tmp_path)
    assert len(counted_build) == 1 and again["codes"] == data["codes"]


def test_corrupt_cache_is_rebuilt(tmp_path, counted_build):
    cache.load(tmp_path)
    _index_file(tmp_path).write_bytes(b"not gzip at all")
    data, _ = cache.load(tmp_path)
    assert len(counted_build) == 2 and len(data["codes"]) == 98505


def test_hand_edited_cache_with_bad_shape_is_rebuilt(tmp_path, counted_build):
    cache.load(tmp_path)
    path = _index_file(tmp_path)
    payload = json.loads(gzip.decompress(path.read_bytes()))
    payload["index"]["parent"] = payload["index"]["parent"][:10]
    path.write_bytes(gzip.compress(json.dumps(payload).encode()))
    cache.load(tmp_path)
    assert len(counted_build) == 2


def test_stale_cache_is_rebuilt(tmp_path, counted_build, monkeypatch):
    cache.load(tmp_path)
    real = cache.release_info()
    monkeypatch.setattr(cache, "release_info", lambda: {**real, "xml_size": real["xml_size"] + 1})
    cache.load(tmp_path)
    assert len(counted_build) == 2


def test_unwritable_cache_folder_still_works(tmp_path, counted_build, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setattr(cache, "BUILD_IN_CHILD", True)
    monkeypatch.setattr(cache, "_build_in_child", lambda folder: False)  # e.g. no subprocesses allowed
    data, _ = cache.load(blocker / "cache")
    assert len(data["codes"]) == 98505 and len(counted_build) == 1


def test_leaf_count_of_the_release(counted_build, tmp_path):
    data, _ = cache.load(tmp_path)
    has_child = set(data["parent"])
    leaves = [i for i, k in enumerate(data["kind"]) if k in "KSX" and i not in has_child]
    # 74,719 distinct billable codes; the brief's 74,724 counts five leaf categories twice
    # (each also names a one-category block, e.g. B20) - see the bench notes.
    assert len(leaves) == 74719


def test_release_info_without_importing_the_library():
    import subprocess
    import sys

    code = ("import sys; from careerlab.codes.icd10cm_cache import release_info; i = release_info(); "
            "print(i['library_version'], i['release'], 'simple_icd_10_cm' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "1.5.0 April 1, 2026 False"


# -- the shared, read-only cache the install step builds inside the environment ----------------
@pytest.fixture()
def shared(tmp_path, monkeypatch):
    """A shared-cache folder of the test's own (empty), never the one in .venv."""
    folder = tmp_path / "venv-share" / "careerlab" / "cache"
    monkeypatch.setenv(cache.SHARED_VARIABLE, str(folder))
    return folder


def test_the_shared_cache_defaults_to_the_environment_not_the_home(monkeypatch):
    import sys
    from pathlib import Path

    monkeypatch.delenv(cache.SHARED_VARIABLE, raising=False)
    assert cache.shared_cache_dir() == Path(sys.prefix) / "share" / "careerlab" / "cache"


def test_the_install_step_builds_the_shared_cache_once(shared, counted_build):
    assert cache.main(["--shared"]) == 0 and len(counted_build) == 1
    assert len(list(shared.glob("icd10cm-*.json.gz"))) == 2
    assert cache.main(["--shared"]) == 0 and len(counted_build) == 1  # already there: no second build
    assert cache.main([]) == 2


def test_a_learner_reads_the_shared_cache_and_writes_nothing(shared, counted_build, careerlab_home, monkeypatch):
    from careerlab.codes import icd10cm

    cache.main(["--shared"])
    assert cache.usable_dir() == shared
    for path in [shared, *shared.iterdir()]:  # read-only, as for a learner on a class hub
        path.chmod(0o555 if path.is_dir() else 0o444)
    monkeypatch.setattr(icd10cm, "_INDEX", None)
    index = icd10cm.get_index()
    assert len(index.codes) == 98505 and index.lookup("E11.9") is not None
    assert index.notes()["excludes1"]  # the notes come from the shared folder too
    assert len(counted_build) == 1  # only the install step built it
    assert not (careerlab_home / "cache").exists()


def test_a_missing_or_stale_shared_cache_falls_back_to_the_learners_own(shared, counted_build, monkeypatch):
    assert cache.usable_dir() == cache.cache_dir()  # nothing built yet
    cache.main(["--shared"])
    real = cache.release_info()
    monkeypatch.setattr(cache, "release_info", lambda: {**real, "xml_size": real["xml_size"] + 1})
    assert cache.usable_dir() == cache.cache_dir()  # same file names, another key: not used
    (shared / cache._file_name(real, "notes")).write_bytes(b"not gzip")
    monkeypatch.setattr(cache, "release_info", lambda: real)
    assert cache.usable_dir() == cache.cache_dir()  # a damaged file: not used either


_PARENT_ITEMS = st.one_of(st.integers(-5, 1500), st.booleans(), st.none(), st.floats(allow_nan=True),
                          st.text(max_size=3), st.lists(st.integers(), max_size=2))


@settings(max_examples=200, deadline=None, database=None)
@given(bad=st.lists(_PARENT_ITEMS, min_size=1, max_size=5), where=st.integers(0, 1199))
def test_a_hand_edited_parent_list_is_refused_in_plain_words(bad, where):
    """Anything but an int from -1 to n-1 in ``parent`` (a float, a bool, text, a code past the end)
    is refused with ValueError, which makes ``load`` rebuild: never a TypeError from deep inside."""
    n = 1200
    parent = [-1] + [0] * (n - 1)
    parent[where:where + len(bad)] = bad
    parent = parent[:n] + [0] * (n - len(parent))
    data = {"codes": [f"A{i:02d}" for i in range(n)], "desc": ["x"] * n, "kind": "K" * n,
            "parent": parent, "chapter": [0] * n}
    good = all(type(p) is int and -1 <= p < n for p in parent)
    if good:
        assert cache.validate_index(data) is data
    else:
        with pytest.raises(ValueError):
            cache.validate_index(data)


@settings(max_examples=200, deadline=None, database=None)
@given(nodes=st.lists(st.tuples(st.sampled_from(["A00", "A01", "A01.1", "B20", "1", "2"]),
                                st.sampled_from("CBKSX")), min_size=1, max_size=30))
def test_the_index_finds_each_code_as_a_plain_walk_would(nodes):
    """The fast build of ``Icd10cmIndex`` (Counter, regex, comprehension) gives the same answers as a
    plain walk: a category wins over a block of the same name, the first block over a later one,
    chapters are found by number, and each node counts its children."""
    from careerlab.codes.icd10cm import Icd10cmIndex

    codes = [c if k != "C" else str(i + 1) for i, (c, k) in enumerate(nodes)]
    kind = "".join(k for _, k in nodes)
    parent = [i - 1 for i in range(len(codes))]
    index = Icd10cmIndex({"codes": codes, "desc": codes, "kind": kind, "parent": parent,
                          "chapter": [0] * len(codes)})
    by_code, chapters = {}, {}
    for i, (code, k) in enumerate(zip(codes, kind)):
        if k == "C":
            chapters[int(code)] = i
        elif k == "B":
            by_code.setdefault(code, i)
        else:
            by_code[code] = i
    assert index.by_code == by_code and index.chapters == chapters
    assert index.n_children == [1] * (len(codes) - 1) + [0]
