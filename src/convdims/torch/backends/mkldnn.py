"""``torch.backends.mkldnn``: its flag, kept."""

enabled = True


def is_available() -> bool:
    return False


__all__ = ["enabled", "is_available"]
