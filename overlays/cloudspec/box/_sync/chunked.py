# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Box upload sessions: parts in parallel, resumable, abortable, committed once.

The part engine (:mod:`cloudspec.core._sync.chunked`) reads the file once, in order, so the
whole-file SHA-1 comes for free, and keeps at most ``parallelism`` parts in memory. This module
adds what is Box's: the session (whose ``part_size`` the server picks), the ``Digest`` and
``Content-Range`` headers, a part that was stored although its answer was lost (409), resuming
from the parts list after a dropped connection or in a new process, the commit loop on
``202 + Retry-After``, and aborting when nothing can resume the session.
"""

from __future__ import annotations

import base64
import contextlib
import io
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from cloudspec.box_api.api.chunked_uploads import (
    delete_files_upload_sessions_id,
    get_files_upload_sessions_id,
    get_files_upload_sessions_id_parts,
    post_files_id_upload_sessions,
    post_files_upload_sessions,
    post_files_upload_sessions_id_commit,
    put_files_upload_sessions_id,
)
from cloudspec.box_api.types import File as Payload
from cloudspec.core._backends import sleep
from cloudspec.core._sync.chunked import PartSpec, upload_parts
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.errors import IntegrityError, RateLimitError, ServerError, TransportError

from .. import _bodies as bodies
from ..errors import BoxConflict, BoxError, BoxNotFound
from ..upload_session import UploadSessionInfo
from .http import BoxHTTP, json_object
from .lookup import find_file

__all__ = ["ChunkedUploader", "UploadSessionInfo"]

_log = logging.getLogger("cloudspec.box")

Progress = Callable[[int, int], None]
Source = str | os.PathLike[str] | IO[bytes]

# Box lists parts 1000 at a time at most; a 50 GB file in 8 MiB parts has ~6000.
_PARTS_PAGE = 1000


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode("ascii")


def _part_record(part: Any) -> dict[str, Any]:
    try:
        return {
            "part_id": str(part["part_id"]),
            "offset": int(part["offset"]),
            "size": int(part["size"]),
            "sha1": str(part["sha1"]),
        }
    except (KeyError, TypeError, ValueError):
        raise BoxError(
            f"Box described an upload part it cannot have: {part!r:.200}", status=200
        ) from None


def _session(data: Mapping[str, Any]) -> UploadSessionInfo:
    try:
        return UploadSessionInfo.from_json(data)
    except (KeyError, TypeError, ValueError):
        raise BoxError(
            "Box described an upload session without its id or sizes", status=201
        ) from None


class ChunkedUploader:
    """One file into one upload session. ``upload()`` runs it; after a failure that left the
    session alive, ``resume()`` sends only the parts Box does not have; ``abort()`` drops it.
    """

    def __init__(
        self,
        http: BoxHTTP,
        source: Source,
        *,
        file_size: int,
        file_name: str,
        folder_id: str | None = None,
        file_id: str | None = None,
        parallelism: int = 4,
        progress: Progress | None = None,
        on_session: Callable[[UploadSessionInfo], None] | None = None,
        max_resumes: int = 3,
        commit_timeout: float = 600.0,
    ) -> None:
        if (folder_id is None) == (file_id is None):
            raise ValueError("give folder_id (a new file) or file_id (a new version), not both")
        if parallelism < 1:
            raise ValueError("parallelism must be at least 1")
        self._http = http
        self._source = source
        # A file object is read from where it stands; every pass (a resume) starts there.
        self._start = None if isinstance(source, str | os.PathLike) else source.tell()
        self.file_size = file_size
        self.file_name = file_name
        self.folder_id = folder_id
        self.file_id = file_id
        self.parallelism = parallelism
        self._progress = progress
        self._on_session = on_session
        self.max_resumes = max_resumes
        self.commit_timeout = commit_timeout
        self.session: UploadSessionInfo | None = None

    # -- the session -------------------------------------------------------------------

    def _create_session(self) -> UploadSessionInfo:
        if self.file_id is not None:
            kwargs = post_files_id_upload_sessions._get_kwargs(
                self.file_id,
                body=bodies.new_version_session(self.file_size, self.file_name),
            )
        else:
            assert self.folder_id is not None
            kwargs = post_files_upload_sessions._get_kwargs(
                body=bodies.new_file_session(self.folder_id, self.file_size, self.file_name)
            )
        # Re-sent after a lost answer or a 5xx: the worst a replay does is leave an empty
        # session behind, which holds no file, takes no quota and expires (Box: 7 days); not
        # re-sending made any hiccup on this first request fail the whole upload.
        data = self._http.json(kwargs, idempotent=True)
        return _session(data)

    def attach(self, session_id: str) -> UploadSessionInfo:
        """Use an existing session (from another process): its part size comes from Box."""
        kwargs = get_files_upload_sessions_id._get_kwargs(session_id)
        data = self._http.json(kwargs)
        self.session = _session(data)
        return self.session

    def _endpoint(self, name: str, default_path: str) -> str:
        assert self.session is not None
        url = self.session.endpoints.get(name)
        return url or self._http.url(default_path)

    def list_parts(self) -> list[dict[str, Any]]:
        """Every part Box holds for this session, sorted by offset."""
        assert self.session is not None
        parts: list[dict[str, Any]] = []
        offset = 0
        while True:
            kwargs = get_files_upload_sessions_id_parts._get_kwargs(
                self.session.id, offset=offset, limit=_PARTS_PAGE
            )
            url = self._endpoint("list_parts", kwargs["url"])
            data = self._http.json(kwargs, url=url)
            entries = data.get("entries") or []
            parts.extend(_part_record(p) for p in entries)
            total = int(data.get("total_count") or 0)
            offset += len(entries)
            if not entries or offset >= total:
                break
        return sorted(parts, key=lambda p: p["offset"])

    # -- parts -------------------------------------------------------------------------

    def _send_part(self, part: PartSpec, data: bytes, sha1: bytes) -> dict[str, Any]:
        assert self.session is not None
        kwargs = put_files_upload_sessions_id._get_kwargs(
            self.session.id,
            # The generated code would send the payload object; the bytes go in below.
            body=Payload(payload=io.BytesIO()),
            digest=f"sha={_b64(sha1)}",
            content_range=f"bytes {part.offset}-{part.offset + part.size - 1}/{self.file_size}",
        )
        url = self._endpoint("upload_part", kwargs["url"])
        request = self._http.build(kwargs, url=url, content=data)
        try:
            response = self._http.send(request)
        except BoxConflict:
            # The transport re-sent a part whose first answer was lost, and Box had stored
            # it: parts are immutable, so the copy is refused. Same bytes = done.
            stored = self._stored_part(part.offset)
            if stored is not None and stored["sha1"] == sha1.hex() and stored["size"] == part.size:
                return stored
            raise
        record = json_object(response, self._http.redactor).get("part")
        if not isinstance(record, dict):
            raise BoxError(
                "Box answered a part upload without a part",
                status=response.status_code,
                response=response,
            )
        result = _part_record(record)
        if result["sha1"] != sha1.hex() or result["offset"] != part.offset:
            raise IntegrityError(
                f"Box stored part at offset {result['offset']} with SHA-1 {result['sha1']}, "
                f"sent offset {part.offset} with SHA-1 {sha1.hex()}"
            )
        return result

    def _stored_part(self, offset: int) -> dict[str, Any] | None:
        for stored in self.list_parts():
            if stored["offset"] == offset:
                return stored
        return None

    # -- commit ------------------------------------------------------------------------

    def _commit(self, parts: list[dict[str, Any]], sha1: bytes) -> dict[str, Any]:
        assert self.session is not None
        kwargs = post_files_upload_sessions_id_commit._get_kwargs(
            self.session.id, body=bodies.commit(parts), digest=f"sha={_b64(sha1)}"
        )
        url = self._endpoint("commit", kwargs["url"])
        loop_time = time.monotonic()
        deadline = loop_time + self.commit_timeout
        uncertain = False
        while True:
            request = self._http.build(kwargs, url=url, idempotent=True)
            try:
                response = self._http.send(request)
            except TransportError as exc:
                if uncertain or not budget_allows_retry(self._http.client, exc):
                    raise
                uncertain = True  # the commit may have happened; one more try tells
                continue
            except (BoxNotFound, BoxConflict):
                if uncertain:
                    found = self._committed_file(sha1)
                    if found is not None:
                        return found
                raise
            if response.status_code == 202:
                # Box is still processing parts; the transport has waited Retry-After a few
                # times already. Keep going until the deadline.
                if time.monotonic() >= deadline:
                    raise BoxError(
                        f"Box did not finish processing the upload in {self.commit_timeout:g} s",
                        status=202,
                        response=response,
                    )
                sleep(_retry_after(response.headers.get("retry-after")))
                continue
            entries = json_object(response, self._http.redactor).get("entries") or []
            if not entries:
                raise BoxError("Box committed the upload but returned no file", status=201)
            entry: dict[str, Any] = entries[0]
            if entry.get("sha1") not in (None, sha1.hex()):
                raise IntegrityError(
                    f"Box committed a file with SHA-1 {entry.get('sha1')}, sent {sha1.hex()}"
                )
            return entry

    def _committed_file(self, sha1: bytes) -> dict[str, Any] | None:
        """After a commit whose answer was lost: the file it made, if the name holds it."""
        found = find_file(
            self._http, self.file_name, folder_id=self.folder_id, file_id=self.file_id
        )
        if found is not None and found.get("sha1") == sha1.hex():
            return found
        return None

    # -- the whole run -----------------------------------------------------------------

    def upload(self) -> dict[str, Any]:
        """Create the session, send every part, commit; returns Box's File object (a dict)."""
        if self.session is None:
            self.session = self._create_session()
            if self._on_session is not None:
                self._on_session(self.session)
        return self._run(fresh=True)

    def resume(self) -> dict[str, Any]:
        """Send the parts Box does not have yet, then commit."""
        if self.session is None:
            raise ValueError("nothing to resume: call upload() or attach(session_id) first")
        return self._run(fresh=False)

    def abort(self) -> None:
        if self.session is None:
            return
        kwargs = delete_files_upload_sessions_id._get_kwargs(self.session.id)
        url = self._endpoint("abort", kwargs["url"])
        # Gone already (expired, or aborted by another process) is as good as aborted.
        with contextlib.suppress(BoxNotFound):
            self._http.empty(kwargs, url=url)

    def _run(self, *, fresh: bool) -> dict[str, Any]:
        assert self.session is not None
        resumes = 0
        try:
            while True:
                done = {} if fresh else {p["offset"]: p["sha1"] for p in self.list_parts()}
                if self._start is not None and not isinstance(self._source, str | os.PathLike):
                    self._source.seek(self._start)
                try:
                    result = upload_parts(
                        self._source,
                        total_size=self.file_size,
                        part_size=self.session.part_size,
                        send_part=self._send_part,
                        done=done,
                        parallelism=self.parallelism,
                        progress=self._progress,
                    )
                    break
                except (TransportError, ServerError, RateLimitError) as exc:
                    resumes += 1
                    if resumes > self.max_resumes or not budget_allows_retry(
                        self._http.client, exc
                    ):
                        raise
                    fresh = False
            parts = self.list_parts()
            if len(parts) != self.session.total_parts:
                raise IntegrityError(
                    f"Box holds {len(parts)} parts of {self.session.total_parts} after upload"
                )
            return self._commit(parts, result.sha1)
        except (TransportError, ServerError, RateLimitError):
            # Box may come back: the session lives 7 days and resume() can finish it, but
            # only if the caller kept its id.
            if self._on_session is None:
                self._abort_quietly()
            raise
        except BaseException:
            self._abort_quietly()
            raise

    def _abort_quietly(self) -> None:
        try:
            self.abort()
        except Exception:
            # The first error is the one the caller must see; the session expires anyway.
            _log.warning("could not abort upload session", exc_info=True)


def _retry_after(value: str | None) -> float:
    try:
        seconds = float(value) if value is not None else 1.0
    except ValueError:
        seconds = 1.0
    return min(max(seconds, 0.1), 60.0)


def file_size_of(source: Source) -> int:
    if isinstance(source, str | os.PathLike):
        return Path(source).stat().st_size
    position = source.tell()
    end = source.seek(0, os.SEEK_END)
    source.seek(position)
    return end - position
