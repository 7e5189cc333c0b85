from typing import Literal

KintoErrno = Literal[
    104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 121, 122, 201, 202, 999
]

KINTO_ERRNO_VALUES: set[KintoErrno] = {
    104,
    105,
    106,
    107,
    108,
    109,
    110,
    111,
    112,
    113,
    114,
    115,
    116,
    117,
    121,
    122,
    201,
    202,
    999,
}


def check_kinto_errno(value: int) -> KintoErrno:
    if value in KINTO_ERRNO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KINTO_ERRNO_VALUES!r}")
