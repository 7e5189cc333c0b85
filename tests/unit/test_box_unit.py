"""Box overlay pieces that need no server: errors, URLs, models, the progress reader."""

from __future__ import annotations

import io

import httpx
import pytest

from cloudspec.box import (
    BoxAuthenticationError,
    BoxConflict,
    BoxError,
    BoxNotFound,
    BoxOAuthError,
    BoxRateLimited,
    BoxServerError,
    BoxURLs,
    conflict_id,
)
from cloudspec.box._reader import ProgressReader
from cloudspec.box.errors import error_from_response
from cloudspec.box.models import File, Folder, item_from_dict, parse
from cloudspec.core import ConflictError, NotFoundError, RateLimitError


def response(status: int, body: bytes, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, content=body, headers=headers, request=httpx.Request("GET", "https://x/2.0/y")
    )


def test_folder_conflict_is_a_list_file_conflict_an_object() -> None:
    folder = {"context_info": {"conflicts": [{"type": "folder", "id": "11"}]}}
    file = {"context_info": {"conflicts": {"type": "file", "id": "22", "sha1": "ab"}}}
    assert conflict_id(folder) == "11"
    assert conflict_id(file) == "22"
    assert conflict_id({"context_info": {"conflicts": []}}) is None
    assert conflict_id("not json") is None


def test_client_error_maps_to_typed_classes() -> None:
    body = (
        b'{"type":"error","status":409,"code":"item_name_in_use","message":"Item with the same'
        b' name already exists","request_id":"r1","context_info":{"conflicts":[{"id":"5"}]}}'
    )
    error = error_from_response(response(409, body))
    assert isinstance(error, BoxConflict) and isinstance(error, ConflictError)
    assert (error.status, error.code, error.request_id) == (409, "item_name_in_use", "r1")
    assert error.conflict_id() == "5"
    assert "409" in str(error) and "item_name_in_use" in str(error)
    assert isinstance(error_from_response(response(405, b"")), NotFoundError)
    assert isinstance(
        error_from_response(response(502, b"<html>bad gateway</html>")), BoxServerError
    )


def test_rate_limit_carries_retry_after() -> None:
    error = error_from_response(response(429, b"{}", **{"retry-after": "7"}))
    assert isinstance(error, BoxRateLimited) and isinstance(error, RateLimitError)
    assert error.retry_after == 7


def test_oauth_error_body() -> None:
    body = b'{"error":"invalid_grant","error_description":"Invalid refresh token"}'
    error = error_from_response(response(400, body))
    assert isinstance(error, BoxOAuthError) and error.invalid_grant
    assert error.message == "Invalid refresh token"


def test_html_401_is_typed_with_an_excerpt() -> None:
    error = error_from_response(response(401, b"<html><body>Unauthorized</body></html>"))
    assert isinstance(error, BoxAuthenticationError)
    assert "Unauthorized" in error.message


def test_urls_strip_slashes_and_read_the_emulator() -> None:
    urls = BoxURLs(api="http://a/", upload="http://u/api/", account="http://c/api/oauth2/")
    assert (urls.api_v2, urls.upload_v2, urls.authorize) == (
        "http://a/2.0",
        "http://u/api/2.0",
        "http://c/api/oauth2/authorize",
    )
    mapping = {"api": "http://a", "upload": "http://u/api", "account": "http://c/o"}
    assert BoxURLs.from_emulator(mapping).account == "http://c/o"


def test_items_parse_by_type_and_bad_bodies_are_typed() -> None:
    assert isinstance(item_from_dict({"type": "file", "id": "1", "name": "a"}), File)
    assert isinstance(item_from_dict({"type": "folder", "id": "2"}), Folder)
    with pytest.raises(BoxError):
        item_from_dict({"type": "hologram", "id": "3"})
    with pytest.raises(BoxError):
        parse(File, ["not", "an", "object"])
    with pytest.raises(BoxError):
        parse(File, {"type": "file"})  # no id
    with pytest.raises(BoxError):
        parse(File, {"type": "file", "id": "1", "created_at": "yesterday"})
    with pytest.raises(BoxNotFound):
        raise error_from_response(response(404, b'{"code":"not_found"}'))


def test_progress_reader_reports_and_seeks() -> None:
    source = io.BytesIO(b"0123456789" * 10)
    source.seek(5)
    seen: list[tuple[int, int]] = []
    reader = ProgressReader(source, 50, lambda done, total: seen.append((done, total)))
    assert reader.seek(0, 2) == 50  # httpx learns the length this way
    reader.seek(0)
    assert reader.read(20) == (b"0123456789" * 10)[5:25]
    assert reader.read() == (b"0123456789" * 10)[25:55]
    assert reader.read() == b""
    assert seen == [(20, 50), (50, 50)]


def test_malformed_session_and_part_descriptions_are_typed() -> None:
    from cloudspec.box._async.chunked import _part_record, _session
    from cloudspec.box._async.http import json_object
    from cloudspec.core.redact import Redactor

    good = {"id": "s1", "part_size": 8, "total_parts": 2, "session_endpoints": {"commit": "u"}}
    assert _session(good).id == "s1"
    with pytest.raises(BoxError):
        _session({"id": "s1", "part_size": "eight"})
    assert _part_record({"part_id": "p", "offset": 0, "size": 8, "sha1": "ab"})["size"] == 8
    with pytest.raises(BoxError):
        _part_record({"part_id": "p", "offset": None, "size": 8, "sha1": "ab"})
    with pytest.raises(BoxError):
        _part_record(["not", "a", "part"])
    with pytest.raises(BoxError):
        json_object(response(200, b"<html>maintenance</html>"), Redactor())
    with pytest.raises(BoxError):
        json_object(response(200, b"[1, 2]"), Redactor())
