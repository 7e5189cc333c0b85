"""Streaming download to a file: constant memory, resumed after a drop, verified, atomic.

The body goes to a temporary file beside the target; after a dropped connection the
transfer resumes with ``Range`` (or restarts if the server ignores it); size and SHA-256
are checked when known; only then is the file renamed into place. A failure leaves no
partial or corrupt file behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from ..errors import IntegrityError, TransportError, map_transport_errors, status_error_class
from ..redact import Redactor, default_redactor

__all__ = ["Progress", "async_download_to_path"]

Progress = Callable[[int, int | None], None]


async def async_download_to_path(
    client: httpx.AsyncClient,
    url: str,
    destination: str | os.PathLike[str],
    *,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
    auth: Any = httpx.USE_CLIENT_DEFAULT,
    chunk_size: int = 64 * 1024,
    progress: Progress | None = None,
    max_resumes: int = 3,
    redactor: Redactor = default_redactor,
) -> Path:
    """Downloads ``url`` to ``destination``; ``auth=None`` sends no credentials."""
    target = Path(destination)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            digest = hashlib.sha256()
            done = 0
            total = expected_size
            resumes = 0
            while True:
                headers = {"Range": f"bytes={done}-"} if done else {}
                try:
                    with map_transport_errors(redactor):
                        async with client.stream(
                            "GET", url, headers=headers, auth=auth
                        ) as response:
                            if response.status_code >= 400:
                                await response.aread()
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
                                out.seek(0)
                                out.truncate()
                                digest = hashlib.sha256()
                                done = 0
                            length = response.headers.get("content-length")
                            if total is None and length is not None and length.isdigit():
                                total = done + int(length)
                            async for chunk in response.aiter_bytes(chunk_size):
                                out.write(chunk)
                                digest.update(chunk)
                                done += len(chunk)
                                if progress is not None:
                                    progress(done, total)
                    break
                except TransportError:
                    resumes += 1
                    if resumes > max_resumes:
                        raise
            out.flush()
            os.fsync(out.fileno())
        if expected_size is not None and done != expected_size:
            raise IntegrityError(f"expected {expected_size} bytes, received {done}")
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256.lower():
            raise IntegrityError("the downloaded file does not match its SHA-256")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
