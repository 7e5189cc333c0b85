"""ButtFS errors: the original SDK's classes, keyed by the service's numeric codes.

``ButtFSError`` is the base of everything this package raises. Server answers become a
:class:`ButtFSServerError` (the original's ``AuthenticatedError``) subclass chosen by the
envelope's ``error.code`` (never by the status: reference §7, no source maps codes to statuses),
and each is also the ``cloudspec.core`` class matching the status the emulator answers with
(``NotFoundError`` for 2002, ``ConflictError`` for 2042, ``RateLimitError`` for 9006 ...), so
callers may catch either. Every code has its own class and its own name: the original reused
``InvalidName``, ``InvalidOperation``, ``VersionMissingOrIncorrect`` and ``PathDoesNotExist``
for a file and a folder code (so 3007, 3008, 3021 and 6002 fell through to ``UnknownError``);
here the file/share variant is prefixed (``FileInvalidName`` 3008 / ``FolderInvalidName`` 2048,
``SharePathDoesNotExist`` 6002 / ``PathDoesNotExist`` 2039). Codes the original gave one class for
several numbers (2010-2013, 2019-2025, 2022-2023) get one subclass per code under the shared
original name (``FailedToReadFilesystem2011`` is a ``FailedToReadFilesystem``).
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx

from cloudspec.core.errors import (
    APIError as CoreAPIError,
)
from cloudspec.core.errors import (
    AuthenticationError,
    BadRequestError,
    CloudspecError,
    ConflictError,
    IntegrityError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    body_excerpt,
    decode_error_body,
)
from cloudspec.core.redact import Redactor, default_redactor
from cloudspec.core.retry import parse_retry_after

__all__ = [
    "ERRORS_BY_CODE",
    "AuthenticatedError",
    "ButtFSError",
    "ButtFSServerError",
    "DownloadIntegrityError",
    "MalformedEnvelope",
    "MalformedResponse",
    "FailedToBroadcastUpdate",
    "FailedToReadFilesystem",
    "FailedToSaveChanges",
    "InvalidArgument",
    "InvalidRequest",
    "MethodNotImplemented",
    "MissingArgument",
    "OperationNotAllowed",
    "SessionNotLinked",
    "UnknownError",
    "UnknownRateLimitError",
    "error_from_response",
    # one class per code: see ERRORS_BY_CODE
    "APICallLimitReached",
    "APIError",
    "AlreadyExists",
    "CannotDeleteTheInfiniteDrive",
    "CopyToReadOnlyDestinationFailed",
    "CreateFolderOnReadOnlyLocationFailed",
    "DeleteOnReadOnlyLocationFailed",
    "DirectoryNotEmpty",
    "ExistsParameterInvalid",
    "ExtensionTooLong",
    "FailedToBroadcastUpdate2022",
    "FailedToBroadcastUpdate2023",
    "FailedToReadFilesystem2010",
    "FailedToReadFilesystem2011",
    "FailedToReadFilesystem2012",
    "FailedToReadFilesystem2013",
    "FailedToSaveChanges2019",
    "FailedToSaveChanges2020",
    "FailedToSaveChanges2021",
    "FailedToSaveChanges2024",
    "FailedToSaveChanges2025",
    "FileInvalidName",
    "FileInvalidOperation",
    "FileNameRequired",
    "FileNotFound",
    "FileVersionMissingOrIncorrect",
    "FilesystemIsOverTheLimit",
    "FilesystemWouldBeOverTheLimit",
    "FolderDoesNotExist",
    "FolderInvalidName",
    "FolderInvalidOperation",
    "FolderNameRequired",
    "FolderNotFound",
    "FolderVersionMissingOrIncorrect",
    "GeneralPanicError",
    "InvalidDateContentLastModified",
    "InvalidDateCreated",
    "InvalidDateMetaLastModified",
    "InvalidDepth",
    "InvalidExists",
    "InvalidPath",
    "InvalidVerbose",
    "InvalidVersion",
    "MIMETooLong",
    "MissingPathParameter",
    "MissingToParameter",
    "MoveToReadOnlyDestinationFailed",
    "NameConflictCreatingFolder",
    "NameConflictInOperation",
    "NameConflictOnCopy",
    "NameConflictOnMove",
    "NameConflictOnRename",
    "NameConflictOnUpload",
    "NotAllowed",
    "OriginalPathNoLongerExists",
    "PathDoesNotExist",
    "PermissionDenied",
    "RenameOnReadOnlyLocationFailed",
    "RenamePermissionDenied",
    "ShareDoesNotExist",
    "SharePathDoesNotExist",
    "SharePathRequired",
    "ShareWouldExceedQuota",
    "SizeMustBePositive",
    "SizeRequired",
    "SpecifiedDestinationIsReadOnly",
    "SpecifiedLocationIsReadOnly",
    "SpecifiedSourceIsReadOnly",
    "ToPathRequired",
    "TreeRequired",
    "UploadToReadOnlyDestinationFailed",
    "VersionDoesNotExist",
    "VersionMismatchIgnored",
]


class ButtFSError(CloudspecError):
    """Base of every ButtFS error (SDK-side and server answers)."""


# SDK-side errors (raised before anything is sent).


class SessionNotLinked(ButtFSError):
    """The session has no access token: call ``authenticate`` first."""


class OperationNotAllowed(ButtFSError):
    """The attribute or operation is not allowed (a read-only property, an item in trash...)."""


class InvalidArgument(ButtFSError, ValueError):
    """An argument has an unusable value."""


class MissingArgument(ButtFSError, ValueError):
    """A required argument is missing."""


class DownloadIntegrityError(ButtFSError, IntegrityError):
    """A download did not add up to the file's size: nothing was renamed into place."""


class MethodNotImplemented(ButtFSError, NotImplementedError):
    """The original SDK does not implement this (``history()``, ``readline()``...)."""


# Server answers.


class ButtFSServerError(ButtFSError, CoreAPIError):
    """The service answered with an error: ``code`` (the envelope's number, or the OAuth string
    for :class:`InvalidRequest`), ``message``, ``data`` (the envelope's ``data``) and
    ``status`` (the HTTP status)."""

    CODE: ClassVar[int | None] = None

    @property
    def data(self) -> Any:
        error = self.body.get("error") if isinstance(self.body, dict) else None
        return error.get("data") if isinstance(error, dict) else None

    def json(self) -> Any:
        """The decoded error body (the original's ``AuthenticatedError.json()``)."""
        return self.body


AuthenticatedError = ButtFSServerError
"""The original SDK's name for a server error."""


class MalformedResponse(ButtFSServerError, MalformedResponseError):
    """ButtFS answered a body the client cannot use (not JSON, the wrong shape, too big)."""


class InvalidRequest(ButtFSServerError, AuthenticationError):
    """The OAuth string form (``{"error": "invalid_request", ...}``): a wrong client id or
    secret, a bad signature or a stale Date; ``code`` is the OAuth error string
    (``invalid_request``, ``invalid_grant``...), ``message`` its ``error_description``."""


class UnknownError(ButtFSServerError):
    """An error answer with a code this SDK does not know, or no envelope at all."""


class MalformedEnvelope(UnknownError, MalformedResponse):
    """A 2xx answer without the ``{"result": ...}`` envelope (or without the token a token
    answer holds): an :class:`UnknownError`, as before, and a :class:`MalformedResponse`."""


class UnknownServerError(UnknownError, ServerError):
    """A 5xx answer without a known code."""


class UnknownRateLimitError(UnknownError, RateLimitError):
    """A 429 without a known code (from a proxy or a load balancer in front of ButtFS): still
    a ``RateLimitError``, with the ``retry_after`` its header asked for."""


class FailedToReadFilesystem(ButtFSServerError, ServerError):
    """2010-2013 (one subclass per code)."""


class FailedToSaveChanges(ButtFSServerError, ServerError):
    """2019-2021, 2024, 2025 (one subclass per code)."""


class FailedToBroadcastUpdate(ButtFSServerError, ServerError):
    """2022, 2023 (one subclass per code)."""


class GeneralPanicError(ButtFSServerError):
    """9999. General panic (the restore-mode failures use it)."""

    CODE = 9999


class APIError(ButtFSServerError):
    """9000. Generic API error (bad token, locked share, bad Range...)."""

    CODE = 9000


class APICallLimitReached(ButtFSServerError, RateLimitError):
    """9006. The account's API request quota is used up."""

    CODE = 9006


class InvalidVersion(ButtFSServerError, BadRequestError):
    """8001."""

    CODE = 8001


class VersionMismatchIgnored(ButtFSServerError, ConflictError):
    """8002. ``version-conflict=ignore`` with a stale version: nothing changed."""

    CODE = 8002


class OriginalPathNoLongerExists(ButtFSServerError, NotFoundError):
    """8004. Restore with ``fail``: the original parent is gone."""

    CODE = 8004


class FilesystemIsOverTheLimit(ButtFSServerError, PermissionDeniedError):
    """8007."""

    CODE = 8007


class FilesystemWouldBeOverTheLimit(ButtFSServerError, PermissionDeniedError):
    """8008."""

    CODE = 8008


class SharePathRequired(ButtFSServerError, BadRequestError):
    """6001."""

    CODE = 6001


class SharePathDoesNotExist(ButtFSServerError, NotFoundError):
    """6002. (BFS named it ``PathDoesNotExist``, like 2039.)"""

    CODE = 6002


class ShareWouldExceedQuota(ButtFSServerError, PermissionDeniedError):
    """6003."""

    CODE = 6003


class ShareDoesNotExist(ButtFSServerError, NotFoundError):
    """6004."""

    CODE = 6004


class FolderDoesNotExist(ButtFSServerError, NotFoundError):
    """2002."""

    CODE = 2002


class FolderNotFound(ButtFSServerError, NotFoundError):
    """2003."""

    CODE = 2003


class UploadToReadOnlyDestinationFailed(ButtFSServerError, PermissionDeniedError):
    """2004."""

    CODE = 2004


class MoveToReadOnlyDestinationFailed(ButtFSServerError, PermissionDeniedError):
    """2005."""

    CODE = 2005


class CopyToReadOnlyDestinationFailed(ButtFSServerError, PermissionDeniedError):
    """2006."""

    CODE = 2006


class RenameOnReadOnlyLocationFailed(ButtFSServerError, PermissionDeniedError):
    """2007."""

    CODE = 2007


class DeleteOnReadOnlyLocationFailed(ButtFSServerError, PermissionDeniedError):
    """2008."""

    CODE = 2008


class CreateFolderOnReadOnlyLocationFailed(ButtFSServerError, PermissionDeniedError):
    """2009."""

    CODE = 2009


class FailedToReadFilesystem2010(FailedToReadFilesystem):
    """2010."""

    CODE = 2010


class FailedToReadFilesystem2011(FailedToReadFilesystem):
    """2011."""

    CODE = 2011


class FailedToReadFilesystem2012(FailedToReadFilesystem):
    """2012."""

    CODE = 2012


class FailedToReadFilesystem2013(FailedToReadFilesystem):
    """2013."""

    CODE = 2013


class NameConflictCreatingFolder(ButtFSServerError, ConflictError):
    """2014."""

    CODE = 2014


class NameConflictOnUpload(ButtFSServerError, ConflictError):
    """2015."""

    CODE = 2015


class NameConflictOnRename(ButtFSServerError, ConflictError):
    """2016."""

    CODE = 2016


class NameConflictOnMove(ButtFSServerError, ConflictError):
    """2017."""

    CODE = 2017


class NameConflictOnCopy(ButtFSServerError, ConflictError):
    """2018."""

    CODE = 2018


class FailedToSaveChanges2019(FailedToSaveChanges):
    """2019."""

    CODE = 2019


class FailedToSaveChanges2020(FailedToSaveChanges):
    """2020."""

    CODE = 2020


class FailedToSaveChanges2021(FailedToSaveChanges):
    """2021."""

    CODE = 2021


class FailedToBroadcastUpdate2022(FailedToBroadcastUpdate):
    """2022."""

    CODE = 2022


class FailedToBroadcastUpdate2023(FailedToBroadcastUpdate):
    """2023."""

    CODE = 2023


class FailedToSaveChanges2024(FailedToSaveChanges):
    """2024."""

    CODE = 2024


class FailedToSaveChanges2025(FailedToSaveChanges):
    """2025."""

    CODE = 2025


class CannotDeleteTheInfiniteDrive(ButtFSServerError, PermissionDeniedError):
    """2026."""

    CODE = 2026


class MissingToParameter(ButtFSServerError, BadRequestError):
    """2028."""

    CODE = 2028


class ExistsParameterInvalid(ButtFSServerError, BadRequestError):
    """2033."""

    CODE = 2033


class MissingPathParameter(ButtFSServerError, BadRequestError):
    """2034."""

    CODE = 2034


class SpecifiedLocationIsReadOnly(ButtFSServerError, PermissionDeniedError):
    """2036."""

    CODE = 2036


class SpecifiedSourceIsReadOnly(ButtFSServerError, PermissionDeniedError):
    """2037."""

    CODE = 2037


class SpecifiedDestinationIsReadOnly(ButtFSServerError, PermissionDeniedError):
    """2038."""

    CODE = 2038


class PathDoesNotExist(ButtFSServerError, NotFoundError):
    """2039. Create/upload into a missing or trashed folder."""

    CODE = 2039


class PermissionDenied(ButtFSServerError, PermissionDeniedError):
    """2040."""

    CODE = 2040


class RenamePermissionDenied(ButtFSServerError, PermissionDeniedError):
    """2041."""

    CODE = 2041


class NameConflictInOperation(ButtFSServerError, ConflictError):
    """2042. ``exists=fail`` met an item of that name."""

    CODE = 2042


class FolderInvalidOperation(ButtFSServerError, BadRequestError):
    """2043. (BFS: ``InvalidOperation``, like 3007.)"""

    CODE = 2043


class FolderVersionMissingOrIncorrect(ButtFSServerError, ConflictError):
    """2044. (BFS: ``VersionMissingOrIncorrect``, like 3021.)"""

    CODE = 2044


class InvalidDepth(ButtFSServerError, BadRequestError):
    """2045."""

    CODE = 2045


class VersionDoesNotExist(ButtFSServerError, NotFoundError):
    """2046."""

    CODE = 2046


class FolderNameRequired(ButtFSServerError, BadRequestError):
    """2047. (BFS: ``NameRequired``, like 3018.)"""

    CODE = 2047


class FolderInvalidName(ButtFSServerError, BadRequestError):
    """2048. (BFS: ``InvalidName``, like 3008.)"""

    CODE = 2048


class TreeRequired(ButtFSServerError, BadRequestError):
    """2049."""

    CODE = 2049


class InvalidVerbose(ButtFSServerError, BadRequestError):
    """2050."""

    CODE = 2050


class DirectoryNotEmpty(ButtFSServerError, ConflictError):
    """2052."""

    CODE = 2052


class FileNotFound(ButtFSServerError, NotFoundError):
    """3001. (BFS: ``NotFound``.)"""

    CODE = 3001


class FileInvalidOperation(ButtFSServerError, BadRequestError):
    """3007."""

    CODE = 3007


class FileInvalidName(ButtFSServerError, BadRequestError):
    """3008."""

    CODE = 3008


class InvalidExists(ButtFSServerError, BadRequestError):
    """3009."""

    CODE = 3009


class ExtensionTooLong(ButtFSServerError, BadRequestError):
    """3010."""

    CODE = 3010


class InvalidDateCreated(ButtFSServerError, BadRequestError):
    """3011."""

    CODE = 3011


class InvalidDateMetaLastModified(ButtFSServerError, BadRequestError):
    """3012."""

    CODE = 3012


class InvalidDateContentLastModified(ButtFSServerError, BadRequestError):
    """3013."""

    CODE = 3013


class MIMETooLong(ButtFSServerError, BadRequestError):
    """3014."""

    CODE = 3014


class SizeMustBePositive(ButtFSServerError, BadRequestError):
    """3015."""

    CODE = 3015


class FileNameRequired(ButtFSServerError, BadRequestError):
    """3018."""

    CODE = 3018


class SizeRequired(ButtFSServerError, BadRequestError):
    """3019."""

    CODE = 3019


class ToPathRequired(ButtFSServerError, BadRequestError):
    """3020."""

    CODE = 3020


class FileVersionMissingOrIncorrect(ButtFSServerError, ConflictError):
    """3021."""

    CODE = 3021


class InvalidPath(ButtFSServerError, BadRequestError):
    """10000."""

    CODE = 10000


class AlreadyExists(ButtFSServerError, ConflictError):
    """10001."""

    CODE = 10001


class NotAllowed(ButtFSServerError, PermissionDeniedError):
    """10002."""

    CODE = 10002


ERRORS_BY_CODE: dict[int, type[ButtFSServerError]] = {
    9999: GeneralPanicError,
    9000: APIError,
    9006: APICallLimitReached,
    8001: InvalidVersion,
    8002: VersionMismatchIgnored,
    8004: OriginalPathNoLongerExists,
    8007: FilesystemIsOverTheLimit,
    8008: FilesystemWouldBeOverTheLimit,
    6001: SharePathRequired,
    6002: SharePathDoesNotExist,
    6003: ShareWouldExceedQuota,
    6004: ShareDoesNotExist,
    2002: FolderDoesNotExist,
    2003: FolderNotFound,
    2004: UploadToReadOnlyDestinationFailed,
    2005: MoveToReadOnlyDestinationFailed,
    2006: CopyToReadOnlyDestinationFailed,
    2007: RenameOnReadOnlyLocationFailed,
    2008: DeleteOnReadOnlyLocationFailed,
    2009: CreateFolderOnReadOnlyLocationFailed,
    2010: FailedToReadFilesystem2010,
    2011: FailedToReadFilesystem2011,
    2012: FailedToReadFilesystem2012,
    2013: FailedToReadFilesystem2013,
    2014: NameConflictCreatingFolder,
    2015: NameConflictOnUpload,
    2016: NameConflictOnRename,
    2017: NameConflictOnMove,
    2018: NameConflictOnCopy,
    2019: FailedToSaveChanges2019,
    2020: FailedToSaveChanges2020,
    2021: FailedToSaveChanges2021,
    2022: FailedToBroadcastUpdate2022,
    2023: FailedToBroadcastUpdate2023,
    2024: FailedToSaveChanges2024,
    2025: FailedToSaveChanges2025,
    2026: CannotDeleteTheInfiniteDrive,
    2028: MissingToParameter,
    2033: ExistsParameterInvalid,
    2034: MissingPathParameter,
    2036: SpecifiedLocationIsReadOnly,
    2037: SpecifiedSourceIsReadOnly,
    2038: SpecifiedDestinationIsReadOnly,
    2039: PathDoesNotExist,
    2040: PermissionDenied,
    2041: RenamePermissionDenied,
    2042: NameConflictInOperation,
    2043: FolderInvalidOperation,
    2044: FolderVersionMissingOrIncorrect,
    2045: InvalidDepth,
    2046: VersionDoesNotExist,
    2047: FolderNameRequired,
    2048: FolderInvalidName,
    2049: TreeRequired,
    2050: InvalidVerbose,
    2052: DirectoryNotEmpty,
    3001: FileNotFound,
    3007: FileInvalidOperation,
    3008: FileInvalidName,
    3009: InvalidExists,
    3010: ExtensionTooLong,
    3011: InvalidDateCreated,
    3012: InvalidDateMetaLastModified,
    3013: InvalidDateContentLastModified,
    3014: MIMETooLong,
    3015: SizeMustBePositive,
    3018: FileNameRequired,
    3019: SizeRequired,
    3020: ToPathRequired,
    3021: FileVersionMissingOrIncorrect,
    10000: InvalidPath,
    10001: AlreadyExists,
    10002: NotAllowed,
}


def _class_for_status(status: int) -> type[ButtFSServerError]:
    if status == 429:
        return UnknownRateLimitError
    if status >= 500:
        return UnknownServerError
    return UnknownError


def error_from_response(
    response: httpx.Response, *, redactor: Redactor = default_redactor
) -> ButtFSServerError:
    """The typed error for a read error response (its body must have been read)."""
    status = response.status_code
    body = decode_error_body(response)
    error = body.get("error") if isinstance(body, dict) else None
    cls: type[ButtFSServerError] = _class_for_status(status)
    code: str | int | None = None
    message = ""
    if isinstance(error, str):
        cls = InvalidRequest
        code = error
        description = body.get("error_description") or body.get("message")
        message = description if isinstance(description, str) else error
    elif isinstance(error, dict):
        raw_code, raw_message = error.get("code"), error.get("message")
        if isinstance(raw_code, int) and not isinstance(raw_code, bool):
            code = raw_code
            cls = ERRORS_BY_CODE.get(raw_code, cls)
        message = raw_message if isinstance(raw_message, str) else ""
    if not message:
        message = body_excerpt(response, redactor) if body is None else f"HTTP {status}"
    extra: dict[str, Any] = {}
    if issubclass(cls, RateLimitError):
        extra["retry_after"] = parse_retry_after(response.headers)
    return cls(
        message,
        **extra,
        status=status,
        code=code,
        headers=response.headers,
        body=body,
        response=response,
        redactor=redactor,
    )
