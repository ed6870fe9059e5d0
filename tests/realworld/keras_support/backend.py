# convdims real-world corpus: a shim written for the corpus, not Keras code.
# keras.src.backend is public as keras.backend, except name_scope, which nasnet.py calls as
# backend.name_scope and Keras makes public as keras.name_scope.
from keras import name_scope
from keras.backend import *  # noqa: F403
