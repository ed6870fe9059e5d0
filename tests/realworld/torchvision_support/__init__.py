# convdims real-world corpus: a shim written for the corpus, with one function verbatim.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/__init__.py (_is_tracing, verbatim)
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: torchvision's own torchvision/__init__.py loads its compiled extension, datasets,
# io and transforms; the detection files call torchvision._is_tracing(), copied here. The
# corpus files import the other internals they need from the modules beside this one.
import torch


def _is_tracing():
    return torch._C._get_tracing_state()
