"""ButtFS (Bitcasa CloudFS v2): BCS request signing and the ``httpx.Auth`` that uses it.

The session and object model of the original SDK come next; for now this package exports the
auth names.
"""

from .auth import (
    BCS_CONTENT_TYPE,
    BCSAuth,
    BCSCredentials,
    MissingCredentialsError,
    bcs_authorization,
    bcs_date,
    bcs_string_to_sign,
)

__all__ = [
    "BCS_CONTENT_TYPE",
    "BCSAuth",
    "BCSCredentials",
    "MissingCredentialsError",
    "bcs_authorization",
    "bcs_date",
    "bcs_string_to_sign",
]
