"""A retry budget: a token bucket that keeps a failing service from a retry storm.

Retries multiply load exactly when a service can least bear it: with two retries per call, a
service answering 503 to everything receives three requests per call. The budget, modelled on
botocore's "standard" retry mode (``botocore/retries/quota.py``, ``standard.py``), caps that:

* every client starts with ``capacity`` tokens (500);
* a retry costs ``retry_cost`` (5), or ``timeout_retry_cost`` (10) when the failure was a
  timeout or a broken connection (those are the failures that tie up the server longest);
* when the bucket cannot pay, the retry is not made: the caller gets the error at once;
* a call that ends in a healthy answer refunds ``success_refund`` (1), or the whole cost of
  its last retry when that retry is what succeeded, up to ``capacity``.

So while a service fails everything, one client sends at most ``capacity // retry_cost``
retries in all (100), whatever the number of calls, threads or tasks; and the first attempt of
a call never needs a token, so the very next call after the service recovers goes out at once
and, succeeding, starts refilling the bucket.

The bucket is shared by every thread and event loop that uses the client: a plain
``threading.Lock`` guards the arithmetic and is never held across I/O or an ``await``, so it
can neither deadlock a loop nor be bypassed by one.
"""

from __future__ import annotations

import builtins
import threading
from typing import Any

import attrs
import httpx

from .errors import TransportError

__all__ = [
    "BudgetState",
    "PerClientBudget",
    "RetryBudget",
    "budget_allows_retry",
    "retry_budget_of",
]

DEFAULT_CAPACITY = 500
RETRY_COST = 5
TIMEOUT_RETRY_COST = 10
SUCCESS_REFUND = 1

# Failures that cost ``timeout_retry_cost``: the request may have held a connection (and the
# server's attention) for a whole timeout, or the connection itself is failing.
_SLOW_FAILURES: tuple[type[BaseException], ...] = (
    httpx.TransportError,
    TransportError,
    builtins.TimeoutError,
    builtins.ConnectionError,
)


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value}")


@attrs.frozen(kw_only=True)
class PerClientBudget:
    """The size and prices of a budget that each client builds for itself.

    The default of :class:`~cloudspec.core.RetryPolicy`: policies are frozen values shared by
    many clients (module-level defaults), so a policy holds this description and every
    transport built from it makes its own :class:`RetryBudget`. Pass a :class:`RetryBudget`
    instead to share one bucket between clients, or ``None`` for no budget at all.
    """

    capacity: int = attrs.field(default=DEFAULT_CAPACITY, validator=_positive)
    retry_cost: int = attrs.field(default=RETRY_COST, validator=_positive)
    timeout_retry_cost: int = attrs.field(default=TIMEOUT_RETRY_COST, validator=_positive)
    success_refund: int = attrs.field(default=SUCCESS_REFUND, validator=_positive)

    def new_budget(self) -> RetryBudget:
        return RetryBudget(
            capacity=self.capacity,
            retry_cost=self.retry_cost,
            timeout_retry_cost=self.timeout_retry_cost,
            success_refund=self.success_refund,
        )


@attrs.frozen(kw_only=True)
class BudgetState:
    """What a budget holds and has done, read at one instant (a value: it never changes)."""

    capacity: int
    available: int
    retries_granted: int
    retries_refused: int
    tokens_spent: int
    tokens_refunded: int


class RetryBudget:
    """A thread-safe token bucket paying for retries; see the module docstring.

    Equality is identity: two buckets are the same budget only if they are the same object.
    """

    __slots__ = (
        "_available",
        "_granted",
        "_lock",
        "_refunded",
        "_refused",
        "_spent",
        "capacity",
        "retry_cost",
        "success_refund",
        "timeout_retry_cost",
    )

    def __init__(
        self,
        capacity: int = DEFAULT_CAPACITY,
        *,
        retry_cost: int = RETRY_COST,
        timeout_retry_cost: int = TIMEOUT_RETRY_COST,
        success_refund: int = SUCCESS_REFUND,
    ) -> None:
        # The same checks as PerClientBudget: a cost of 0 would make retries free (no budget),
        # and a capacity of 0 would forbid every retry; say None / max_retries=0 for those.
        spec = PerClientBudget(
            capacity=capacity,
            retry_cost=retry_cost,
            timeout_retry_cost=timeout_retry_cost,
            success_refund=success_refund,
        )
        self.capacity = spec.capacity
        self.retry_cost = spec.retry_cost
        self.timeout_retry_cost = spec.timeout_retry_cost
        self.success_refund = spec.success_refund
        self._lock = threading.Lock()
        self._available = spec.capacity
        self._granted = self._refused = self._spent = self._refunded = 0

    def __repr__(self) -> str:
        return f"RetryBudget(capacity={self.capacity}, available={self.available})"

    @property
    def available(self) -> int:
        return self._available  # one int read: atomic

    def cost_of(self, error: BaseException | None) -> int:
        """Tokens a retry after ``error`` costs (``None``: after an error status)."""
        if isinstance(error, _SLOW_FAILURES):
            return self.timeout_retry_cost
        return self.retry_cost

    def try_acquire(self, error: BaseException | None = None) -> int | None:
        """Take the tokens for one retry after ``error``: the number taken, or ``None`` when
        the bucket cannot pay, and the caller must give up instead of retrying."""
        cost = self.cost_of(error)
        with self._lock:
            if cost > self._available:
                self._refused += 1
                return None
            self._available -= cost
            self._granted += 1
            self._spent += cost
            return cost

    def record_success(self, last_retry_cost: int | None = None) -> None:
        """A call ended in a healthy answer: refund its last retry's cost in full when a
        retry is what succeeded (``last_retry_cost``), else ``success_refund``."""
        amount = last_retry_cost or self.success_refund
        with self._lock:
            amount = min(amount, self.capacity - self._available)
            self._available += amount
            self._refunded += amount

    def state(self) -> BudgetState:
        with self._lock:
            return BudgetState(
                capacity=self.capacity,
                available=self._available,
                retries_granted=self._granted,
                retries_refused=self._refused,
                tokens_spent=self._spent,
                tokens_refunded=self._refunded,
            )


def retry_budget_of(client: httpx.Client | httpx.AsyncClient) -> RetryBudget | None:
    """The budget a client built by ``build_client``/``build_async_client`` draws from
    (``None`` when its policy turned the budget off, or it has no retry transport).

    Facades whose own loops re-send a call (a fresh signature, a resumed transfer, a
    throttled request) draw from it too, so every retry of one client counts against one
    bucket.
    """
    transport: Any = getattr(client, "_transport", None)
    budget = getattr(transport, "budget", None)
    return budget if isinstance(budget, RetryBudget) else None


def budget_allows_retry(
    client: httpx.Client | httpx.AsyncClient, error: BaseException | None = None
) -> bool:
    """For a facade's own retry loop: take one retry's tokens from ``client``'s budget.

    True when the retry may go ahead (always, for a client without a budget); False when the
    budget is spent, and the caller must raise the error it holds instead of retrying. Call
    it last, once everything else has said yes, so a retry not made costs nothing. Refunds
    need no call: the re-sent request's healthy answer refills the bucket in the transport.
    """
    budget = retry_budget_of(client)
    return budget is None or budget.try_acquire(error) is not None
