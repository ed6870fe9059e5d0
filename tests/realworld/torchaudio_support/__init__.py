# convdims real-world corpus: a shim written for the corpus, not torchaudio code.
# torchaudio's own __init__.py of this package imports its compiled extension or
# every model; the corpus file imports the verbatim modules beside this one.
