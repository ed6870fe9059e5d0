"""``tensorflow`` for shapes: ``tf.keras`` is Keras 3 (TensorFlow 2.16 and later ship
it as ``tf.keras``), so ``from tensorflow.keras import layers`` and ``tf.keras.Model``
are the Keras lookalike. Nothing else of TensorFlow is stood in for: ``tf.constant``
and friends are reported as not available.

``__version__`` is the TensorFlow release whose ``tf.keras`` the oracle tests compare
with (Keras 3.15 on TensorFlow 2.21), for scripts that check it before choosing
``tf.keras`` over ``keras``.

>>> from convdims.keras import tensorflow as tf
>>> tf.keras.layers.Conv2D is tf.keras.layers.Conv2D, tf.__version__
(True, '2.21.0')
"""

from convdims import keras

__version__ = "2.21.0"

__all__ = ["keras"]
