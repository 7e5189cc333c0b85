"""``python -m cloudspec.emulators <svc> [--host H] [--port N] [--seed FILE] [--set k=v ...]``.

Once the server accepts connections, prints its ``ready`` lines, then runs until SIGTERM or
SIGINT (exit 0) or until the server dies on its own (exit 1).

- Kinto: exactly one line, ``ready <base_url>``. Secondary hosts are not printed: the
  attachments file server (kinto-attachment) is announced by the server itself, as
  ``capabilities.attachments.base_url`` in ``GET <base_url>/``.
- ButtFS: exactly one line, ``ready <base_url>`` (one host serves ``/v2/...`` and
  ``/_emulator/...``).
- Box: one line per host, ``ready <url> <name>``, in this order: ``api``, ``upload``,
  ``download``, ``account`` (four lines). ``--port`` sets the api port; the other hosts take
  free ports.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Mapping
from types import FrameType

from .errors import EmulatorError
from .launcher import SERVICES, serve

# Services with several hosts announce each, in this order, as `ready <url> <name>`.
ANNOUNCED_HOSTS: Mapping[str, tuple[str, ...]] = {"box": ("api", "upload", "download", "account")}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = dict(_parse_setting(item) for item in args.set)
    except ValueError as exc:
        print(f"cloudspec.emulators: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Installed before starting, so a signal during start-up still stops the server cleanly.
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        with serve(
            args.service, host=args.host, port=args.port, seed=args.seed, settings=settings
        ) as (urls, server):
            hosts = ANNOUNCED_HOSTS.get(args.service)
            if hosts is None:
                print(f"ready {urls.base_url}", flush=True)
            else:
                for name in hosts:
                    print(f"ready {urls.urls[name]} {name}", flush=True)
            while not stop.wait(0.2):
                code = server.exit_code()
                if code is not None:
                    print(
                        f"cloudspec.emulators: {args.service} exited with status {code}; "
                        f"last output:\n{server.output_tail()}",
                        file=sys.stderr,
                    )
                    return 1
    except EmulatorError as exc:
        print(f"cloudspec.emulators: {exc}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cloudspec.emulators", description="Run a local server for a service."
    )
    parser.add_argument("service", choices=sorted(SERVICES))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--seed", help="JSON file of apps and users to create at start")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="server setting, e.g. --set kinto.paginate_by=5 (repeatable)",
    )
    return parser


def _parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--set wants KEY=VALUE, got {item!r}")
    return key.strip(), value.strip()
