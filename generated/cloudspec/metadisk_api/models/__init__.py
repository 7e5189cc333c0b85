"""Contains all the data models used in inputs/outputs"""

from .add_key_request import AddKeyRequest
from .bucket import Bucket
from .bucket_file import BucketFile
from .bucket_request import BucketRequest
from .contact import Contact
from .error import Error
from .file_pointer import FilePointer
from .operation import Operation
from .public_key import PublicKey
from .register_user_request import RegisterUserRequest
from .resend_activation_request import ResendActivationRequest
from .reset_password_request import ResetPasswordRequest
from .token import Token
from .token_request import TokenRequest
from .upload_file_request import UploadFileRequest
from .user import User

__all__ = (
    "AddKeyRequest",
    "Bucket",
    "BucketFile",
    "BucketRequest",
    "Contact",
    "Error",
    "FilePointer",
    "Operation",
    "PublicKey",
    "RegisterUserRequest",
    "ResendActivationRequest",
    "ResetPasswordRequest",
    "Token",
    "TokenRequest",
    "UploadFileRequest",
    "User",
)
