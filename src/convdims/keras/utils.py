"""``keras.utils``: ``clear_session`` lives here too in Keras 3."""

from convdims.keras.backend import clear_session

__all__ = ["clear_session"]
