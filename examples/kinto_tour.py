"""A tour of cloudspec.kinto, run by `make demo`.

It starts a local Kinto (memory backend) unless ``--server-url`` names one, then walks
the original kinto-python-client README's flow with the object API, and the kinto-http
style client: batches, streaming iteration, safe writes and the async client.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import Iterator

from cloudspec.emulators import run
from cloudspec.kinto import (
    AsyncKintoClient,
    Bucket,
    KintoClient,
    KintoPreconditionFailed,
    MergePatch,
)

AUTH = ("alice", "alice-secret")
FRIEND = ("bob", "bob-secret")


def say(text: str) -> None:
    print(f"  {text}")


@contextlib.contextmanager
def kinto(server_url: str | None) -> Iterator[str]:
    if server_url:
        yield server_url
        return
    with run("kinto") as server:
        print(f"started a local Kinto at {server.base_url}")
        yield server.base_url


def readme_flow(url: str) -> None:
    print("\n1. The original README, object style")
    bucket = Bucket("payments", server_url=url, auth=AUTH, create=True)
    say(f"bucket {bucket.id!r} ready (last_modified {bucket.last_modified})")
    bucket = Bucket("payments", server_url=url, auth=AUTH)
    say(f"fetched it again: {bucket!r}")

    collection = bucket.create_collection("receipts")
    say(f"collection {collection.id!r} created")
    record = collection.create_record({"amount": 12, "currency": "EUR"})
    public = collection.create_record({"amount": 1, "note": "visible to all"}, public=True)
    say(f"records {record.id[:8]}... and {public.id[:8]}... (public: {public.permissions!r})")

    with KintoClient(server_url=url) as anonymous:
        seen = anonymous.get_record(id=public.id, bucket="payments", collection="receipts")
        say(f"an anonymous reader sees the public one: amount={seen['data']['amount']}")

    record.data["amount"] = 13
    collection.save_record(record)
    say(f"saved with If-Match: amount is now {collection.get_record(record.id).data['amount']}")

    with KintoClient(server_url=url, auth=FRIEND) as bob:
        friend = bob.server_info()["user"]["id"]
    record.permissions.read += friend
    record.save()
    say(f"record.permissions.read += bob -> {record.permissions.read}")
    public = collection.update_record_permissions(public.id, write=[friend])
    say("collection.update_record_permissions(..., write=[bob])")

    records = collection.get_all_records()
    say(f"get_all_records(): {len(records)} records")

    moderators = collection.create_group("moderators", [friend])
    say(f"group {moderators.id!r} with {len(moderators.members)} member")
    collection.add_to_group("moderators", ["account:carol", "account:dave"])
    collection.remove_from_group("moderators", ["account:dave"])
    say(f"after add/remove: {bucket.get_group('moderators').members}")
    collection.clear_group("moderators")
    collection.delete_group("moderators")
    say("cleared and deleted the group")

    bucket.permissions.collection_create = ["system.Authenticated"]
    bucket.save()
    bucket.update_permissions(group_create=[friend])
    say(f"bucket permissions: {bucket.permissions!r}")

    collection.delete_record(record)
    collection.delete_records([public])
    collection.destroy()
    say("deleted the records and the collection")


def client_flow(url: str) -> None:
    print("\n2. The kinto-http style client")
    with KintoClient(server_url=url, auth=AUTH, bucket="payments", collection="ledger") as client:
        client.create_collection(if_not_exists=True)
        with client.batch() as batch:
            for i in range(100):
                batch.create_record(id=f"entry-{i:03}", data={"n": i, "even": i % 2 == 0})
        statuses = {r.status for r in batch.responses()}
        say(f"batch of 100 creates sent in chunks of the server's limit: statuses {statuses}")

        total = client.count_records()
        evens = sum(1 for _ in client.iter_records(page_size=10, even=True))
        say(f"count_records() = {total}; streamed {evens} even records, 10 per page")
        big = client.get_records(min_n=95, _sort="-n", _fields="n")
        say(f"filters: min_n=95 -> {[r['n'] for r in big]}")

        entry = client.get_record(id="entry-007")
        client.patch_record(id="entry-007", changes=MergePatch(data={"note": "checked"}))
        try:
            client.update_record(id="entry-007", data=entry["data"])  # stale copy
        except KintoPreconditionFailed as conflict:
            say(f"stale write refused, nothing lost: {conflict}")

        history = client.get_history(resource_name="record", _limit=3)
        say(f"history (latest 3): {[h['action'] for h in history]}")


async def async_flow(url: str) -> None:
    print("\n3. The async client (native asyncio, no thread pool)")
    async with AsyncKintoClient(
        server_url=url, auth=AUTH, bucket="payments", collection="ledger"
    ) as client:
        records = await asyncio.gather(*(client.get_record(id=f"entry-{i:03}") for i in range(5)))
        say(f"5 concurrent reads: {[r['data']['n'] for r in records]}")
        odd = [r["n"] async for r in client.iter_records(even=False, _sort="n", _limit=5)]
        say(f"async iteration over odd entries: {len(odd)} records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server-url", help="use this Kinto instead of starting one")
    args = parser.parse_args()
    with kinto(args.server_url) as url:
        readme_flow(url)
        client_flow(url)
        asyncio.run(async_flow(url))
    print("\ntour finished")


if __name__ == "__main__":
    main()
