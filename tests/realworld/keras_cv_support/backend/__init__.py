# convdims real-world corpus: a shim written for the corpus, not KerasCV code.
# keras_cv/src/backend/__init__.py picks Keras 3 or tf.keras by asking TensorFlow, which is
# not installed here, and wraps keras.ops; on Keras 3 its `keras` is the keras package and
# its `ops` re-exports keras.ops, which is what this shim gives.
import keras
from keras import ops

__all__ = ["keras", "ops"]
