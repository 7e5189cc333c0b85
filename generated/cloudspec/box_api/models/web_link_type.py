from typing import Literal

WebLinkType = Literal["web_link"]

WEB_LINK_TYPE_VALUES: set[WebLinkType] = {
    "web_link",
}


def check_web_link_type(value: str) -> WebLinkType:
    if value in WEB_LINK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEB_LINK_TYPE_VALUES!r}")
