"""The download's background hashing: same digests as hashing inline, in order, per target."""

from __future__ import annotations

import os

import pytest

from cloudspec.metadisk.hashing import BridgeHasher, bridge_hash
from cloudspec.metadisk.hashing_thread import HashingThread


def test_digests_match_inline_hashing_across_targets_and_batches() -> None:
    shards = [os.urandom(size) for size in (1, 70_000, 3 << 20, 0, 12_345)]
    whole = BridgeHasher()
    hashing = HashingThread(batch_bytes=100_000, queue_batches=2)
    try:
        for data in shards:
            shard = BridgeHasher()
            for offset in range(0, len(data), 65_536):
                hashing.feed(data[offset : offset + 65_536], shard, whole)
            hashing.settle()
            assert shard.hexdigest() == bridge_hash(data)
            assert shard.size == len(data)
    finally:
        hashing.close()
    assert whole.hexdigest() == bridge_hash(b"".join(shards))
    assert whole.size == sum(map(len, shards))


def test_a_rewound_whole_is_not_touched_by_earlier_batches() -> None:
    hashing = HashingThread(batch_bytes=10)
    whole = BridgeHasher()
    try:
        hashing.feed(b"kept", BridgeHasher(), whole)
        hashing.settle()
        before = whole.copy()
        hashing.feed(b"lost" * 100, BridgeHasher(), whole)  # a shard cut off mid-way
        whole = before
        hashing.feed(b"again", BridgeHasher(), whole)
        hashing.settle()
    finally:
        hashing.close()
    assert whole.hexdigest() == bridge_hash(b"keptagain")


class Broken(BridgeHasher):
    def update(self, chunk: bytes) -> None:
        raise MemoryError("no room")


def test_a_failure_in_the_helper_reaches_settle_and_never_blocks_the_writer() -> None:
    hashing = HashingThread(batch_bytes=1, queue_batches=1)
    try:
        for _ in range(50):  # more batches than the queue holds: the writer must not hang
            hashing.feed(b"x", Broken())
        with pytest.raises(MemoryError, match="no room"):
            hashing.settle()
    finally:
        hashing.close()


def test_close_without_any_chunk_and_twice() -> None:
    hashing = HashingThread()
    hashing.settle()
    hashing.close()
    hashing.close()
