"""``metadisk://``: the 2016 Storj bridge (Metadisk) as an fsspec filesystem, on the sync
:class:`~cloudspec.metadisk.Buckets` and :class:`~cloudspec.metadisk.Bucket` clients.

**Layout.** Buckets are the top-level directories and files live in them by the file name the
bridge stores with each file: ``metadisk://<bucket>/<file name>``. ``<bucket>`` is the bucket's
id, or its name when exactly one bucket has that name; ``ls("/")`` shows each bucket by its name
when that name is unique (and is no other bucket's id, and has no ``/``), else by its id, and
the info of each has both (``id``, ``bucket_name``). A ``/`` in a file name makes
pseudo-directories, as on S3: ``metadisk://<bucket>/a/b.csv`` is the file named ``a/b.csv``, and
``a`` exists while some file name starts with ``a/`` (there are no empty directories).
``mkdir("/<name>")`` creates a bucket named so (``bucket_storage`` and ``bucket_transfer`` GB,
the bridge's defaults if not given); ``mkdir`` below a bucket only creates the bucket if needed.

**One file per content in a bucket.** The bridge keys a bucket's files by their content hash,
so it cannot hold the same bytes under two names in one bucket: storing them again under
another name would silently rename the first file. Writing content that a bucket already
holds under another name raises :class:`MetadiskDuplicateContent` (a ``FileExistsError``) and
changes nothing; writing it again under the same name is a no-op. Writing new content to an
existing name uploads it, then removes the old file (a failed upload leaves the old one).
**Duplicate names** (uploaded by other clients: the bridge lets two files share a name) are
one path: it names the last of them in the bridge's listing (on the bridge, the newest), its
info lists the others' hashes under ``duplicates``, and ``rm`` removes all of them.

**Transfers.** A write (``open(path, "wb")``, ``pipe``, ``put``) is staged in a local temporary
file and uploaded on close with a fresh PUSH token (a failed write uploads nothing). A read
(``open(path, "rb")``, ``cat``) downloads the whole file once, every shard and the whole file
hash-checked, to a local temporary file, then serves every range from it: the bridge gives a
file's shard pointers only with a single-use PULL token, and a shard's token is single use too,
so fetching ranges shard by shard would cost three requests per read where one download costs
as many as the file has shards. Downloads are kept per filesystem by content hash (content
cannot change under a hash) until :meth:`close`. ``get`` streams to the target and checks it.

**No copy, no rename.** The bridge has neither, and a copy inside a bucket could not exist (one
file per content), so ``cp``, ``copy`` and ``mv`` raise :class:`MetadiskUnsupportedOperation`
(a ``NotImplementedError``). ``rm`` removes files and pseudo-directories; a bucket only with
``recursive=True`` (or ``rmdir`` when it is empty).

Storage options: ``key_pair`` (an :class:`~cloudspec.metadisk.ECDSAKeyPair`) or
``private_key`` (its hex), ``url`` (the bridge; ``base_url`` too), ``bucket_storage``,
``bucket_transfer``, and the clients' ``timeout``, ``retry``, ``verify``, ``transport``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import IO, Any

from fsspec.spec import make_instance  # type: ignore[import-untyped,unused-ignore]

from cloudspec.metadisk import DEFAULT_BASE_URL, Bucket, Buckets, ECDSAKeyPair
from cloudspec.metadisk.hashing import file_bridge_hash
from cloudspec.metadisk_api.models import Bucket as BucketModel
from cloudspec.metadisk_api.models import BucketFile
from cloudspec.metadisk_api.types import Unset

from ._base import CloudspecFileSystem
from ._paths import dir_info, file_info

__all__ = ["MetadiskDuplicateContent", "MetadiskFileSystem", "MetadiskUnsupportedOperation"]

_FSSPEC_OPTIONS = frozenset(
    {"use_listings_cache", "listings_expiry_time", "max_paths", "skip_instance_cache"}
)
Info = dict[str, Any]


class MetadiskUnsupportedOperation(NotImplementedError):
    """The bridge has no such operation (copy, rename/move, append)."""


class MetadiskDuplicateContent(FileExistsError):
    """The bucket already holds these bytes under another name (``existing``): the bridge
    keeps one file per content in a bucket."""

    def __init__(self, path: str, existing: str) -> None:
        super().__init__(
            17,
            f"the bucket already stores this content as {existing!r}; the bridge keeps one "
            "file per content in a bucket",
            path,
        )
        self.existing = existing


def _text(value: object) -> str:
    return "" if isinstance(value, Unset) or value is None else str(value)


class MetadiskFileSystem(CloudspecFileSystem):
    """Metadisk buckets and files as an fsspec filesystem (``protocol = "metadisk"``)."""

    protocol = ("metadisk",)

    def __init__(
        self,
        *,
        key_pair: ECDSAKeyPair | None = None,
        private_key: str | None = None,
        url: str | None = None,
        base_url: str | None = None,
        bucket_storage: float | None = None,
        bucket_transfer: float | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**{k: options.pop(k) for k in list(options) if k in _FSSPEC_OPTIONS})
        if key_pair is None:
            if private_key is None:
                raise ValueError("give key_pair= or private_key= (the account's signing key)")
            key_pair = ECDSAKeyPair.from_private_hex(private_key)
        self.key_pair = key_pair
        self.url = url or base_url or DEFAULT_BASE_URL
        self.bucket_storage = bucket_storage
        self.bucket_transfer = bucket_transfer
        self._options = options
        self.buckets = Buckets(key_pair, base_url=self.url, **options)
        self._clients: dict[str, Bucket] = {}
        self._scratch = tempfile.mkdtemp(prefix="cloudspec-metadisk-")
        self._downloads: dict[str, str] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Dask ships filesystems to its workers pickled, and a key pair object does not
        # pickle: the workers get its private key's hex, as ``private_key=`` would give it.
        options = dict(self.storage_options)
        key_pair = options.pop("key_pair", None)
        if isinstance(key_pair, ECDSAKeyPair):
            options["private_key"] = key_pair.private_key_hex
        return make_instance, (type(self), self.storage_args, options)

    def close(self) -> None:
        """Close the HTTP clients and remove the downloads kept for reads."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()
        self.buckets.close()
        shutil.rmtree(self._scratch, ignore_errors=True)
        self._downloads.clear()

    # ---- buckets ----

    def _bucket(self, bucket_id: str) -> Bucket:
        client = self._clients.get(bucket_id)
        if client is None:
            client = Bucket(bucket_id, self.key_pair, base_url=self.url, **self._options)
            self._clients[bucket_id] = client
        return client

    def _named_buckets(self) -> list[tuple[str, BucketModel]]:
        """Every bucket with the name it is listed under (see the module's docstring)."""
        listed = self.buckets.list()
        ids = {b.id for b in listed}
        counts: dict[str, int] = {}
        for b in listed:
            counts[_text(b.name)] = counts.get(_text(b.name), 0) + 1
        named = []
        for b in listed:
            name = _text(b.name)
            usable = name and counts[name] == 1 and name not in ids and "/" not in name
            named.append((name if usable else b.id, b))
        return named

    def _find_bucket(self, top: str) -> BucketModel | None:
        named = self._named_buckets()
        for _, b in named:
            if b.id == top:
                return b
        matches = [b for _, b in named if _text(b.name) == top]
        return matches[0] if len(matches) == 1 else None

    def _bucket_of(self, path: str) -> tuple[BucketModel, str, str]:
        """``(bucket, top, name below the bucket)`` of ``path``."""
        top, _, below = path.lstrip("/").partition("/")
        found = self._find_bucket(top) if top else None
        if found is None:
            raise FileNotFoundError(2, "No such file or directory", path)
        return found, top, below

    @staticmethod
    def _bucket_info(path: str, bucket: BucketModel) -> Info:
        return dir_info(
            path,
            id=bucket.id,
            bucket_name=_text(bucket.name) or None,
            storage=None if isinstance(bucket.storage, Unset) else bucket.storage,
            transfer=None if isinstance(bucket.transfer, Unset) else bucket.transfer,
        )

    # ---- files by name ----

    def _files(self, bucket_id: str) -> dict[str, list[BucketFile]]:
        """The bucket's files by name (duplicates in the bridge's listing order)."""
        by_name: dict[str, list[BucketFile]] = {}
        for entry in self._bucket(bucket_id).files.list():
            by_name.setdefault(_text(entry.filename), []).append(entry)
        return by_name

    @staticmethod
    def _file_info(path: str, entries: list[BucketFile]) -> Info:
        chosen = entries[-1]
        size = 0 if isinstance(chosen.size, Unset) else chosen.size
        return file_info(
            path,
            size,
            hash=_text(chosen.hash_),
            mimetype=_text(chosen.mimetype) or None,
            duplicates=[_text(e.hash_) for e in entries[:-1]],
        )

    def _file(self, path: str) -> tuple[str, list[BucketFile]]:
        bucket, _, name = self._bucket_of(path)
        entries = self._files(bucket.id).get(name) if name else None
        if not entries:
            raise FileNotFoundError(2, "No such file or directory", path)
        return bucket.id, entries

    # ---- the primitives of CloudspecFileSystem ----

    def _list(self, path: str) -> list[Info] | Info:
        if path == "/":
            return [self._bucket_info(f"/{name}", b) for name, b in self._named_buckets()]
        bucket, _, below = self._bucket_of(path)
        files = self._files(bucket.id)
        if below in files:
            return self._file_info(path, files[below])
        prefix = f"{below}/" if below else ""
        entries: dict[str, Info] = {}
        for name, found in files.items():
            if not name.startswith(prefix) or name == prefix:
                continue
            child, slash, _ = name[len(prefix) :].partition("/")
            child_path = f"{path}/{child}"
            if slash:
                entries.setdefault(child_path, dir_info(child_path))
            else:
                entries[child_path] = self._file_info(child_path, found)
        if below and not entries:
            raise FileNotFoundError(2, "No such file or directory", path)
        return sorted(entries.values(), key=lambda info: str(info["name"]))

    def _stat(self, path: str) -> Info:
        if path == "/":
            return dir_info("/")
        bucket, _, below = self._bucket_of(path)
        if not below:
            return self._bucket_info(path, bucket)
        files = self._files(bucket.id)
        if below in files:
            return self._file_info(path, files[below])
        if any(name.startswith(f"{below}/") for name in files):
            return dir_info(path)
        raise FileNotFoundError(2, "No such file or directory", path)

    def _make_dir(self, path: str) -> None:
        top = path.lstrip("/").partition("/")[0]
        if not top or self._find_bucket(top) is not None:
            return  # inside a bucket, a directory exists once a file name puts it there
        self.buckets.create(top, storage=self.bucket_storage, transfer=self.bucket_transfer)

    def rm(self, path: Any, recursive: bool = False, maxdepth: int | None = None) -> None:
        if not recursive:
            for target in self.expand_path(path, recursive=False):
                top, _, below = target.lstrip("/").partition("/")
                if top and not below and self.isdir(target):
                    raise IsADirectoryError(21, "removing a bucket needs recursive=True", target)
        super().rm(path, recursive=recursive, maxdepth=maxdepth)

    def _remove(self, paths: list[str]) -> None:
        for path in paths:
            bucket, _, below = self._bucket_of(path)
            if not below:
                self._bucket(bucket.id).delete()
                self._clients.pop(bucket.id).close()
                continue
            files = self._files(bucket.id)
            doomed = files.get(below) or [
                entry
                for name, found in files.items()
                if name.startswith(f"{below}/")
                for entry in found
            ]
            if not doomed:
                raise FileNotFoundError(2, "No such file or directory", path)
            for entry in doomed:
                self._bucket(bucket.id).files.delete(_text(entry.hash_))

    def _copy(self, src: str, dst: str) -> None:
        raise MetadiskUnsupportedOperation(
            f"Metadisk cannot copy {src}: the bridge has no copy, and a bucket holds one file "
            "per content"
        )

    def _rename(self, src: str, dst: str) -> None:
        raise MetadiskUnsupportedOperation(f"Metadisk cannot move {src}: the bridge has no rename")

    def cp_file(self, path1: str, path2: str, **kwargs: Any) -> None:
        # Raised before fsspec's copy of a tree could make a bucket for the target.
        raise MetadiskUnsupportedOperation(
            f"Metadisk cannot copy {path1}: the bridge has no copy, and a bucket holds one file "
            "per content"
        )

    def mv(self, path1: Any, path2: Any, *args: Any, **kwargs: Any) -> None:
        # Raised before fsspec's copy-then-remove fallback could copy part of a tree.
        raise MetadiskUnsupportedOperation(
            f"Metadisk cannot move {path1}: the bridge has no rename"
        )

    def _read_range(self, path: str, start: int, end: int | None) -> bytes:
        local = self._local_copy(path)
        with open(local, "rb") as stream:
            stream.seek(start)
            return stream.read(-1 if end is None else max(0, end - start))

    def _local_copy(self, path: str) -> str:
        bucket_id, entries = self._file(path)
        file_hash = _text(entries[-1].hash_)
        local = self._downloads.get(file_hash)
        if local is None or not os.path.exists(local):
            local = os.path.join(self._scratch, file_hash)
            self._bucket(bucket_id).files.download(file_hash, local)
            self._downloads[file_hash] = local
        return local

    def _store(self, path: str, staged: IO[bytes]) -> None:
        bucket, _, name = self._bucket_of(path)
        if not name:
            raise IsADirectoryError(21, "Is a directory", path)
        with tempfile.TemporaryDirectory(dir=self._scratch) as workdir:
            local = os.path.join(workdir, "upload")
            with open(local, "wb") as out:
                shutil.copyfileobj(staged, out)
            file_hash, _ = file_bridge_hash(local)
            files = self._files(bucket.id)
            holder = next(
                (n for n, found in files.items() for e in found if e.hash_ == file_hash), None
            )
            if holder is not None and holder != name:
                raise MetadiskDuplicateContent(path, holder)
            if holder is None:
                self._bucket(bucket.id).files.upload(local, name=name)
        # Only now, with the new content stored, does the old content under this name go.
        for entry in files.get(name, []):
            if entry.hash_ != file_hash:
                self._bucket(bucket.id).files.delete(_text(entry.hash_))

    def _download(self, rpath: str, lpath: str) -> None:
        bucket_id, entries = self._file(rpath)
        self._bucket(bucket_id).files.download(_text(entries[-1].hash_), lpath)
