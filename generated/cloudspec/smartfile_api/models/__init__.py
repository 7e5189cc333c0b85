"""Contains all the data models used in inputs/outputs"""

from .acl import Acl
from .activity_entry import ActivityEntry
from .activity_page import ActivityPage
from .checksum_algorithm import ChecksumAlgorithm
from .checksum_request import ChecksumRequest
from .compress_request import CompressRequest
from .create_link_request import CreateLinkRequest
from .create_user_request import CreateUserRequest
from .error import Error
from .link import Link
from .link_page import LinkPage
from .mkdir_request import MkdirRequest
from .move_copy_request import MoveCopyRequest
from .o_auth_token_response import OAuthTokenResponse
from .paging import Paging
from .path_info import PathInfo
from .path_info_attributes import PathInfoAttributes
from .path_listing import PathListing
from .ping import Ping
from .remove_request import RemoveRequest
from .rename_request import RenameRequest
from .right import Right
from .session import Session
from .site import Site
from .task import Task
from .task_outcome import TaskOutcome
from .task_outcome_checksums import TaskOutcomeChecksums
from .task_outcome_errors import TaskOutcomeErrors
from .task_page import TaskPage
from .task_ref import TaskRef
from .task_result import TaskResult
from .update_user_request import UpdateUserRequest
from .upload_files_request import UploadFilesRequest
from .user import User
from .user_page import UserPage
from .validation_error import ValidationError
from .whoami import Whoami

__all__ = (
    "Acl",
    "ActivityEntry",
    "ActivityPage",
    "ChecksumAlgorithm",
    "ChecksumRequest",
    "CompressRequest",
    "CreateLinkRequest",
    "CreateUserRequest",
    "Error",
    "Link",
    "LinkPage",
    "MkdirRequest",
    "MoveCopyRequest",
    "OAuthTokenResponse",
    "Paging",
    "PathInfo",
    "PathInfoAttributes",
    "PathListing",
    "Ping",
    "RemoveRequest",
    "RenameRequest",
    "Right",
    "Session",
    "Site",
    "Task",
    "TaskOutcome",
    "TaskOutcomeChecksums",
    "TaskOutcomeErrors",
    "TaskPage",
    "TaskRef",
    "TaskResult",
    "UpdateUserRequest",
    "UploadFilesRequest",
    "User",
    "UserPage",
    "ValidationError",
    "Whoami",
)
