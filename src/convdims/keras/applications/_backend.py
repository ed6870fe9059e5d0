"""``keras.src.backend`` as nasnet.py uses it: ``keras.backend``'s functions and
``name_scope`` (which Keras makes public as ``keras.name_scope``)."""

from convdims.keras._scopes import name_scope  # noqa: F401 - re-exported
from convdims.keras.backend import *  # noqa: F403 - the same names as keras.backend
