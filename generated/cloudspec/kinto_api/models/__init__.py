"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_envelope import AccountEnvelope
from .account_list import AccountList
from .account_permissions import AccountPermissions
from .account_write import AccountWrite
from .account_write_data import AccountWriteData
from .attachment import Attachment
from .attachment_upload import AttachmentUpload
from .attachments_capability import AttachmentsCapability
from .batch_body import BatchBody
from .batch_defaults import BatchDefaults
from .batch_headers import BatchHeaders
from .batch_method import BatchMethod
from .batch_request import BatchRequest
from .batch_response import BatchResponse
from .batch_subrequest import BatchSubrequest
from .batch_subresponse import BatchSubresponse
from .bucket import Bucket
from .bucket_envelope import BucketEnvelope
from .bucket_list import BucketList
from .bucket_permissions import BucketPermissions
from .bucket_write import BucketWrite
from .bucket_write_data import BucketWriteData
from .capability import Capability
from .collection import Collection
from .collection_envelope import CollectionEnvelope
from .collection_list import CollectionList
from .collection_permissions import CollectionPermissions
from .collection_schema import CollectionSchema
from .collection_write import CollectionWrite
from .collection_write_data import CollectionWriteData
from .collection_write_data_schema import CollectionWriteDataSchema
from .contribute import Contribute
from .deleted_principal import DeletedPrincipal
from .flush_result import FlushResult
from .group import Group
from .group_envelope import GroupEnvelope
from .group_list import GroupList
from .group_permissions import GroupPermissions
from .group_write import GroupWrite
from .group_write_data import GroupWriteData
from .heartbeat import Heartbeat
from .history_action import HistoryAction
from .history_entry import HistoryEntry
from .history_list import HistoryList
from .history_target import HistoryTarget
from .history_target_data import HistoryTargetData
from .history_target_permissions import HistoryTargetPermissions
from .json_patch_op import JsonPatchOp
from .json_patch_operation import JsonPatchOperation
from .kinto_errno import KintoErrno
from .kinto_error import KintoError
from .lb_heartbeat import LbHeartbeat
from .merge_patch import MergePatch
from .merge_patch_data import MergePatchData
from .merge_patch_permissions import MergePatchPermissions
from .permission_entry import PermissionEntry
from .permission_list import PermissionList
from .record import Record
from .record_envelope import RecordEnvelope
from .record_list import RecordList
from .record_permissions import RecordPermissions
from .record_write import RecordWrite
from .record_write_data import RecordWriteData
from .server_capabilities import ServerCapabilities
from .server_config import ServerConfig
from .server_info import ServerInfo
from .server_settings import ServerSettings
from .server_user import ServerUser
from .tombstone import Tombstone
from .tombstone_envelope import TombstoneEnvelope
from .tombstone_list import TombstoneList
from .user_data_deletion import UserDataDeletion
from .version_info import VersionInfo

__all__ = (
    "Account",
    "AccountEnvelope",
    "AccountList",
    "AccountPermissions",
    "AccountWrite",
    "AccountWriteData",
    "Attachment",
    "AttachmentsCapability",
    "AttachmentUpload",
    "BatchBody",
    "BatchDefaults",
    "BatchHeaders",
    "BatchMethod",
    "BatchRequest",
    "BatchResponse",
    "BatchSubrequest",
    "BatchSubresponse",
    "Bucket",
    "BucketEnvelope",
    "BucketList",
    "BucketPermissions",
    "BucketWrite",
    "BucketWriteData",
    "Capability",
    "Collection",
    "CollectionEnvelope",
    "CollectionList",
    "CollectionPermissions",
    "CollectionSchema",
    "CollectionWrite",
    "CollectionWriteData",
    "CollectionWriteDataSchema",
    "Contribute",
    "DeletedPrincipal",
    "FlushResult",
    "Group",
    "GroupEnvelope",
    "GroupList",
    "GroupPermissions",
    "GroupWrite",
    "GroupWriteData",
    "Heartbeat",
    "HistoryAction",
    "HistoryEntry",
    "HistoryList",
    "HistoryTarget",
    "HistoryTargetData",
    "HistoryTargetPermissions",
    "JsonPatchOp",
    "JsonPatchOperation",
    "KintoErrno",
    "KintoError",
    "LbHeartbeat",
    "MergePatch",
    "MergePatchData",
    "MergePatchPermissions",
    "PermissionEntry",
    "PermissionList",
    "Record",
    "RecordEnvelope",
    "RecordList",
    "RecordPermissions",
    "RecordWrite",
    "RecordWriteData",
    "ServerCapabilities",
    "ServerConfig",
    "ServerInfo",
    "ServerSettings",
    "ServerUser",
    "Tombstone",
    "TombstoneEnvelope",
    "TombstoneList",
    "UserDataDeletion",
    "VersionInfo",
)
