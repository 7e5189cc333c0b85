# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The low-level ButtFS client: one method per spec operation (``specs/buttfs.yaml``).

Each method sends one request and returns the envelope's ``result`` payload as decoded JSON
(the token call: its bare object); an error answer raises the typed error for its code
(:mod:`cloudspec.buttfs.errors`). Token and admin requests are BCS-signed, everything else
carries the Bearer token (:class:`~cloudspec.buttfs.auth.BCSAuth`). The quota headers of the
latest answer are kept in :attr:`latest_header_info`. ``debug=True`` prints the request and the
response in the original SDK's format, redacted (Authorization, cookies, passwords, tokens).

Requests are built here from the spec's paths and wire field names (``version-conflict``,
``rescue-path``...) rather than through the generated ``_get_kwargs``: the ``?operation=``
variants send only their own fields, and the ID-path prefix rule below needs the raw path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path as FSPath
from typing import IO, Any, TextIO
from urllib.parse import parse_qsl, quote, urlencode

import httpx

from cloudspec.core import RetryPolicy, build_client
from cloudspec.core.errors import TransportError, map_transport_errors
from cloudspec.core.redact import REDACTED, Redactor, default_redactor

from ..auth import BCS_CONTENT_TYPE, BCSAuth, BCSCredentials
from ..errors import ButtFSServerError, SessionNotLinked, UnknownError, error_from_response

__all__ = ["ButtFSRESTAdapter", "format_exchange", "id_path", "id_path_prefix"]

JSON = Any
_READ = httpx.ByteStream(b"")


def id_path(path: str) -> str:
    """An ID path for a template that ends with it (root ``/``), slashes kept, rest quoted."""
    path = "/" + path.strip("/") if path.strip("/") else "/"
    return quote(path, safe="/")


def id_path_prefix(path: str) -> str:
    """An ID path for a template that continues after it: no trailing slash, root ``""``."""
    stripped = path.strip("/")
    return quote("/" + stripped, safe="/") if stripped else ""


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _form(values: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            continue
        out[key] = _bool(value) if isinstance(value, bool) else str(value)
    return out


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
    ``debug_stream`` is where ``debug=True`` output goes (stdout by default).
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
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._app = BCSCredentials(client_id, client_secret)
        self._admin: BCSCredentials | None = None
        self.access_token: str | None = None
        self.latest_header_info: dict[str, int | None] = {}
        self.last_request_log: str = ""
        self._redactor = redactor.with_secrets(client_secret)
        self._debug_stream = debug_stream
        self.client = build_client(
            self.base_url,
            auth=self._auth(),
            retry=retry,
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
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
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | Sequence[tuple[str, str]] | None = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
        signed: bool = False,
    ) -> httpx.Request:
        if not signed and self.access_token is None:
            raise SessionNotLinked("authenticate first: this session has no access token")
        all_headers = dict(headers or {})
        data: Any = None
        content: bytes | None = None
        if form is not None and files is None:
            pairs = list(form.items()) if isinstance(form, Mapping) else list(form)
            content = urlencode(pairs).encode("ascii")
            all_headers["Content-Type"] = BCS_CONTENT_TYPE
        elif form is not None:
            data = dict(form)
        return self.client.build_request(
            method,
            path,
            params=_form(params) if params else None,
            headers=all_headers or None,
            content=content,
            data=data,
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
        body_bytes = request.content if isinstance(request.stream, httpx.ByteStream) else None
        text = format_exchange(
            request, response, self.redactor, request_body=body_bytes, response_body=body
        )
        self.last_request_log = text
        if debug:
            print(text, file=self._debug_stream or sys.stdout)

    def _send(self, request: httpx.Request, *, debug: bool, envelope: bool = True) -> JSON:
        with map_transport_errors(self.redactor):
            response = self.client.send(request)
        response.stream = _READ
        self._remember(response)
        try:
            body: JSON = response.json()
        except ValueError:
            body = None
        self._log(request, response, body, debug)
        if response.status_code >= 400:
            raise error_from_response(response, redactor=self.redactor)
        if not envelope:
            return body
        if not isinstance(body, dict) or "result" not in body:
            raise UnknownError(
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
        method: str,
        path: str,
        *,
        debug: bool = False,
        params: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | Sequence[tuple[str, str]] | None = None,
        signed: bool = False,
        envelope: bool = True,
    ) -> JSON:
        if isinstance(form, Mapping):
            form = _form(form)
        request = self._build(method, path, params=params, form=form, signed=signed)
        return self._send(request, debug=debug, envelope=envelope)

    # -- auth, user, admin, history --------------------------------------------------------

    def authenticate(self, username: str, password: str, debug: bool = False) -> JSON:
        """``create_token``: the bare token object; the access token is kept."""
        redactor = self._redactor
        self._redactor = redactor.with_secrets(password)
        try:
            token = self._call(
                "POST",
                "/v2/oauth2/token",
                form={"grant_type": "password", "username": username, "password": password},
                signed=True,
                envelope=False,
                debug=debug,
            )
        finally:
            self._redactor = redactor
        access = token.get("access_token") if isinstance(token, dict) else None
        if not isinstance(access, str):
            raise UnknownError("the token answer holds no access_token", status=200)
        self.access_token = access
        return token

    def ping(self, debug: bool = False) -> JSON:
        return self._call("GET", "/v2/ping", debug=debug)

    def get_user_profile(self, debug: bool = False) -> JSON:
        return self._call("GET", "/v2/user/profile/", debug=debug)

    def alter_user_profile(
        self, *, locale: str | None = None, session_locale: str | None = None, debug: bool = False
    ) -> JSON:
        form = {"locale": locale, "session_locale": session_locale}
        return self._call("POST", "/v2/user/profile/", form=form, debug=debug)

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
        form = {
            "username": username,
            "password": password,
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
        }
        redactor = self._redactor
        self._redactor = redactor.with_secrets(password)
        try:
            return self._call(
                "POST", "/v2/admin/cloudfs/customers/", form=form, signed=True, debug=debug
            )
        finally:
            self._redactor = redactor

    def get_history(
        self, start: int | None = -10, stop: int | None = None, debug: bool = False
    ) -> JSON:
        return self._call("GET", "/v2/history", params={"start": start, "stop": stop}, debug=debug)

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
        params = {
            "depth": depth,
            "filter": filter,
            "strict-traverse": strict_traverse,
            "version": version,
        }
        return self._call("GET", f"/v2/folders{id_path(path)}", params=params, debug=debug)

    def create_folder(
        self, path: str, name: str, *, exists: str = "fail", debug: bool = False
    ) -> JSON:
        return self._call(
            "POST",
            f"/v2/folders{id_path(path)}",
            params={"operation": "create"},
            form={"name": name, "exists": exists},
            debug=debug,
        )

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
        return self._call(
            "POST",
            f"/v2/folders{id_path(path)}",
            params={"operation": operation},
            form={"to": to, "name": name, "exists": exists},
            debug=debug,
        )

    def get_folder_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call("GET", f"/v2/folders{id_path_prefix(path)}/meta", debug=debug)

    def alter_folder_meta(
        self,
        path: str,
        version: int,
        changes: Mapping[str, Any],
        *,
        version_conflict: str = "fail",
        debug: bool = False,
    ) -> JSON:
        form = {**changes, "version": version, "version-conflict": version_conflict}
        return self._call("POST", f"/v2/folders{id_path_prefix(path)}/meta", form=form, debug=debug)

    def delete_folder(
        self, path: str, *, commit: bool = False, force: bool = False, debug: bool = False
    ) -> JSON:
        return self._call(
            "DELETE",
            f"/v2/folders{id_path(path)}",
            params={"commit": commit, "force": force},
            debug=debug,
        )

    def get_item_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call("GET", f"/v2/filesystem/root{id_path_prefix(path)}/meta", debug=debug)

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
        part = (name, stream, mime) if mime else (name, stream)
        request = self._build(
            "POST",
            f"/v2/files{id_path_prefix(path)}/",
            form={"exists": exists},
            files={"file": part},
        )
        return self._send(request, debug=debug)

    def get_file_meta(self, path: str, debug: bool = False) -> JSON:
        return self._call("GET", f"/v2/files{id_path_prefix(path)}/meta", debug=debug)

    def alter_file_meta(
        self,
        path: str,
        version: int,
        changes: Mapping[str, Any],
        *,
        version_conflict: str = "fail",
        debug: bool = False,
    ) -> JSON:
        form = {**changes, "version": version, "version-conflict": version_conflict}
        return self._call("POST", f"/v2/files{id_path_prefix(path)}/meta", form=form, debug=debug)

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
        return self._call(
            "POST",
            f"/v2/files{id_path(path)}",
            params={"operation": operation},
            form={"to": to, "name": name, "exists": exists},
            debug=debug,
        )

    def delete_file(
        self, path: str, *, commit: bool = False, force: bool = False, debug: bool = False
    ) -> JSON:
        return self._call(
            "DELETE",
            f"/v2/files{id_path(path)}",
            params={"commit": commit, "force": force},
            debug=debug,
        )

    def read_range(
        self, path: str, offset: int = 0, size: int | None = None, debug: bool = False
    ) -> bytes:
        """``size`` bytes from ``offset`` (``None``: to the end), via ``bytes=off-(off+size-1)``."""
        if size is not None and size <= 0:
            return b""
        headers: dict[str, str] = {}
        if size is not None:
            headers["Range"] = f"bytes={offset}-{offset + size - 1}"
        elif offset:
            headers["Range"] = f"bytes={offset}-"
        request = self._build("GET", f"/v2/files{id_path(path)}", headers=headers)
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
        if response.status_code == 200 and headers:
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
        url = f"/v2/files{id_path(path)}"
        with tmp.open("wb") as out:
            while True:
                headers: dict[str, str] = {}
                if done:
                    end = f"{size - 1}" if size is not None else ""
                    headers["Range"] = f"bytes={done}-{end}"
                request = self._build("GET", url, headers=headers)
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
                except TransportError:
                    resumes += 1
                    if resumes > max_resumes or (size is not None and done >= size):
                        tmp.unlink(missing_ok=True)
                        raise
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
        params = {"start-version": start_version, "stop-version": stop_version, "limit": limit}
        return self._call(
            "GET", f"/v2/files{id_path_prefix(path)}/versions", params=params, debug=debug
        )

    def get_file_version(self, path: str, version: int, debug: bool = False) -> JSON:
        return self._call(
            "GET", f"/v2/files{id_path_prefix(path)}/versions/{int(version)}", debug=debug
        )

    def promote_file_version(self, path: str, version: int, debug: bool = False) -> JSON:
        return self._call(
            "POST",
            f"/v2/files{id_path_prefix(path)}/versions/{int(version)}",
            params={"operation": "promote"},
            debug=debug,
        )

    # -- trash -----------------------------------------------------------------------------

    def browse_trash(self, path: str = "/", debug: bool = False) -> JSON:
        return self._call("GET", f"/v2/trash{id_path(path)}", debug=debug)

    def restore_trash_item(
        self,
        path: str,
        *,
        restore: str = "fail",
        rescue_path: str | None = None,
        recreate_path: str | None = None,
        debug: bool = False,
    ) -> JSON:
        form = {"restore": restore, "rescue-path": rescue_path, "recreate-path": recreate_path}
        return self._call("POST", f"/v2/trash{id_path(path)}", form=form, debug=debug)

    def delete_trash_item(self, path: str, debug: bool = False) -> JSON:
        return self._call("DELETE", f"/v2/trash{id_path(path)}", debug=debug)

    # -- shares ----------------------------------------------------------------------------

    def create_share(
        self, paths: Sequence[str], *, password: str | None = None, debug: bool = False
    ) -> JSON:
        form: list[tuple[str, str]] = [("path", p) for p in paths]
        if password is not None:
            form.append(("password", password))
        return self._call("POST", "/v2/shares/", form=form, debug=debug)

    def list_shares(self, debug: bool = False) -> JSON:
        return self._call("GET", "/v2/shares/", debug=debug)

    def browse_share(self, share_key: str, path: str = "/", debug: bool = False) -> JSON:
        key = quote(share_key, safe="")
        return self._call("GET", f"/v2/shares/{key}{id_path_prefix(path)}/meta", debug=debug)

    def receive_share(
        self,
        share_key: str,
        *,
        path: str | None = None,
        exists: str | None = None,
        debug: bool = False,
    ) -> JSON:
        key = quote(share_key, safe="")
        return self._call(
            "POST", f"/v2/shares/{key}/", form={"path": path, "exists": exists}, debug=debug
        )

    def unlock_share(self, share_key: str, password: str, debug: bool = False) -> JSON:
        key = quote(share_key, safe="")
        return self._call(
            "POST", f"/v2/shares/{key}/unlock", form={"password": password}, debug=debug
        )

    def alter_share(
        self,
        share_key: str,
        *,
        current_password: str | None = None,
        password: str | None = None,
        name: str | None = None,
        debug: bool = False,
    ) -> JSON:
        key = quote(share_key, safe="")
        form = {"current_password": current_password, "password": password, "name": name}
        return self._call("POST", f"/v2/shares/{key}/info", form=form, debug=debug)

    def delete_share(self, share_key: str, debug: bool = False) -> JSON:
        key = quote(share_key, safe="")
        return self._call("DELETE", f"/v2/shares/{key}/", debug=debug)


def _json_or_none(response: httpx.Response) -> JSON:
    try:
        return response.json()
    except ValueError:
        return None
