"""Write bodies go out as JSON without a round trip through the generated models; these
tests hold them to the spec: the generated models read and write them unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudspec.kinto._calls import write_body
from cloudspec.kinto_api.models import (
    BucketWrite,
    CollectionWrite,
    GroupWrite,
    RecordWrite,
)

MODELS = [BucketWrite, CollectionWrite, GroupWrite, RecordWrite]
PERMISSIONS = {
    BucketWrite: {"read": ["system.Everyone"], "write": ["a"], "collection:create": ["b"]},
    CollectionWrite: {"write": ["a"], "record:create": ["system.Authenticated"]},
    GroupWrite: {"read": ["a"]},
    RecordWrite: {"read": ["system.Everyone"], "write": ["a", "b"]},
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


def normalised(body: dict[str, Any]) -> dict[str, Any]:
    # Key order inside permissions may differ; JSON objects are unordered.
    return {key: dict(sorted(value.items())) for key, value in body.items()}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_generated_models_keep_write_bodies_unchanged(model: Any) -> None:
    data = {"title": "é", "n": None, "nested": {"a": [1, {"b": None}]}, "members": ["x"]}
    body = write_body(data, PERMISSIONS[model])
    assert normalised(model.from_dict(body).to_dict()) == normalised(body)
    assert model.from_dict(write_body(None, None)).to_dict() == write_body(None, None) == {}


@given(st.dictionaries(st.text(min_size=1), json_values, max_size=5))
def test_any_record_data_survives_the_record_model(data: dict[str, Any]) -> None:
    body = write_body(data, None)
    assert RecordWrite.from_dict(body).to_dict() == body
