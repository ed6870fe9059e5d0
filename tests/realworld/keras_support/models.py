# convdims real-world corpus: a shim written for the corpus, not Keras code.
# keras.src.models.Functional is what the public keras.Model(inputs, outputs, name=...)
# builds (Model.__new__ returns a Functional for that call); Sequential is public.
from keras import Model as Functional
from keras import Sequential

__all__ = ["Functional", "Sequential"]
