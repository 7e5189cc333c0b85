"""ButtFS overlay pieces that need no server: errors by code, ``Path``, item property rules,
debug formatting (redaction) and the Range headers of reads and resumed downloads."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path as FSPath
from typing import Any

import httpx
import pytest

from cloudspec.buttfs import ButtFSRESTAdapter, File, Folder, Path, User
from cloudspec.buttfs import errors as E
from cloudspec.buttfs._async.rest import format_exchange, id_path, id_path_prefix
from cloudspec.core import errors as core
from cloudspec.core.redact import default_redactor

# -- errors --------------------------------------------------------------------------------

GENERAL = [9999, 9000, 9006, 8001, 8002, 8004, 8007, 8008, 6001, 6002, 6003, 6004]
FOLDERS = [2002, 2003, *range(2004, 2027), 2028, 2033, 2034, *range(2036, 2051), 2052]
FILES = [3001, *range(3007, 3016), 3018, 3019, 3020, 3021, 10000, 10001, 10002]
REFERENCE_CODES = [*GENERAL, *FOLDERS, *FILES]


def test_every_reference_code_has_its_own_class_and_name() -> None:
    assert sorted(E.ERRORS_BY_CODE) == sorted(REFERENCE_CODES)
    classes = list(E.ERRORS_BY_CODE.values())
    assert len(set(classes)) == len(classes)
    assert len({cls.__name__ for cls in classes}) == len(classes)
    for code, cls in E.ERRORS_BY_CODE.items():
        assert code == cls.CODE
        assert issubclass(cls, E.ButtFSServerError) and issubclass(cls, E.ButtFSError)
        assert issubclass(cls, core.APIError) and issubclass(cls, core.CloudspecError)
        assert getattr(E, cls.__name__) is cls and cls.__name__ in E.__all__


def test_the_originals_duplicated_names_are_distinct() -> None:
    assert E.ERRORS_BY_CODE[2039] is E.PathDoesNotExist
    assert E.ERRORS_BY_CODE[6002] is E.SharePathDoesNotExist
    assert E.ERRORS_BY_CODE[3008] is not E.ERRORS_BY_CODE[2048]
    assert E.ERRORS_BY_CODE[3007] is not E.ERRORS_BY_CODE[2043]
    assert E.ERRORS_BY_CODE[3021] is not E.ERRORS_BY_CODE[2044]
    assert issubclass(E.ERRORS_BY_CODE[2011], E.FailedToReadFilesystem)


@pytest.mark.parametrize(
    ("code", "core_class"),
    [
        (2002, core.NotFoundError),
        (3001, core.NotFoundError),
        (2042, core.ConflictError),
        (2052, core.ConflictError),
        (10002, core.PermissionDeniedError),
        (2028, core.BadRequestError),
        (9006, core.RateLimitError),
    ],
)
def test_code_classes_are_the_core_class_of_their_status(
    code: int, core_class: type[Exception]
) -> None:
    assert issubclass(E.ERRORS_BY_CODE[code], core_class)


def _response(status: int, body: Any) -> httpx.Response:
    request = httpx.Request("GET", "http://test/v2/folders/x")
    return httpx.Response(status, json=body, request=request)


def test_error_from_response_envelope() -> None:
    body = {"error": {"code": 2042, "message": "exists", "data": {"id": "a"}}, "result": None}
    err = E.error_from_response(_response(409, body))
    assert type(err) is E.NameConflictInOperation
    assert (err.code, err.message, err.data, err.status) == (2042, "exists", {"id": "a"}, 409)


def test_error_from_response_oauth_string_unknown_and_5xx() -> None:
    oauth = E.error_from_response(
        _response(401, {"error": "invalid_request", "error_description": "bad signature"})
    )
    assert isinstance(oauth, E.InvalidRequest) and oauth.code == "invalid_request"
    assert oauth.message == "bad signature"
    unknown = E.error_from_response(_response(400, {"error": {"code": 1234, "message": "?"}}))
    assert type(unknown) is E.UnknownError and unknown.code == 1234
    request = httpx.Request("GET", "http://test/")
    html = E.error_from_response(httpx.Response(502, text="<html>", request=request))
    assert isinstance(html, E.UnknownError) and isinstance(html, core.ServerError)


def test_a_429_without_an_envelope_is_still_a_rate_limit_error() -> None:
    """A proxy's or load balancer's 429 (found by the fault matrix) is a ``RateLimitError``
    with the ``retry_after`` it asked for; so is ButtFS's own 9006."""
    request = httpx.Request("GET", "http://test/")
    answer = httpx.Response(429, text="slow down", headers={"Retry-After": "3"}, request=request)
    err = E.error_from_response(answer)
    assert isinstance(err, E.UnknownError) and isinstance(err, core.RateLimitError)
    assert err.retry_after == 3.0
    quota = E.error_from_response(_response(403, {"error": {"code": 9006, "message": "quota"}}))
    assert isinstance(quota, core.RateLimitError) and quota.retry_after is None


def test_sdk_side_errors() -> None:
    for cls in (
        E.SessionNotLinked,
        E.OperationNotAllowed,
        E.InvalidArgument,
        E.MissingArgument,
        E.MethodNotImplemented,
    ):
        assert issubclass(cls, E.ButtFSError) and not issubclass(cls, core.APIError)


# -- Path ----------------------------------------------------------------------------------


def test_path() -> None:
    path = Path.path_from_string("/a/b/c")
    assert str(path) == "/a/b/c" and len(path) == 3
    assert path[0] == "a" and path[-1] == "c"
    assert isinstance(path[1:], Path) and str(path[1:]) == "/b/c"
    assert str(Path()) == "/" and len(Path.path_from_string("/")) == 0
    copy = path.copy().append("d")
    assert str(copy) == "/a/b/c/d" and str(path) == "/a/b/c"
    assert Path.path_from_string_list(["x", "y"]) == "/x/y"
    assert str(Path.path_from_string("a//b/")) == "/a/b"
    with pytest.raises(E.InvalidArgument):
        path.append(42)


def test_id_paths_keep_slashes_and_strip_the_root() -> None:
    assert id_path("/") == "/" and id_path("/a/b") == "/a/b"
    assert id_path_prefix("/") == "" and id_path_prefix("/a/b/") == "/a/b"
    assert id_path("/a b") == "/a%20b"


# -- item properties -----------------------------------------------------------------------

META = {
    "id": "f1",
    "type": "file",
    "name": "a.txt",
    "version": 3,
    "size": 5,
    "extension": "txt",
    "mime": "text/plain",
    "date_created": 1,
    "is_mirrored": False,
}


def _adapter(handler: Any = None) -> ButtFSRESTAdapter:
    transport = httpx.MockTransport(handler or (lambda request: httpx.Response(500)))
    rest = ButtFSRESTAdapter("http://test", "id", "secret", transport=transport)
    rest.access_token = "US2.token-value"
    return rest


def test_item_property_rules() -> None:
    file = File(_adapter(), META, Path(["p"]))
    assert str(file.path()) == "/p/f1" and file.version == 3
    for name in ("id", "type", "is_mirrored", "extension", "size"):
        with pytest.raises(E.OperationNotAllowed):
            setattr(file, name, "x")
    file.name = "b.txt"
    file.mime = "text/x"
    file.date_created = 5
    file.application_data = '{"k": 1}'
    assert file.changes == {
        "name": "b.txt",
        "mime": "text/x",
        "date_created": 5.0,
        "application_data": {"k": 1},
    }
    with pytest.raises(E.InvalidArgument):
        file.application_data = "[1]"
    with pytest.raises(E.MethodNotImplemented):
        file.history()
    folder = Folder(_adapter(), {"id": "f1", "type": "folder"}, Path())
    assert folder == file  # equal by id, as in the original
    user = User({"username": "u", "id": "1"})
    with pytest.raises(E.OperationNotAllowed):
        user.username = "v"


def test_seek_and_tell() -> None:
    file = File(_adapter(), META, Path())
    assert file.seek(2) == 2 and file.tell() == 2
    assert file.seek(1, 1) == 3
    assert file.seek(-1, 2) == 4
    with pytest.raises(E.InvalidArgument):
        file.seek(-10)


# -- debug output and Range ----------------------------------------------------------------


def test_format_exchange_redacts() -> None:
    request = httpx.Request(
        "POST",
        "http://test/v2/oauth2/token",
        headers={
            "Authorization": "BCS id:sig",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        content=b"grant_type=password&username=u&password=hunter22",
    )
    body = {"access_token": "US2.abc.def", "token_type": "bearer"}
    response = httpx.Response(200, json=body, request=request)
    text = format_exchange(
        request, response, default_redactor, request_body=request.content, response_body=body
    )
    assert text.startswith("Request:\nPOST: http://test/v2/oauth2/token\n")
    assert "\tusername=u\n" in text and "HTTP Code: 200" in text
    for secret in ("hunter22", "US2.abc.def", "BCS id:sig"):
        assert secret not in text


def test_read_range_sends_inclusive_range() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Range"))
        return httpx.Response(206, content=b"cd")

    rest = _adapter(handler)
    assert rest.read_range("/f1", 2, 2) == b"cd"
    assert seen == ["bytes=2-3"]
    assert rest.read_range("/f1", 0, 0) == b""


class _Broken(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield b"abc"
        raise httpx.ReadError("connection reset")


def test_download_resumes_with_a_correct_range(tmp_path: FSPath) -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Range"))
        if len(seen) == 1:
            return httpx.Response(200, stream=_Broken())
        return httpx.Response(206, content=b"defghij")

    rest = _adapter(handler)
    target = rest.download_file("/f1", tmp_path / "out.bin", size=10)
    assert target.read_bytes() == b"abcdefghij"
    assert seen == [None, "bytes=3-9"]


def test_an_upload_refused_with_429_is_sent_again_from_the_start(tmp_path: FSPath) -> None:
    """A 429 refused the upload unread (found by the fault matrix: a proxy's 429 failed it);
    the streamed body is re-read from the file, whole; other errors are not re-sent."""
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        if len(bodies) == 1:
            return httpx.Response(429, headers={"Retry-After": "0.01"}, text="busy")
        return httpx.Response(200, json={"result": META, "error": None})

    source = tmp_path / "a.txt"
    source.write_bytes(b"hello, twice")
    assert _adapter(handler).upload_file("/", str(source)) == META
    assert len(bodies) == 2 and bodies[0] == bodies[1] and b"hello, twice" in bodies[1]

    def unavailable(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return httpx.Response(503)

    bodies.clear()
    with pytest.raises(E.UnknownServerError):
        _adapter(unavailable).upload_file("/", str(source))
    assert len(bodies) == 1


def test_a_download_of_the_wrong_size_is_never_renamed_into_place(tmp_path: FSPath) -> None:
    """Found by mutating the fault matrix's client (an off-by-one resume): the size the file's
    metadata gives is checked before the rename."""
    answers = iter([httpx.Response(200, stream=_Broken()), httpx.Response(206, content=b"efghij")])
    rest = _adapter(lambda request: next(answers))
    with pytest.raises(E.DownloadIntegrityError) as caught:
        rest.download_file("/f1", tmp_path / "out.bin", size=10)
    assert isinstance(caught.value, core.IntegrityError)
    assert list(tmp_path.iterdir()) == []


def test_upload_is_multipart_with_exists_first() -> None:
    captured: dict[str, Any] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        captured["body"] = request.read()
        captured["path"] = request.url.path
        return httpx.Response(200, json={"result": META, "error": None})

    rest = _adapter(handler)
    result = rest.upload_file("/", io.BytesIO(b"hello"), name="a.txt")
    assert result == META and captured["path"] == "/v2/files/"
    body: bytes = captured["body"]
    assert body.index(b'name="exists"') < body.index(b'filename="a.txt"')
    assert json.dumps(result)
