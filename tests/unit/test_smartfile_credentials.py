"""Where the SmartFile clients find their URL and credentials, side by side with the original.

The original ``smartfile`` 2.19 package is installed in the dev venv; where both clients are
meant to agree, each case builds both and compares the key and password each ends up with
(the original keeps them as ``key``/``password``; ours keeps ``key`` and the password only in
its ``httpx.BasicAuth``, so the header a request carries is compared instead). No server is
involved: requests go to an ``httpx.MockTransport``.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import smartfile  # type: ignore[import-untyped]

from cloudspec.smartfile import APIError, BasicClient, OAuthClient, OAuthToken
from cloudspec.smartfile.credentials import MISSING_CREDENTIALS

KEY = "k" * 30
PASSWORD = "p" * 30
ENV_KEY = "e" * 30
ENV_PASSWORD = "f" * 30
RC_KEY = "n" * 30
RC_PASSWORD = "m" * 30
CLIENT_TOKEN = "ct" * 15
CLIENT_SECRET = "cs" * 15
ACCESS_TOKEN = "at" * 15
ACCESS_SECRET = "as" * 15

SMARTFILE_ENV = (
    "SMARTFILE_API_URL",
    "SMARTFILE_API_KEY",
    "SMARTFILE_API_PASSWORD",
    "SMARTFILE_CLIENT_TOKEN",
    "SMARTFILE_CLIENT_SECRET",
    "SMARTFILE_ACCESS_TOKEN",
    "SMARTFILE_ACCESS_SECRET",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No SmartFile variable from the developer's shell, and a HOME without a ``.netrc``, so
    that only what a test sets is a source."""
    for name in SMARTFILE_ENV:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    yield


class Wire:
    """An ``httpx.MockTransport`` that records each request and answers ``{}`` as JSON."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={})


def write_netrc(path: Path, text: str) -> Path:
    path.write_text(text)
    # Python's netrc refuses a ~/.netrc that others can read; the same rule, everywhere.
    path.chmod(0o600)
    return path


def sent_basic(client: BasicClient, wire: Wire) -> tuple[str, str]:
    """The key and password the client's next request carries in its Basic header."""
    client.get("/ping")
    header = wire.requests[-1].headers["authorization"]
    scheme, _, encoded = header.partition(" ")
    assert scheme == "Basic"
    key, _, password = base64.b64decode(encoded).decode().partition(":")
    return key, password


def both(**kwargs: Any) -> tuple[tuple[str, str], tuple[str, str]]:
    """(original's key and password, ours) for the same constructor arguments."""
    original = smartfile.BasicClient(**kwargs)
    wire = Wire()
    ours = BasicClient(**kwargs, transport=wire.transport)
    return (original.key, original.password), sent_basic(ours, wire)


def both_fail(**kwargs: Any) -> tuple[str, str]:
    """The APIError message each client raises for these arguments."""
    with pytest.raises(smartfile.errors.APIError) as original:
        smartfile.BasicClient(**kwargs)
    with pytest.raises(APIError) as ours:
        BasicClient(**kwargs)
    return str(original.value), str(ours.value)


# ---- Basic: arguments, environment, netrc -------------------------------------------------------


def test_arguments_win_over_environment_and_netrc(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SMARTFILE_API_KEY", ENV_KEY)
    monkeypatch.setenv("SMARTFILE_API_PASSWORD", ENV_PASSWORD)
    rc = write_netrc(tmp_path / "rc", f"default login {RC_KEY} password {RC_PASSWORD}\n")
    original, ours = both(key=KEY, password=PASSWORD, netrcfile=str(rc))
    assert original == ours == (KEY, PASSWORD)


def test_environment_fills_what_the_arguments_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTFILE_API_KEY", ENV_KEY)
    monkeypatch.setenv("SMARTFILE_API_PASSWORD", ENV_PASSWORD)
    assert both() == ((ENV_KEY, ENV_PASSWORD), (ENV_KEY, ENV_PASSWORD))
    # Each variable fills only its own missing value.
    assert both(key=KEY) == ((KEY, ENV_PASSWORD), (KEY, ENV_PASSWORD))
    assert both(password=PASSWORD) == ((ENV_KEY, PASSWORD), (ENV_KEY, PASSWORD))


@pytest.mark.parametrize(
    ("env", "kwargs", "expected"),
    [
        # The password from the environment, the key from netrc.
        ({"SMARTFILE_API_PASSWORD": ENV_PASSWORD}, {}, (RC_KEY, ENV_PASSWORD)),
        # The key from the environment, the password from netrc.
        ({"SMARTFILE_API_KEY": ENV_KEY}, {}, (ENV_KEY, RC_PASSWORD)),
        # The key as an argument, the password from netrc.
        ({}, {"key": KEY}, (KEY, RC_PASSWORD)),
        # Nothing else: both from netrc.
        ({}, {}, (RC_KEY, RC_PASSWORD)),
    ],
)
def test_netrc_fills_each_missing_value(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    env: dict[str, str],
    kwargs: dict[str, str],
    expected: tuple[str, str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    rc = write_netrc(
        tmp_path / "rc", f"machine app.smartfile.com login {RC_KEY} password {RC_PASSWORD}\n"
    )
    original, ours = both(netrcfile=str(rc), **kwargs)
    assert original == ours == expected


def test_netrc_machine_is_the_host_with_its_port(tmp_path: Path) -> None:
    """As the original's ``tests.py::test_netrc``: ``machine 127.0.0.1:8000`` for a URL with a
    port; the bare host does not match such a URL."""
    rc = write_netrc(
        tmp_path / "rc",
        f"machine 127.0.0.1 login {'x' * 30} password {'y' * 30}\n"
        f"machine 127.0.0.1:8000 login {RC_KEY} password {RC_PASSWORD}\n",
    )
    original, ours = both(netrcfile=str(rc), url="http://127.0.0.1:8000/")
    assert original == ours == (RC_KEY, RC_PASSWORD)
    # The port-less URL finds the port-less entry.
    original, ours = both(netrcfile=str(rc), url="http://127.0.0.1/")
    assert original == ours == ("x" * 30, "y" * 30)


def test_netrc_without_the_port_does_not_match_a_url_with_one(tmp_path: Path) -> None:
    rc = write_netrc(tmp_path / "rc", f"machine 127.0.0.1 login {RC_KEY} password {RC_PASSWORD}\n")
    original, ours = both_fail(netrcfile=str(rc), url="http://127.0.0.1:8000/")
    assert original == ours == MISSING_CREDENTIALS


def test_netrc_default_entry_is_the_fallback(tmp_path: Path) -> None:
    rc = write_netrc(
        tmp_path / "rc",
        f"machine elsewhere.test login {'x' * 30} password {'y' * 30}\n"
        f"default login {RC_KEY} password {RC_PASSWORD}\n",
    )
    original, ours = both(netrcfile=str(rc), url="https://files.example.test/")
    assert original == ours == (RC_KEY, RC_PASSWORD)


def test_home_netrc_is_read_without_netrcfile(tmp_path: Path) -> None:
    # HOME is tmp_path/home (the autouse fixture): ~/.netrc resolves there.
    write_netrc(tmp_path / "home" / ".netrc", f"default login {RC_KEY} password {RC_PASSWORD}\n")
    original, ours = both()
    assert original == ours == (RC_KEY, RC_PASSWORD)


@pytest.mark.parametrize(
    "text",
    [
        "machine app.smartfile.com login",  # broken: a token without its value
        "",  # empty: no entry at all
    ],
)
def test_broken_or_empty_netrc_is_no_source(tmp_path: Path, text: str) -> None:
    rc = write_netrc(tmp_path / "rc", text)
    original, ours = both_fail(netrcfile=str(rc))
    assert original == ours == MISSING_CREDENTIALS


def test_missing_netrc_file_is_no_source(tmp_path: Path) -> None:
    original, ours = both_fail(netrcfile=str(tmp_path / "absent"))
    assert original == ours == MISSING_CREDENTIALS


def test_netrc_is_not_read_when_arguments_and_environment_suffice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A netrc that would fail to parse must not matter: it is never opened.
    opened: list[object] = []
    import netrc as netrc_module

    real = netrc_module.netrc

    def spy(file: str | None = None) -> netrc_module.netrc:
        opened.append(file)
        return real(file)

    monkeypatch.setattr(netrc_module, "netrc", spy)
    monkeypatch.setenv("SMARTFILE_API_PASSWORD", ENV_PASSWORD)
    wire = Wire()
    BasicClient(key=KEY, netrcfile=str(tmp_path / "rc"), transport=wire.transport)
    assert opened == []


# ---- Basic: validation --------------------------------------------------------------------------


def test_values_are_stripped_and_must_be_30_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    padded = f"  {KEY}\n", f"\t{PASSWORD} "
    assert both(key=padded[0], password=padded[1]) == ((KEY, PASSWORD), (KEY, PASSWORD))
    for short in ("x" * 29, f"  {'x' * 29}  ", "", "   "):
        original, ours = both_fail(key=short, password=PASSWORD)
        assert original == ours == MISSING_CREDENTIALS
        original, ours = both_fail(key=KEY, password=short)
        assert original == ours == MISSING_CREDENTIALS


def test_nothing_anywhere_raises_the_original_message() -> None:
    original, ours = both_fail()
    assert original == ours == MISSING_CREDENTIALS
    assert ours == (
        "Please provide an API key and password. Use arguments or environment variables."
    )


def test_empty_environment_value_stops_the_search(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A variable set to ``""`` counts as given (not None), so netrc is not consulted for it;
    the original behaves the same way."""
    monkeypatch.setenv("SMARTFILE_API_KEY", "")
    rc = write_netrc(tmp_path / "rc", f"default login {RC_KEY} password {RC_PASSWORD}\n")
    original, ours = both_fail(netrcfile=str(rc))
    assert original == ours == MISSING_CREDENTIALS


# ---- the URL ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env_url", "arg_url", "expected"),
    [
        (None, None, "https://app.smartfile.com/"),
        ("https://env.example.test/", None, "https://env.example.test/"),
        ("https://env.example.test/", "https://arg.example.test/", "https://arg.example.test/"),
    ],
)
def test_url_from_argument_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch, env_url: str | None, arg_url: str | None, expected: str
) -> None:
    if env_url is not None:
        monkeypatch.setenv("SMARTFILE_API_URL", env_url)
    original = smartfile.BasicClient(KEY, PASSWORD, url=arg_url)
    wire = Wire()
    ours = BasicClient(KEY, PASSWORD, url=arg_url, transport=wire.transport)
    assert original.url == ours.url == expected
    ours.get("/ping")
    assert str(wire.requests[-1].url) == expected + "api/2/ping/"


def test_base_url_without_trailing_slash_works() -> None:
    """The original concatenated ``url + 'api/2/...'``, so ``https://h.test`` became
    ``https://h.testapi/2/ping/``; ours adds the slash."""
    wire = Wire()
    ours = BasicClient(KEY, PASSWORD, url="https://h.example.test", transport=wire.transport)
    ours.get("/ping")
    assert str(wire.requests[-1].url) == "https://h.example.test/api/2/ping/"
    # With a path prefix (a reverse proxy), with or without the slash.
    for base in ("https://h.example.test/sf", "https://h.example.test/sf/"):
        BasicClient(KEY, PASSWORD, url=base, transport=wire.transport).get("/ping")
        assert str(wire.requests[-1].url) == "https://h.example.test/sf/api/2/ping/"


def test_netrc_lookup_uses_the_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SMARTFILE_API_URL", "http://localhost:5000/")
    rc = write_netrc(
        tmp_path / "rc", f"machine localhost:5000 login {RC_KEY} password {RC_PASSWORD}\n"
    )
    original, ours = both(netrcfile=str(rc))
    assert original == ours == (RC_KEY, RC_PASSWORD)


def test_basic_repr_hides_the_password() -> None:
    client = BasicClient(KEY, PASSWORD, transport=Wire().transport)
    for text in (repr(client), str(client)):
        assert PASSWORD not in text
        assert KEY not in text  # only a prefix of the key is shown


# ---- OAuth --------------------------------------------------------------------------------------


def oauth_client(**kwargs: Any) -> tuple[OAuthClient, Wire]:
    wire = Wire()
    return OAuthClient(**kwargs, transport=wire.transport), wire


def test_oauth_client_pair_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTFILE_CLIENT_TOKEN", CLIENT_TOKEN)
    monkeypatch.setenv("SMARTFILE_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("SMARTFILE_ACCESS_TOKEN", ACCESS_TOKEN)
    monkeypatch.setenv("SMARTFILE_ACCESS_SECRET", ACCESS_SECRET)
    client, _ = oauth_client()
    assert tuple(client.client) == (CLIENT_TOKEN, CLIENT_SECRET)
    assert client.access is not None
    assert tuple(client.access) == (ACCESS_TOKEN, ACCESS_SECRET)
    # Arguments win, each on its own.
    other = "z" * 30
    client, _ = oauth_client(client_secret=other, access_token=other)
    assert tuple(client.client) == (CLIENT_TOKEN, other)
    assert client.access is not None
    assert tuple(client.access) == (other, ACCESS_SECRET)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"client_token": CLIENT_TOKEN}, {"client_token": CLIENT_TOKEN, "client_secret": "short"}],
)
def test_oauth_without_a_client_pair_raises(kwargs: dict[str, Any]) -> None:
    with pytest.raises(smartfile.errors.APIError):
        smartfile.OAuthClient(**kwargs)
    with pytest.raises(APIError, match="OAuth client token and secret"):
        OAuthClient(**kwargs)


@pytest.mark.parametrize(
    "access",
    [{}, {"access_token": ACCESS_TOKEN}, {"access_secret": ACCESS_SECRET}],
)
def test_api_call_without_an_access_pair_raises_before_sending(access: dict[str, str]) -> None:
    client, wire = oauth_client(client_token=CLIENT_TOKEN, client_secret=CLIENT_SECRET, **access)
    with pytest.raises(APIError, match="You must obtain an access token"):
        client.get("/ping")
    with pytest.raises(APIError, match="You must obtain an access token"):
        client.ping()
    assert wire.requests == []  # refused before anything went out


def test_invalid_access_pair_is_only_refused_at_request_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The original: an invalid access pair is kept, refused when a call is made, and replaced
    # by get_access_token(); it never stops the constructor.
    monkeypatch.setenv("SMARTFILE_ACCESS_TOKEN", "")
    monkeypatch.setenv("SMARTFILE_ACCESS_SECRET", "")
    smartfile.OAuthClient(CLIENT_TOKEN, CLIENT_SECRET)
    client, wire = oauth_client(client_token=CLIENT_TOKEN, client_secret=CLIENT_SECRET)
    with pytest.raises(APIError, match="You must obtain an access token"):
        client.get("/ping")
    assert wire.requests == []


def test_authorization_url_before_request_token_raises_api_error() -> None:
    """The original raised ``AttributeError: ... _OAuthClient__request`` here."""
    original = smartfile.OAuthClient(CLIENT_TOKEN, CLIENT_SECRET)
    with pytest.raises(AttributeError):
        original.get_authorization_url()
    client, wire = oauth_client(client_token=CLIENT_TOKEN, client_secret=CLIENT_SECRET)
    with pytest.raises(APIError, match="get_request_token"):
        client.get_authorization_url()
    with pytest.raises(APIError, match="get_request_token"):
        client.get_access_token(verifier="123")
    assert wire.requests == []
    # With an explicit request token it needs no earlier step.
    url = client.get_authorization_url(OAuthToken("rt" * 15, "rs" * 15))
    assert url == f"https://app.smartfile.com/oauth/authorize/?oauth_token={'rt' * 15}"


def test_oauth_token_unpacks_indexes_and_hides_its_secret() -> None:
    """The original's ``OAuthToken.__iter__`` ends in ``raise StopIteration()``, a
    RuntimeError on Python 3.7+ (PEP 479) as soon as it is unpacked."""
    with pytest.raises(RuntimeError):
        tuple(smartfile.OAuthToken(ACCESS_TOKEN, ACCESS_SECRET))
    pair = OAuthToken(ACCESS_TOKEN, ACCESS_SECRET)
    token, secret = pair
    assert (token, secret) == (ACCESS_TOKEN, ACCESS_SECRET)
    assert (pair[0], pair[1], pair[-1]) == (ACCESS_TOKEN, ACCESS_SECRET, ACCESS_SECRET)
    assert list(pair) == [ACCESS_TOKEN, ACCESS_SECRET]
    with pytest.raises(IndexError):
        pair[2]
    for text in (repr(pair), str(pair)):
        assert ACCESS_SECRET not in text
        assert ACCESS_TOKEN not in text


def test_oauth_repr_hides_every_secret() -> None:
    client, _ = oauth_client(
        client_token=CLIENT_TOKEN,
        client_secret=CLIENT_SECRET,
        access_token=ACCESS_TOKEN,
        access_secret=ACCESS_SECRET,
    )
    texts = [repr(client), str(client), repr(client.client), repr(client.access)]
    texts.append(repr(client._auth()))
    for text in texts:
        assert CLIENT_SECRET not in text
        assert ACCESS_SECRET not in text


def test_environment_is_read_at_construction_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # Changing the environment later does not change a client already built.
    monkeypatch.setenv("SMARTFILE_API_KEY", ENV_KEY)
    monkeypatch.setenv("SMARTFILE_API_PASSWORD", ENV_PASSWORD)
    wire = Wire()
    client = BasicClient(transport=wire.transport)
    monkeypatch.setenv("SMARTFILE_API_KEY", KEY)
    assert sent_basic(client, wire) == (ENV_KEY, ENV_PASSWORD)


def test_netrcfile_accepts_a_path_object(tmp_path: Path) -> None:
    rc = write_netrc(tmp_path / "rc", f"default login {RC_KEY} password {RC_PASSWORD}\n")
    wire = Wire()
    assert sent_basic(BasicClient(netrcfile=rc, transport=wire.transport), wire) == (
        RC_KEY,
        RC_PASSWORD,
    )
