"""generator.unasync: the line rewrites, and whole-tree writing and checking."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.unasync.cli import main
from generator.unasync.rules import HEADER, RULES, unasync_line, unasync_text

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("async_line", "sync_line"),
    [
        ("    async def fetch(self) -> None:\n", "    def fetch(self) -> None:\n"),
        ("        async with self._lock:\n", "        with self._lock:\n"),
        ("        async for page in self.pages():\n", "        for page in self.pages():\n"),
        ("        page = await self._fetch(info)\n", "        page = self._fetch(info)\n"),
        ("    return (await f()) + 1\n", "    return (f()) + 1\n"),
        ("class AsyncPaginator(Generic[T]):\n", "class Paginator(Generic[T]):\n"),
        ("t: httpx.AsyncBaseTransport\n", "t: httpx.BaseTransport\n"),
        ("c = httpx.AsyncClient(timeout=t)\n", "c = httpx.Client(timeout=t)\n"),
        ("s: httpx.AsyncByteStream\n", "s: httpx.SyncByteStream\n"),
        ('__all__ = ["AsyncRetryTransport"]\n', '__all__ = ["RetryTransport"]\n'),
        ("    async def __aenter__(self) -> Self:\n", "    def __enter__(self) -> Self:\n"),
        (
            "    async def __aexit__(self, *a: object) -> None:\n",
            "    def __exit__(self, *a: object) -> None:\n",
        ),
        (
            "    def __aiter__(self) -> AsyncIterator[T]:\n",
            "    def __iter__(self) -> Iterator[T]:\n",
        ),
        ("    async def __anext__(self) -> T:\n", "    def __next__(self) -> T:\n"),
        ("        raise StopAsyncIteration\n", "        raise StopIteration\n"),
        ("x = await anext(it)\n", "x = next(it)\n"),
        ("await response.aclose()\n", "response.close()\n"),
        ("body = await response.aread()\n", "body = response.read()\n"),
        ("async for chunk in r.aiter_bytes():\n", "for chunk in r.iter_bytes():\n"),
        ("async for line in r.aiter_lines():\n", "for line in r.iter_lines():\n"),
        ("async for raw in r.aiter_raw(1024):\n", "for raw in r.iter_raw(1024):\n"),
        ("async for text in r.aiter_text():\n", "for text in r.iter_text():\n"),
        (
            "    async def handle_async_request(self, request: Request) -> Response:\n",
            "    def handle_request(self, request: Request) -> Response:\n",
        ),
        ("    async def async_auth_flow(self, r):\n", "    def sync_auth_flow(self, r):\n"),
        ("from contextlib import asynccontextmanager\n", "from contextlib import contextmanager\n"),
        ("@asynccontextmanager\n", "@contextmanager\n"),
        ("class X(AbstractAsyncContextManager[Y]):\n", "class X(AbstractContextManager[Y]):\n"),
        ("await asyncio.sleep(delay)\n", "time.sleep(delay)\n"),
        ("await anyio.sleep(delay)\n", "time.sleep(delay)\n"),
        ("self._lock = asyncio.Lock()\n", "self._lock = threading.Lock()\n"),
        ("self._lock = anyio.Lock()\n", "self._lock = threading.Lock()\n"),
        ("done = asyncio.Event()\n", "done = threading.Event()\n"),
        ("import asyncio\n", "import time\n"),
        (
            "r = await get_bucket.asyncio_detailed(b, client=c)\n",
            "r = get_bucket.sync_detailed(b, client=c)\n",
        ),
        ("r = await get_bucket.asyncio(b, client=c)\n", "r = get_bucket.sync(b, client=c)\n"),
        (
            "from cloudspec.core._async.pages import X\n",
            "from cloudspec.core._sync.pages import X\n",
        ),
        ("from ._async import factory\n", "from ._sync import factory\n"),
        (
            'patch("cloudspec.core._async.retry.sleep")\n',
            'patch("cloudspec.core._sync.retry.sleep")\n',
        ),
        (
            "from .._backends import AsyncSleep, async_sleep\n",
            "from .._backends import Sleep, sleep\n",
        ),
        ("def build_async_client() -> None:\n", "def build_client() -> None:\n"),
        ("c = client.get_async_httpx_client()\n", "c = client.get_httpx_client()\n"),
        ("def fetch_async() -> None:\n", "def fetch() -> None:\n"),
        # Typing: Awaitable[T] unwraps (nested generics too), AsyncGenerator gains its third arg.
        ("f: Callable[[int], Awaitable[Page[T]]]\n", "f: Callable[[int], Page[T]]\n"),
        (
            "f: Callable[[], typing.Awaitable[dict[str, list[int]]]]\n",
            "f: Callable[[], dict[str, list[int]]]\n",
        ),
        ("def g() -> AsyncGenerator[bytes, None]:\n", "def g() -> Generator[bytes, None, None]:\n"),
        ("def g() -> AsyncIterator[tuple[int, str]]:\n", "def g() -> Iterator[tuple[int, str]]:\n"),
        ("from collections.abc import AsyncIterable\n", "from collections.abc import Iterable\n"),
    ],
)
def test_rewrites(async_line: str, sync_line: str) -> None:
    assert unasync_line(async_line) == sync_line


@pytest.mark.parametrize(
    "line",
    [
        "x = foo_aclose() + myaread()\n",  # not whole identifiers
        "class MyAsyncThing:\n",  # Async not at the start of the name
        "if asyncio_mode == 'auto':\n",
        "import pytest_asyncio\n",
        '"""Async sources; the sync twin is generated."""\n',  # prose stays prose
        "awaited = awaitable\n",
        "unasync = 'python -m generator.unasync'\n",
    ],
)
def test_leaves_lookalikes_alone(line: str) -> None:
    assert unasync_line(line) == line


def test_pytest_marks_are_dropped_with_their_line() -> None:
    source = "@pytest.mark.asyncio\nasync def test_x() -> None:\n    @pytest.mark.anyio\n    pass\n"
    assert unasync_text(source) == HEADER + "def test_x() -> None:\n    pass\n"


def test_header_comes_first_and_future_import_survives() -> None:
    out = unasync_text("from __future__ import annotations\n")
    assert out == HEADER + "from __future__ import annotations\n"


def test_adds_imports_the_rewrite_needs_and_drops_duplicates() -> None:
    source = (
        "from __future__ import annotations\n"
        "import asyncio\n"
        "import time\n"
        "lock = asyncio.Lock()\n"
        "async def f() -> None:\n"
        "    await asyncio.sleep(time.monotonic())\n"
    )
    out = unasync_text(source)
    assert out.count("import time\n") == 1
    assert "import threading\n" in out
    assert out.index("from __future__") < out.index("import threading")
    assert "lock = threading.Lock()" in out and "    time.sleep(time.monotonic())" in out


def test_records_which_rules_matched() -> None:
    used: set[str] = set()
    unasync_text("async def f() -> None:\n    await g()\n", used)
    assert used == {"async def", "await"}
    assert {rule.name for rule in RULES} >= used


# --- whole trees -------------------------------------------------------------------------

ASYNC_MODULE = '''\
"""Async source."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable


class AsyncPager:
    def __init__(self, fetch: Callable[[int], Awaitable[list[int]]]) -> None:
        self._fetch = fetch
        self._lock = asyncio.Lock()

    async def __aiter__(self) -> AsyncIterator[int]:
        async with self._lock:
            for page in range(3):
                await asyncio.sleep(0)
                for item in await self._fetch(page):
                    yield item
'''


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    """A repository with one overlay _async dir, one test _async dir, and the real ruff config."""
    shutil.copyfile(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    core = tmp_path / "overlays" / "cloudspec" / "core" / "_async"
    core.mkdir(parents=True)
    (core / "__init__.py").write_text('"""Async twins."""\n')
    (core / "pager.py").write_text(ASYNC_MODULE)
    tests = tmp_path / "tests" / "unit" / "_async"
    tests.mkdir(parents=True)
    (tests / "test_pager.py").write_text(
        "import pytest\n\nfrom cloudspec.core._async.pager import AsyncPager\n\n\n"
        "@pytest.mark.asyncio\nasync def test_it() -> None:\n    assert AsyncPager\n"
    )
    return tmp_path


def test_writes_formatted_twins(scratch_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(scratch_repo)]) == 0
    sync = scratch_repo / "overlays" / "cloudspec" / "core" / "_sync"
    assert sorted(p.name for p in sync.iterdir()) == ["__init__.py", "pager.py"]
    pager = (sync / "pager.py").read_text()
    assert pager.startswith(HEADER)
    # ruff sorted the imports and dropped `Awaitable`, which the rewrite left unused.
    assert (
        "import threading\nimport time\nfrom collections.abc import Callable, Iterator\n" in pager
    )
    assert "class Pager:" in pager and "def __iter__(self) -> Iterator[int]:" in pager
    assert "time.sleep(0)" in pager and "for item in self._fetch(page):" in pager
    test_twin = (scratch_repo / "tests" / "unit" / "_sync" / "test_pager.py").read_text()
    assert "from cloudspec.core._sync.pager import Pager" in test_twin
    assert "pytest.mark" not in test_twin and "def test_it() -> None:" in test_twin
    capsys.readouterr()

    # Idempotent, and --check agrees with what was written.
    before = pager
    assert main(["--root", str(scratch_repo)]) == 0
    assert (sync / "pager.py").read_text() == before
    assert main(["--root", str(scratch_repo), "--check"]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_check_reports_edits_extra_and_missing_files(
    scratch_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--root", str(scratch_repo)])
    sync = scratch_repo / "overlays" / "cloudspec" / "core" / "_sync"
    with (sync / "pager.py").open("a") as handle:
        handle.write("# hand edit\n")
    (sync / "stray.py").write_text("x = 1\n")
    (sync / "__init__.py").unlink()
    capsys.readouterr()
    assert main(["--root", str(scratch_repo), "--check"]) == 1
    out = capsys.readouterr().out
    assert "overlays/cloudspec/core/_sync/pager.py: differs" in out
    assert "+# hand edit" in out
    assert "overlays/cloudspec/core/_sync/stray.py: extra file" in out
    assert "overlays/cloudspec/core/_sync/__init__.py: missing" in out
    # --check never writes.
    assert (sync / "stray.py").exists()


def test_stale_rules_warn_and_fail_only_when_strict(
    scratch_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(scratch_repo)]) == 0
    assert "rules matched nothing" in capsys.readouterr().err
    assert main(["--root", str(scratch_repo), "--strict"]) == 1


def test_no_async_dirs_is_a_quiet_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "--check"]) == 0
    assert capsys.readouterr().err == ""
