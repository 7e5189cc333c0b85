"""``debug=True`` shows every request and answer, and never a credential: not the client
secret, not an access or refresh token (old or rotated), not an authorization code."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from cloudspec.box import BoxAuthenticateFlow, BoxClient, BoxError
from cloudspec.core import MemoryTokenStore
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


def test_debug_output_and_errors_hold_no_secret(
    server: ServerURLs, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    secrets: list[str] = [box.CLIENT_SECRET, box.PASSWORD]
    with BoxAuthenticateFlow(
        box.CLIENT_ID,
        box.CLIENT_SECRET,
        "http://127.0.0.1:9/callback",
        urls=box.urls_of(server),
        debug=True,
    ) as flow:
        # The browser's traffic (the test's own, not the client's) is not watched.
        landed = box.browser_grant(flow.get_authorization_url())
        capfd.readouterr()
        caplog.clear()
        caplog.set_level(logging.DEBUG)
        code = flow.check_redirect(landed)
        secrets.append(code)
        token = flow.complete(landed)
    assert token.refresh_token
    secrets += [token.access_token, token.refresh_token]
    store = MemoryTokenStore()
    errors: list[str] = []
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        access_token=token.access_token,
        refresh_token=token.refresh_token,
        token_store=store,
        urls=box.urls_of(server),
        debug=True,
    ) as client:
        client.users.me()
        box.expire_tokens(server)
        client.users.me()  # refreshed: a new pair goes over the wire
        rotated = store.load()
        assert rotated is not None and rotated.refresh_token
        secrets += [rotated.access_token, rotated.refresh_token]
        client.files.upload(io.BytesIO(b"x"), "0", name="secret-test.txt")
        try:
            client.files.upload(io.BytesIO(b"y"), "0", name="secret-test.txt")
        except BoxError as error:
            errors += [str(error), repr(error)]
        errors.append(repr(client))
        errors.append(repr(client.auth))
    out, err = capfd.readouterr()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    everything = "\n".join([out, err, logged, *errors])
    assert "POST" in everything and "/oauth2/token" in everything  # debug output did happen
    assert '"code": "item_name_in_use"' in everything  # Box's error names stay readable
    for secret in secrets:
        assert secret not in everything
