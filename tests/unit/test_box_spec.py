"""specs/box.yaml against Box's official OpenAPI document (tests/data/box-openapi.json).

For every operation of our spec: its operationId, tag, method and path are the ones the shared
Box contract fixes; the same method exists in the official document at the same full URL
(server + path); every parameter we declare exists there (same ``in``, same name) and every
parameter it requires is declared; every request-body property we declare exists there; and
every ``example`` of a JSON or form body validates against our schema AND against the official
schema of the same operation and status (falling back to the official ``default`` response
when it does not list our status).

The official document is OpenAPI 3.0 (``nullable``), ours 3.1; both are validated as JSON
Schema 2020-12 after turning ``nullable: true`` into ``anyOf [..., null]``. A few official
schemas contradict the real API (box.md section 1 and 2.9); ``OFFICIAL_FIXES`` patches exactly
those, and fails once the official text changes, so that a fix never outlives the bug.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cloudspec.box_api.api.chunked_uploads import put_files_upload_sessions_id
from cloudspec.box_api.api.search import get_search
from cloudspec.box_api.api.uploads import post_files_content
from cloudspec.box_api.models import ParentReference, UploadFileAttributes, UploadFileRequest
from cloudspec.box_api.types import File
from generator import yamlmap

REPO_ROOT = Path(__file__).resolve().parents[2]
OURS_PATH = REPO_ROOT / "specs" / "box.yaml"
OFFICIAL_PATH = REPO_ROOT / "tests" / "data" / "box-openapi.json"
OFFICIAL_SHA256 = "70adf696ed3955729f9c75d11f34658477c0ee143d9ff6252928f5bc0fa6d499"

OURS_URI = "urn:cloudspec:specs/box.yaml"
OFFICIAL_URI = "urn:box:box-openapi.json"

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# The table of the shared Box contract: tag, operationId, method, path. The overlay imports
# cloudspec.box_api.api.<tag>.<operationId>, so none of these may drift.
CONTRACT_TABLE = """
oauth           post_oauth2_token                    POST    /oauth2/token
oauth           post_oauth2_revoke                   POST    /oauth2/revoke
folders         get_folders_id                       GET     /folders/{folder_id}
folders         post_folders                         POST    /folders
folders         delete_folders_id                    DELETE  /folders/{folder_id}
folders         get_folders_id_items                 GET     /folders/{folder_id}/items
folders         put_folders_id                       PUT     /folders/{folder_id}
folders         post_folders_id_copy                 POST    /folders/{folder_id}/copy
files           get_files_id                         GET     /files/{file_id}
files           delete_files_id                      DELETE  /files/{file_id}
files           put_files_id                         PUT     /files/{file_id}
files           post_files_id_copy                   POST    /files/{file_id}/copy
uploads         options_files_content                OPTIONS /files/content
uploads         post_files_content                   POST    /files/content
uploads         post_files_id_content                POST    /files/{file_id}/content
downloads       get_files_id_content                 GET     /files/{file_id}/content
search          get_search                           GET     /search
users           get_users_me                         GET     /users/me
chunked_uploads post_files_upload_sessions           POST    /files/upload_sessions
chunked_uploads post_files_id_upload_sessions        POST    /files/{file_id}/upload_sessions
chunked_uploads get_files_upload_sessions_id         GET     /files/upload_sessions/{upload_session_id}
chunked_uploads put_files_upload_sessions_id         PUT     /files/upload_sessions/{upload_session_id}
chunked_uploads delete_files_upload_sessions_id      DELETE  /files/upload_sessions/{upload_session_id}
chunked_uploads get_files_upload_sessions_id_parts   GET     /files/upload_sessions/{upload_session_id}/parts
chunked_uploads post_files_upload_sessions_id_commit POST    /files/upload_sessions/{upload_session_id}/commit
"""  # noqa: E501 (one row per operation reads better than wrapped rows)
CONTRACT = {
    oid: (tag, method.lower(), path)
    for tag, oid, method, path in (line.split() for line in CONTRACT_TABLE.strip().splitlines())
}

# Path mapping. Our paths and path-parameter names are the official ones, except that the
# official document models the refresh grant as a separate "variation" path key,
# `/oauth2/token#refresh` (not a real URL: the fragment is dropped when comparing URLs). Our one
# POST /oauth2/token covers both, so it is checked against both, and each of our named request
# examples against the variation whose name it carries.
OFFICIAL_PATH_KEYS: dict[str, tuple[str, ...]] = {
    "post_oauth2_token": ("/oauth2/token", "/oauth2/token#refresh"),
}
EXAMPLE_VARIATION: dict[tuple[str, str], str] = {
    ("post_oauth2_token", "refresh_token"): "/oauth2/token#refresh",
}

# Request-body properties we declare that the official schema lacks, and why (box.md).
EXTRA_BODY_PROPERTIES: dict[str, set[str]] = {
    # Sent by the original SDK when given; must repeat the authorize call's redirect_uri.
    "post_oauth2_token": {"redirect_uri"},
    # Accepted on commit (Box's chunked-upload guide; legacy boxsdk sends it).
    "post_files_upload_sessions_id_commit": {"attributes"},
}

_REMOVE = object()


@attrs.frozen
class OfficialFix:
    pointer: str
    found: Any
    """The official value at ``pointer``; when it changes, the fix must be re-examined."""
    fixed: Any
    """What the real API does (``_REMOVE`` deletes the key)."""
    why: str


_FILE_CONFLICT = {"$ref": "#/components/schemas/FileConflict"}

OFFICIAL_FIXES = (
    OfficialFix(
        "/components/schemas/ClientError/properties/code/enum",
        found=[
            "created",
            "accepted",
            "no_content",
            "redirect",
            "not_modified",
            "bad_request",
            "unauthorized",
            "forbidden",
            "not_found",
            "method_not_allowed",
            "conflict",
            "precondition_failed",
            "too_many_requests",
            "internal_server_error",
            "unavailable",
            "item_name_invalid",
            "insufficient_scope",
        ],
        fixed=_REMOVE,
        why="box.md 1.4: the API sends many more codes (item_name_in_use, rate_limit_exceeded, "
        "folder_not_empty, file_size_too_small, session_expired, ...)",
    ),
    OfficialFix(
        "/components/schemas/ConflictError/allOf/1/properties/context_info/properties/conflicts",
        found={
            "description": "A list of the file conflicts that caused this error.",
            "type": "array",
            "items": _FILE_CONFLICT,
        },
        fixed={"oneOf": [_FILE_CONFLICT, {"type": "array", "items": _FILE_CONFLICT}]},
        why="box.md 2.9: the preflight (our only operation using ConflictError) answers ONE object",
    ),
    OfficialFix(
        "/components/schemas/File/allOf/1/properties/shared_link/nullable",
        found=None,
        fixed=True,
        why="Box sends null without a shared link (as the property's description says); the "
        "official `nullable: true` sits inside its allOf, where OpenAPI 3.0 ignores it",
    ),
    OfficialFix(
        "/components/schemas/PostOAuth2Revoke/required",
        found=["grant_type"],
        fixed=_REMOVE,
        why="box.md 1.7: grant_type is required but not defined; the real body has none",
    ),
)


# ------------------------------------------------------------------------------------------
# loading (each document once per module)
# ------------------------------------------------------------------------------------------


def _load_ours() -> dict[str, Any]:
    data = yamlmap.load(OURS_PATH.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


OURS = _load_ours()


@functools.cache
def _official_raw() -> dict[str, Any]:
    data = json.loads(OFFICIAL_PATH.read_bytes())
    assert isinstance(data, dict)
    return data


@functools.cache
def _official() -> dict[str, Any]:
    """The official document with OFFICIAL_FIXES applied and ``nullable`` made 2020-12."""
    doc = copy.deepcopy(_official_raw())
    for fix in OFFICIAL_FIXES:
        parent, key = _parent_and_key(doc, fix.pointer)
        assert parent.get(key) == fix.found, f"official text changed at {fix.pointer}: {fix.why}"
        if fix.fixed is _REMOVE:
            del parent[key]
        else:
            parent[key] = copy.deepcopy(fix.fixed)
    converted = _nullable_to_2020(doc)
    assert isinstance(converted, dict)
    return converted


def _nullable_to_2020(node: Any) -> Any:
    # Wrapping (rather than adding "null" to `type`) also covers enums, allOf and bare $refs.
    if isinstance(node, list):
        return [_nullable_to_2020(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {k: _nullable_to_2020(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@functools.cache
def _registry() -> Registry[Any]:
    return Registry().with_resources(
        [
            (OURS_URI, Resource.from_contents(OURS, default_specification=DRAFT202012)),
            (
                OFFICIAL_URI,
                Resource.from_contents(_official(), default_specification=DRAFT202012),
            ),
        ]
    )


# ------------------------------------------------------------------------------------------
# navigation
# ------------------------------------------------------------------------------------------


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _pointer(*tokens: str) -> str:
    return "".join(f"/{_escape(t)}" for t in tokens)


def _at(doc: Any, pointer: str) -> Any:
    node = doc
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _parent_and_key(doc: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    parent_pointer, _, key = pointer.rpartition("/")
    parent = _at(doc, parent_pointer)
    assert isinstance(parent, dict)
    return parent, key.replace("~1", "/").replace("~0", "~")


def _follow(doc: Mapping[str, Any], pointer: str) -> str:
    """``pointer``, or where the ``$ref`` found there leads (a JSON pointer into ``doc``)."""
    while isinstance(node := _at(doc, pointer), dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        pointer = ref[1:]
    return pointer


@attrs.frozen
class Operation:
    operation_id: str
    method: str
    path: str

    @property
    def pointer(self) -> str:
        return _pointer("paths", self.path, self.method)

    def node(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        found = _at(doc, self.pointer)
        assert isinstance(found, dict)
        return found

    def full_url(self, doc: Mapping[str, Any]) -> str:
        servers = (
            self.node(doc).get("servers")
            or doc["paths"][self.path].get("servers")
            or doc["servers"]
        )
        server = servers[0]
        url = str(server["url"])
        for name, variable in server.get("variables", {}).items():
            url = url.replace("{" + name + "}", str(variable["default"]))
        # A "#variation" suffix is a document key, not part of the URL.
        return url + self.path.split("#", 1)[0]

    def parameters(self, doc: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        """(in, name) -> parameter; header names folded to lower case (HTTP ignores case)."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        path_item = _pointer("paths", self.path)
        for owner in (path_item, self.pointer):
            for index in range(len(_at(doc, owner).get("parameters", []))):
                param = _at(doc, _follow(doc, f"{owner}/parameters/{index}"))
                name = param["name"].lower() if param["in"] == "header" else param["name"]
                found[(param["in"], name)] = param
        return found


def _operations(doc: Mapping[str, Any]) -> list[Operation]:
    return [
        Operation(str(node["operationId"]), method, path)
        for path, item in doc["paths"].items()
        for method, node in item.items()
        if method in METHODS
    ]


OUR_OPERATIONS = _operations(OURS)
OUR_IDS = [op.operation_id for op in OUR_OPERATIONS]


def _official_operations(op: Operation) -> list[Operation]:
    keys = OFFICIAL_PATH_KEYS.get(op.operation_id, (op.path,))
    return [Operation(op.operation_id, op.method, key) for key in keys]


def _examples(media: Mapping[str, Any]) -> dict[str, Any]:
    if "example" in media:
        return {"example": media["example"]}
    return {name: entry["value"] for name, entry in media.get("examples", {}).items()}


def _validate(uri: str, schema_pointer: str, instance: Any) -> list[str]:
    validator = Draft202012Validator({"$ref": f"{uri}#{schema_pointer}"}, registry=_registry())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message[:300]}"
        for error in validator.iter_errors(instance)
    ]


# ------------------------------------------------------------------------------------------
# the data file and the contract
# ------------------------------------------------------------------------------------------


def test_official_document_is_the_recorded_unmodified_copy() -> None:
    assert hashlib.sha256(OFFICIAL_PATH.read_bytes()).hexdigest() == OFFICIAL_SHA256
    assert _official_raw()["openapi"] == "3.0.2"


def test_operations_are_exactly_the_contract() -> None:
    ours = {op.operation_id: (op.node(OURS)["tags"], op.method, op.path) for op in OUR_OPERATIONS}
    expected = {oid: ([tag], method, path) for oid, (tag, method, path) in CONTRACT.items()}
    assert ours == expected


def test_official_fixes_are_still_needed() -> None:
    _official()  # asserts every `found` value


# ------------------------------------------------------------------------------------------
# per operation
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_same_full_url_and_method_in_official(op: Operation) -> None:
    official = _official_raw()
    for theirs in _official_operations(op):
        assert op.method in official["paths"].get(theirs.path, {}), (
            f"{op.method.upper()} {theirs.path}"
        )
        assert op.full_url(OURS) == theirs.full_url(official)


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_parameters_exist_in_official(op: Operation) -> None:
    official = _official_raw()
    ours = op.parameters(OURS)
    for theirs in _official_operations(op):
        their_params = theirs.parameters(official)
        assert sorted(ours.keys() - their_params.keys()) == []
        required = {key for key, param in their_params.items() if param.get("required")}
        assert sorted(required - ours.keys()) == []
        for key, param in ours.items():
            assert bool(param.get("required")) == bool(their_params[key].get("required")), key


def _property_paths(doc: Mapping[str, Any], pointer: str, prefix: str = "") -> Iterator[str]:
    """Dotted paths of every property our schema at ``pointer`` declares."""
    pointer = _follow(doc, pointer)
    schema = _at(doc, pointer)
    for name in schema.get("properties", {}):
        path = f"{prefix}{name}"
        yield path
        yield from _property_paths(doc, f"{pointer}/properties/{_escape(name)}", f"{path}.")
    if "items" in schema:
        yield from _property_paths(doc, f"{pointer}/items", f"{prefix}[].")


def _official_has(doc: Mapping[str, Any], pointer: str, path: list[str]) -> bool:
    """Whether the official schema (with its allOf / oneOf / anyOf) declares ``path``."""
    pointer = _follow(doc, pointer)
    if not path:
        return True
    schema = _at(doc, pointer)
    head, rest = path[0], path[1:]
    if head == "[]" and "items" in schema and _official_has(doc, f"{pointer}/items", rest):
        return True
    if head in schema.get("properties", {}) and _official_has(
        doc, f"{pointer}/properties/{_escape(head)}", rest
    ):
        return True
    return any(
        _official_has(doc, f"{pointer}/{keyword}/{index}", path)
        for keyword in ("allOf", "oneOf", "anyOf")
        for index in range(len(schema.get(keyword, [])))
    )


def _body_media(doc: Mapping[str, Any], op: Operation) -> dict[str, str]:
    """Content type -> pointer of its media object."""
    if "requestBody" not in op.node(doc):
        return {}
    body = _follow(doc, f"{op.pointer}/requestBody")
    return {ct: f"{body}/content/{_escape(ct)}" for ct in _at(doc, body)["content"]}


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_request_body_properties_exist_in_official(op: Operation) -> None:
    official = _official_raw()
    extra = EXTRA_BODY_PROPERTIES.get(op.operation_id, set())
    for content_type, media in _body_media(OURS, op).items():
        their_schemas = []
        for theirs in _official_operations(op):
            their_media = _body_media(official, theirs)
            assert content_type in their_media, f"{theirs.path}: no {content_type} body"
            their_schemas.append(f"{their_media[content_type]}/schema")
        # One of our bodies may cover several official variations (the token grants).
        missing = [
            path
            for path in _property_paths(OURS, f"{media}/schema")
            if path.split(".")[0] not in extra
            and not any(_official_has(official, s, path.split(".")) for s in their_schemas)
        ]
        assert missing == [], content_type


# The bodies a JSON Schema can check (multipart and binary ones are left to the generated-client
# tests below).
_VALIDATED_TYPES = ("application/json", "application/x-www-form-urlencoded")


def _response(doc: Mapping[str, Any], op: Operation, status: str) -> str:
    return _follow(doc, f"{op.pointer}/responses/{status}")


def _validated_media(doc: Mapping[str, Any], response: str) -> dict[str, str]:
    """Content type -> pointer of its media object, for the types a schema can check."""
    content = _at(doc, response).get("content", {})
    return {ct: f"{response}/content/{_escape(ct)}" for ct in content if ct in _VALIDATED_TYPES}


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_response_examples_validate_against_both_specs(op: Operation) -> None:
    official = _official()
    for status in op.node(OURS)["responses"]:
        for content_type, media in _validated_media(OURS, _response(OURS, op, status)).items():
            examples = _examples(_at(OURS, media))
            assert examples, f"{status} {content_type}: no example"
            for theirs in _official_operations(op):
                their_responses = theirs.node(official)["responses"]
                their_status = status if status in their_responses else "default"
                assert their_status in their_responses, f"{theirs.path}: no {status} nor default"
                their_media = _validated_media(
                    official, _response(official, theirs, their_status)
                ).get(content_type)
                assert their_media, f"{theirs.path} {their_status}: no {content_type} body"
                for name, example in examples.items():
                    where = f"{status} {name}"
                    assert _validate(OURS_URI, f"{media}/schema", example) == [], where
                    errors = _validate(OFFICIAL_URI, f"{their_media}/schema", example)
                    assert errors == [], f"{where} vs official {theirs.path} {their_status}"


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_official_response_headers_are_declared(op: Operation) -> None:
    # e.g. Location on the download's 302, Retry-After on its 202 and on the commit's 202.
    official = _official_raw()
    for status in op.node(OURS)["responses"]:
        ours = {h.lower() for h in _at(OURS, _response(OURS, op, status)).get("headers", {})}
        for theirs in _official_operations(op):
            if status not in theirs.node(official)["responses"]:
                continue
            their_headers = _at(official, _response(official, theirs, status)).get("headers", {})
            assert sorted({h.lower() for h in their_headers} - ours) == [], status


@pytest.mark.parametrize("op", OUR_OPERATIONS, ids=OUR_IDS)
def test_request_examples_validate_against_both_specs(op: Operation) -> None:
    official = _official()
    for content_type, media in _body_media(OURS, op).items():
        if content_type not in _VALIDATED_TYPES:
            continue
        examples = _examples(_at(OURS, media))
        assert examples, f"{content_type}: no example"
        for name, example in examples.items():
            assert _validate(OURS_URI, f"{media}/schema", example) == [], name
            # The base operation, plus the variation the example is named after (if any).
            paths = [_official_operations(op)[0].path]
            if (op.operation_id, name) in EXAMPLE_VARIATION:
                paths.append(EXAMPLE_VARIATION[(op.operation_id, name)])
            for theirs in (Operation(op.operation_id, op.method, path) for path in paths):
                their_media = _body_media(official, theirs)[content_type]
                errors = _validate(OFFICIAL_URI, f"{their_media}/schema", example)
                assert errors == [], f"{name} vs official {theirs.path}"


# ------------------------------------------------------------------------------------------
# what the generated client sends (the overlay relies on each)
# ------------------------------------------------------------------------------------------


def _request(kwargs: dict[str, Any]) -> httpx.Request:
    request = httpx.Client(base_url="https://upload.box.com/api/2.0").build_request(**kwargs)
    request.read()
    return request


def test_multipart_bodies_declare_attributes_before_file() -> None:
    for op in OUR_OPERATIONS:
        media = _body_media(OURS, op).get("multipart/form-data")
        if media is None:
            continue
        schema = _at(OURS, _follow(OURS, f"{media}/schema"))
        assert list(schema["properties"]) == ["attributes", "file"], op.operation_id
        assert schema["required"] == ["attributes", "file"], op.operation_id
        # Extra parts would be appended after `file`.
        assert schema["additionalProperties"] is False, op.operation_id


def test_generated_upload_sends_attributes_part_before_file_part() -> None:
    body = UploadFileRequest(
        attributes=UploadFileAttributes(name="a.txt", parent=ParentReference(id="0")),
        file=File(payload=io.BytesIO(b"hello"), file_name="a.txt"),
    )
    request = _request(post_files_content._get_kwargs(body=body, fields="name,sha1"))
    content = request.content
    attributes = content.index(b'name="attributes"')
    assert attributes < content.index(b'name="file"')
    assert b'{"name": "a.txt", "parent": {"id": "0"}}' in content
    assert request.url.params.get_list("fields") == ["name,sha1"]


def test_generated_search_sends_filters_comma_joined() -> None:
    kwargs = get_search._get_kwargs(query="q", file_extensions="pdf,png", fields="name,size")
    params = _request(kwargs).url.params
    assert params.get_list("file_extensions") == ["pdf,png"]
    assert params.get_list("fields") == ["name,size"]


def test_generated_upload_part_sends_raw_bytes() -> None:
    kwargs = put_files_upload_sessions_id._get_kwargs(
        "S1",
        body=File(payload=io.BytesIO(b"\x00\x01part")),
        digest="sha=AAAA",
        content_range="bytes 0-5/6",
    )
    request = _request(kwargs)
    assert request.content == b"\x00\x01part"
    assert request.headers["content-type"] == "application/octet-stream"
    assert request.headers["digest"] == "sha=AAAA"
    assert request.headers["content-range"] == "bytes 0-5/6"
    assert request.url.path == "/api/2.0/files/upload_sessions/S1"
