"""Helpers for the SmartFile client's live tests: the emulator's test-only control endpoints.

Plain sync httpx on purpose: these are the test's hands on the server, not the client under
test, and a blocking call on loopback is fine inside an async test too.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from cloudspec.emulators.urls import ServerURLs

OAUTH_FAILURE = "Could not verify OAuth request."
CALLBACK = "https://client.example/done?state=s1"
# Characters that a path must carry through as data: query, fragment, escape, form separators,
# blanks and non-ASCII letters.
AWKWARD_NAME = "a b?c#d%e&f=g+h;ü 名前.txt"


def control(server: ServerURLs, method: str, path: str, body: Any = None) -> Any:
    """Call ``/_emulator/<path>``; the decoded JSON answer, or None for an empty one."""
    response = httpx.request(
        method, f"{server.base_url}/_emulator/{path}", json=body, trust_env=False, timeout=10
    )
    response.raise_for_status()
    return response.json() if response.content else None


def credentials(server: ServerURLs) -> dict[str, Any]:
    """``{"basic": {"key", "password"}, "oauth": {"client_token", "client_secret"}, "user"}``."""
    body = control(server, "GET", "credentials")
    assert isinstance(body, dict)
    return body


def approve(server: ServerURLs, request_token: str) -> str:
    """Approve a request token headlessly; the verifier."""
    verifier = control(server, "POST", "oauth/authorize", {"oauth_token": request_token})
    assert isinstance(verifier, dict)
    value = verifier["oauth_verifier"]
    assert isinstance(value, str)
    return value


def authorization_page(authorization_url: str) -> str:
    """The HTML of the page a user is sent to (checked to be one)."""
    page = httpx.get(authorization_url, trust_env=False, timeout=10)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "<form" in page.text
    return page.text


def approve_through_form(server: ServerURLs, authorization_url: str, request_token: str) -> str:
    """Open the authorization page as a browser would, press Allow, and read the verifier
    from the redirect to the callback (``CALLBACK``)."""
    with httpx.Client(base_url=server.base_url, trust_env=False, timeout=10) as browser:
        page = browser.get(authorization_url)
        assert page.status_code == 200, page.text
        assert page.headers["content-type"].startswith("text/html")
        assert "<form" in page.text and request_token in page.text
        answer = browser.post(
            "/oauth/authorize/", data={"oauth_token": request_token, "allow": "1"}
        )
    assert answer.status_code == 302, answer.text
    location = urlsplit(answer.headers["location"])
    assert (location.scheme, location.netloc, location.path) == ("https", "client.example", "/done")
    query = parse_qs(location.query)
    assert query["state"] == ["s1"]
    assert query["oauth_token"] == [request_token]
    return query["oauth_verifier"][0]


def unique(prefix: str = "c") -> str:
    """A fresh top-level directory name (the server is shared by the whole session)."""
    return f"/{prefix}-{uuid.uuid4().hex[:10]}"


def armed(server: ServerURLs) -> list[Any]:
    """The fault rules that have not fired yet."""
    rules = control(server, "GET", "faults")["rules"]
    assert isinstance(rules, list)
    return rules


def stats(server: ServerURLs) -> dict[str, Any]:
    body = control(server, "GET", "stats")
    assert isinstance(body, dict)
    return body
