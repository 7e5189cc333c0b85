"""Copies a collection from one Kinto to another (kinto-http's ``replication.replicate``)."""

from __future__ import annotations

import logging

from .client import AsyncKintoClient

__all__ = ["replicate"]

_log = logging.getLogger("cloudspec.kinto")

# Records queued per batch context: the batch itself splits at the server's limit, and
# the origin is read page by page, so memory stays bounded however big the collection.
CHUNK = 500


async def replicate(origin: AsyncKintoClient, destination: AsyncKintoClient) -> int:
    """Copies the origin client's default collection (metadata, permissions, records)
    into the destination client's default bucket and collection; returns the number of
    records written. Existing records are overwritten, missing bucket/collection created."""
    _log.info("replicating %r to %r", origin, destination)
    await destination.create_bucket(if_not_exists=True)
    source = await origin.get_collection()
    await destination.create_collection(
        data={k: v for k, v in source["data"].items() if k not in ("id", "last_modified")},
        permissions=source.get("permissions") or None,
        if_not_exists=True,
    )
    copied = 0
    pending: list[dict[str, object]] = []
    async for record in origin.iter_records():
        pending.append(record)
        if len(pending) >= CHUNK:
            copied += await _write(destination, pending)
            pending = []
    if pending:
        copied += await _write(destination, pending)
    _log.info("replicated %d records", copied)
    return copied


async def _write(destination: AsyncKintoClient, records: list[dict[str, object]]) -> int:
    async with destination.batch() as batch:
        for record in records:
            data = {k: v for k, v in record.items() if k != "last_modified"}
            await batch.update_record(id=str(record["id"]), data=data, safe=False)
    return len(records)
