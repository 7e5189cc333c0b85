"""Request bodies, built as the generated models (so their shape is the spec's)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO, TypeVar

from cloudspec.box_api.models import (
    CommitUploadSessionRequest,
    CopyItemRequest,
    CreateFolderRequest,
    CreateUploadSessionRequest,
    CreateVersionUploadSessionRequest,
    ParentReference,
    PreflightRequest,
    RevokeRequest,
    TokenRequest,
    UpdateItemRequest,
    UploadFileAttributes,
    UploadFileRequest,
    UploadFileVersionAttributes,
    UploadFileVersionRequest,
    UploadPart,
)
from cloudspec.box_api.types import UNSET, Unset
from cloudspec.box_api.types import File as Payload

__all__ = [
    "code_grant",
    "commit",
    "copy_item",
    "file_upload",
    "new_file_session",
    "new_folder",
    "new_version_session",
    "opt",
    "preflight",
    "refresh_grant",
    "revoke",
    "update_item",
    "version_upload",
]

T = TypeVar("T")


def opt(value: T | None) -> T | Unset:
    """The generated functions take ``UNSET`` for an absent argument, not ``None``."""
    return UNSET if value is None else value


def code_grant(
    client_id: str, client_secret: str, code: str, redirect_uri: str | None
) -> TokenRequest:
    return TokenRequest(
        grant_type="authorization_code",
        code=code,
        client_id=client_id,
        client_secret=client_secret,
        redirect_uri=opt(redirect_uri),
    )


def refresh_grant(client_id: str, client_secret: str, refresh_token: str) -> TokenRequest:
    return TokenRequest(
        grant_type="refresh_token",
        refresh_token=refresh_token,
        client_id=client_id,
        client_secret=client_secret,
    )


def revoke(client_id: str, client_secret: str, token: str) -> RevokeRequest:
    return RevokeRequest(client_id=client_id, client_secret=client_secret, token=token)


def new_folder(name: str, parent_id: str) -> CreateFolderRequest:
    return CreateFolderRequest(name=name, parent=ParentReference(id=parent_id))


def copy_item(parent_id: str, name: str | None) -> CopyItemRequest:
    return CopyItemRequest(parent=ParentReference(id=parent_id), name=opt(name))


def update_item(parent_id: str | None, name: str | None) -> UpdateItemRequest:
    """A rename and/or move: only what changes is sent."""
    parent = UNSET if parent_id is None else ParentReference(id=parent_id)
    return UpdateItemRequest(parent=parent, name=opt(name))


def preflight(name: str, size: int, folder_id: str) -> PreflightRequest:
    return PreflightRequest(name=name, size=size, parent=ParentReference(id=folder_id))


def file_upload(name: str, folder_id: str, content: BinaryIO) -> UploadFileRequest:
    return UploadFileRequest(
        attributes=UploadFileAttributes(name=name, parent=ParentReference(id=folder_id)),
        file=Payload(payload=content, file_name=name, mime_type="application/octet-stream"),
    )


def version_upload(name: str | None, content: BinaryIO) -> UploadFileVersionRequest:
    return UploadFileVersionRequest(
        attributes=UploadFileVersionAttributes(name=opt(name)),
        file=Payload(
            payload=content, file_name=name or "file", mime_type="application/octet-stream"
        ),
    )


def new_file_session(folder_id: str, size: int, name: str) -> CreateUploadSessionRequest:
    return CreateUploadSessionRequest(folder_id=folder_id, file_size=size, file_name=name)


def new_version_session(size: int, name: str | None) -> CreateVersionUploadSessionRequest:
    return CreateVersionUploadSessionRequest(file_size=size, file_name=opt(name))


def commit(parts: Iterable[Mapping[str, Any]]) -> CommitUploadSessionRequest:
    return CommitUploadSessionRequest(
        parts=[
            UploadPart(
                part_id=str(p["part_id"]),
                offset=int(p["offset"]),
                size=int(p["size"]),
                sha1=str(p["sha1"]),
            )
            for p in sorted(parts, key=lambda p: int(p["offset"]))
        ]
    )
