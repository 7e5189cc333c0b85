"""The command-line login: browser -> Box's authorize page -> loopback redirect -> tokens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from cloudspec.box import BoxAuthFlowError, BoxClient, LoopbackReceiver, login_with_browser
from cloudspec.core import MemoryTokenStore
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


def browser(consent: str = "grant") -> tuple[list[str], Callable[[str], None]]:
    """A scripted user at a browser; records where the browser was sent."""
    visited: list[str] = []

    def open_browser(url: str) -> None:
        visited.append(url)

        def act() -> None:
            if consent == "grant":
                landed = box.browser_grant(url)
            else:
                landed = f"{httpx.URL(url).params['redirect_uri']}?error=access_denied&state=x"
            visited.append(landed)
            httpx.get(landed)  # the browser follows the redirect to the loopback port

        threading.Thread(target=act, daemon=True).start()

    return visited, open_browser


def test_login_with_browser_stores_working_tokens(server: ServerURLs) -> None:
    store = MemoryTokenStore()
    visited, open_browser = browser()
    token = login_with_browser(
        box.CLIENT_ID,
        box.CLIENT_SECRET,
        urls=box.urls_of(server),
        open_browser=open_browser,
        store=store,
        timeout=20,
    )
    assert store.load() == token
    assert visited[0].startswith(server.urls["account"] + "/authorize?")
    assert visited[1].startswith("http://127.0.0.1:") and "code=" in visited[1]
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        token_store=store,
        urls=box.urls_of(server),
    ) as client:
        assert client.users.me().login == box.LOGIN


def test_denied_login_is_a_typed_error(server: ServerURLs) -> None:
    _, open_browser = browser(consent="deny")
    with pytest.raises(BoxAuthFlowError):
        login_with_browser(
            box.CLIENT_ID,
            box.CLIENT_SECRET,
            urls=box.urls_of(server),
            open_browser=open_browser,
            timeout=20,
        )


def test_loopback_receiver_ignores_strays_and_times_out() -> None:
    with LoopbackReceiver() as receiver:
        assert (
            httpx.get(receiver.redirect_uri.replace("/callback", "/favicon.ico")).status_code == 404
        )
        assert httpx.get(receiver.redirect_uri).status_code == 404  # no code, no error
        with pytest.raises(BoxAuthFlowError):
            receiver.wait(timeout=0.2)
        answer = httpx.get(receiver.redirect_uri, params={"code": "c0de", "state": "s"})
        assert answer.status_code == 200 and "c0de" not in answer.text
        got = receiver.wait(timeout=1)
        assert (got.code, got.state) == ("c0de", "s")
        assert "c0de" not in repr(got)
