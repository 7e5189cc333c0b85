# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Streaming download to a file: constant memory, resumed after a drop, verified, atomic.

The body goes to a temporary file beside the target; after a dropped connection the
transfer resumes with ``Range`` (or restarts if the server ignores it); size and the hashes
given (SHA-256, SHA-1) are checked, each computed only when asked for; only then is the file
renamed into place. A failure leaves no partial or corrupt file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from ..budget import budget_allows_retry
from ..errors import IntegrityError, TransportError, map_transport_errors, status_error_class
from ..limits import EXT_MAX_RESPONSE_BYTES
from ..redact import Redactor, default_redactor
from ..sink import DownloadSink

__all__ = ["Progress", "download_to_path"]

Progress = Callable[[int, int | None], None]


def download_to_path(
    client: httpx.Client,
    url: str,
    destination: str | os.PathLike[str],
    *,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
    expected_sha1: str | None = None,
    auth: Any = httpx.USE_CLIENT_DEFAULT,
    follow_redirects: bool | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
    max_resumes: int = 3,
    redactor: Redactor = default_redactor,
    durable: bool = False,
) -> Path:
    """Downloads ``url`` to ``destination``; ``auth=None`` sends no credentials.

    Hashes are hex strings. ``durable=True`` fsyncs the file before renaming it into place
    (see :class:`~cloudspec.core.sink.DownloadSink`). ``follow_redirects`` overrides the
    client's setting (``None`` keeps it); httpx drops ``Authorization`` when a redirect
    changes origin.
    """
    redirects: Any = httpx.USE_CLIENT_DEFAULT if follow_redirects is None else follow_redirects
    target = Path(destination)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            sink = DownloadSink(out, sha256=expected_sha256, sha1=expected_sha1, durable=durable)
            done = 0
            total = expected_size
            resumes = 0
            while True:
                headers = {"Range": f"bytes={done}-"} if done else {}
                try:
                    with map_transport_errors(redactor):
                        with client.stream(
                            "GET",
                            url,
                            headers=headers,
                            auth=auth,
                            follow_redirects=redirects,
                            # A file's body, streamed to disk: never capped, whatever its type.
                            extensions={EXT_MAX_RESPONSE_BYTES: None},
                        ) as response:
                            # A redirect not followed is no file: an error, never an empty
                            # file renamed into place.
                            if response.status_code >= 300:
                                response.read()
                                cls = status_error_class(response.status_code)
                                raise cls(
                                    f"download of {redactor.url(url)} failed",
                                    status=response.status_code,
                                    headers=response.headers,
                                    response=response,
                                    redactor=redactor,
                                )
                            if done and response.status_code != 206:
                                # The server ignored Range: start again from byte 0.
                                sink.restart()
                                done = 0
                            length = response.headers.get("content-length")
                            if total is None and length is not None and length.isdigit():
                                total = done + int(length)
                            for chunk in response.iter_bytes(chunk_size):
                                sink.write(chunk)
                                done += len(chunk)
                                if progress is not None:
                                    progress(done, total)
                    break
                except TransportError as exc:
                    resumes += 1
                    # A resume is a retry: the client's retry budget pays for it.
                    if resumes > max_resumes or not budget_allows_retry(client, exc):
                        sink.close()
                        raise
                except BaseException:
                    sink.close()
                    raise
            sink.finish()
        if expected_size is not None and done != expected_size:
            raise IntegrityError(f"expected {expected_size} bytes, received {done}")
        sink.verify()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
