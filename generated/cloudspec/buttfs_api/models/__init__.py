"""Contains all the data models used in inputs/outputs"""

from .alter_meta_request import AlterMetaRequest
from .alter_profile_request import AlterProfileRequest
from .alter_share_request import AlterShareRequest
from .any_envelope import AnyEnvelope
from .boolean_string import BooleanString
from .create_customer_request import CreateCustomerRequest
from .create_share_request import CreateShareRequest
from .error_envelope import ErrorEnvelope
from .error_object import ErrorObject
from .exists import Exists
from .file_operation import FileOperation
from .folder_listing import FolderListing
from .folder_listing_envelope import FolderListingEnvelope
from .folder_operation import FolderOperation
from .history_action import HistoryAction
from .history_action_data import HistoryActionData
from .history_envelope import HistoryEnvelope
from .item_envelope import ItemEnvelope
from .item_list_envelope import ItemListEnvelope
from .item_meta import ItemMeta
from .item_meta_application_data import ItemMetaApplicationData
from .item_operation_envelope import ItemOperationEnvelope
from .item_operation_request import ItemOperationRequest
from .items_result import ItemsResult
from .meta_envelope import MetaEnvelope
from .meta_result import MetaResult
from .named_state import NamedState
from .receive_share_request import ReceiveShareRequest
from .receive_share_request_exists import ReceiveShareRequestExists
from .restore_method import RestoreMethod
from .restore_request import RestoreRequest
from .share import Share
from .share_envelope import ShareEnvelope
from .share_list_envelope import ShareListEnvelope
from .share_listing import ShareListing
from .share_listing_envelope import ShareListingEnvelope
from .share_single_item import ShareSingleItem
from .share_single_item_application_data import ShareSingleItemApplicationData
from .success import Success
from .success_envelope import SuccessEnvelope
from .token import Token
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .unlock_share_request import UnlockShareRequest
from .upload_file_request import UploadFileRequest
from .user_profile import UserProfile
from .user_profile_envelope import UserProfileEnvelope
from .user_profile_holds import UserProfileHolds
from .user_profile_session import UserProfileSession
from .user_profile_storage import UserProfileStorage
from .version_conflict import VersionConflict
from .version_operation import VersionOperation

__all__ = (
    "AlterMetaRequest",
    "AlterProfileRequest",
    "AlterShareRequest",
    "AnyEnvelope",
    "BooleanString",
    "CreateCustomerRequest",
    "CreateShareRequest",
    "ErrorEnvelope",
    "ErrorObject",
    "Exists",
    "FileOperation",
    "FolderListing",
    "FolderListingEnvelope",
    "FolderOperation",
    "HistoryAction",
    "HistoryActionData",
    "HistoryEnvelope",
    "ItemEnvelope",
    "ItemListEnvelope",
    "ItemMeta",
    "ItemMetaApplicationData",
    "ItemOperationEnvelope",
    "ItemOperationRequest",
    "ItemsResult",
    "MetaEnvelope",
    "MetaResult",
    "NamedState",
    "ReceiveShareRequest",
    "ReceiveShareRequestExists",
    "RestoreMethod",
    "RestoreRequest",
    "Share",
    "ShareEnvelope",
    "ShareListEnvelope",
    "ShareListing",
    "ShareListingEnvelope",
    "ShareSingleItem",
    "ShareSingleItemApplicationData",
    "Success",
    "SuccessEnvelope",
    "Token",
    "TokenRequest",
    "TokenRequestGrantType",
    "UnlockShareRequest",
    "UploadFileRequest",
    "UserProfile",
    "UserProfileEnvelope",
    "UserProfileHolds",
    "UserProfileSession",
    "UserProfileStorage",
    "VersionConflict",
    "VersionOperation",
)
