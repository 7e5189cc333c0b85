from typing import Literal

ChecksumAlgorithm = Literal["md5", "sha1", "sha256"]

CHECKSUM_ALGORITHM_VALUES: set[ChecksumAlgorithm] = {
    "md5",
    "sha1",
    "sha256",
}


def check_checksum_algorithm(value: str) -> ChecksumAlgorithm:
    if value in CHECKSUM_ALGORITHM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECKSUM_ALGORITHM_VALUES!r}")
