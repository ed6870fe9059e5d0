"""The corpus is scripts, not tests: tests/oracle/test_realworld.py runs each file as a
script (under the real framework and under ``convdims run``). Nothing here is collected:
importing a file would build its models, and --doctest-modules would import them all."""

collect_ignore_glob = ["*"]
