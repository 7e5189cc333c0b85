# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Copies a collection from one Kinto to another (kinto-http's ``replication.replicate``)."""

from __future__ import annotations

import logging

from .client import KintoClient

__all__ = ["replicate"]

_log = logging.getLogger("cloudspec.kinto")

# Records queued per batch context: the batch itself splits at the server's limit, and
# the origin is read page by page, so memory stays bounded however big the collection.
CHUNK = 500


def replicate(origin: KintoClient, destination: KintoClient) -> int:
    """Copies the origin client's default collection (metadata, permissions, records)
    into the destination client's default bucket and collection; returns the number of
    records written. Existing records are overwritten, missing bucket/collection created."""
    _log.info("replicating %r to %r", origin, destination)
    destination.create_bucket(if_not_exists=True)
    source = origin.get_collection()
    destination.create_collection(
        data={k: v for k, v in source["data"].items() if k not in ("id", "last_modified")},
        permissions=source.get("permissions") or None,
        if_not_exists=True,
    )
    copied = 0
    pending: list[dict[str, object]] = []
    for record in origin.iter_records():
        pending.append(record)
        if len(pending) >= CHUNK:
            copied += _write(destination, pending)
            pending = []
    if pending:
        copied += _write(destination, pending)
    _log.info("replicated %d records", copied)
    return copied


def _write(destination: KintoClient, records: list[dict[str, object]]) -> int:
    with destination.batch() as batch:
        for record in records:
            data = {k: v for k, v in record.items() if k != "last_modified"}
            batch.update_record(id=str(record["id"]), data=data, safe=False)
    return len(records)
