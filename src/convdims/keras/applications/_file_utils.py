# Derived from Keras: https://github.com/keras-team/keras
# Path: keras/src/utils/file_utils.py (is_remote_path, _raise_if_no_gfile, exists)
# Tag: v3.15.1 (commit 250b42181ce9f37df68319d8f4753ec89a349a43). Licence: Apache-2.0
#   (Copyright The Keras team; see Keras's LICENSE).
# Changes: only the three functions the applications call, docstrings shortened; a
#   remote path is refused as Keras refuses it without TensorFlow's gfile (convdims
#   reaches no network).
"""What ``keras.applications`` asks of Keras's file utilities: whether ``weights`` names
an existing file."""

import os


def is_remote_path(filepath):
    """Whether ``filepath`` names a remote location (``/gcs``, ``gs://``, ``http://``...)."""
    import re

    if re.match(
        r"^(/cns|/cfs|/gcs|/hdfs|/readahead|/placer|/tfhub|.*://).*$",
        str(filepath),
    ):
        return True
    return False


def _raise_if_no_gfile(path):
    raise ValueError(
        "Handling remote paths requires installing TensorFlow "
        f"(in order to use gfile). Received path: {path}"
    )


def exists(path):
    """Whether the file ``path`` exists (a remote path is refused)."""
    if is_remote_path(path):
        _raise_if_no_gfile(path)
    return os.path.exists(path)
