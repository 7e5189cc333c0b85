"""``cloudspec``: the command line (``cloudspec = "cloudspec.cli.main:app"``).

Commands::

    cloudspec emulate <svc> [--host H] [--port N] [--seed FILE] [--set KEY=VALUE ...]
    cloudspec <svc> ls [PATH] [--json]          # svc: smartfile, buttfs, box, metadisk
    cloudspec <svc> info PATH [--json]
    cloudspec <svc> upload LOCAL REMOTE [--json]
    cloudspec <svc> download REMOTE LOCAL [--json]
    cloudspec <svc> rm PATH [-r] [--json]
    cloudspec <svc> mkdir PATH [--json]
    cloudspec <svc> mv SRC DST [--json]

The service commands are written once, on the fsspec filesystems
(``fsspec.filesystem(proto, **options)``); credentials come from :mod:`.config`
(``CLOUDSPEC_<SVC>_<OPTION>`` variables or the config file, ``--config`` to choose it) and are
never printed. Transfers show a progress bar on stderr; ``--json`` prints one JSON document on
stdout (on failure too: ``{"ok": false, "error": ..., "exit_code": ...}``).

Exit codes (stable, for scripts):

* 0: success
* 1: an unexpected internal error (a bug: please report it)
* 2: usage error: bad arguments or options (click's own code), an unreadable config file
* 3: not found (``FileNotFoundError``, ``NotFoundError``)
* 4: already exists (``FileExistsError``, ``ConflictError``)
* 5: permission or authentication refused (``PermissionError``, ``AuthenticationError``,
  ``PermissionDeniedError``)
* 6: any other error from the service (other ``APIError``, an operation it cannot do)
* 7: transport error: the service could not be reached, or timed out (``TransportError``)

Errors are mapped from the typed cloudspec error first (the fs errors'  ``__cause__`` chain),
then from the built-in ``OSError`` the filesystem raised.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from cloudspec.core import errors as core

from . import transfer
from .config import SERVICES, ConfigError, is_secret, load_options, mask
from .output import Printer

__all__ = [
    "EXIT_AUTH",
    "EXIT_EXISTS",
    "EXIT_INTERNAL",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_SERVICE",
    "EXIT_TRANSPORT",
    "EXIT_USAGE",
    "app",
    "exit_code_for",
]

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_EXISTS = 4
EXIT_AUTH = 5
EXIT_SERVICE = 6
EXIT_TRANSPORT = 7

app = typer.Typer(
    name="cloudspec",
    help="Typed clients for storage services, on the command line.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


@app.callback()
def _root(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Config file (TOML or JSON); default: config.toml in the platform's "
            "config directory for cloudspec, or $CLOUDSPEC_CONFIG.",
        ),
    ] = None,
) -> None:
    """cloudspec: ls, info, upload, download, rm, mkdir, mv on SmartFile, ButtFS, Box and
    Metadisk, and local emulators of them."""
    ctx.obj = {"config": config}


# ---- errors and exit codes ----

_TYPED: tuple[tuple[type[BaseException], int, str], ...] = (
    (core.NotFoundError, EXIT_NOT_FOUND, "not_found"),
    (core.ConflictError, EXIT_EXISTS, "exists"),
    (core.AuthenticationError, EXIT_AUTH, "permission"),
    (core.PermissionDeniedError, EXIT_AUTH, "permission"),
    (core.TransportError, EXIT_TRANSPORT, "transport"),
    (core.CloudspecError, EXIT_SERVICE, "service"),
)
_BUILTIN: tuple[tuple[type[BaseException], int, str], ...] = (
    (FileNotFoundError, EXIT_NOT_FOUND, "not_found"),
    (FileExistsError, EXIT_EXISTS, "exists"),
    (PermissionError, EXIT_AUTH, "permission"),
    (ConfigError, EXIT_USAGE, "usage"),
    (NotImplementedError, EXIT_SERVICE, "unsupported"),
    (OSError, EXIT_SERVICE, "service"),
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__


def exit_code_for(exc: BaseException) -> tuple[int, str]:
    """The exit code (and a short kind) for ``exc``: its typed cloudspec error (itself or in
    its ``__cause__`` chain) decides, else the built-in error."""
    chain = list(_chain(exc))
    for table in (_TYPED, _BUILTIN):
        for error in chain:
            for kind, code, name in table:
                if isinstance(error, kind):
                    return code, name
    return EXIT_INTERNAL, "internal"


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    cause = exc.__cause__
    if cause is not None and str(cause):
        text = f"{text} ({type(cause).__name__}: {cause})"
    return text


# ---- the service commands, written once ----


class _Run:
    """One command's filesystem, printer and error handling."""

    def __init__(self, ctx: typer.Context, service: str, as_json: bool) -> None:
        self.service = service
        self.config: Path | None = (ctx.obj or {}).get("config")
        # Secrets from the environment are masked even before (or if) the options load.
        self.options: dict[str, Any] = {
            name: value
            for name, value in os.environ.items()
            if name.startswith(("CLOUDSPEC_", "SMARTFILE_")) and is_secret(name)
        }
        self.printer = Printer(as_json, lambda text: mask(text, self.options))

    def filesystem(self) -> Any:
        import fsspec

        options = load_options(self.service, self.config)
        self.options.update(options)
        return fsspec.filesystem(self.service, skip_instance_cache=True, **options)

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        code = EXIT_OK
        try:
            yield
        except Exception as exc:
            code, kind = exit_code_for(exc)
            message = _describe(exc) if code != EXIT_INTERNAL else f"internal error: {exc!r}"
            self.printer.error(message, code, kind)
        if code != EXIT_OK:
            raise typer.Exit(code)


def _close(fs: Any) -> None:
    for owner in (fs, getattr(fs, "client", None), getattr(fs, "session", None)):
        close = getattr(owner, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()
            return


@contextlib.contextmanager
def _opened(run: _Run) -> Iterator[Any]:
    fs = run.filesystem()
    try:
        yield fs
    finally:
        _close(fs)


def _service_app(service: str) -> typer.Typer:
    sub = typer.Typer(
        name=service,
        help=f"{service}:// files: credentials from CLOUDSPEC_{service.upper()}_* or the "
        f"config file's {service} table.",
        no_args_is_help=True,
    )

    def command(func: Callable[..., None]) -> Callable[..., None]:
        return sub.command(func.__name__)(func)

    @command
    def ls(
        ctx: typer.Context,
        path: Annotated[str, typer.Argument(help="Directory or file.")] = "/",
        as_json: JsonOption = False,
    ) -> None:
        """List a directory (or show a file's entry)."""
        run = _Run(ctx, service, as_json)
        with run.guard(), _opened(run) as fs:
            run.printer.entries(fs.ls(path, detail=True, refresh=True))

    @command
    def info(ctx: typer.Context, path: str, as_json: JsonOption = False) -> None:
        """Show a file's or directory's details."""
        run = _Run(ctx, service, as_json)
        with run.guard(), _opened(run) as fs:
            run.printer.info(fs.info(path, refresh=True))

    @command
    def upload(ctx: typer.Context, local: Path, remote: str, as_json: JsonOption = False) -> None:
        """Upload the local file LOCAL as REMOTE (a trailing / puts it in that directory)."""
        run = _Run(ctx, service, as_json)
        with run.guard():
            if not local.is_file():
                raise FileNotFoundError(2, "No such local file", str(local))
            target = remote + local.name if remote.endswith("/") else remote
            with _opened(run) as fs:
                sent = transfer.upload(fs, local, target, run.printer.err)
            run.printer.done("uploaded", path=target, bytes=sent)

    @command
    def download(ctx: typer.Context, remote: str, local: Path, as_json: JsonOption = False) -> None:
        """Download REMOTE to the local path LOCAL (into it, if it is a directory)."""
        run = _Run(ctx, service, as_json)
        with run.guard():
            target = local / remote.rstrip("/").rsplit("/", 1)[-1] if local.is_dir() else local
            with _opened(run) as fs:
                got = transfer.download(fs, remote, target, run.printer.err)
            run.printer.done("downloaded", path=str(target), bytes=got)

    @command
    def rm(
        ctx: typer.Context,
        path: str,
        recursive: Annotated[
            bool, typer.Option("--recursive", "-r", help="Remove a directory and its contents.")
        ] = False,
        as_json: JsonOption = False,
    ) -> None:
        """Remove a file (a directory with -r), for good."""
        run = _Run(ctx, service, as_json)
        with run.guard(), _opened(run) as fs:
            fs.info(path)  # a missing path is "not found" (exit 3), whatever rm would say
            fs.rm(path, recursive=recursive)
            run.printer.done("removed", path=path)

    @command
    def mkdir(ctx: typer.Context, path: str, as_json: JsonOption = False) -> None:
        """Create a directory and any missing parents (exit 4 if it exists)."""
        run = _Run(ctx, service, as_json)
        with run.guard(), _opened(run) as fs:
            fs.mkdir(path, create_parents=True)
            run.printer.done("created", path=path)

    @command
    def mv(ctx: typer.Context, src: str, dst: str, as_json: JsonOption = False) -> None:
        """Move or rename SRC to DST, on the server where the service can."""
        run = _Run(ctx, service, as_json)
        with run.guard(), _opened(run) as fs:
            fs.mv(src, dst, recursive=fs.isdir(src))
            run.printer.done("moved", src=src, dst=dst)

    return sub


for _service in SERVICES:
    app.add_typer(_service_app(_service))


# ---- emulators ----


@app.command()
def emulate(
    service: Annotated[str, typer.Argument(help="box, buttfs, kinto, metadisk or smartfile")],
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="0 picks a free port.")] = 0,
    seed: Annotated[
        Path | None, typer.Option(help="JSON file of apps and users to create at start.")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="KEY=VALUE", help="Server setting (repeatable)."),
    ] = None,
) -> None:
    """Run a service's local emulator in the foreground, printing its URLs (`ready <url>`
    lines) until Ctrl-C. Needs the `emulators` extra."""
    try:
        from cloudspec.emulators.cli import main as emulators_main
    except ImportError as exc:
        typer.echo(f"error: the emulators need cloudspec[emulators] ({exc})", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    argv = [service, "--host", host, "--port", str(port)]
    if seed is not None:
        argv += ["--seed", str(seed)]
    for item in set_ or []:
        argv += ["--set", item]
    try:
        code = emulators_main(argv)
    except SystemExit as exc:  # argparse: an unknown service or a bad option
        code = exc.code if isinstance(exc.code, int) else EXIT_USAGE
    raise typer.Exit(code)


if __name__ == "__main__":  # pragma: no cover
    app()
