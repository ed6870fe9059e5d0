"""``python -m convdims``: the same as the ``convdims`` command."""

from convdims.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
