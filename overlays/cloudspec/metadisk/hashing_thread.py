"""Shard and whole-file hashes of a download, computed off the network loop.

Every downloaded byte goes into two SHA-256 states (its shard's and the whole file's). Done on
the loop, that halved download throughput (bench/RESULTS.md, Metadisk). ``hashlib`` releases
the GIL on large buffers, so a helper thread hashes while the loop reads. Chunks go over in
batches of about a MiB (one hand-off per 64 KiB chunk costs more than it saves) through a queue
of at most ``queue_batches`` batches: when hashing is slower than the network the writer waits,
and memory stays bounded. Each batch carries the hashers it feeds, so switching shards needs no
lock: :meth:`settle` before reading a digest or copying a state.
"""

from __future__ import annotations

import queue
import threading

from .hashing import BridgeHasher

__all__ = ["HashingThread"]

_Batch = tuple[tuple[BridgeHasher, ...], list[bytes]]


class HashingThread:
    def __init__(self, *, batch_bytes: int = 1 << 20, queue_batches: int = 8) -> None:
        self._queue: queue.Queue[_Batch | None] = queue.Queue(queue_batches)
        self._targets: tuple[BridgeHasher, ...] = ()
        self._batch: list[bytes] = []
        self._batched = 0
        self._batch_bytes = batch_bytes
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            try:
                if self._failure is None:
                    targets, batch = item
                    for chunk in batch:
                        for hasher in targets:
                            hasher.update(chunk)
            except BaseException as exc:  # reported by settle(); the writer must not hang
                self._failure = exc
            finally:
                self._queue.task_done()
        self._queue.task_done()

    def feed(self, chunk: bytes, *targets: BridgeHasher) -> None:
        """Hash ``chunk`` into each of ``targets`` (in order with earlier chunks)."""
        if targets != self._targets:
            self._hand_off()
            self._targets = targets
        self._batch.append(chunk)
        self._batched += len(chunk)
        if self._batched >= self._batch_bytes:
            self._hand_off()

    def _hand_off(self) -> None:
        if not self._batch:
            return
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._work, name="cloudspec-metadisk-hashing", daemon=True
            )
            self._thread.start()
        self._queue.put((self._targets, self._batch))
        self._batch, self._batched = [], 0

    def settle(self) -> None:
        """Every chunk fed so far is in its hashers; raises what the helper hit."""
        self._hand_off()
        if self._thread is not None:
            self._queue.join()
        if self._failure is not None:
            raise self._failure

    def close(self) -> None:
        """Stops the helper (on every path); unsettled chunks are dropped."""
        self._batch, self._batched = [], 0
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
