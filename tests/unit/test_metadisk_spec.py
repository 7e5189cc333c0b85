"""specs/metadisk.yaml and the client generated from it (cloudspec.metadisk_api).

* the spec is valid, and its operations are exactly the table in its header comment (tag,
  snake_case operationId, method, path), each operationId unique;
* every example validates; the ``{"error": ...}`` body validates the reference's messages and is
  the body of every declared failure; the generated models parse the original README's answers;
* the upload carries the required ``x-token`` and ``x-filesize`` headers and one ``file`` part;
  the pointer request carries ``x-token``; ``__nonce`` is nowhere in the spec (the signer adds it);
* the statuses the reference corrects (200 and 201 on creation, 200 without a body on key delete).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cloudspec.metadisk_api.api.files import get_file_pointers, upload_file
from cloudspec.metadisk_api.api.users import reset_password
from cloudspec.metadisk_api.models import (
    Bucket,
    BucketFile,
    Error,
    PublicKey,
    Token,
    UploadFileRequest,
    User,
)
from cloudspec.metadisk_api.types import File
from generator import yamlmap
from generator.validation import validate_file

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "specs" / "metadisk.yaml"
SPEC_URI = "urn:cloudspec:specs/metadisk.yaml"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TAGS = ("users", "keys", "buckets", "tokens", "files")


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
        match = re.match(r"#\s+(\w+)\s+([a-z_]+)\s+(GET|POST|PUT|PATCH|DELETE)\s+(/\S*)", line)
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

    with httpx.Client(
        base_url="https://api.metadisk.org", transport=httpx.MockTransport(handler)
    ) as client:
        client.request(**kwargs)
    (request,) = seen
    return request


# ------------------------------------------------------------------------------------------
# the document
# ------------------------------------------------------------------------------------------


def test_spec_is_valid() -> None:
    assert validate_file(SPEC_PATH, "specs/metadisk.yaml") is None
    assert SPEC["openapi"] == "3.1.0"
    assert [s["url"] for s in SPEC["servers"]] == [
        "https://api.metadisk.org",
        "https://api.storj.io",
    ]


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
    assert len(table) == 20


def test_the_issue_surface_is_there() -> None:
    ids = {op["operationId"] for _, _, op in _operations()}
    assert ids >= {
        "register_user",
        "activate_user",
        "reset_password",
        "confirm_password_reset",
        "delete_user",
        "list_keys",
        "add_key",
        "delete_key",
        "list_buckets",
        "create_bucket",
        "get_bucket",
        "update_bucket",
        "delete_bucket",
        "create_token",
        "list_files",
        "upload_file",
        "get_file_pointers",
        "delete_file",
    }


def _names(node: Any) -> Iterator[str]:
    """Every parameter name and schema property name in ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("name"), str) and "in" in node:
            yield node["name"]
        if isinstance(node.get("properties"), dict):
            yield from node["properties"]
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _names(value)


def test_nonce_is_left_to_the_signer() -> None:
    names = set(_names(SPEC))
    assert {"x-token", "x-filesize", "email", "bucket_id"} <= names
    assert "__nonce" not in names


# ------------------------------------------------------------------------------------------
# examples and the error body
# ------------------------------------------------------------------------------------------


def _examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    for path, method, op in _operations():
        where = f"{method.upper()} {path}"
        for media_type, media in op.get("requestBody", {}).get("content", {}).items():
            if "example" in media:
                yield f"{where} request {media_type}", media["schema"], media["example"]
        for status, response in op["responses"].items():
            for media_type, media in _resolve(response).get("content", {}).items():
                if "example" in media:
                    yield f"{where} {status} {media_type}", media["schema"], media["example"]


def test_every_example_validates() -> None:
    found = list(_examples())
    assert len(found) >= 15
    for where, schema, example in found:
        errors = [e.message for e in _validator(schema).iter_errors(example)]
        assert not errors, (where, errors)


REFERENCE_ERRORS = [
    "No authentication strategy detected",
    "User account has not been activated",
    "Invalid email or password",
    "Invalid signature",
    "Public key not registered",
    "Invalid nonce supplied",
    "Email is already registered",
    "Password must be hex encoded SHA-256 hash",
    "Invalid activation token",
    "Public key was not found",
    "Bucket not found",
    "Invalid or expired token",
    "Not authorized to store in bucket",
    "Missing or invalid x-filesize header sent",
    "The requested file was not found",
]


@pytest.mark.parametrize("message", REFERENCE_ERRORS)
def test_error_body_of_the_reference_validates_and_parses(message: str) -> None:
    body = {"error": message}
    assert not list(_schema("Error").iter_errors(body))
    assert Error.from_dict(body).error == message


def test_error_body_needs_a_string_error() -> None:
    assert list(_schema("Error").iter_errors({}))
    assert list(_schema("Error").iter_errors({"error": 1}))


def test_every_declared_failure_is_the_error_body() -> None:
    for path, method, op in _operations():
        for status, response in op["responses"].items():
            if int(status) >= 400:
                assert response == {"$ref": "#/components/responses/Error"}, (method, path)
                # the bridge answers many client errors with 500 (reference 2.1)
        failures = {s for s in op["responses"] if int(s) >= 400}
        assert "500" in failures, (method, path)


@pytest.mark.parametrize("operation_id", ["register_user", "create_bucket", "create_token"])
def test_creation_answers_200_and_201(operation_id: str) -> None:
    responses = _operation(operation_id)["responses"]
    assert responses["200"] == responses["201"]


def test_delete_key_answers_200_without_a_body() -> None:
    responses = _operation("delete_key")["responses"]
    assert "content" not in responses["200"]
    assert "content" not in responses["204"]


def test_generated_models_parse_the_readme_answers() -> None:
    user = User.from_dict(
        {
            "id": "new_user@coinbend.com",
            "activated": False,
            "email": "new_user@coinbend.com",
            "created": "2016-03-20T16:55:44.321Z",
        }
    )
    assert user.activated is False
    key = PublicKey.from_dict({"user": "u", "key": "03a3", "id": "03a3"})
    assert key.key == "03a3"
    bucket = Bucket.from_dict(
        {
            "status": "Active",
            "name": "My cat pictures",
            "created": "2016-03-20T17:13:42.590Z",
            "transfer": 10,
            "storage": 10,
            "user": "new_user@coinbend.com",
            "pubkeys": ["03a49c80327f1726ea4cf3050169f36087b0c1232c765421428c704cedd68886ec"],
            "id": "56eeda4656bf7b950faace4a",
            "encryptionKey": "later-era field",
        }
    )
    assert bucket.id == "56eeda4656bf7b950faace4a"
    assert bucket.additional_properties == {"encryptionKey": "later-era field"}
    token = Token.from_dict(
        {
            "operation": "PUSH",
            "expires": "2016-03-20T17:30:55.840Z",
            "bucket": "56eedc7056bf7b950faace4b",
            "token": "56b8",
            "id": "56b8",
        }
    )
    assert token.operation == "PUSH"
    stored = BucketFile.from_dict(
        {
            "mimetype": "image/jpeg",
            "hash": "5579439f51de8508db790f7fe1212d601afb5c51",
            "size": 68155,
            "bucket": "56eee24d56bf7b950faace69",
            "filename": "san_francisco.jpg",
        }
    )
    assert stored.size == 68155


# ------------------------------------------------------------------------------------------
# token requests
# ------------------------------------------------------------------------------------------


def _header_params(operation_id: str) -> dict[str, dict[str, Any]]:
    params = [_resolve(p) for p in _operation(operation_id).get("parameters", [])]
    return {p["name"]: p for p in params if p["in"] == "header"}


def test_upload_declares_x_token_and_x_filesize() -> None:
    headers = _header_params("upload_file")
    assert set(headers) == {"x-token", "x-filesize"}
    assert all(p["required"] is True for p in headers.values())
    assert headers["x-filesize"]["schema"]["type"] == "integer"
    body = _operation("upload_file")["requestBody"]["content"]
    assert set(body) == {"multipart/form-data"}
    assert set(_header_params("get_file_pointers")) == {"x-token"}


def test_upload_sends_the_headers_and_one_file_part() -> None:
    body = UploadFileRequest(
        file=File(payload=BytesIO(b"hello"), file_name="cat.jpg", mime_type="image/jpeg")
    )
    request = _sent(upload_file._get_kwargs("56ee", body=body, x_token="tok", x_filesize=5))
    assert request.method == "PUT"
    assert request.url.raw_path == b"/buckets/56ee/files"
    assert request.headers["x-token"] == "tok"
    assert request.headers["x-filesize"] == "5"
    assert b'name="file"; filename="cat.jpg"' in request.content
    assert b"Content-Type: image/jpeg" in request.content


def test_pointer_request_sends_x_token_and_slices() -> None:
    request = _sent(
        get_file_pointers._get_kwargs("56ee", "ba08", x_token="pull", skip=6, limit=6, exclude="n")
    )
    assert request.url.raw_path == b"/buckets/56ee/files/ba08?skip=6&limit=6&exclude=n"
    assert request.headers["x-token"] == "pull"


def test_email_path_parameter_is_quoted() -> None:
    from cloudspec.metadisk_api.models import ResetPasswordRequest

    request = _sent(reset_password._get_kwargs("a@b.c", body=ResetPasswordRequest(password="00")))
    assert request.method == "PATCH"
    assert request.url.raw_path == b"/users/a%40b.c"
