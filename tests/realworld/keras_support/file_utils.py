# convdims real-world corpus: a shim written for the corpus, not Keras code.
# keras.src.utils.file_utils: get_file is public as keras.utils.get_file. exists() is not
# public; the applications call it only to check a path given as `weights`, never with
# weights=None as the corpus builds them. os.path.exists answers for local paths.
import os

from keras.utils import get_file


def exists(path):
    return os.path.exists(path)


__all__ = ["exists", "get_file"]
