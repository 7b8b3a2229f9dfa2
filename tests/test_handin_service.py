"""The hand-in service and its clients together, with a stand-in hub that maps tokens to names.

The isolation rules are checked here quickly; tests/hub/ checks them again on a real hub.
"""
import json
import urllib.error
import urllib.request

import pytest

from careerlab.handin import class_handins, hand_in, on_class_hub, results_document
from careerlab.handin.client import NO_ANSWER, NOT_ON_HUB
from careerlab.progress import ProgressStore
from handin_helpers import results, running_service


@pytest.fixture
def service(tmp_path):
    with running_service(tmp_path / "store") as url:
        yield url, tmp_path / "store"


def as_user(monkeypatch, url, token):
    monkeypatch.setenv("CAREERLAB_HANDIN_URL", url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", token)


def raw(url, route, token=None, method="GET", body=None):
    headers = {"Authorization": f"token {token}"} if token else {}
    request = urllib.request.Request(url + route, data=body, method=method, headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=20) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_off_a_hub_hand_in_says_so_and_sends_nothing(monkeypatch):
    monkeypatch.delenv("CAREERLAB_HANDIN_URL", raising=False)
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    assert not on_class_hub()
    receipt = hand_in(results())
    assert not receipt.ok and not receipt.on_hub and receipt.message == NOT_ON_HUB
    listing = class_handins()
    assert list(listing) == [] and not listing.ok and not listing.on_hub


def test_hand_in_is_stored_under_the_hub_name_not_the_typed_one(service, monkeypatch):
    url, folder = service
    as_user(monkeypatch, url, "tok-ada")
    receipt = hand_in({**results("Bob Builder"), "handed_in_by": "bob"})
    assert receipt.ok and receipt.username == "ada" and receipt.handed_in_at is not None
    assert "as ada" in receipt.message and "replaces" in receipt.message
    assert not (folder / "bob.json").exists()
    stored = json.loads((folder / "ada.json").read_text())
    assert stored["handed_in_by"] == "ada" and stored["learner"] == "Bob Builder"


def test_results_document_of_a_store_is_accepted(service, monkeypatch, tmp_path):
    url, folder = service
    store = ProgressStore(tmp_path / "progress.json")
    store.record("learner", "name", "Ada Example")
    store.record("quiz:01-two-roles", "_score", {"correct": 2, "answered": 3, "total": 5})
    as_user(monkeypatch, url, "tok-ada")
    assert hand_in(results_document(store)).ok
    stored = json.loads((folder / "ada.json").read_text())
    assert stored["learner"] == "Ada Example"
    assert stored["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 2


def test_instructor_sees_every_hand_in_with_its_time(service, monkeypatch):
    url, _ = service
    for token, name in (("tok-ada", "Ada"), ("tok-bob", "Bob"), ("tok-ada", "Ada again")):
        as_user(monkeypatch, url, token)
        assert hand_in(results(name)).ok
    as_user(monkeypatch, url, "tok-teacher")
    listing = class_handins()
    assert listing.ok and listing.message == "2 learners have handed in."
    assert [(h.username, h.doc["learner"]) for h in listing] == [("ada", "Ada again"), ("bob", "Bob")]
    assert all(h.handed_in_at is not None for h in listing)
    username, when, doc = listing[1]
    assert username == "bob" and doc["format"] == "careerlab-results"


def test_a_learner_cannot_list_or_read_another_learners_hand_in(service, monkeypatch):
    url, _ = service
    as_user(monkeypatch, url, "tok-bob")
    hand_in(results("Bob"))
    as_user(monkeypatch, url, "tok-ada")
    listing = class_handins()
    assert not listing.ok and list(listing) == [] and "instructors" in listing.message
    assert raw(url, "api/handins/bob", "tok-ada")[0] == 403
    assert raw(url, "api/handins", "tok-ada")[0] == 403
    assert raw(url, "api/handin", "tok-ada")[0] == 404  # their own: not handed in yet
    assert raw(url, "api/handin", "tok-bob")[1]["learner"] == "Bob"


def test_there_is_no_way_to_write_or_delete_under_another_name(service, monkeypatch):
    url, folder = service
    as_user(monkeypatch, url, "tok-bob")
    hand_in(results("Bob"))
    before = (folder / "bob.json").read_bytes()
    body = json.dumps(results("Ada pretending")).encode()
    for method in ("PUT", "POST", "DELETE"):
        status, _ = raw(url, "api/handins/bob", "tok-ada", method, body if method != "DELETE" else None)
        assert status == 405
    assert raw(url, "api/handin", "tok-ada", "DELETE")[0] == 405
    assert raw(url, "api/handin?user=bob", "tok-ada", "PUT", body)[1]["username"] == "ada"
    assert (folder / "bob.json").read_bytes() == before


@pytest.mark.parametrize("token, status", [(None, 401), ("tok-unknown", 401), ("tok-stranger", 403),
                                           ("tok-service", 403)])
def test_only_hub_users_with_access_can_hand_in(service, token, status):
    url, folder = service
    got, reply = raw(url, "api/handin", token, "PUT", json.dumps(results()).encode())
    assert got == status and reply["error"]
    assert list(folder.iterdir()) == []


def test_a_refusal_comes_back_as_a_plain_message(service, monkeypatch):
    url, _ = service
    as_user(monkeypatch, url, "tok-stranger")
    receipt = hand_in(results())
    assert not receipt.ok and receipt.on_hub and receipt.message == "This account may not use the course's hand-in."
    as_user(monkeypatch, url, "tok-ada")
    receipt = hand_in({"format": "careerlab-progress"})
    assert not receipt.ok and "not a careerlab results file" in receipt.message
    receipt = hand_in({**results(), "progress": {"x": {"y": object()}}})
    assert not receipt.ok and "not plain data" in receipt.message


def test_a_hub_service_that_does_not_answer_gives_a_message_not_an_error(monkeypatch):
    as_user(monkeypatch, "http://127.0.0.1:9/services/careerlab-handin/", "tok-ada")
    receipt = hand_in(results())
    assert not receipt.ok and receipt.on_hub and receipt.message == NO_ANSWER
    listing = class_handins()
    assert not listing.ok and listing.message == NO_ANSWER
