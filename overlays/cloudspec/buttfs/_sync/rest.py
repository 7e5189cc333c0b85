# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The low-level ButtFS client: one method per spec operation (``specs/buttfs.yaml``).

Each method sends one request and returns the envelope's ``result`` payload as decoded JSON
(the token call: its bare object); an error answer raises the typed error for its code
(:mod:`cloudspec.buttfs.errors`). Token and admin requests are BCS-signed, everything else
carries the Bearer token (:class:`~cloudspec.buttfs.auth.BCSAuth`). The quota headers of the
latest answer are kept in :attr:`latest_header_info`. ``debug=True`` prints the request and the
response in the original SDK's format, redacted (Authorization, cookies, passwords, tokens).

Every request is built from its generated operation (``cloudspec.buttfs_api.api.<tag>.
<operationId>._get_kwargs``) and the generated request models, so the method, the URL template,
the parameter and field names (``strict-traverse``, ``version-conflict``...) and the body
encoding are the spec's. This module only chooses the ID-path value (the rules of
:func:`id_path` and :func:`id_path_prefix`; it goes in unquoted, the generated code quotes it),
sends the request through ``BCSAuth``, streams uploads and downloads, and reads the envelope, the
quota headers and the errors. The ``?operation=`` variants share one union body model whose
``to_dict`` leaves out unset fields, so each variant sends only its own fields. Deliberate
departures: form bodies carry the original SDK's ``charset="utf-8"`` Content-Type (see
:meth:`ButtFSRESTAdapter._build`), uploads drop the generated fixed multipart boundary, and
``delete_file`` does not send ``force`` (the spec does not model it there).
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path as FSPath
from typing import IO, Any, TextIO, TypeVar, cast
from urllib.parse import parse_qsl, quote, urlencode

import httpx

from cloudspec.buttfs_api.api.admin import create_customer
from cloudspec.buttfs_api.api.auth import create_token, ping
from cloudspec.buttfs_api.api.files import (
    alter_file_meta,
    delete_file,
    download_file,
    file_operation,
    get_file_meta,
    upload_file,
)
from cloudspec.buttfs_api.api.folders import (
    alter_folder_meta,
    delete_folder,
    folder_operation,
    get_folder_meta,
    list_folder,
)
from cloudspec.buttfs_api.api.history import get_history
from cloudspec.buttfs_api.api.items import get_item_meta
from cloudspec.buttfs_api.api.shares import (
    alter_share,
    browse_share,
    create_share,
    delete_share,
    list_shares,
    receive_share,
    unlock_share,
)
from cloudspec.buttfs_api.api.trash import browse_trash, delete_trash_item, restore_trash_item
from cloudspec.buttfs_api.api.user import alter_user_profile, get_user_profile
from cloudspec.buttfs_api.api.versions import (
    get_file_version,
    list_file_versions,
    promote_file_version,
)
from cloudspec.buttfs_api.models import (
    AlterMetaRequest,
    AlterProfileRequest,
    AlterShareRequest,
    BooleanString,
    CreateCustomerRequest,
    CreateShareRequest,
    Exists,
    FileOperation,
    FolderOperation,
    ItemOperationRequest,
    ReceiveShareRequest,
    ReceiveShareRequestExists,
    RestoreMethod,
    RestoreRequest,
    TokenRequest,
    UnlockShareRequest,
    UploadFileRequest,
    VersionConflict,
)
from cloudspec.buttfs_api.types import UNSET, Unset
from cloudspec.buttfs_api.types import File as Payload
from cloudspec.core import RetryPolicy, build_client
from cloudspec.core._backends import sleep
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.config import VerifyTypes
from cloudspec.core.errors import RateLimitError, TransportError, map_transport_errors
from cloudspec.core.limits import EXT_MAX_RESPONSE_BYTES, EXT_READ_WHOLE
from cloudspec.core.redact import REDACTED, Redactor, default_redactor

from ..auth import BCS_CONTENT_TYPE, BCSAuth, BCSCredentials
from ..errors import (
    ButtFSServerError,
    DownloadIntegrityError,
    MalformedEnvelope,
    SessionNotLinked,
    error_from_response,
)

__all__ = ["ButtFSRESTAdapter", "format_exchange", "id_path", "id_path_prefix", "opt"]

JSON = Any
T = TypeVar("T")
_READ = httpx.ByteStream(b"")
_FORM_TYPE = "application/x-www-form-urlencoded"


def _id_path(path: str) -> str:
    stripped = path.strip("/")
    return "/" + stripped if stripped else "/"


def _id_path_prefix(path: str) -> str:
    stripped = path.strip("/")
    return "/" + stripped if stripped else ""


def id_path(path: str) -> str:
    """An ID path for a template that ends with it (root ``/``), slashes kept, rest quoted."""
    return quote(_id_path(path), safe="/")


def id_path_prefix(path: str) -> str:
    """An ID path for a template that continues after it: no trailing slash, root ``""``."""
    return quote(_id_path_prefix(path), safe="/")


def opt(value: T | None) -> T | Unset:
    """The generated functions take ``UNSET`` for an absent argument, not ``None``."""
    return UNSET if value is None else value


def _bool(value: bool) -> BooleanString:
    return "true" if value else "false"


def _opt_bool(value: bool | None) -> BooleanString | Unset:
    return UNSET if value is None else _bool(value)


def _text(value: Any) -> str:
    return _bool(value) if isinstance(value, bool) else str(value)


def _urlencoded(data: Mapping[str, Any]) -> bytes:
    """A generated form body (``to_dict()``; a list is a repeated field), as the original SDK
    encodes it: booleans ``true``/``false``, ``None`` left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item is not None:
                pairs.append((key, _text(item)))
    return urlencode(pairs).encode("ascii")


def _read_body(request: httpx.Request) -> bytes | None:
    """The request body if it is in memory; a streamed one (a file upload) is not logged.
    (A transport, vcrpy's for one, may swap the stream for bytes without filling ``content``.)"""
    if not isinstance(request.stream, httpx.ByteStream):
        return None
    try:
        return request.content
    except httpx.RequestNotRead:
        return None


def _present(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def format_exchange(
    request: httpx.Request,
    response: httpx.Response | None,
    redactor: Redactor,
    *,
    request_body: bytes | None = None,
    response_body: JSON = None,
) -> str:
    """The original SDK's debug text (``private/utils.py``), redacted."""
    lines = ["Request:", f"{request.method}: {redactor.url(str(request.url))}"]
    lines += [f"{name} : {redactor.header(name, value)}" for name, value in request.headers.items()]
    lines.append("Body:")
    ctype = request.headers.get("Content-Type", "")
    if request_body is None:
        lines.append("\t<streamed>")
    elif "application/x-www-form-urlencoded" in ctype:
        for key, value in parse_qsl(request_body.decode("utf-8", "replace"), True):
            shown = REDACTED if key.lower() in redactor.fields else redactor.text(value)
            lines.append(f"\t{key}={shown}")
    elif request_body:
        lines.append("\t" + redactor.body(request_body, ctype))
    lines.append("")
    lines.append("Response:")
    if response is None:
        lines.append("HTTP Code: (no response)")
        return "\n".join(lines) + "\n"
    lines.append(f"HTTP Code: {response.status_code}")
    error = response_body.get("error") if isinstance(response_body, dict) else None
    if isinstance(error, dict):
        lines.append(f"ButtFS Error Code: {error.get('code')}")
        lines.append(f"ButtFS Message: {redactor.text(str(error.get('message')))}")
    elif isinstance(error, str):
        lines.append(f"ButtFS Error Code: {redactor.text(error)}")
    lines += [
        f"{name} : {redactor.header(name, value)}" for name, value in response.headers.items()
    ]
    lines.append("Body:")
    if response_body is not None:
        lines.append(str(redactor.data(response_body)))
    return "\n".join(lines) + "\n"


def _int_header(value: str | None) -> int | None:
    if value is None or value.strip() in ("", "None"):
        return None
    try:
        return int(value)
    except ValueError:
        return None


class ButtFSRESTAdapter:
    """One method per ButtFS operation; see the module docstring.

    ``transport`` replaces the network (tests); ``retry`` is cloudspec's retry policy;
    ``debug_stream`` is where ``debug=True`` output goes (stdout by default): ``debug=True``
    here prints every exchange, ``debug=True`` on a call prints that call's. ``verify``: TLS
    verification (a CA bundle path or an SSLContext; ``False`` warns).
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
        redactor: Redactor = default_redactor,
        debug_stream: TextIO | None = None,
        verify: VerifyTypes = True,
        debug: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._app = BCSCredentials(client_id, client_secret)
        self._admin: BCSCredentials | None = None
        self.access_token: str | None = None
        self.latest_header_info: dict[str, int | None] = {}
        self.last_request_log: str = ""
        self._redactor = redactor.with_secrets(client_secret)
        self._debug_stream = debug_stream
        # debug=True here prints every exchange, as debug=True on each call does.
        self._debug = debug
        self.retry_policy = retry or RetryPolicy()
        self.client = build_client(
            self.base_url,
            auth=self._auth(),
            retry=retry,
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            verify=verify,
        )

    def __repr__(self) -> str:
        return f"ButtFSRESTAdapter(base_url={self.base_url!r}, client_id={self._app.client_id!r})"

    def _auth(self) -> BCSAuth:
        return BCSAuth(self._app, admin=self._admin, token=lambda: self.access_token)

    @property
    def redactor(self) -> Redactor:
        return self._redactor.with_secrets(
            self.access_token, self._admin.secret if self._admin else None
        )

    def set_admin_credentials(self, client_id: str, client_secret: str) -> None:
        self._admin = BCSCredentials(client_id, client_secret)
        self.client.auth = self._auth()

    def is_linked(self) -> bool:
        return self.access_token is not None

    def unlink(self) -> None:
        self.access_token = None

    def get_latest_header_info(self) -> dict[str, int | None]:
        return dict(self.latest_header_info)

    def get_last_request_log(self) -> str:
        return self.last_request_log

    def close(self) -> None:
        self.client.close()

    # -- sending ---------------------------------------------------------------------------

    def _build(
        self,
        kwargs: Mapping[str, Any],
        *,
        signed: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Request:
        """The request a generated ``_get_kwargs`` describes, ready for ``BCSAuth``."""
        if not signed and self.access_token is None:
            raise SessionNotLinked("authenticate first: this session has no access token")
        all_headers = {str(k): str(v) for k, v in (kwargs.get("headers") or {}).items()}
        all_headers.update(headers or {})
        content: bytes | None = None
        files = kwargs.get("files")
        if files is None and kwargs.get("data") is not None:
            content = _urlencoded(kwargs["data"])
            for name, value in list(all_headers.items()):
                if name.lower() == "content-type" and value.startswith(_FORM_TYPE):
                    # The spec's form type with the charset the original SDK sends (and BCS
                    # signs): 'application/x-www-form-urlencoded; charset="utf-8"'.
                    del all_headers[name]
                    all_headers["Content-Type"] = BCS_CONTENT_TYPE
        params = kwargs.get("params") or {}
        return self.client.build_request(
            kwargs["method"].upper(),
            kwargs["url"],
            params={k: _text(v) for k, v in params.items() if v is not None} or None,
            headers=all_headers or None,
            content=content,
            json=kwargs.get("json"),
            files=files,
        )

    def _remember(self, response: httpx.Response) -> None:
        limit = response.headers.get("X-BCS-Account-Storage-Limit")
        usage = response.headers.get("X-BCS-Account-Storage-Usage")
        if limit is not None or usage is not None:
            self.latest_header_info = {
                "storage_limit": _int_header(limit),
                "storage_usage": _int_header(usage),
            }

    def _log(
        self, request: httpx.Request, response: httpx.Response | None, body: JSON, debug: bool
    ) -> None:
        body_bytes = _read_body(request)
        text = format_exchange(
            request, response, self.redactor, request_body=body_bytes, response_body=body
        )
        self.last_request_log = text
        if debug or self._debug:
            print(text, file=self._debug_stream or sys.stdout)

    def _send(self, request: httpx.Request, *, debug: bool, envelope: bool = True) -> JSON:
        request.extensions[EXT_READ_WHOLE] = True  # read into memory: capped, any type
        with map_transport_errors(self.redactor):
            response = self.client.send(request)
        response.stream = _READ
        self._remember(response)
        try:
            body: JSON = response.json()
        except (ValueError, RecursionError):  # not JSON; nested too deep to decode
            body = None
        self._log(request, response, body, debug)
        if response.status_code >= 400:
            raise error_from_response(response, redactor=self.redactor)
        if not envelope:
            return body
        if not isinstance(body, dict) or "result" not in body:
            raise MalformedEnvelope(
                f"ButtFS answered {response.status_code} without a result envelope",
                status=response.status_code,
                headers=response.headers,
                body=body,
                response=response,
                redactor=self.redactor,
            )
        error = body.get("error")
        if error:
            raise error_from_response(response, redactor=self.redactor)
        return body["result"]

    def _call(
        self,
        kwargs: Mapping[str, Any],
        *,
        debug: bool = False,
        signed: bool = False,
        envelope: bool = True,
    ) -> JSON:
        request = self._build(kwargs, signed=signed)
        return self._send(request, debug=debug, envelope=envelope)

    # -- auth, user, admin, history --------------------------------------------------------

    def authenticate(self, username: str, password: str, debug: bool = False) -> JSON:
        """``create_token``: the bare token object; the access token is kept."""
        redactor = self._redactor
        self._redactor = redactor.with_secrets(password)
        try:
            body = TokenRequest(grant_type="password", username=username, password=password)
            token = self._call(
                create_token._get_kwargs(body=body), signed=True, envelope=False, debug=debug
            )
        finally:
            self._redactor = redactor
        access = token.get("access_token") if isinstance(token, dict) else None
        if not isinstance(access, str):
            raise MalformedEnvelope("the token answer holds no access_token", status=200)
        self.access_token = access
        return token

    def ping(self, debug: bool = False) -> JSON:
        return self._call(ping._get_kwargs(), debug=debug)

    def get_user_profile(self, debug: bool = False) -> JSON:
        return self._call(get_user_profile._get_kwargs(), debug=debug)

    def alter_user_profile(
        self, *, locale: str | None = None, session_locale: str | None = None, debug: bool = False
    ) -> JSON:
        body = AlterProfileRequest(locale=opt(locale), session_locale=opt(session_locale))
        return self._call(alter_user_profile._get_kwargs(body=body), debug=debug)

    def create_customer(
        self,
        username: str,
        password: str,
        *,
        email: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        debug: bool = False,
    ) -> JSON:
        """Admin account creation (BCS-signed with the admin pair)."""
        body = CreateCustomerRequest(
            username=username,
            password=password,
            email=opt(email),
            first_name=opt(first_name),
            last_name=opt(last_name),
        )
        redactor = self._redactor
        self._redactor = redactor.with_secrets(password)
        try:
            return self._call(create_customer._get_kwargs(body=body), signed=True, debug=debug)
        finally:
            self._redactor = redactor

    def get_history(
        self, start: int | None = -10, stop: int | None = None, debug: bool = False
    ) -> JSON:
        kwargs = get_history._get_kwargs(start=opt(start), stop=opt(stop))
        return self._call(kwargs, debug=debug)

    # -- folders ---------------------------------------------------------------------------

    def list_folder(
        self,
        path: str = "/",
        *,
        depth: int | None = None,
        filter: str | None = None,
        strict_traverse: bool | None = None,
        version: int | None = None,
        debug: bool = False,
    ) -> JSON:
        kwargs = list_folder._get_kwargs(
            _id_path(path),
            depth=opt(depth),
            filter_=opt(filter),
            strict_traverse=_opt_bool(strict_traverse),
            version=opt(version),
        )
        return self._call(kwargs, debug=debug)

    def create_folder(
        self, path: str, name: str, *, exists: str = "fail", debug: bool = False
    ) -> JSON:
        body = ItemOperationRequest(name=name, exists=cast(Exists, exists))
        kwargs = folder_operation._get_kwargs(_id_path(path), body=body, operation="create")
        return self._call(kwargs, debug=debug)

    def folder_operation(
        self,
        operation: str,
        path: str,
        to: str,
        *,
        name: str | None = None,
        exists: str | None = None,
        debug: bool = False,
    ) -> JSON:
        """``move`` or ``copy`` a folder to the folder ``to`` (an ID path)."""
        body = ItemOperationRequest(to=to, name=opt(name), exists=opt(cast(Exists | None, exists)))
        kwargs = folder_operation._get_kwargs(
            _id_path(path), body=body, operation=cast(FolderOperation, operation)
        )
        return self._call(kwargs, debug=debug)

    def get_folder_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call(get_folder_meta._get_kwargs(_id_path_prefix(path)), debug=debug)

    def alter_folder_meta(
        self,
        path: str,
        version: int,
        changes: Mapping[str, Any],
        *,
        version_conflict: str = "fail",
        debug: bool = False,
    ) -> JSON:
        body = _alter_meta(version, changes, version_conflict)
        kwargs = alter_folder_meta._get_kwargs(_id_path_prefix(path), body=body)
        return self._call(kwargs, debug=debug)

    def delete_folder(
        self, path: str, *, commit: bool = False, force: bool = False, debug: bool = False
    ) -> JSON:
        kwargs = delete_folder._get_kwargs(_id_path(path), commit=_bool(commit), force=_bool(force))
        return self._call(kwargs, debug=debug)

    def get_item_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call(get_item_meta._get_kwargs(_id_path_prefix(path)), debug=debug)

    # -- files -----------------------------------------------------------------------------

    def upload_file(
        self,
        path: str,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        name: str | None = None,
        mime: str | None = None,
        exists: str = "fail",
        debug: bool = False,
    ) -> JSON:
        """Multipart upload into the folder ``path``, streamed from a path or a file object;
        the part's filename is ``name`` (default: the source's base name)."""
        if isinstance(source, str | os.PathLike):
            local = FSPath(source)
            with local.open("rb") as stream:
                return self._upload(path, stream, name or local.name, mime, exists, debug)
        default = os.path.basename(str(getattr(source, "name", "") or "")) or "upload"
        return self._upload(path, source, name or default, mime, exists, debug)

    def _upload(
        self, path: str, stream: IO[bytes], name: str, mime: str | None, exists: str, debug: bool
    ) -> JSON:
        start = _position(stream)
        attempt = 0
        while True:
            # The generated multipart body puts `exists` before `file`; httpx streams the file.
            body = UploadFileRequest(
                exists=cast(Exists, exists),
                file=Payload(payload=cast(Any, stream), file_name=name, mime_type=mime),
            )
            request = self._build(upload_file._get_kwargs(_id_path_prefix(path), body=body))
            try:
                return self._send(request, debug=debug)
            except RateLimitError as exc:
                # A 429 refused the upload unread, so sending it again cannot store it twice;
                # the transport cannot replay a streamed body, so it is re-read from here.
                policy = self.retry_policy
                if (
                    exc.status != 429
                    or start is None
                    or attempt >= policy.max_retries
                    or not budget_allows_retry(self.client, exc)
                ):
                    raise
                wait = exc.retry_after
                if wait is None or not 0 < wait <= policy.retry_after_cap:
                    wait = policy.backoff_delay(attempt, random.random())
                sleep(wait)
                stream.seek(start)
                attempt += 1

    def get_file_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call(get_file_meta._get_kwargs(_id_path_prefix(path)), debug=debug)

    def alter_file_meta(
        self,
        path: str,
        version: int,
        changes: Mapping[str, Any],
        *,
        version_conflict: str = "fail",
        debug: bool = False,
    ) -> JSON:
        body = _alter_meta(version, changes, version_conflict)
        kwargs = alter_file_meta._get_kwargs(_id_path_prefix(path), body=body)
        return self._call(kwargs, debug=debug)

    def file_operation(
        self,
        operation: str,
        path: str,
        to: str,
        *,
        name: str | None = None,
        exists: str | None = None,
        debug: bool = False,
    ) -> JSON:
        """``move`` or ``copy`` a file to the folder ``to`` (an ID path)."""
        body = ItemOperationRequest(to=to, name=opt(name), exists=opt(cast(Exists | None, exists)))
        kwargs = file_operation._get_kwargs(
            _id_path(path), body=body, operation=cast(FileOperation, operation)
        )
        return self._call(kwargs, debug=debug)

    def delete_file(
        self, path: str, *, commit: bool = False, force: bool = False, debug: bool = False
    ) -> JSON:
        # The spec models no `force` on file deletes (reference 18); it is kept in the
        # signature for Item.delete and not sent.
        del force
        kwargs = delete_file._get_kwargs(_id_path(path), commit=_bool(commit))
        return self._call(kwargs, debug=debug)

    def read_range(
        self, path: str, offset: int = 0, size: int | None = None, debug: bool = False
    ) -> bytes:
        """``size`` bytes from ``offset`` (``None``: to the end), via ``bytes=off-(off+size-1)``."""
        if size is not None and size <= 0:
            return b""
        range_: str | None = None
        if size is not None:
            range_ = f"bytes={offset}-{offset + size - 1}"
        elif offset:
            range_ = f"bytes={offset}-"
        request = self._build(download_file._get_kwargs(_id_path(path), range_=opt(range_)))
        with map_transport_errors(self.redactor):
            response = self.client.send(request)
        self._remember(response)
        content = response.content
        body = None if response.status_code < 400 else _json_or_none(response)
        self._log(request, response, body, debug)
        if response.status_code == 416:
            return b""
        if response.status_code >= 400:
            raise error_from_response(response, redactor=self.redactor)
        if response.status_code == 200 and range_ is not None:
            # The server ignored Range: cut the requested window out of the whole body.
            end = None if size is None else offset + size
            return content[offset:end]
        return content

    def download_file(
        self,
        path: str,
        destination: str | os.PathLike[str],
        *,
        size: int | None = None,
        max_resumes: int = 3,
        debug: bool = False,
    ) -> FSPath:
        """Stream the file to ``destination``; a broken transfer resumes with
        ``Range: bytes=<done>-<size-1>`` (the original's off-by-one is not repeated)."""
        target = FSPath(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.part")
        done = 0
        resumes = 0
        with tmp.open("wb") as out:
            while True:
                range_: str | None = None
                if done:
                    end = f"{size - 1}" if size is not None else ""
                    range_ = f"bytes={done}-{end}"
                request = self._build(download_file._get_kwargs(_id_path(path), range_=opt(range_)))
                request.extensions[EXT_MAX_RESPONSE_BYTES] = None  # streamed to disk: uncapped
                try:
                    with map_transport_errors(self.redactor):
                        response = self.client.send(request, stream=True)
                        try:
                            self._remember(response)
                            if response.status_code >= 400:
                                response.read()
                                self._log(request, response, _json_or_none(response), debug)
                                raise error_from_response(response, redactor=self.redactor)
                            self._log(request, response, None, debug)
                            if done and response.status_code != 206:
                                out.seek(0)
                                out.truncate()
                                done = 0
                            for chunk in response.iter_bytes():
                                out.write(chunk)
                                done += len(chunk)
                        finally:
                            response.close()
                    break
                except ButtFSServerError:
                    tmp.unlink(missing_ok=True)
                    raise
                except TransportError as exc:
                    resumes += 1
                    # A resume is a retry: the client's retry budget pays for it.
                    if (
                        resumes > max_resumes
                        or (size is not None and done >= size)
                        or not budget_allows_retry(self.client, exc)
                    ):
                        tmp.unlink(missing_ok=True)
                        raise
        if size is not None and done != size:
            # A Range answered with the wrong bytes, or a body cut where its framing still
            # ended cleanly: never rename a file of the wrong size into place.
            tmp.unlink(missing_ok=True)
            raise DownloadIntegrityError(f"expected {size} bytes, received {done}")
        os.replace(tmp, target)
        return target

    # -- versions --------------------------------------------------------------------------

    def list_file_versions(
        self,
        path: str,
        *,
        start_version: int | None = None,
        stop_version: int | None = None,
        limit: int | None = None,
        debug: bool = False,
    ) -> JSON:
        kwargs = list_file_versions._get_kwargs(
            _id_path_prefix(path),
            start_version=opt(start_version),
            stop_version=opt(stop_version),
            limit=opt(limit),
        )
        return self._call(kwargs, debug=debug)

    def get_file_version(self, path: str, version: int, debug: bool = False) -> JSON:
        kwargs = get_file_version._get_kwargs(_id_path_prefix(path), int(version))
        return self._call(kwargs, debug=debug)

    def promote_file_version(self, path: str, version: int, debug: bool = False) -> JSON:
        kwargs = promote_file_version._get_kwargs(
            _id_path_prefix(path), int(version), operation="promote"
        )
        return self._call(kwargs, debug=debug)

    # -- trash -----------------------------------------------------------------------------

    def browse_trash(self, path: str = "/", debug: bool = False) -> JSON:
        return self._call(browse_trash._get_kwargs(_id_path(path)), debug=debug)

    def restore_trash_item(
        self,
        path: str,
        *,
        restore: str = "fail",
        rescue_path: str | None = None,
        recreate_path: str | None = None,
        debug: bool = False,
    ) -> JSON:
        body = RestoreRequest(
            restore=cast(RestoreMethod, restore),
            rescue_path=opt(rescue_path),
            recreate_path=opt(recreate_path),
        )
        return self._call(restore_trash_item._get_kwargs(_id_path(path), body=body), debug=debug)

    def delete_trash_item(self, path: str, debug: bool = False) -> JSON:
        return self._call(delete_trash_item._get_kwargs(_id_path(path)), debug=debug)

    # -- shares ----------------------------------------------------------------------------

    def create_share(
        self, paths: Sequence[str], *, password: str | None = None, debug: bool = False
    ) -> JSON:
        body = CreateShareRequest(path=list(paths), password=opt(password))
        return self._call(create_share._get_kwargs(body=body), debug=debug)

    def list_shares(self, debug: bool = False) -> JSON:
        return self._call(list_shares._get_kwargs(), debug=debug)

    def browse_share(self, share_key: str, path: str = "/", debug: bool = False) -> JSON:
        kwargs = browse_share._get_kwargs(share_key, _id_path_prefix(path))
        return self._call(kwargs, debug=debug)

    def receive_share(
        self,
        share_key: str,
        *,
        path: str | None = None,
        exists: str | None = None,
        debug: bool = False,
    ) -> JSON:
        body = ReceiveShareRequest(
            path=opt(path), exists=opt(cast(ReceiveShareRequestExists | None, exists))
        )
        return self._call(receive_share._get_kwargs(share_key, body=body), debug=debug)

    def unlock_share(self, share_key: str, password: str, debug: bool = False) -> JSON:
        body = UnlockShareRequest(password=password)
        return self._call(unlock_share._get_kwargs(share_key, body=body), debug=debug)

    def alter_share(
        self,
        share_key: str,
        *,
        current_password: str | None = None,
        password: str | None = None,
        name: str | None = None,
        debug: bool = False,
    ) -> JSON:
        body = AlterShareRequest(
            current_password=opt(current_password), password=opt(password), name=opt(name)
        )
        return self._call(alter_share._get_kwargs(share_key, body=body), debug=debug)

    def delete_share(self, share_key: str, debug: bool = False) -> JSON:
        return self._call(delete_share._get_kwargs(share_key), debug=debug)


def _alter_meta(version: int, changes: Mapping[str, Any], conflict: str) -> AlterMetaRequest:
    """The spec's fields of ``changes`` become the model's; any other key rides along as an
    additional property (``from_dict``), as the original SDK sent whatever was changed."""
    body = AlterMetaRequest.from_dict({**_present(changes), "version": version})
    body.version_conflict = cast(VersionConflict, conflict)
    return body


def _position(stream: IO[bytes]) -> int | None:
    """Where a re-send would start reading ``stream``; None when it cannot seek back."""
    try:
        if not stream.seekable():
            return None
        return stream.tell()
    except (AttributeError, OSError, ValueError):
        return None


def _json_or_none(response: httpx.Response) -> JSON:
    try:
        return response.json()
    except (ValueError, RecursionError):  # not JSON; nested too deep to decode
        return None
