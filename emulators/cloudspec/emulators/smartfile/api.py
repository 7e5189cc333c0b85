"""The ``/api/2/`` and ``/api/3/`` routes: ping, whoami, users, tasks, links, and the path
routes of :mod:`.paths` and :mod:`.opers`.

Links: ``uid`` is 12 letters and digits; ``href`` the public URL
``https://file.ac/<uid>/<name>`` (not served by the emulator); ``owner`` the creator's
username; ``acl`` defaults to read only; ``expiration`` and ``usage_limit`` are null (no
limit); ``name`` defaults to the path's base name. Rights: a fixed, unpaged list. Users:
created (201; ``username`` and ``password`` required), changed by a partial PUT, deleted
(204), except the key's owner (400).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..box.asgi import Request, Response, Router, json_response
from .auth import Authenticator
from .errors import SmartFileError, field_error, not_found
from .forms import body_params, boolean, paged
from .opers import Operations
from .paths import Paths
from .state import Link, State, User, timestamp, token
from .tree import normal

PATH_ID = "(?P<path>.*)"
PUBLIC_LINKS = "https://file.ac"
RIGHTS = (
    {"name": "sftp_access", "description": "Can log in over SFTP."},
    {"name": "ftp_access", "description": "Can log in over FTP."},
    {"name": "self_manage", "description": "Can change their own settings."},
)


class Api:
    def __init__(self, state: State) -> None:
        self.state = state
        self.auth = Authenticator(state)

    def _paged(self, request: Request, items: list[Any]) -> Response:
        base = self.state.urls.get("api", "")
        return json_response(paged(request, base, items, self.state.settings.per_page))

    async def ping(self, request: Request) -> Response:
        return json_response({"ping": "pong"})

    async def whoami(self, request: Request) -> Response:
        user = self.auth.user(request)
        client = request.scope.get("client") or ("", 0)
        return json_response(
            {"address": client[0], "user": user.as_json(), "site": {"name": self.state.seed.site}}
        )

    async def list_rights(self, request: Request) -> Response:
        self.auth.user(request)
        return json_response([dict(right) for right in RIGHTS])

    async def list_users(self, request: Request) -> Response:
        self.auth.user(request)
        return self._paged(request, [user.as_json() for user in self.state.users.values()])

    def _user(self, request: Request) -> User:
        user = self.state.users.get(request.params["username"])
        if user is None:
            raise not_found()
        return user

    async def get_user(self, request: Request) -> Response:
        self.auth.user(request)
        return json_response(self._user(request).as_json())

    async def create_user(self, request: Request) -> Response:
        params, signed = await body_params(request)
        self.auth.user(request, signed)
        params.require("username", "password")
        username = params.get("username") or ""
        if "/" in username or username != username.strip():
            raise field_error("username", "Enter a valid username.")
        if username in self.state.users:
            raise field_error("username", "A user with that username already exists.")
        user = User(
            username,
            params.get("name") or "",
            params.get("email") or "",
            params.get("password") or "",
        )
        self.state.users[username] = user
        return json_response(user.as_json(), 201)

    async def update_user(self, request: Request) -> Response:
        params, signed = await body_params(request)
        self.auth.user(request, signed)
        user = self._user(request)
        name, email = params.get("name"), params.get("email")
        user.name = user.name if name is None else name
        user.email = user.email if email is None else email
        user.password = params.get("password") or user.password
        return json_response(user.as_json())

    async def delete_user(self, request: Request) -> Response:
        self.auth.user(request)
        user = self._user(request)
        if user is self.state.owner:
            raise SmartFileError(400, "Cannot delete the owner of the API key.")
        del self.state.users[user.username]
        return Response(204)

    async def list_tasks(self, request: Request) -> Response:
        self.auth.user(request)
        return self._paged(request, [task.as_json() for task in self.state.tasks.values()])

    async def get_task(self, request: Request) -> Response:
        self.auth.user(request)
        task = self.state.tasks.get(request.params["uuid"])
        if task is None:
            raise not_found()
        return json_response(task.as_json())

    # ---- links ----
    def _link_json(self, link: Link) -> dict[str, Any]:
        return {
            "uid": link.uid,
            "href": f"{PUBLIC_LINKS}/{link.uid}/{quote(link.name, safe='')}",
            "acl": dict(link.acl),
            "created": timestamp(link.created),
            "expiration": None,
            "name": link.name,
            "owner": link.owner,
            "path": link.path,
            "recursive": link.recursive,
            "usage_count": 0,
            "usage_limit": None,
        }

    async def create_link(self, request: Request) -> Response:
        params, signed = await body_params(request)
        user = self.auth.user(request, signed)
        params.require("path")
        node = self.state.tree.find(params.get("path") or "")
        if node is None:
            raise field_error("path", "No such file or directory.")
        acl = {
            "read": boolean(params, "read", True),
            "list": boolean(params, "list", False),
            "write": boolean(params, "write", False),
            "remove": boolean(params, "remove", False),
        }
        link = Link(
            uid=token(12),
            path=normal(node.path),
            name=params.get("name") or node.name or "/",
            acl=acl,
            recursive=boolean(params, "recursive", False),
            owner=user.username,
        )
        self.state.links[link.uid] = link
        return json_response(self._link_json(link), 201)

    async def list_links(self, request: Request) -> Response:
        self.auth.user(request)
        return self._paged(request, [self._link_json(link) for link in self.state.links.values()])

    async def get_link(self, request: Request) -> Response:
        self.auth.user(request)
        link = self.state.links.get(request.params["uid"])
        if link is None:
            raise not_found()
        return json_response(self._link_json(link))

    async def delete_link(self, request: Request) -> Response:
        self.auth.user(request)
        if self.state.links.pop(request.params["uid"], None) is None:
            raise not_found()
        return Response(204)


def add_api_routes(router: Router, state: State) -> None:
    api, paths, opers = Api(state), Paths(state), Operations(state)
    v2 = "/api/2"
    router.add(["GET"], f"{v2}/ping/", api.ping)
    router.add(["GET"], f"{v2}/whoami/", api.whoami)
    router.add(["GET"], f"{v2}/right/", api.list_rights)
    router.add(["GET"], f"{v2}/user/", api.list_users)
    router.add(["POST"], f"{v2}/user/", api.create_user)
    router.add(["GET"], f"{v2}/user/{{username}}/", api.get_user)
    router.add(["PUT"], f"{v2}/user/{{username}}/", api.update_user)
    router.add(["DELETE"], f"{v2}/user/{{username}}/", api.delete_user)
    router.add(["GET"], f"{v2}/task/", api.list_tasks)
    router.add(["GET"], f"{v2}/task/{{uuid}}/", api.get_task)
    router.add(["GET"], f"{v2}/link/", api.list_links)
    router.add(["POST"], f"{v2}/link/", api.create_link)
    router.add(["GET"], f"{v2}/link/{{uid}}/", api.get_link)
    router.add(["DELETE"], f"{v2}/link/{{uid}}/", api.delete_link)
    router.add(["GET"], f"{v2}/path/info/{PATH_ID}", paths.info)
    router.add(["GET"], f"{v2}/path/data/{PATH_ID}", paths.download)
    router.add(["POST"], f"{v2}/path/data/{PATH_ID}", paths.upload)
    router.add(["PUT"], f"/api/3/path/data/{PATH_ID}", paths.put)
    router.add(["PATCH"], f"/api/3/path/data/{PATH_ID}", paths.append)
    router.add(["DELETE"], f"/api/3/path/data/{PATH_ID}", paths.delete)
    router.add(["POST"], f"{v2}/path/oper/mkdir/", opers.mkdir)
    router.add(["POST"], f"{v2}/path/oper/rename/", opers.rename)
    router.add(["POST"], f"{v2}/path/oper/remove/", opers.remove)
    router.add(["POST"], f"{v2}/path/oper/move/", opers.move)
    router.add(["POST"], f"{v2}/path/oper/copy/", opers.copy)
    router.add(["POST"], f"{v2}/path/oper/checksum/", opers.checksum)
    router.add(["POST"], f"{v2}/path/oper/compress/", opers.compress)
