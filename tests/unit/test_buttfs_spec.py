"""specs/buttfs.yaml and the client generated from it (cloudspec.buttfs_api).

* the spec is valid, and its operations are exactly the table in its header comment (tag,
  snake_case operationId, method, path), each operationId unique;
* ID paths: every path parameter named ``path`` is one of the two ID-path components, the
  generated code keeps its slashes (the post-hook in generator/config/buttfs.yaml) while
  ``share_key`` and ``version`` stay fully quoted, and the URL on the wire has real slashes;
* ``?operation=`` variants are one operation with a required enum;
* every example in the spec, and the envelopes of the reference (success, error object, OAuth
  string error), validate against the schemas, and the generated models parse them;
* booleans are the ``true``/``false`` strings; quota headers are on every bearer success;
* multipart upload sends ``exists`` before ``file``, whose filename is the item name.
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

from cloudspec.buttfs_api.api.files import download_file, upload_file
from cloudspec.buttfs_api.api.folders import delete_folder, folder_operation, get_folder_meta
from cloudspec.buttfs_api.api.items import get_item_meta
from cloudspec.buttfs_api.api.shares import browse_share
from cloudspec.buttfs_api.api.trash import browse_trash
from cloudspec.buttfs_api.api.versions import get_file_version, promote_file_version
from cloudspec.buttfs_api.client import Client
from cloudspec.buttfs_api.models import (
    AnyEnvelope,
    ErrorEnvelope,
    ErrorObject,
    ItemMeta,
    ItemOperationEnvelope,
    ItemOperationRequest,
    ItemsResult,
    MetaEnvelope,
    MetaResult,
    UploadFileRequest,
)
from cloudspec.buttfs_api.types import File
from generator import yamlmap
from generator.validation import validate_file

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "specs" / "buttfs.yaml"
GENERATED = REPO_ROOT / "generated" / "cloudspec" / "buttfs_api"
SPEC_URI = "urn:cloudspec:specs/buttfs.yaml"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TAGS = ("auth", "user", "folders", "items", "files", "versions", "trash", "shares", "history")
BCS_SIGNED = {"create_token", "create_customer"}


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


def _header_table() -> list[tuple[str, str, str, str]]:
    """The `# tag operationId METHOD /path` rows of the spec's header comment."""
    rows = []
    for line in SPEC_PATH.read_text(encoding="utf-8").splitlines():
        match = re.match(r"#\s+(\w+)\s+([a-z_]+)\s+(GET|POST|DELETE)\s+(/v2\S*)", line)
        if match:
            tag, op_id, method, path = match.groups()
            rows.append((tag, op_id, method.lower(), path.split("?", 1)[0]))
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


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    if "$ref" in schema:
        schema = {"$ref": SPEC_URI + schema["$ref"]}
    return Draft202012Validator(schema, registry=_registry())


def _schema(name: str) -> Draft202012Validator:
    return _validator({"$ref": f"#/components/schemas/{name}"})


# ------------------------------------------------------------------------------------------
# the document
# ------------------------------------------------------------------------------------------


def test_spec_is_valid() -> None:
    assert validate_file(SPEC_PATH, "specs/buttfs.yaml") is None
    assert SPEC["openapi"] == "3.1.0"
    (server,) = SPEC["servers"]
    assert server["url"] == "https://{app_host}"
    assert server["variables"]["app_host"]["default"] == "example.cloudfs.io"


def test_every_path_starts_with_v2() -> None:
    assert all(path.startswith("/v2") for path in SPEC["paths"])


def test_operation_ids_are_unique_snake_case_and_tagged() -> None:
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    declared_tags = {t["name"] for t in SPEC["tags"]}
    assert declared_tags == {*TAGS, "admin"}
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
    assert len(table) == 31


# ------------------------------------------------------------------------------------------
# ID paths
# ------------------------------------------------------------------------------------------


def test_path_parameters_named_path_are_id_paths() -> None:
    id_components = {"#/components/parameters/IdPath", "#/components/parameters/IdPathPrefix"}
    for path, method, op in _operations():
        for param in op.get("parameters", []):
            resolved = _resolve(param)
            if resolved["in"] == "path" and resolved["name"] == "path":
                assert param.get("$ref") in id_components, (path, method)
                # IdPath only where the template ends with {path} (root "/").
                ends = path.endswith("{path}")
                assert (param["$ref"] == "#/components/parameters/IdPath") == ends, path
        assert ("{path}" in path) == any(
            _resolve(p)["name"] == "path" for p in op.get("parameters", [])
        )


def test_generated_code_keeps_slashes_only_for_id_paths() -> None:
    quoted = []
    for module in (GENERATED / "api").rglob("*.py"):
        quoted += re.findall(r"quote\(str\((\w+)\), safe=\"([^\"]*)\"\)", module.read_text())
    assert quoted
    for name, safe in quoted:
        assert safe == ("/" if name == "path" else ""), name


def _sent(kwargs: dict[str, Any]) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with httpx.Client(
        base_url="https://example.cloudfs.io", transport=httpx.MockTransport(handler)
    ) as client:
        client.request(**kwargs)
    (request,) = seen
    return request


@pytest.mark.parametrize(
    ("kwargs", "raw_path"),
    [
        (download_file._get_kwargs("/a/b c/d~e"), b"/v2/files/a/b%20c/d~e"),
        (
            get_folder_meta._get_kwargs("/FOPqySw3ToK_25y-gagUfg/x"),
            b"/v2/folders/FOPqySw3ToK_25y-gagUfg/x/meta",
        ),
        (get_folder_meta._get_kwargs(""), b"/v2/folders/meta"),
        (get_item_meta._get_kwargs("/a/b"), b"/v2/filesystem/root/a/b/meta"),
        (browse_trash._get_kwargs("/"), b"/v2/trash/"),
        (browse_share._get_kwargs("k/1", "/a/b"), b"/v2/shares/k%2F1/a/b/meta"),
        (get_file_version._get_kwargs("/a/b", 3), b"/v2/files/a/b/versions/3"),
        (delete_folder._get_kwargs("/a/b", commit="true", force="false"), b"/v2/folders/a/b"),
    ],
)
def test_id_path_urls_keep_their_slashes_on_the_wire(
    kwargs: dict[str, Any], raw_path: bytes
) -> None:
    request = _sent(kwargs)
    assert request.url.raw_path.split(b"?")[0] == raw_path


def test_booleans_are_true_false_strings() -> None:
    request = _sent(delete_folder._get_kwargs("/a", commit="true", force="false"))
    assert request.url.params["commit"] == "true"
    assert request.url.params["force"] == "false"
    assert _resolve({"$ref": "#/components/schemas/BooleanString"})["enum"] == ["true", "false"]
    for _, _, op in _operations():
        for param in op.get("parameters", []):
            resolved = _resolve(param)
            if resolved["name"] in {"commit", "force", "strict-traverse"}:
                assert resolved["schema"] == {"$ref": "#/components/schemas/BooleanString"}


# ------------------------------------------------------------------------------------------
# ?operation=
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "values"),
    [
        ("folder_operation", ["create", "move", "copy"]),
        ("file_operation", ["move", "copy"]),
        ("promote_file_version", ["promote"]),
    ],
)
def test_operation_variants_are_one_operation(operation_id: str, values: list[str]) -> None:
    (op,) = [op for _, _, op in _operations() if op["operationId"] == operation_id]
    (param,) = [_resolve(p) for p in op["parameters"] if _resolve(p)["name"] == "operation"]
    assert param["in"] == "query"
    assert param["required"] is True
    assert _resolve(param["schema"])["enum"] == values


def test_operation_query_and_union_form_go_out() -> None:
    body = ItemOperationRequest(to="/F1", name="b", exists="rename")
    request = _sent(folder_operation._get_kwargs("/F2", body=body, operation="move"))
    assert request.url.raw_path == b"/v2/folders/F2?operation=move"
    assert set(request.content.split(b"&")) == {b"to=%2FF1", b"name=b", b"exists=rename"}
    request = _sent(promote_file_version._get_kwargs("/a/F", 2, operation="promote"))
    assert request.url.raw_path == b"/v2/files/a/F/versions/2?operation=promote"


# ------------------------------------------------------------------------------------------
# schemas, examples, envelopes
# ------------------------------------------------------------------------------------------


def _examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    def media_examples(where: str, media: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        if "example" in media:
            yield where, media["schema"], media["example"]
        for name, example in media.get("examples", {}).items():
            yield f"{where}#{name}", media["schema"], example["value"]

    for path, method, op in _operations():
        where = f"{method.upper()} {path}"
        body = op.get("requestBody", {}).get("content", {})
        for media_type, media in body.items():
            yield from media_examples(f"{where} request {media_type}", media)
        for status, response in op["responses"].items():
            for media_type, media in _resolve(response).get("content", {}).items():
                yield from media_examples(f"{where} {status} {media_type}", media)


def test_every_example_validates() -> None:
    found = list(_examples())
    assert len(found) >= 12
    for where, schema, example in found:
        errors = [e.message for e in _validator(schema).iter_errors(example)]
        assert not errors, (where, errors)


ERROR_OBJECT = {
    "error": {"code": 2002, "message": "Folder does not exist", "data": None},
    "result": None,
}
ERROR_OAUTH = {"error": "invalid_request"}
ERROR_RB = {"error": "invalid_grant", "message": "Bad credentials", "error_code": 401}


@pytest.mark.parametrize("body", [ERROR_OBJECT, ERROR_OAUTH, ERROR_RB])
def test_error_envelopes_of_the_reference_validate_and_parse(body: dict[str, Any]) -> None:
    assert not list(_schema("ErrorEnvelope").iter_errors(body))
    parsed = ErrorEnvelope.from_dict(body)
    if isinstance(body["error"], dict):
        assert isinstance(parsed.error, ErrorObject)
        assert parsed.error.code == 2002
    else:
        assert parsed.error == body["error"]


def test_error_object_needs_a_code() -> None:
    assert list(_schema("ErrorEnvelope").iter_errors({"error": {"message": "x"}}))
    assert list(_schema("ErrorEnvelope").iter_errors({"result": None}))


def test_meta_answers_parse_wrapped_and_bare() -> None:
    meta = {"id": "F1", "type": "folder", "name": "docs", "version": 3, "extra": 1}
    for body in ({"result": {"meta": meta}, "error": None}, {"result": meta, "error": None}):
        assert not list(_schema("MetaEnvelope").iter_errors(body))
        parsed = MetaEnvelope.from_dict(body)
        item = parsed.result.meta if isinstance(parsed.result, MetaResult) else parsed.result
        assert isinstance(item, ItemMeta)
        assert item.id == "F1"
        assert item.additional_properties == {"extra": 1}


def test_item_operation_answers_parse_create_and_move() -> None:
    created = ItemOperationEnvelope.from_dict(
        {"result": {"items": [{"id": "F2", "type": "folder"}]}, "error": None}
    )
    assert isinstance(created.result, ItemsResult)
    moved = ItemOperationEnvelope.from_dict(
        {"result": {"meta": {"id": "F2", "type": "folder"}}, "error": None}
    )
    assert isinstance(moved.result, MetaResult)


@pytest.mark.parametrize("result", ["", None, {"ok": True}, [1]])
def test_undocumented_payloads_parse_whatever_they_are(result: Any) -> None:
    body = {"result": result, "error": None}
    assert not list(_schema("AnyEnvelope").iter_errors(body))
    assert AnyEnvelope.from_dict(body).result == result


def test_success_envelopes_carry_result_and_null_error() -> None:
    for name, schema in SPEC["components"]["schemas"].items():
        if name.endswith("Envelope") and name != "ErrorEnvelope":
            assert set(schema["properties"]) == {"result", "error"}, name
            assert schema["properties"]["error"] == {"type": "null"}, name


def test_quota_headers_on_every_bearer_success() -> None:
    for path, method, op in _operations():
        if op["operationId"] in BCS_SIGNED:
            continue
        headers = op["responses"]["200"].get("headers", {})
        assert set(headers) >= {
            "X-BCS-Account-Storage-Limit",
            "X-BCS-Account-Storage-Usage",
        }, (method, path)


def test_token_answer_is_not_enveloped() -> None:
    token = _schema("Token")
    assert not list(token.iter_errors({"access_token": "US2.x.y", "token_type": "bearer"}))
    assert list(token.iter_errors({"result": {"access_token": "x"}}))


# ------------------------------------------------------------------------------------------
# multipart upload
# ------------------------------------------------------------------------------------------


def test_upload_sends_exists_before_file_and_names_the_item_by_filename() -> None:
    body = UploadFileRequest(
        exists="rename",
        file=File(
            payload=BytesIO(b"hello"), file_name="r\u00e9sum\u00e9.txt", mime_type="text/plain"
        ),
    )
    parts = body.to_multipart()
    assert [name for name, _ in parts] == ["exists", "file"]
    request = _sent(upload_file._get_kwargs("", body=body))
    assert request.url.raw_path == b"/v2/files/"
    content = request.content
    exists_at = content.index(b'name="exists"')
    file_at = content.index(b'name="file"; filename="r\xc3\xa9sum\xc3\xa9.txt"')
    assert exists_at < file_at
    assert b"rename" in content[exists_at:file_at]
    assert content.index(b"hello") > file_at


def test_generated_client_type_is_plain() -> None:
    # No operation-level security: every generated function takes the plain Client.
    client = Client(base_url="https://example.cloudfs.io")
    assert client.get_httpx_client().base_url == httpx.URL("https://example.cloudfs.io")
