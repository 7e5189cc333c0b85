# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Sends prepared calls and turns every error status into a typed exception."""

from __future__ import annotations

import logging
import warnings
from typing import Any

import httpx

from cloudspec.core.errors import map_transport_errors
from cloudspec.core.limits import EXT_READ_WHOLE
from cloudspec.core.redact import Redactor
from cloudspec.core.retry import EXT_IDEMPOTENT, EXT_RETRY, RetryPolicy

from .._call import Call
from ..exceptions import KintoAlert, error_from_response

__all__ = ["Session"]

_READ = httpx.ByteStream(b"")

_log = logging.getLogger("cloudspec.kinto")


class Session:
    def __init__(
        self,
        http: httpx.Client,
        redactor: Redactor,
        *,
        dry_mode: bool = False,
    ) -> None:
        self.http = http
        # Absolute URLs spare httpx a base-URL merge (a second URL parse) per request.
        self._base = str(http.base_url).rstrip("/")
        self.redactor = redactor
        self.dry_mode = dry_mode
        self._alerts_seen: set[str] = set()

    def build(
        self,
        call: Call,
        *,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
    ) -> httpx.Request:
        extensions: dict[str, Any] = {}
        if call.idempotent is not None:
            extensions[EXT_IDEMPOTENT] = call.idempotent
        if retry is not None:
            extensions[EXT_RETRY] = retry
        if timeout is not None:
            extensions["timeout"] = timeout.as_dict()
        return self.http.build_request(
            call.method,
            self._base + call.url,
            params=call.params or None,
            headers=call.headers or None,
            json=call.body if call.has_body else None,
            files=call.files,
            extensions=extensions or None,
        )

    def send(
        self,
        call: Call,
        *,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
    ) -> httpx.Response | None:
        """The response to ``call``, or None in dry mode. Error statuses raise."""
        request = self.build(call, timeout=timeout, retry=retry)
        if self.dry_mode:
            _log.info("dry mode: %s %s", request.method, self.redactor.url(str(request.url)))
            return None
        request.extensions[EXT_READ_WHOLE] = True  # read into memory: capped, any type
        with map_transport_errors(self.redactor):
            response = self.http.send(request)
        # httpx ties a response and its stream into a reference cycle, so a read page
        # (its bytes) would wait for the cyclic garbage collector: memory would grow with
        # every page of a listing. The body is read already; cut the cycle.
        response.stream = _READ
        self.check(response, call)
        return response

    def check(self, response: httpx.Response, call: Call) -> None:
        alert = response.headers.get("alert")
        if alert and alert not in self._alerts_seen:
            self._alerts_seen.add(alert)
            warnings.warn(f"Kinto: {alert}", KintoAlert, stacklevel=4)
        # A redirect is never followed (credentials stay on the server's origin): it is an
        # error too, not an empty answer. 304 answers a conditional read.
        if response.status_code >= 300 and response.status_code != 304:
            raise error_from_response(response, redactor=self.redactor, not_found=call.not_found)

    def close(self) -> None:
        self.http.close()
