"""Every JSON answer the ButtFS emulator gives during a client tour validates against
``specs/buttfs.yaml`` for the operation and status it answers: the emulator, the spec and the
client agree, and drift in any of them fails here.

The traffic is captured at the client's network transport, so every answer counts, errors
included.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cloudspec.buttfs import ButtFSError, ExistValues, RestoreValue, Session
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs
from tests.live.recording import Exchange, Recorder

pytestmark = pytest.mark.live

SPEC_PATH = Path(__file__).resolve().parents[2] / "specs" / "buttfs.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
URI = "urn:cloudspec:specs/buttfs.yaml"
_METHODS = ("get", "post", "put", "delete", "patch")


@attrs.frozen
class Route:
    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]
    operation: str | None  # the `operation` query value a shared route requires


def _routes() -> list[Route]:
    routes = []
    for template, item in SPEC["paths"].items():
        regex = re.escape(template)
        regex = (
            regex.replace(re.escape("{path}"), "(?:/[^?]*)?")
            .replace(re.escape("{share_key}"), "[^/]+")
            .replace(re.escape("{version}"), "[0-9]+")
        )
        for method in _METHODS:
            if method in item:
                op = item[method]
                params = op.get("parameters", []) + item.get("parameters", [])
                operation = None
                for param in params:
                    resolved = _resolve(param)
                    if resolved.get("in") == "query" and resolved.get("name") == "operation":
                        operation = "*"
                routes.append(
                    Route(
                        op["operationId"],
                        method.upper(),
                        template,
                        re.compile(f"^{regex}$"),
                        operation,
                    )
                )
    # Longer templates first: "/v2/files{path}/meta" before "/v2/files{path}".
    return sorted(routes, key=lambda r: -len(r.template))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for token in node["$ref"].lstrip("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


ROUTES = _routes()


def _route(exchange: Exchange) -> Route:
    for route in ROUTES:
        if route.method == exchange.method and route.pattern.match(exchange.path):
            return route
    raise AssertionError(f"no spec operation for {exchange.method} {exchange.path}")


def _validate(schema: dict[str, Any], instance: Any) -> list[str]:
    registry: Registry[Any] = Registry().with_resource(
        URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    pointer = schema.get("$ref", "")
    validator = Draft202012Validator(
        {"$ref": f"{URI}{pointer}"} if pointer else schema, registry=registry
    )
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}"
        for e in validator.iter_errors(instance)
    ]


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with run("buttfs") as urls:
        yield urls


def _tour(server: ServerURLs, recorder: Recorder) -> None:
    with Session(server.base_url, "buttfs-demo", "buttfs-demo-secret", transport=recorder) as s:
        with pytest.raises(ButtFSError):
            s.authenticate("demo", "wrong-password")
        s.authenticate("demo", "demo-password")
        s.get_user()
        s.get_account()
        s.set_admin_credentials("buttfs-admin", "buttfs-admin-secret")
        s.create_account("fidelity-user", "fidelity-password")
        fs = s.get_filesystem()
        root = fs.root()
        top = root.create_folder("fidelity", exists=ExistValues.overwrite)
        with pytest.raises(ButtFSError):
            root.create_folder("fidelity")
        child = top.create_folder("child")
        child.name = "renamed"
        child.save()
        note = top.upload(io.BytesIO(b"fidelity"), custom_name="note.txt")
        note.refresh()
        note.read(4)
        note.name = "note2.txt"
        note.save()
        note.versions()
        note.copy_to(child, exists=ExistValues.rename)
        note.move_to(child, exists=ExistValues.rename)
        fs.get_item(str(top.path()))
        fs.list(top)
        child.delete(force=True)
        fs.list_trash()
        child.restore(RestoreValue.fail)
        share = fs.create_share([top], password="s3cret")
        fs.list_shares()
        share.list()
        s.get_history()
        with pytest.raises(ButtFSError):
            top.delete(commit=True)
        top.delete(commit=True, force=True)


def test_every_emulator_answer_fits_the_spec(server: ServerURLs) -> None:
    recorder = Recorder()
    _tour(server, recorder)
    problems: list[str] = []
    checked: set[tuple[str, int]] = set()
    for exchange in recorder.seen:
        route = _route(exchange)
        operation = SPEC["paths"][route.template][route.method.lower()]
        responses = operation["responses"]
        status = str(exchange.status)
        if status not in responses:
            problems.append(f"{route.operation_id} answered {status}, not declared")
            continue
        content = _resolve(responses[status]).get("content", {})
        media = content.get("application/json")
        if media is None:
            problems.append(f"{route.operation_id} {status}: JSON where the spec has none")
            continue
        for error in _validate(media["schema"], exchange.body):
            problems.append(f"{route.operation_id} {status}: {error}")
        checked.add((route.operation_id, exchange.status))
    assert problems == []
    assert len({op for op, _ in checked}) >= 18, sorted(checked)
