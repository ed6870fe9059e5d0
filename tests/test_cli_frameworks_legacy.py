"""The command line under the cited frameworks: --framework caffe|mxnet|coreml|tensorrt.

The expected sizes are the cited formulas' (see tests/test_conventions_legacy.py), worked
by hand in the comments; refusals exit with status 2 and, with --json, an ``error``."""

from __future__ import annotations

import json

import pytest

from convdims.cli import main


def run_json(capsys, *args: str) -> tuple[int, dict]:
    if len(args) == 1:
        args = tuple(args[0].split())
    status = main([*args, "--json"])
    out, err = capsys.readouterr()
    return status, json.loads(out or err)


@pytest.mark.parametrize(
    ("args", "sizes", "splits"),
    [
        # Caffe pools round up: ceil((112 - 3)/2) + 1 = 56, stride 2 given
        ("pool 112 -k 3 -s 2 --framework caffe", [56], [(0, 0)]),
        # Caffe's pooling stride defaults to 1: 11 - 2 + 1 = 10
        ("pool 11 -k 2 --framework caffe", [10], [(0, 0)]),
        # height padded, so the width's last window (start 6 >= 5) is dropped too
        (
            "pool 5x5 -k 2x1 -s 3 -p 1x0 --framework caffe",
            [2, 2],
            [(1, 1), (0, 0)],
        ),
        # no padding anywhere: ceil(4/3) + 1 = 3 windows kept
        ("pool 5x5 -k 1 -s 3 --framework caffe", [3, 3], None),
        # Deconvolution: 2*(12 - 1) + 4 - 2*1 = 24
        ("transpose 12 -k 4 -s 2 -p 1 --framework caffe", [24], None),
        # MXNet 'full' keeps the last window: 1 + ceil((11 + 2 - 2)/2) = 7
        (
            "pool 11 -k 2 -s 2 -p 1 --ceil-mode --framework mxnet",
            [7],
            [(1, 1)],
        ),
        # MXNet 'same' (1-D): ceil(10/4) = 3, every missing cell after
        ("pool 10 -k 3 -s 4 -p same --framework mxnet", [3], [(0, 1)]),
        # Core ML drops it on a padded axis: floor((11 + 2 - 2 + 1)/2 + 1) = 7, minus 1
        (
            "pool 11 -k 2 -s 2 -p 1,1 --ceil-mode --framework coreml",
            [6],
            [(1, 1)],
        ),
        # Core ML 'same_lower': total 1, before it
        ("conv 11 -k 2 -s 2 -p SAME_LOWER --framework coreml", [6], [(1, 0)]),
        # TensorRT SAME_UPPER, the header's example: I 6, S 2, F 3 -> 3, B 0, A 1
        ("pool 6 -k 3 -s 2 -p same_upper --framework tensorrt", [3], [(0, 1)]),
        # TensorRT rounds up without a drop: ceil((11 + 2 - 2)/2) + 1 = 7
        (
            "pool 11 -k 2 -s 2 -p 1 --ceil-mode --framework tensorrt",
            [7],
            None,
        ),
        # SAME deconvolution: min(5*2, 4*2 + 3) = 10
        ("transpose 5 -k 3 -s 2 -p SAME_UPPER --framework tensorrt", [10], None),
    ],
)
def test_sizes_and_splits(capsys, args, sizes, splits):
    status, data = run_json(capsys, args)
    assert status == 0, data
    assert data["output_size"] == sizes
    assert data["framework"] == args.split()[-1]
    assert not any(axis["empty"] for axis in data["axes"])
    if splits is not None:
        assert [(a["pad_before"], a["pad_after"]) for a in data["axes"]] == splits


@pytest.mark.parametrize(
    ("args", "argument", "words"),
    [
        ("conv 9 -k 3 -p same --framework caffe", "padding", "Caffe"),
        ("pool 9 -k 3 -p 3 --framework caffe", "padding", "pad <"),
        ("pool 9 -k 3 --rounding round --framework caffe", "rounding", "'ceil' or 'floor'"),
        ("pool 9x9 -k 3 -p same --framework mxnet", "padding", "1-D"),
        (
            "transpose 9 -k 3 -s 2 --output-padding 2 --framework mxnet",
            "output_padding",
            "adj",
        ),
        ("pool 4 -k 7 -s 2 -p 1 --ceil-mode --framework mxnet", "kernel_size", "MXNet"),
        ("pool 9 -k 3 -s 2 -p same --ceil-mode --framework coreml", "ceil_mode", "Core ML"),
        (
            "pool 9 -k 3 -s 2 -p 0,1 --ceil-mode --framework coreml",
            "padding",
            "equal padding",
        ),
        ("conv 9 -k 3 -p 1 --framework coreml", "padding", "Core ML"),
        ("conv 9 -k 3 -p same --framework tensorrt", "padding", "same_upper"),
        ("pool 9 -k 3 -d 2 --framework tensorrt", "dilation", "no dilation"),
    ],
)
def test_refusals_exit_2_with_a_json_error(capsys, args, argument, words):
    status, data = run_json(capsys, args)
    assert status == 2
    assert data["error"]["argument"] == argument
    assert words in data["error"]["message"]


def test_no_window_that_fits_is_an_error_not_an_empty_axis(capsys):
    for framework in ("caffe", "mxnet", "coreml", "tensorrt"):
        status, data = run_json(capsys, "conv", "2", "-k", "5", "--framework", framework)
        assert status == 2 and "error" in data, framework
