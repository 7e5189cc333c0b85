from typing import Literal

SearchResultsType = Literal["search_results_items"]

SEARCH_RESULTS_TYPE_VALUES: set[SearchResultsType] = {
    "search_results_items",
}


def check_search_results_type(value: str) -> SearchResultsType:
    if value in SEARCH_RESULTS_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEARCH_RESULTS_TYPE_VALUES!r}")
