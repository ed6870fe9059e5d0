# convdims real-world corpus: a shim written for the corpus, not KerasCV code.
# KerasCV's __init__.py of this package imports every model in it; the corpus
# files import the modules they need directly, so this package marker is empty.
