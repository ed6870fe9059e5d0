# convdims real-world corpus: a shim written for the corpus, not KerasCV code.
# keras_cv/src/backend/config.py decides keras_3() by importing tensorflow.keras; the corpus
# runs Keras 3 alone.


def keras_3():
    """Check if Keras 3 is being used."""
    return True
