"""Forward hooks: the global ones (``register_module_forward_pre_hook`` and
``register_module_forward_hook``), their handles, and the summary's recorder, which
``Module.__call__`` calls where a global hook would run (``convdims.torch.nn.module``
re-exports every name, where PyTorch has them).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class RemovableHandle:
    """Returned by ``register_forward_hook``: ``handle.remove()`` unregisters the hook."""

    def __init__(self, hooks: dict[int, Callable[..., Any]], key: int) -> None:
        self._hooks = hooks
        self._key = key

    def remove(self) -> None:
        self._hooks.pop(self._key, None)


_next_hook_key = [0]

#: Hooks every module call runs (``register_module_forward_pre_hook`` and
#: ``register_module_forward_hook``), before the module's own, as in PyTorch.
_global_forward_pre_hooks: dict[int, Callable[..., Any]] = {}
_global_forward_hooks: dict[int, Callable[..., Any]] = {}


#: The recorder of a summary's forward pass (``tracing.Trace``) while it is the only
#: global hook: ``Module.__call__`` then calls its ``begin`` and ``end`` directly, in
#: the places of a global pre-hook and hook. A global hook registered meanwhile first
#: turns the recorder into the pair of global hooks it stands for, so every hook keeps
#: its order.
_recorder: list[Any] = [None]


def _register(
    hooks: dict[int, Callable[..., Any]], hook: Callable[..., Any]
) -> RemovableHandle:
    if _recorder[0] is not None and (
        hooks is _global_forward_pre_hooks or hooks is _global_forward_hooks
    ):
        _recorder[0].as_hooks()
    _next_hook_key[0] += 1
    hooks[_next_hook_key[0]] = hook
    return RemovableHandle(hooks, _next_hook_key[0])


def register_module_forward_pre_hook(hook: Callable[..., Any]) -> RemovableHandle:
    """``hook(module, args)`` runs before every module's ``forward`` (PyTorch's
    ``torch.nn.modules.module.register_module_forward_pre_hook``); it may return new
    args."""
    return _register(_global_forward_pre_hooks, hook)


def register_module_forward_hook(hook: Callable[..., Any]) -> RemovableHandle:
    """``hook(module, args, output)`` runs after every module's ``forward`` (PyTorch's
    ``torch.nn.modules.module.register_module_forward_hook``); it may return a new
    output."""
    return _register(_global_forward_hooks, hook)


def _pre_hooks(module: Any, hooks: list[Any], args: tuple[Any, ...]) -> Any:
    for hook in hooks:
        changed = hook(module, args)
        if changed is not None:
            args = changed if isinstance(changed, tuple) else (changed,)
    return args


def _post_hooks(module: Any, hooks: list[Any], args: Any, output: Any) -> Any:
    for hook in hooks:
        changed = hook(module, args, output)
        if changed is not None:
            output = changed
    return output
