"""The guards issue 7's secrets, TLS and redirect tests led to, each pinned on its own:

* a certificate that fails to verify is never retried (the same certificate comes back);
* ``verify="<CA bundle>"`` becomes an SSLContext (httpx 0.28 deprecates a str);
* ``verify=False`` warns at the user's line, through any number of cloudspec constructors;
* a 307/308 that would carry a body to another origin is not followed;
* a server echoing a request's credentials back sees them redacted (debug output, errors);
* oauthlib's DEBUG records of a signature never appear while a client signs.
"""

from __future__ import annotations

import base64
import logging
import ssl
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx
import pytest
import trustme

from cloudspec.core import REDACTED, RetryPolicy, build_client
from cloudspec.core.errors import APIError, ConnectionError, map_transport_errors
from cloudspec.core.redact import Redactor
from cloudspec.core.retry import is_certificate_error
from cloudspec.kinto import KintoClient
from cloudspec.smartfile.auth import OAuth1Auth


def _certificate_failure() -> httpx.ConnectError:
    try:
        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed")
        except ssl.SSLError as cause:
            raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]") from cause
    except httpx.ConnectError as error:
        return error


def test_certificate_failures_are_not_retried() -> None:
    request = httpx.Request("GET", "https://example.test/")
    policy = RetryPolicy(max_retries=3, budget=None)
    failure = _certificate_failure()
    assert is_certificate_error(failure)
    assert policy.delay_for_error(request, failure, 0, 0.5) is None
    refused = httpx.ConnectError("connection refused")
    assert not is_certificate_error(refused)
    assert policy.delay_for_error(request, refused, 0, 0.5) is not None


def test_certificate_failure_is_a_typed_connection_error() -> None:
    with pytest.raises(ConnectionError) as info, map_transport_errors():
        raise _certificate_failure()
    assert is_certificate_error(info.value)


def test_verify_with_a_bundle_path_builds_a_context(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(bundle))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # httpx's DeprecationWarning for verify=<str>
        build_client("https://example.test", verify=str(bundle)).close()
        build_client("https://example.test", verify=str(tmp_path)).close()  # a directory


def test_verify_false_warns_at_the_users_line_through_a_client() -> None:
    with pytest.warns(UserWarning, match="verification is off") as caught:
        KintoClient(server_url="https://kinto.test/v1", verify=False).close()
    assert {w.filename for w in caught} == {__file__}


def _redirecting(status: int, location: str, seen: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/start":
            return httpx.Response(status, headers={"Location": location})
        return httpx.Response(200, json={"ok": True})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("status", [307, 308])
def test_a_body_never_follows_a_redirect_to_another_origin(status: int) -> None:
    seen: list[str] = []
    transport = _redirecting(status, "http://elsewhere.test/steal", seen)
    with build_client("http://a.test", transport=transport, follow_redirects=True) as client:
        response = client.post("/start", data={"password": "s3cret-value"})
    assert response.status_code == status
    assert seen == ["http://a.test/start"]


def test_same_origin_and_bodiless_redirects_are_followed() -> None:
    seen: list[str] = []
    transport = _redirecting(307, "/next", seen)
    with build_client("http://a.test", transport=transport, follow_redirects=True) as client:
        assert client.post("/start", data={"a": "1"}).status_code == 200
    assert seen == ["http://a.test/start", "http://a.test/next"]
    seen.clear()
    transport = _redirecting(302, "http://elsewhere.test/file", seen)
    with build_client("http://a.test", transport=transport, follow_redirects=True) as client:
        response = client.get("/start", headers={"Authorization": "Bearer t0ken-value"})
    assert response.status_code == 200
    assert seen == ["http://a.test/start", "http://elsewhere.test/file"]


def test_credentials_of_a_request_are_redacted_wherever_they_show() -> None:
    basic = base64.b64encode(b"alice:pa55word-value").decode()
    headers = [
        ("Authorization", f"Basic {basic}"),
        ("x-signature", "3045022100abcdef"),
        ("Accept", "application/json"),
    ]
    redactor = Redactor().with_credentials_of(headers)
    text = f"echo: Basic {basic} / {basic} / pa55word-value / 3045022100abcdef / application/json"
    assert redactor.text(text) == (
        f"echo: {REDACTED} / {REDACTED} / {REDACTED} / {REDACTED} / application/json"
    )
    oauth = 'OAuth oauth_token="tok-123456", oauth_signature="c2%26t0ken-secret"'
    bcs = "BCS client-id:c2lnbmF0dXJlLXZhbHVl"
    redactor = Redactor().with_credentials_of([("Authorization", oauth), ("X-Other", bcs)])
    assert redactor.text("tok-123456 c2&t0ken-secret c2%26t0ken-secret") == " ".join([REDACTED] * 3)
    redactor = Redactor().with_credentials_of([("Authorization", bcs)])
    assert redactor.text("sig c2lnbmF0dXJlLXZhbHVl") == f"sig {REDACTED}"


def test_an_error_echoing_the_request_shows_no_credential() -> None:
    request = httpx.Request("GET", "http://a.test/", headers={"Authorization": "Bearer abc-token"})
    response = httpx.Response(400, text="you sent Bearer abc-token", request=request)
    error = APIError(response.text, status=400, response=response)
    assert "abc-token" not in str(error) and "abc-token" not in repr(error)
    data = Redactor().data({"headers": {"Authorization": "Bearer abc-token"}})
    assert data == {"headers": {"Authorization": REDACTED}}


def test_oauthlib_debug_records_are_dropped_while_signing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    auth = OAuth1Auth("client", "client-secret", "token-value", "token-secret",
                      signature_method="HMAC-SHA1")  # fmt: skip
    signed = auth.sign(httpx.Request("GET", "https://sf.test/api/2/ping/"))
    signature = signed.headers["Authorization"]
    assert "oauth_signature" in signature
    assert not [r for r in caplog.records if r.name.startswith("oauthlib")]
    # Outside cloudspec's signing, oauthlib's own logging is left alone.
    logging.getLogger("oauthlib.oauth1.rfc5849").debug("not ours")
    assert [r.getMessage() for r in caplog.records] == ["not ours"]


def test_a_credential_shown_twice_in_a_body_is_hidden_twice() -> None:
    body = b'{"token": "abcdef123456", "id": "abcdef123456", "operation": "PULL"}'
    shown = Redactor().body(body, "application/json")
    assert "abcdef123456" not in shown and '"operation": "PULL"' in shown


def test_httpx_request_lines_hide_query_credentials(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with build_client("http://md.test", transport=transport) as client:
        client.get("/shards/abc", params={"token": "shard-t0ken-value", "page": "2"})
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert lines and all("shard-t0ken-value" not in line for line in lines)
    assert any("page=2" in line for line in lines)


def test_metadisk_transfer_tokens_never_show_in_repr() -> None:
    from cloudspec.metadisk.tokens import TransferToken

    token = TransferToken.from_dict({"token": "f" * 64, "id": "f" * 64, "operation": "PULL"})
    assert token.token == "f" * 64
    assert "f" * 64 not in repr(token) and "f" * 64 not in str(token)


def test_metadisk_shard_pointers_never_show_their_token_in_repr() -> None:
    from cloudspec.metadisk.tokens import ShardPointer

    pointer = ShardPointer.from_dict({"hash": "a" * 40, "token": "e" * 64, "size": 3})
    assert pointer.token == "e" * 64
    assert "e" * 64 not in repr(pointer) and "e" * 64 not in str(pointer)


def test_buttfs_session_debug_prints_every_exchange_redacted() -> None:
    import io

    from cloudspec.buttfs import Session

    shown = io.StringIO()
    token = {"access_token": "buttfs-t0ken-value", "token_type": "bearer"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=token))
    with Session("http://buttfs.test", "app", "app-s3cret-value", transport=transport,
                 debug=True, debug_stream=shown) as session:  # fmt: skip
        session.authenticate("demo", "demo-passw0rd-value")  # no per-call debug=True
    text = shown.getvalue()
    assert "/v2/oauth2/token" in text
    for secret in ("buttfs-t0ken-value", "app-s3cret-value", "demo-passw0rd-value"):
        assert secret not in text


def test_an_unfollowed_redirect_is_a_typed_error_not_an_empty_answer() -> None:
    from cloudspec.box import BoxClient, BoxURLs
    from cloudspec.core import CloudspecError
    from cloudspec.metadisk import Buckets, ECDSAKeyPair
    from cloudspec.smartfile import BasicClient

    def moved(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://elsewhere.test/x"})

    kinto = KintoClient(server_url="http://k.test/v1", transport=httpx.MockTransport(moved))
    buckets = Buckets(ECDSAKeyPair.generate(), base_url="http://md.test",
                      transport=httpx.MockTransport(moved))  # fmt: skip
    smartfile = BasicClient("k" * 30, "p" * 30, url="http://sf.test",
                            transport=httpx.MockTransport(moved))  # fmt: skip
    box = BoxClient(access_token="t0ken-value", urls=BoxURLs(api="http://box.test"),
                    transport=httpx.MockTransport(moved))  # fmt: skip
    calls: list[Callable[[], object]] = [
        partial(kinto.get_bucket, id="b"),
        buckets.list,
        partial(smartfile.get, "/ping"),
        box.users.me,
    ]
    with kinto, buckets, smartfile, box:
        for call in calls:
            with pytest.raises(CloudspecError) as info:
                call()
            assert getattr(info.value, "status", None) == 302


def test_a_redirect_loop_is_a_typed_transport_error() -> None:
    from cloudspec.buttfs import Session
    from cloudspec.core import TransportError

    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(request.url)})

    session = Session("http://buttfs.test", "app", "app-s", transport=httpx.MockTransport(loop))
    with session, pytest.raises(TransportError, match="TooManyRedirects"):
        session.authenticate("demo", "demo-password")


def test_a_download_answered_by_an_unfollowed_redirect_leaves_no_file(tmp_path: Path) -> None:
    from cloudspec.core import CloudspecError
    from cloudspec.core._sync.download import download_to_path

    def moved(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://elsewhere.test/file"})

    target = tmp_path / "file.bin"
    client = build_client("http://a.test", transport=httpx.MockTransport(moved))
    with client, pytest.raises(CloudspecError):
        download_to_path(client, "http://a.test/file", target)
    assert list(tmp_path.iterdir()) == []
