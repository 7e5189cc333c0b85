"""Code generation for cloudspec: ``python -m generator`` and ``python -m generator.unasync``.

``generator`` turns ``specs/<svc>.yaml`` into ``generated/cloudspec/<svc>_api`` with the pinned
openapi-python-client; ``generator.unasync`` writes every ``_sync`` twin from its ``_async``
source. Both have a ``--check`` mode for CI that compares whole trees.
"""
