"""``keras.name_scope``: scopes for the paths of weights.

>>> with name_scope("block1") as scope:
...     scope.name
'block1'
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["name_scope"]


class name_scope:  # noqa: N801 - Keras's spelling
    """``keras.name_scope``: a context manager that prefixes the paths of the weights
    created inside it. Layer names, shapes and counts do not change, so it does nothing
    else here.

    >>> with name_scope("block1"):
    ...     pass
    """

    def __init__(
        self,
        name: str,
        caller: Any = None,
        deduplicate: bool = True,
        override_parent: Any = None,
    ) -> None:
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                f"Received: name={name}"
            )
        self.name = name
        self.caller = caller
        self.deduplicate = deduplicate
        self.override_parent = override_parent

    def __enter__(self) -> name_scope:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None
