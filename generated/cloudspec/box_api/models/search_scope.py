from typing import Literal

SearchScope = Literal["enterprise_content", "user_content"]

SEARCH_SCOPE_VALUES: set[SearchScope] = {
    "enterprise_content",
    "user_content",
}


def check_search_scope(value: str) -> SearchScope:
    if value in SEARCH_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEARCH_SCOPE_VALUES!r}")
