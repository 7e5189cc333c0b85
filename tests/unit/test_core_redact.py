"""cloudspec.core.redact.Redactor: one case-insensitive redactor for everything shown to people."""

from __future__ import annotations

import copy
import json
from typing import Any
from urllib.parse import parse_qsl

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cloudspec.core.redact import REDACTED, SENSITIVE_FIELDS, SENSITIVE_HEADERS, Redactor

R = Redactor()


def test_redacted_marker() -> None:
    assert REDACTED == "<redacted>"


# --- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SENSITIVE_HEADERS))
@pytest.mark.parametrize("case", [str.lower, str.upper, str.title])
def test_sensitive_headers_are_redacted_whatever_the_case(name: str, case: Any) -> None:
    assert R.header(case(name), "Bearer abc.def") == REDACTED


def test_other_headers_pass_through() -> None:
    assert R.header("Content-Type", "application/json") == "application/json"
    assert R.header("ETag", '"1528"') == '"1528"'


def test_literal_secrets_are_scrubbed_from_any_header_value() -> None:
    r = Redactor().with_secrets("hunter2-password")
    assert r.header("X-Debug", "login hunter2-password ok") == f"login {REDACTED} ok"


def test_header_items_keep_order_and_names() -> None:
    items = [("Authorization", "Basic YTpi"), ("Accept", "*/*"), ("COOKIE", "sid=1")]
    assert R.header_items(items) == [
        ("Authorization", REDACTED),
        ("Accept", "*/*"),
        ("COOKIE", REDACTED),
    ]


def test_custom_header_names_are_lower_cased() -> None:
    r = Redactor(headers={"X-Box-Signature"}, fields={"PIN"})
    assert r.header("x-box-signature", "v") == REDACTED
    assert r.header("X-BOX-SIGNATURE", "v") == REDACTED
    # The custom set replaces the default one.
    assert r.header("Authorization", "v") == "v"
    assert r.query("pin=1234") == f"pin={REDACTED}"


# --- query strings and URLs -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SENSITIVE_FIELDS))
def test_sensitive_query_fields_are_redacted(name: str) -> None:
    out = R.query(f"{name}=s3cr3t&_limit=10")
    assert "s3cr3t" not in out
    assert dict(parse_qsl(out)) == {name: REDACTED, "_limit": "10"}


@pytest.mark.parametrize("name", ["ACCESS_TOKEN", "Access_Token", "Password", "CLIENT_SECRET"])
def test_query_field_names_are_case_insensitive(name: str) -> None:
    assert R.query(f"{name}=s3cr3t") == f"{name}={REDACTED}"


def test_query_keeps_other_fields_and_blank_values() -> None:
    out = R.query("_sort=-last_modified&flag=&token=abc&min_x=3")
    assert parse_qsl(out, keep_blank_values=True) == [
        ("_sort", "-last_modified"),
        ("flag", ""),
        ("token", REDACTED),
        ("min_x", "3"),
    ]


def test_query_of_empty_string() -> None:
    assert R.query("") == ""


def test_query_scrubs_literal_secrets_in_innocent_fields() -> None:
    r = Redactor().with_secrets("tok-123456")
    assert "tok-123456" not in r.query("state=tok-123456&x=1")


def test_query_decodes_before_scrubbing_secrets() -> None:
    r = Redactor().with_secrets("a b/c+d")
    assert "a%20b" not in r.query("state=a%20b%2Fc%2Bd")
    assert REDACTED in r.query("state=a%20b%2Fc%2Bd")


def test_url_redacts_query_and_keeps_the_rest() -> None:
    url = "https://api.example.test/2.0/files?access_token=abc123&fields=name"
    out = R.url(url)
    assert out.startswith("https://api.example.test/2.0/files?")
    assert "abc123" not in out
    assert "fields=name" in out
    assert f"access_token={REDACTED}" in out


def test_url_without_query_is_unchanged_unless_it_holds_a_secret() -> None:
    assert R.url("https://h.test/v1/buckets") == "https://h.test/v1/buckets"
    r = Redactor().with_secrets("shared-link-key")
    assert r.url("https://h.test/s/shared-link-key") == f"https://h.test/s/{REDACTED}"


def test_url_hides_the_userinfo_password() -> None:
    assert "pw-in-url" not in R.url("https://alice:pw-in-url@h.test/v1/buckets")


# --- JSON values and bodies ------------------------------------------------------------------


def test_data_redacts_nested_fields_and_leaves_the_input_alone() -> None:
    value: dict[str, Any] = {
        "data": {
            "id": "alice",
            "password": "hunter2",
            "nested": [{"Refresh_Token": "r1"}, {"ok": 1}, ["x", {"secret": {"deep": 1}}]],
        },
        "permissions": {"read": ["system.Everyone"]},
        "count": 3,
        "flag": None,
        "ratio": 1.5,
        "yes": True,
    }
    original = copy.deepcopy(value)
    out = R.data(value)
    assert value == original
    assert out == {
        "data": {
            "id": "alice",
            "password": REDACTED,
            "nested": [{"Refresh_Token": REDACTED}, {"ok": 1}, ["x", {"secret": REDACTED}]],
        },
        "permissions": {"read": ["system.Everyone"]},
        "count": 3,
        "flag": None,
        "ratio": 1.5,
        "yes": True,
    }


def test_data_scrubs_literal_secrets_in_strings() -> None:
    r = Redactor().with_secrets("abcd-1234")
    assert r.data({"note": "key abcd-1234 here", "list": ["abcd-1234"]}) == {
        "note": f"key {REDACTED} here",
        "list": [REDACTED],
    }


def test_data_handles_non_string_keys() -> None:
    assert R.data({1: "a", "token": "t"}) == {1: "a", "token": REDACTED}


@pytest.mark.parametrize(
    "ctype",
    [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/merge-patch+json",
        "application/vnd.api+json",
    ],
)
def test_json_bodies_are_redacted(ctype: str) -> None:
    body = json.dumps({"data": {"password": "hunter2", "title": "t"}}).encode()
    out = R.body(body, ctype)
    assert "hunter2" not in out
    assert json.loads(out) == {"data": {"password": REDACTED, "title": "t"}}


def test_json_body_keeps_non_ascii_text() -> None:
    out = R.body(json.dumps({"title": "café"}).encode(), "application/json")
    assert "café" in out


def test_invalid_json_falls_back_to_literal_scrubbing() -> None:
    r = Redactor().with_secrets("hunter2-pw")
    out = r.body(b'{"password": "hunter2-pw", oops', "application/json")
    assert "hunter2-pw" not in out
    assert REDACTED in out


@pytest.mark.parametrize(
    "ctype", ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=x"]
)
def test_form_bodies_are_redacted(ctype: str) -> None:
    body = b"grant_type=refresh_token&refresh_token=rt-1&client_id=app&client_secret=cs-2&code=c3"
    out = R.body(body, ctype)
    for secret in ("rt-1", "cs-2", "c3"):
        assert secret not in out
    assert dict(parse_qsl(out)) == {
        "grant_type": "refresh_token",
        "refresh_token": REDACTED,
        "client_id": "app",
        "client_secret": REDACTED,
        "code": REDACTED,
    }


@pytest.mark.parametrize("ctype", [None, "text/plain", "text/html"])
def test_other_bodies_only_lose_literal_secrets(ctype: str | None) -> None:
    r = Redactor().with_secrets("hunter2-pw")
    assert r.body(b"pw is hunter2-pw!", ctype) == f"pw is {REDACTED}!"
    assert r.body(b"password=visible", ctype) == "password=visible"


def test_body_tolerates_invalid_utf8() -> None:
    assert R.body(b"\xff\xfeok", "text/plain").endswith("ok")


def test_json_patch_body_hides_sensitive_values() -> None:
    body = b'[{"op": "replace", "path": "/data/password", "value": "n3w-passw0rd"}]'
    assert "n3w-passw0rd" not in R.body(body, "application/json-patch+json")


# --- literal secrets --------------------------------------------------------------------------


def test_with_secrets_ignores_short_empty_none_and_duplicates() -> None:
    r = Redactor().with_secrets("abc", "", None, "abcd")
    assert r.secrets == ("abcd",)
    assert r.text("abc abcd") == f"abc {REDACTED}"
    assert r.with_secrets("abcd") is r
    assert r.with_secrets(None, "x") is r


def test_with_secrets_returns_a_new_redactor() -> None:
    base = Redactor()
    r = base.with_secrets("long-enough")
    assert r is not base
    assert base.secrets == ()
    assert base.text("long-enough") == "long-enough"
    assert r.text("long-enough and long-enough") == f"{REDACTED} and {REDACTED}"
    assert r.with_secrets("second-one").secrets == ("long-enough", "second-one")


def test_redactor_is_frozen_and_its_repr_hides_secrets() -> None:
    r = Redactor().with_secrets("sup3r-s3cret")
    assert "sup3r-s3cret" not in repr(r)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.secrets = ()  # type: ignore[misc]


def test_text_without_secrets_is_unchanged() -> None:
    assert R.text("nothing to see") == "nothing to see"


def test_overlapping_secrets_leave_no_tail() -> None:
    r = Redactor().with_secrets("abcd1234", "abcd1234-efgh5678")
    assert "efgh5678" not in r.text("token abcd1234-efgh5678")


@given(
    secret=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=4, max_size=30),
    before=st.text(max_size=30),
    after=st.text(max_size=30),
)
def test_a_registered_secret_never_survives(secret: str, before: str, after: str) -> None:
    # A secret that is part of the marker itself would "survive" trivially.
    assume(secret not in REDACTED)
    r = Redactor().with_secrets(secret)
    assert secret not in r.text(before + secret + after)
    # In a query string the secret is a value (not a name, nor half of a %-escape).
    clean = "".join(c for c in before + after if (c.isascii() and c.isalnum()) or c in " -._~/")
    assert secret not in r.query(f"state={clean}{secret}{clean}&x=1")
    assert secret not in r.header("X-Note", before + secret + after)
