# convdims real-world corpus: a shim written for the corpus, not Keras code.
# keras.src.ops.operation_utils.get_source_inputs is public as keras.utils.get_source_inputs.
from keras.utils import get_source_inputs

__all__ = ["get_source_inputs"]
