"""specs/smartfile.yaml and the client generated from it (cloudspec.smartfile_api).

* the spec is valid, and its operations are exactly the table in its header comment (tag,
  snake_case operationId, method, path), each operationId unique;
* path ids: every path parameter named ``path`` is the ``PathId`` component; the generated code
  keeps its slashes and drops a leading one (the post-hook in generator/config/smartfile.yaml),
  percent-encodes ``?``, ``#``, ``%``, ``&``, ``;``, spaces and non-ASCII, never adds a trailing
  slash, and gives ``/api/2/path/info/`` for the root; ``uuid``, ``uid`` and ``username`` stay
  fully quoted;
* every example validates against its schema, and the generated models parse them;
* form bodies send lists as repeated keys and booleans as ``true``/``false``; the upload is one
  multipart part ``file`` with a random boundary; downloads and v3 appends carry ``Range``;
* error bodies (``detail``, validation), the throttle answers (429 + Retry-After, 503 +
  X-Throttle) on every operation, and the OAuth token / failure answers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cloudspec.smartfile_api.api.data import (
    append_file_v3,
    delete_file_v3,
    download_file,
    put_file_v3,
    upload_files,
)
from cloudspec.smartfile_api.api.links import create_link, get_link
from cloudspec.smartfile_api.api.oauth import oauth_request_token
from cloudspec.smartfile_api.api.oper import (
    checksum_paths,
    compress_paths,
    mkdir,
    move_paths,
    remove_paths,
    rename_path,
)
from cloudspec.smartfile_api.api.paths import get_path_info
from cloudspec.smartfile_api.api.tasks import get_task, list_tasks
from cloudspec.smartfile_api.api.users import delete_user, update_user
from cloudspec.smartfile_api.client import Client
from cloudspec.smartfile_api.models import (
    ActivityPage,
    ChecksumRequest,
    CompressRequest,
    CreateLinkRequest,
    Error,
    Link,
    LinkPage,
    MkdirRequest,
    MoveCopyRequest,
    OAuthTokenResponse,
    PathInfo,
    PathListing,
    RemoveRequest,
    RenameRequest,
    Right,
    Session,
    Task,
    TaskPage,
    UpdateUserRequest,
    UploadFilesRequest,
    UserPage,
    ValidationError,
    Whoami,
)
from cloudspec.smartfile_api.types import File, Unset
from generator import yamlmap
from generator.validation import validate_file

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "specs" / "smartfile.yaml"
GENERATED = REPO_ROOT / "generated" / "cloudspec" / "smartfile_api"
SPEC_URI = "urn:cloudspec:specs/smartfile.yaml"
BASE_URL = "https://app.smartfile.com"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TAGS = (
    "ping",
    "paths",
    "data",
    "oper",
    "tasks",
    "links",
    "users",
    "session",
    "rights",
    "activity",
    "oauth",
)
NO_AUTH = {"ping", "oauth_request_token", "oauth_access_token"}
THROTTLE_PATTERN = r"^.*; next=([\d\.]+) sec$"  # the original client's regex (reference 1.7)


def _load() -> dict[str, Any]:
    data = yamlmap.load(SPEC_PATH.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


SPEC = _load()


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _operation(operation_id: str) -> dict[str, Any]:
    (op,) = [op for _, _, op in _operations() if op["operationId"] == operation_id]
    return op


def _header_table() -> list[tuple[str, str, str, str]]:
    """The `# tag operationId METHOD /path` rows of the spec's header comment."""
    rows = []
    for line in SPEC_PATH.read_text(encoding="utf-8").splitlines():
        match = re.match(r"#\s+(\w+)\s+([a-z_0-9]+)\s+(GET|POST|PUT|PATCH|DELETE)\s+(/\S*)", line)
        if match:
            tag, op_id, method, path = match.groups()
            rows.append((tag, op_id, method.lower(), path))
    return rows


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for token in node["$ref"].removeprefix("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


@functools.cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(SPEC, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return registry


def _absolute_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: SPEC_URI + value if key == "$ref" else _absolute_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_absolute_refs(value) for value in node]
    return node


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(_absolute_refs(schema), registry=_registry())


def _schema(name: str) -> Draft202012Validator:
    return _validator({"$ref": f"#/components/schemas/{name}"})


def _sent(kwargs: dict[str, Any]) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(204)

    with httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(handler)) as client:
        client.request(**kwargs)
    (request,) = seen
    return request


def _form(request: httpx.Request) -> list[tuple[str, str]]:
    """The urlencoded body as (key, value) pairs, in order, repeated keys kept."""
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    pairs = httpx.QueryParams(request.content.decode("ascii")).multi_items()
    return [(str(key), str(value)) for key, value in pairs]


# ------------------------------------------------------------------------------------------
# the document
# ------------------------------------------------------------------------------------------


def test_spec_is_valid() -> None:
    assert validate_file(SPEC_PATH, "specs/smartfile.yaml") is None
    assert SPEC["openapi"] == "3.1.0"
    assert [s["url"] for s in SPEC["servers"]] == [BASE_URL]


def test_paths_carry_the_version_or_are_oauth() -> None:
    for path in SPEC["paths"]:
        assert path.startswith(("/api/2/", "/api/3/", "/oauth/")), path
        # fixed endpoints keep their trailing slash; path ids end with {path}, no slash after
        assert path.endswith("/") or path.endswith("{path}"), path


def test_operation_ids_are_unique_snake_case_and_tagged() -> None:
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    declared_tags = {t["name"] for t in SPEC["tags"]}
    assert declared_tags == set(TAGS)
    for _, _, op in _operations():
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", op["operationId"])
        assert len(op["tags"]) == 1
        assert op["tags"][0] in declared_tags
        assert "security" not in op  # would make the generated client an AuthenticatedClient


def test_header_table_is_the_spec() -> None:
    table = _header_table()
    actual = [
        (op["tags"][0], op["operationId"], method, path) for path, method, op in _operations()
    ]
    assert sorted(table) == sorted(actual)
    assert len(table) == 33


def test_the_issue_surface_is_there() -> None:
    ids = {op["operationId"] for _, _, op in _operations()}
    assert ids >= {
        "ping",
        "whoami",
        "get_path_info",
        "download_file",
        "upload_files",
        "put_file_v3",
        "append_file_v3",
        "delete_file_v3",
        "mkdir",
        "remove_paths",
        "move_paths",
        "copy_paths",
        "rename_path",
        "checksum_paths",
        "compress_paths",
        "list_tasks",
        "get_task",
        "list_links",
        "create_link",
        "get_link",
        "delete_link",
        "list_users",
        "create_user",
        "get_user",
        "update_user",
        "delete_user",
        "oauth_request_token",
        "oauth_access_token",
    }


def test_decisions_are_marked_in_the_spec() -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert text.count("DECISION") >= 8
    assert 'quote(path.lstrip("/"), safe="/")' in text


# ------------------------------------------------------------------------------------------
# path ids
# ------------------------------------------------------------------------------------------


def test_path_parameters_named_path_are_path_ids() -> None:
    for path, method, op in _operations():
        names = []
        for param in op.get("parameters", []):
            resolved = _resolve(param)
            if resolved["in"] == "path":
                names.append(resolved["name"])
            if resolved["in"] == "path" and resolved["name"] == "path":
                assert param == {"$ref": "#/components/parameters/PathId"}, (method, path)
        assert sorted(names) == sorted(re.findall(r"{(\w+)}", path)), (method, path)


def test_generated_code_keeps_slashes_only_for_path_ids() -> None:
    quoted = []
    for module in (GENERATED / "api").rglob("*.py"):
        quoted += re.findall(
            r"quote\(str\((\w+)\)((?:\.lstrip\(\"/\"\))?), safe=\"([^\"]*)\"\)", module.read_text()
        )
    assert {name for name, _, _ in quoted} == {"path", "uuid", "uid", "username"}
    for name, strip, safe in quoted:
        if name == "path":
            assert (strip, safe) == ('.lstrip("/")', "/")
        else:
            assert (strip, safe) == ("", ""), name


PATH_IDS = [
    ("", b""),
    ("/", b""),
    ("Documents", b"Documents"),
    ("/Documents/a b/\u00fc.txt", b"Documents/a%20b/%C3%BC.txt"),
    ("Documents/a b/\u00fc.txt", b"Documents/a%20b/%C3%BC.txt"),
    ("/a?b#c", b"a%3Fb%23c"),
    ("/100%", b"100%25"),
    ("/%41", b"%2541"),
    ("x&y;z=1+2", b"x%26y%3Bz%3D1%2B2"),
    ("/dir/", b"dir/"),
    ("\u65e5\u672c/\U0001f600", b"%E6%97%A5%E6%9C%AC/%F0%9F%98%80"),
]


@pytest.mark.parametrize(("path", "encoded"), PATH_IDS)
def test_path_id_urls_on_the_wire(path: str, encoded: bytes) -> None:
    cases = [
        (get_path_info._get_kwargs(path), b"/api/2/path/info/"),
        (download_file._get_kwargs(path), b"/api/2/path/data/"),
        (
            upload_files._get_kwargs(
                path, body=UploadFilesRequest(file=File(payload=BytesIO(b"x"), file_name="x"))
            ),
            b"/api/2/path/data/",
        ),
        (put_file_v3._get_kwargs(path, body=File(payload=BytesIO(b"x"))), b"/api/3/path/data/"),
        (
            append_file_v3._get_kwargs(path, body=File(payload=BytesIO(b"x")), range_="bytes=0-"),
            b"/api/3/path/data/",
        ),
        (delete_file_v3._get_kwargs(path), b"/api/3/path/data/"),
    ]
    for kwargs, prefix in cases:
        request = _sent(kwargs)
        assert request.url.raw_path == prefix + encoded, kwargs["url"]
        assert b"//" not in request.url.raw_path
        assert request.url.query == b""


def test_root_listing_is_the_bare_prefix() -> None:
    request = _sent(get_path_info._get_kwargs("", children=True))
    assert request.url.raw_path == b"/api/2/path/info/?children=true"


def test_other_path_parameters_are_fully_quoted() -> None:
    assert _sent(get_task._get_kwargs("a/b c")).url.raw_path == b"/api/2/task/a%2Fb%20c/"
    assert _sent(get_link._get_kwargs("k/1")).url.raw_path == b"/api/2/link/k%2F1/"
    assert _sent(delete_user._get_kwargs("b\u00f6b")).url.raw_path == b"/api/2/user/b%C3%B6b/"


# ------------------------------------------------------------------------------------------
# queries and bodies
# ------------------------------------------------------------------------------------------


def test_listing_query_children_paging_and_repeated_fields() -> None:
    request = _sent(
        get_path_info._get_kwargs(
            "/Documents", children=True, limit=2, page=3, fields=["name", "size"]
        )
    )
    assert request.url.raw_path == (
        b"/api/2/path/info/Documents?children=true&limit=2&page=3&fields=name&fields=size"
    )
    request = _sent(list_tasks._get_kwargs(page=2, limit=10))
    assert request.url.raw_path == b"/api/2/task/?page=2&limit=10"


def test_no_query_parameter_has_a_default() -> None:
    for path, method, op in _operations():
        for param in op.get("parameters", []):
            assert "default" not in _resolve(param)["schema"], (method, path)


@pytest.mark.parametrize(
    ("kwargs", "url", "pairs"),
    [
        (
            mkdir._get_kwargs(body=MkdirRequest(path="/Documents/new")),
            b"/api/2/path/oper/mkdir/",
            [("path", "/Documents/new")],
        ),
        (
            remove_paths._get_kwargs(body=RemoveRequest(path=["/a b", "/c&d"])),
            b"/api/2/path/oper/remove/",
            [("path", "/a b"), ("path", "/c&d")],
        ),
        (
            move_paths._get_kwargs(body=MoveCopyRequest(src=["/a", "/b"], dst="/Archive")),
            b"/api/2/path/oper/move/",
            [("src", "/a"), ("src", "/b"), ("dst", "/Archive")],
        ),
        (
            rename_path._get_kwargs(body=RenameRequest(src="/a.txt", dst="b.txt")),
            b"/api/2/path/oper/rename/",
            [("src", "/a.txt"), ("dst", "b.txt")],
        ),
        (
            checksum_paths._get_kwargs(body=ChecksumRequest(path=["/a", "/b"], algorithm="sha1")),
            b"/api/2/path/oper/checksum/",
            [("path", "/a"), ("path", "/b"), ("algorithm", "sha1")],
        ),
        (
            compress_paths._get_kwargs(
                body=CompressRequest(path=["/a"], dst="/Archive", name="docs.zip")
            ),
            b"/api/2/path/oper/compress/",
            [("path", "/a"), ("dst", "/Archive"), ("name", "docs.zip")],
        ),
        (
            create_link._get_kwargs(
                body=CreateLinkRequest(path="/a", read=True, list_=False, recursive=True)
            ),
            b"/api/2/link/",
            [("path", "/a"), ("read", "true"), ("list", "false"), ("recursive", "true")],
        ),
        (
            update_user._get_kwargs("bob", body=UpdateUserRequest(name="Robert")),
            b"/api/2/user/bob/",
            [("name", "Robert")],
        ),
    ],
)
def test_form_bodies_repeat_list_keys_and_send_true_false(
    kwargs: dict[str, Any], url: bytes, pairs: list[tuple[str, str]]
) -> None:
    request = _sent(kwargs)
    assert request.url.raw_path == url
    assert _form(request) == pairs


def test_every_request_body_is_form_multipart_or_raw() -> None:
    for path, method, op in _operations():
        body = op.get("requestBody")
        if body is None:
            continue
        (media_type,) = body["content"]
        if op["operationId"] == "upload_files":
            assert media_type == "multipart/form-data"
        elif path.startswith("/api/3/path/data/"):
            assert media_type == "application/octet-stream"
        else:
            assert media_type == "application/x-www-form-urlencoded", (method, path)


def test_upload_is_one_file_part_with_a_random_boundary() -> None:
    body = UploadFilesRequest(
        file=File(
            payload=BytesIO(b"hello"), file_name="r\u00e9sum\u00e9.txt", mime_type="text/plain"
        )
    )
    assert [name for name, _ in body.to_multipart()] == ["file"]
    request = _sent(upload_files._get_kwargs("Documents", body=body))
    assert request.method == "POST"
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    assert not content_type.endswith("boundary=+++")  # the post-hook removed the fixed header
    assert b'name="file"; filename="r\xc3\xa9sum\xc3\xa9.txt"' in request.content
    assert b"hello" in request.content


def test_download_sends_range_and_declares_200_206_416() -> None:
    request = _sent(download_file._get_kwargs("a.bin", range_="bytes=5-"))
    assert request.method == "GET"
    assert request.headers["range"] == "bytes=5-"
    assert "range" not in _sent(download_file._get_kwargs("a.bin")).headers
    responses = _operation("download_file")["responses"]
    assert {"200", "206", "416"} <= set(responses)
    for status in ("200", "206"):
        assert set(responses[status]["content"]) == {"application/octet-stream"}
    assert "Content-Range" in responses["206"]["headers"]
    assert responses["416"] == {"$ref": "#/components/responses/RangeNotSatisfiable"}


def test_v3_put_and_append_send_the_raw_body() -> None:
    request = _sent(put_file_v3._get_kwargs("dir/a.bin", body=File(payload=BytesIO(b"12345"))))
    assert (request.method, request.content) == ("PUT", b"12345")
    assert request.headers["content-type"] == "application/octet-stream"
    request = _sent(
        append_file_v3._get_kwargs(
            "dir/a.bin", body=File(payload=BytesIO(b"678")), range_="bytes=5-"
        )
    )
    assert (request.method, request.content) == ("PATCH", b"678")
    assert request.headers["range"] == "bytes=5-"
    (range_param,) = _operation("append_file_v3")["parameters"][1:]
    assert (range_param["name"], range_param["in"], range_param["required"]) == (
        "Range",
        "header",
        True,
    )
    assert "204" in _operation("delete_file_v3")["responses"]


# ------------------------------------------------------------------------------------------
# examples, schemas, generated models
# ------------------------------------------------------------------------------------------


def _examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    def media_examples(where: str, media: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        if "example" in media:
            yield where, media["schema"], media["example"]
        for name, example in media.get("examples", {}).items():
            yield f"{where}#{name}", media["schema"], example["value"]

    for path, method, op in _operations():
        where = f"{method.upper()} {path}"
        for media_type, media in op.get("requestBody", {}).get("content", {}).items():
            yield from media_examples(f"{where} request {media_type}", media)
        for status, response in op["responses"].items():
            for media_type, media in _resolve(response).get("content", {}).items():
                yield from media_examples(f"{where} {status} {media_type}", media)


def test_every_example_validates() -> None:
    found = list(_examples())
    assert len(found) >= 40
    for where, schema, example in found:
        errors = [e.message for e in _validator(schema).iter_errors(example)]
        assert not errors, (where, errors)


def _example(operation_id: str, status: str = "200") -> Any:
    media = _resolve(_operation(operation_id)["responses"][status])["content"]["application/json"]
    return media["example"]


def test_full_info_examples_carry_every_key() -> None:
    keys = set(_resolve({"$ref": "#/components/schemas/PathInfo"})["properties"])
    listing = _example("get_path_info")
    assert keys <= set(listing)
    assert keys <= set(listing["children"][0])
    assert keys <= set(_example("upload_files"))


def test_generated_models_parse_the_examples() -> None:
    listing = PathListing.from_dict(_example("get_path_info"))
    assert listing.isdir is True
    assert isinstance(listing.children, list)
    assert [child.name for child in listing.children] == ["a b.txt"]
    assert (listing.page, listing.pages, listing.total, listing.per_page) == (1, 1, 1, 100)
    assert listing.owner is None
    # `fields` limits the children's keys: a partial info object still parses.
    partial = PathInfo.from_dict({"name": "a", "size": 1})
    assert isinstance(partial.path, Unset)
    whoami = Whoami.from_dict(_example("whoami"))
    assert whoami.user.username == "alice"
    link = Link.from_dict(_example("create_link", "201"))
    assert (link.uid, link.expiration, link.usage_limit) == ("7bWx3kQ", None, None)
    assert TaskPage.from_dict(_example("list_tasks")).results[0].uuid.startswith("1b4e")
    assert LinkPage.from_dict(_example("list_links")).results == []
    users = UserPage.from_dict(_example("list_users"))
    assert users.next_ == "https://app.smartfile.com/api/2/user/?limit=1&page=2"
    assert users.previous is None
    rights = _example("list_rights")
    assert [Right.from_dict(r).name for r in rights] == ["sftp_access", "ftp_access"]
    assert Session.from_dict(_example("get_session")).expires == 1209600
    activity = ActivityPage.from_dict(_example("list_activity"))
    assert activity.results[0]["action"] == "path removed"


def test_task_answers_parse_partial_failure_checksums_and_zip_path() -> None:
    media = _resolve(_operation("get_task")["responses"]["200"])["content"]["application/json"]
    examples = {name: Task.from_dict(e["value"]) for name, e in media["examples"].items()}
    partial = examples["partial"].result
    assert partial.status == "SUCCESS"
    assert not isinstance(partial.result, Unset)
    assert not isinstance(partial.result.errors, Unset)
    assert partial.result.errors.additional_properties == {
        "/foobar": 'Directory is not empty b"/foobar" [None]'
    }
    checksum = examples["checksum"].result.result
    assert not isinstance(checksum, Unset) and not isinstance(checksum.checksums, Unset)
    assert checksum.checksums["/Documents/a.txt"] == "5d41402abc4b2a76b9719d911017c592"
    compress = examples["compress"].result.result
    assert not isinstance(compress, Unset)
    assert compress.path == "/Archive/docs.zip"
    assert isinstance(examples["pending"].result.result, Unset)
    # an open set of states: a Celery state the notes never saw still parses
    assert Task.from_dict({"uuid": "u", "result": {"status": "RETRY"}}).result.status == "RETRY"


def test_upload_answer_is_one_info_object_or_a_list() -> None:
    one = httpx.Response(200, json=_example("upload_files"))
    parsed = upload_files._parse_response(client=Client(base_url=BASE_URL), response=one)
    assert isinstance(parsed, PathInfo)
    assert parsed.name == "report.pdf"
    several = httpx.Response(200, json=[{"name": "a"}, {"name": "b"}])
    parsed = upload_files._parse_response(client=Client(base_url=BASE_URL), response=several)
    assert isinstance(parsed, list)
    assert [p.name for p in parsed] == ["a", "b"]


# ------------------------------------------------------------------------------------------
# errors and throttling
# ------------------------------------------------------------------------------------------

DETAILS = [
    "Authentication credentials were not provided.",
    "Invalid username/password.",
    "Not found.",
    "Request was throttled. Expected available in 3 seconds.",
    "You do not have permission to access this resource. You may need to login or otherwise "
    "authenticate the request.",
]


@pytest.mark.parametrize("detail", DETAILS)
def test_detail_errors_validate_and_parse(detail: str) -> None:
    body = {"detail": detail}
    assert not list(_schema("Error").iter_errors(body))
    assert Error.from_dict(body).detail == detail


def test_validation_errors_validate_and_parse() -> None:
    body = {"path": ["This field is required."], "dst": ["This field is required."]}
    assert not list(_schema("ValidationError").iter_errors(body))
    assert list(_schema("ValidationError").iter_errors({"path": "not a list"}))
    parsed = ValidationError.from_dict(body)
    assert parsed.additional_properties == body
    assert list(_schema("Error").iter_errors({}))


def test_bad_request_parses_either_shape() -> None:
    client = Client(base_url=BASE_URL)
    detail = httpx.Response(400, json={"detail": "Is a directory."})
    assert isinstance(rename_path._parse_response(client=client, response=detail), Error)
    fields = httpx.Response(400, json={"src": ["This field is required."]})
    parsed = rename_path._parse_response(client=client, response=fields)
    assert isinstance(parsed, ValidationError)
    assert parsed["src"] == ["This field is required."]


def test_every_operation_declares_both_throttle_answers() -> None:
    for path, method, op in _operations():
        responses = op["responses"]
        assert responses["429"] == {"$ref": "#/components/responses/Throttled"}, (method, path)
        assert responses["503"] == {"$ref": "#/components/responses/ThrottledLegacy"}
        if op["operationId"] not in NO_AUTH:
            assert responses["401"] == {"$ref": "#/components/responses/Unauthorized"}
            assert responses["403"] == {"$ref": "#/components/responses/Forbidden"}
        for status in responses:
            assert int(status) < 500 or status == "503", (method, path, status)


def test_throttle_headers() -> None:
    throttled = SPEC["components"]["responses"]["Throttled"]
    assert set(throttled["headers"]) == {"Retry-After"}
    legacy = SPEC["components"]["responses"]["ThrottledLegacy"]
    assert set(legacy["headers"]) == {"X-Throttle"}
    header = _resolve(legacy["headers"]["X-Throttle"])
    assert header["schema"]["pattern"] == THROTTLE_PATTERN
    match = re.match(THROTTLE_PATTERN, "throttled; next=0.01 sec")
    assert match is not None
    assert match.group(1) == "0.01"
    unauthorized = SPEC["components"]["responses"]["Unauthorized"]
    assert set(unauthorized["headers"]) == {"WWW-Authenticate"}


def test_forbidden_is_json_or_the_oauth_text() -> None:
    forbidden = SPEC["components"]["responses"]["Forbidden"]["content"]
    assert list(forbidden) == ["application/json", "text/plain"]
    failure = SPEC["components"]["responses"]["OAuthFailure"]["content"]
    assert failure == {
        "text/plain": {"schema": {"type": "string"}, "example": "Could not verify OAuth request."}
    }


# ------------------------------------------------------------------------------------------
# OAuth 1.0a
# ------------------------------------------------------------------------------------------


def test_oauth_token_answer_is_urlencoded_and_read_as_text() -> None:
    content = SPEC["components"]["responses"]["OAuthToken"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded", "text/plain"]
    text = content["text/plain"]["example"]
    fields = {key: values[0] for key, values in parse_qs(text, strict_parsing=True).items()}
    assert fields == content["application/x-www-form-urlencoded"]["example"]
    assert not list(_schema("OAuthTokenResponse").iter_errors(fields))
    token = OAuthTokenResponse.from_dict(fields)
    assert len(token.oauth_token) == len(token.oauth_token_secret) == 30
    assert token.oauth_callback_confirmed == "true"

    kwargs = oauth_request_token._get_kwargs()
    assert kwargs == {"method": "post", "url": "/oauth/request_token/"}
    answer = httpx.Response(
        200, text=text, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    parsed = oauth_request_token._parse_response(client=Client(base_url=BASE_URL), response=answer)
    assert parsed == text


def test_generated_client_type_is_plain() -> None:
    # No operation-level security: every generated function takes the plain Client.
    client = Client(base_url=BASE_URL)
    assert client.get_httpx_client().base_url == httpx.URL(BASE_URL)
