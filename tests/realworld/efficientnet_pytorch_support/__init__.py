# convdims real-world corpus: a shim written for the corpus, not EfficientNet-PyTorch code.
# efficientnet_pytorch/__init__.py imports model.py (the corpus file
# efficientnet_pytorch_model.py) and utils.py (the verbatim copy beside this file).
