"""The ButtFS REST adapter builds its requests from the generated operations
(``cloudspec.buttfs_api.api.<tag>.<operationId>._get_kwargs``), so editing the spec and
regenerating changes what the adapter sends: a patched ``_get_kwargs`` redirects it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path as FSPath
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from cloudspec.buttfs import AsyncButtFSRESTAdapter, ButtFSRESTAdapter
from cloudspec.buttfs_api.api.auth import create_token
from cloudspec.buttfs_api.api.files import download_file, upload_file
from cloudspec.buttfs_api.api.folders import folder_operation, list_folder

OK = {"result": {"id": "x"}, "error": None}

Handler = Callable[[httpx.Request], httpx.Response]


def _recorder(answer: httpx.Response | None = None) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return answer if answer is not None else httpx.Response(200, json=OK)

    return seen, handler


def _adapter(handler: Handler) -> ButtFSRESTAdapter:
    rest = ButtFSRESTAdapter("http://test", "id", "secret", transport=httpx.MockTransport(handler))
    rest.access_token = "US2.token-value"
    return rest


def _moved(original: Callable[..., dict[str, Any]], url: str) -> Callable[..., dict[str, Any]]:
    def get_kwargs(*args: Any, **kwargs: Any) -> dict[str, Any]:
        out = original(*args, **kwargs)
        out["url"] = url
        return out

    return get_kwargs


def test_a_patched_url_template_is_where_the_adapter_goes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        list_folder, "_get_kwargs", _moved(list_folder._get_kwargs, "/v3/elsewhere")
    )
    seen, handler = _recorder()
    _adapter(handler).list_folder("/a/b", depth=1, strict_traverse=True)
    (request,) = seen
    assert request.method == "GET" and request.url.path == "/v3/elsewhere"
    assert dict(request.url.params) == {"depth": "1", "strict-traverse": "true"}


async def test_the_async_adapter_follows_the_generated_code_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        list_folder, "_get_kwargs", _moved(list_folder._get_kwargs, "/v3/elsewhere")
    )
    seen, handler = _recorder()
    rest = AsyncButtFSRESTAdapter(
        "http://test", "id", "secret", transport=httpx.MockTransport(handler)
    )
    rest.access_token = "US2.token-value"
    await rest.list_folder("/a")
    await rest.aclose()
    assert seen[0].url.path == "/v3/elsewhere"


def test_renamed_parameters_and_fields_come_from_the_generated_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = folder_operation._get_kwargs

    def renamed(*args: Any, **kwargs: Any) -> dict[str, Any]:
        out = original(*args, **kwargs)
        out["method"] = "put"
        out["params"] = {"op": out["params"]["operation"]}
        out["data"] = {f"x-{key}": value for key, value in out["data"].items()}
        return out

    monkeypatch.setattr(folder_operation, "_get_kwargs", renamed)
    seen, handler = _recorder()
    _adapter(handler).folder_operation("move", "/a/b", "/c", exists="rename")
    (request,) = seen
    assert request.method == "PUT" and request.url.path == "/v2/folders/a/b"
    assert dict(request.url.params) == {"op": "move"}
    assert dict(parse_qsl(request.content.decode())) == {"x-to": "/c", "x-exists": "rename"}


def test_operation_variants_send_only_their_own_fields() -> None:
    seen, handler = _recorder()
    rest = _adapter(handler)
    rest.create_folder("/", "new", exists="rename")
    rest.file_operation("copy", "/a/f", "/d")
    create, copy = (dict(parse_qsl(r.content.decode())) for r in seen)
    assert create == {"name": "new", "exists": "rename"}
    assert copy == {"to": "/d"}
    assert seen[0].url.params["operation"] == "create"
    assert seen[0].headers["Content-Type"] == 'application/x-www-form-urlencoded; charset="utf-8"'


def test_the_token_request_is_the_generated_form_and_is_signed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        create_token, "_get_kwargs", _moved(create_token._get_kwargs, "/x/v2/oauth2/token")
    )
    seen, handler = _recorder(httpx.Response(200, json={"access_token": "US2.t"}))
    rest = ButtFSRESTAdapter("http://test", "id", "secret", transport=httpx.MockTransport(handler))
    rest.authenticate("user", "pw")
    (request,) = seen
    assert request.url.path == "/x/v2/oauth2/token"
    assert dict(parse_qsl(request.content.decode())) == {
        "grant_type": "password",
        "username": "user",
        "password": "pw",
    }
    assert request.headers["Authorization"].startswith("BCS id:")


def test_upload_is_the_generated_multipart_with_a_random_boundary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(upload_file, "_get_kwargs", _moved(upload_file._get_kwargs, "/up/"))
    seen, handler = _recorder()
    _adapter(handler).upload_file("/a", io.BytesIO(b"+++ data"), name="f.txt", exists="rename")
    (request,) = seen
    assert request.url.path == "/up/"
    ctype = request.headers["Content-Type"]
    assert ctype.startswith("multipart/form-data; boundary=") and "+++" not in ctype
    body = request.content
    assert body.index(b'name="exists"') < body.index(b'name="file"; filename="f.txt"')
    assert b"rename" in body and b"+++ data" in body


def test_downloads_and_reads_use_the_generated_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: FSPath
) -> None:
    monkeypatch.setattr(download_file, "_get_kwargs", _moved(download_file._get_kwargs, "/dl"))
    seen, handler = _recorder(httpx.Response(206, content=b"cd"))
    rest = _adapter(handler)
    assert rest.read_range("/f1", 2, 2) == b"cd"
    assert rest.download_file("/f1", tmp_path / "out").read_bytes() == b"cd"
    assert [r.url.path for r in seen] == ["/dl", "/dl"]
    assert seen[0].headers["Range"] == "bytes=2-3" and "Range" not in seen[1].headers
