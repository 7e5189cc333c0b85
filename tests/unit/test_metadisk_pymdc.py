"""The ``pymdc`` adapter: old code's calls, dict answers, and ``callback=`` delivering the JSON,
an ``{"error": ...}`` dict, or the exception, on a thread."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from cloudspec.metadisk import MetadiskNotFoundError, pymdc


class _Bridge:
    """A stand-in bridge answering two calls, reached through httpx's mock transport."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/buckets" and request.method == "GET":
            return httpx.Response(200, json=[{"id": "b1", "name": "cats", "storage": 10}])
        if request.url.path == "/buckets/b2":
            return httpx.Response(404, json={"error": "Bucket not found"})
        raise httpx.ConnectError("unreachable", request=request)


@pytest.fixture(autouse=True)
def mock_network(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = httpx.MockTransport(_Bridge())
    original = httpx.HTTPTransport.handle_request

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        if request.url.host == "bridge.test":
            return transport.handle_request(request)
        return original(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle)


def _wait(call: Any) -> Any:
    results: list[Any] = []
    done = threading.Event()

    def callback(result: Any) -> None:
        results.append(result)
        done.set()

    thread = call(callback)
    assert isinstance(thread, threading.Thread)
    assert done.wait(10)
    thread.join(10)
    return results[0]


def test_key_pair_round_trips_through_its_hex_as_in_the_readme() -> None:
    key_pair = pymdc.keypair.ECDSA()
    again = pymdc.keypair.ECDSA(key_pair.get_public_key(), key_pair.get_private_key())
    assert again.get_public_key() == key_pair.get_public_key()
    assert len(key_pair.get_public_key()) == 66
    with pytest.raises(ValueError):
        pymdc.keypair.ECDSA(pymdc.keypair.ECDSA().get_public_key(), key_pair.get_private_key())


def test_blocking_calls_answer_json_and_raise_typed_errors() -> None:
    key_pair = pymdc.keypair.ECDSA()
    buckets = pymdc.api.buckets.Buckets(key_pair, url="http://bridge.test")
    assert buckets.list() == [{"id": "b1", "name": "cats", "storage": 10}]
    with pytest.raises(MetadiskNotFoundError):
        pymdc.api.buckets.Bucket("b2", key_pair, url="http://bridge.test").list()


def test_callbacks_get_the_json_the_error_dict_or_the_exception() -> None:
    key_pair = pymdc.keypair.ECDSA()
    buckets = pymdc.api.buckets.Buckets(key_pair, url="http://bridge.test")
    assert _wait(lambda cb: buckets.list(callback=cb))[0]["name"] == "cats"
    missing = pymdc.api.buckets.Bucket("b2", key_pair, url="http://bridge.test")
    assert _wait(lambda cb: missing.list(callback=cb)) == {"error": "Bucket not found"}
    broken = pymdc.api.buckets.Bucket("b3", key_pair, url="http://bridge.test")
    failure = _wait(lambda cb: broken.delete(callback=cb))
    assert isinstance(failure, Exception)
