"""What the client signs, the emulator accepts (its verifier is written independently).

Any Unicode username and password, signed by ``BCSAuth`` through the generated operation,
must reach the credential check (400 ``invalid_grant`` for an unknown user) and never fail the
signature check (401). And the ID-path forms the spec decided on (root meta
``/v2/folders/meta``, root upload ``/v2/files/``) are ones the emulator serves.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloudspec.buttfs import BCSAuth, BCSCredentials
from cloudspec.buttfs_api.api.auth import create_token
from cloudspec.buttfs_api.api.files import upload_file
from cloudspec.buttfs_api.api.folders import get_folder_meta, list_folder
from cloudspec.buttfs_api.models import TokenRequest, UploadFileRequest
from cloudspec.buttfs_api.types import File
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs

pytestmark = pytest.mark.live

APP = BCSCredentials("buttfs-demo", "buttfs-demo-secret")


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with run("buttfs") as urls:
        yield urls


def _token_request(client: httpx.Client, username: str, password: str) -> httpx.Response:
    kwargs = create_token._get_kwargs(
        body=TokenRequest(grant_type="password", username=username, password=password)
    )
    return client.request(**kwargs)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(username=st.text(min_size=1, max_size=40), password=st.text(min_size=1, max_size=40))
def test_any_unicode_credentials_pass_the_signature_check(
    server: ServerURLs, username: str, password: str
) -> None:
    with httpx.Client(base_url=server.base_url, auth=BCSAuth(APP)) as client:
        response = _token_request(client, username + "\u00e9x", password)
    assert response.status_code == 400, response.text  # the user is unknown, the signature fine
    assert response.json()["error"] == "invalid_grant"


def test_wrong_secret_fails_the_signature_check(server: ServerURLs) -> None:
    wrong = BCSCredentials("buttfs-demo", "not-the-secret")
    with httpx.Client(base_url=server.base_url, auth=BCSAuth(wrong)) as client:
        response = _token_request(client, "demo", "demo-password")
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_request"


def test_signed_token_then_bearer_on_the_spec_root_forms(server: ServerURLs) -> None:
    token: dict[str, str] = {}
    auth = BCSAuth(APP, token=lambda: token.get("access_token"))
    with httpx.Client(base_url=server.base_url, auth=auth) as client:
        answer = _token_request(client, "demo", "demo-password")
        assert answer.status_code == 200, answer.text
        token["access_token"] = answer.json()["access_token"]
        root = client.request(**list_folder._get_kwargs("/"))
        assert root.status_code == 200, root.text
        meta = client.request(**get_folder_meta._get_kwargs(""))
        assert meta.status_code == 200, meta.text
        kwargs = upload_file._get_kwargs(
            "",
            body=UploadFileRequest(
                exists="rename", file=File(payload=io.BytesIO(b"hello"), file_name="hi.txt")
            ),
        )
        uploaded = client.request(**kwargs)
        assert uploaded.status_code == 200, uploaded.text
        assert uploaded.json()["result"]["name"] in ("hi.txt", "hi (1).txt")
