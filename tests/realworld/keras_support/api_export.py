# convdims real-world corpus: a shim written for the corpus, not Keras code.
# keras.src.api_export.keras_export registers a function under its public names
# (keras.applications.ResNet50...) when Keras generates its API; a script that defines the
# model itself needs no registration, so the decorator returns the function unchanged.


def keras_export(path):
    def decorator(symbol):
        return symbol

    return decorator
