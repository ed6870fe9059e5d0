# convdims real-world corpus: a shim written for the corpus, not torchgan code.
# torchgan/__init__.py imports the whole library (losses, trainers, logging); the model
# files need only models/model.py, the verbatim copy beside this file.
