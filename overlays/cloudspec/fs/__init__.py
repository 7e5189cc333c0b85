"""fsspec filesystems for the cloudspec services: ``buttfs://``, ``box://``, ``metadisk://``
and ``smartfile://``.

They are registered with fsspec through entry points (``fsspec.specs`` in cloudspec's
metadata), so once cloudspec is installed ``fsspec.open("smartfile://reports/q4.csv",
key=..., password=..., url=...)``, ``pandas.read_csv("buttfs://...", storage_options=...)``
and Dask's readers work without importing this package. Each filesystem is built on its
service's overlay client; paths are absolute POSIX paths whatever the service uses
underneath, reads are Range requests, and writes are staged locally and uploaded on close,
so a failed write never leaves a half-written file behind.

Import a filesystem from its own module (``cloudspec.fs.smartfile``,
``cloudspec.fs.buttfs``, ...): importing this package does not import every service.
"""

from ._base import CloudspecFileSystem
from ._files import StagedFile, translate_errors

__all__ = ["CloudspecFileSystem", "StagedFile", "translate_errors"]
