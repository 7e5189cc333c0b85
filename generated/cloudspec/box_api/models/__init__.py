"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .access_token_restricted_to_item import AccessTokenRestrictedToItem
from .client_error import ClientError
from .client_error_type import ClientErrorType
from .commit_upload_session_request import CommitUploadSessionRequest
from .commit_upload_session_request_attributes import CommitUploadSessionRequestAttributes
from .conflict_item import ConflictItem
from .context_info import ContextInfo
from .copy_item_request import CopyItemRequest
from .create_folder_request import CreateFolderRequest
from .create_upload_session_request import CreateUploadSessionRequest
from .create_version_upload_session_request import CreateVersionUploadSessionRequest
from .file import File
from .file_shared_link_type_0 import FileSharedLinkType0
from .file_type import FileType
from .file_version_mini import FileVersionMini
from .files import Files
from .folder import Folder
from .folder_folder_upload_email_type_0 import FolderFolderUploadEmailType0
from .folder_items_sort import FolderItemsSort
from .folder_mini import FolderMini
from .folder_shared_link_type_0 import FolderSharedLinkType0
from .folder_type import FolderType
from .grant_type import GrantType
from .items import Items
from .o_auth_2_error import OAuth2Error
from .order import Order
from .parent_reference import ParentReference
from .path_collection import PathCollection
from .preflight_request import PreflightRequest
from .revoke_request import RevokeRequest
from .search_item_type import SearchItemType
from .search_results import SearchResults
from .search_results_type import SearchResultsType
from .search_scope import SearchScope
from .search_sort import SearchSort
from .search_trash_content import SearchTrashContent
from .session_endpoints import SessionEndpoints
from .sort_direction import SortDirection
from .token_request import TokenRequest
from .update_item_request import UpdateItemRequest
from .upload_file_attributes import UploadFileAttributes
from .upload_file_request import UploadFileRequest
from .upload_file_version_attributes import UploadFileVersionAttributes
from .upload_file_version_request import UploadFileVersionRequest
from .upload_part import UploadPart
from .upload_parts import UploadParts
from .upload_session import UploadSession
from .upload_url import UploadUrl
from .uploaded_part import UploadedPart
from .user import User
from .user_enterprise_type_0 import UserEnterpriseType0
from .user_mini import UserMini
from .web_link import WebLink
from .web_link_type import WebLinkType

__all__ = (
    "AccessToken",
    "AccessTokenRestrictedToItem",
    "ClientError",
    "ClientErrorType",
    "CommitUploadSessionRequest",
    "CommitUploadSessionRequestAttributes",
    "ConflictItem",
    "ContextInfo",
    "CopyItemRequest",
    "CreateFolderRequest",
    "CreateUploadSessionRequest",
    "CreateVersionUploadSessionRequest",
    "File",
    "Files",
    "FileSharedLinkType0",
    "FileType",
    "FileVersionMini",
    "Folder",
    "FolderFolderUploadEmailType0",
    "FolderItemsSort",
    "FolderMini",
    "FolderSharedLinkType0",
    "FolderType",
    "GrantType",
    "Items",
    "OAuth2Error",
    "Order",
    "ParentReference",
    "PathCollection",
    "PreflightRequest",
    "RevokeRequest",
    "SearchItemType",
    "SearchResults",
    "SearchResultsType",
    "SearchScope",
    "SearchSort",
    "SearchTrashContent",
    "SessionEndpoints",
    "SortDirection",
    "TokenRequest",
    "UpdateItemRequest",
    "UploadedPart",
    "UploadFileAttributes",
    "UploadFileRequest",
    "UploadFileVersionAttributes",
    "UploadFileVersionRequest",
    "UploadPart",
    "UploadParts",
    "UploadSession",
    "UploadUrl",
    "User",
    "UserEnterpriseType0",
    "UserMini",
    "WebLink",
    "WebLinkType",
)
