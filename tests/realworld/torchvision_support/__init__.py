# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision's own torchvision/__init__.py loads its compiled extension, datasets, io and
# transforms; the corpus files import the internals they need from the modules beside
# this one, so this package marker is all there is.
