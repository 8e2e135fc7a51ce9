"""Distributional word clusters: a tagger feature learned from raw news text.

Words used in the same contexts (the words just before and after them) fall
in the same cluster, so the tagger can generalise from names it saw in
training to names it did not (a club, a minister, a town). Built once from
SaudiNewsNet (unlabelled Saudi newspaper articles of 2015) by
:func:`build_clusters`: positive PMI of left/right neighbour counts, reduced
by truncated SVD and grouped by k-means (scikit-learn). The table shipped in
``data/word_clusters.tsv.gz`` holds only words and cluster numbers.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import zipfile
from collections import Counter
from importlib import resources
from pathlib import Path

from marsad.entities.ner import TOKEN_RE
from marsad.entities.words import key
from marsad.errors import DataFileError

CLUSTERS_NAME = "word_clusters.tsv.gz"


def iter_saudinewsnet(folder: str | Path):
    """Yield article bodies from a SaudiNewsNet folder (one zipped JSON array per day).

    Raises
    ------
    DataFileError
        If the folder holds no ``*.zip`` files.
    """
    paths = sorted(glob.glob(os.path.join(str(folder), "*.zip")))
    if not paths:
        raise DataFileError(f"[E340] no SaudiNewsNet zip files in {folder}")
    for p in paths:
        with zipfile.ZipFile(p) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    yield art.get("content") or ""


def build_clusters(texts, out_path: str | Path, vocab_size: int = 60000, context_size: int = 3000,
                   dims: int = 100, sizes: tuple = (1000, 250, 60), seed: int = 0) -> dict:
    """Cluster the words of ``texts`` by their neighbours and write the table.

    Parameters
    ----------
    texts : iterable of str
    out_path : str or Path
        Gzipped TSV ``key<TAB>cluster<TAB>cluster...``, one column per size.
    vocab_size : int, default 60000
        Most frequent words clustered.
    context_size : int, default 3000
        Most frequent words used as left/right contexts.
    dims : int, default 100
        SVD dimensions.
    sizes : tuple of int, default (1000, 250, 60)
        Numbers of k-means clusters, finest first.
    seed : int, default 0

    Returns
    -------
    dict
        ``{"tokens", "words", "seconds"}``.
    """
    import time

    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    t0 = time.perf_counter()
    docs = [[key(t) for t in TOKEN_RE.findall(x)] for x in texts]
    freq = Counter(w for d in docs for w in d if w)
    vocab = [w for w, _ in freq.most_common(vocab_size)]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:context_size])}
    rows, cols = [], []
    for d in docs:
        for a, b in zip(d, d[1:]):
            if a in index and b in ctx:
                rows.append(index[a])
                cols.append(ctx[b])          # right neighbour
            if b in index and a in ctx:
                rows.append(index[b])
                cols.append(context_size + ctx[a])  # left neighbour
    m = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)),
                          shape=(len(vocab), 2 * context_size)).tocsr()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(m.sum(axis=0)).ravel() + 1e-9
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    vec = normalize(TruncatedSVD(dims, random_state=seed).fit_transform(ppmi))
    labels = [MiniBatchKMeans(n, random_state=seed, n_init=3, batch_size=4096).fit_predict(vec)
              for n in sizes]
    with gzip.open(out_path, "wt", encoding="utf-8") as fh:
        for i, w in enumerate(vocab):
            fh.write(w + "".join(f"\t{lab[i]}" for lab in labels) + "\n")
    return {"tokens": sum(freq.values()), "words": len(vocab),
            "seconds": round(time.perf_counter() - t0, 1)}


def load_clusters(path: str | Path | None = None) -> dict[str, tuple]:
    """Return ``{key: (cluster, ...)}`` (finest first) from a cluster table (default: the bundled one).

    A missing bundled table gives an empty mapping (the tagger then runs
    without cluster features).
    """
    if path is None:
        res = resources.files("marsad.entities").joinpath("data", CLUSTERS_NAME)
        if not res.is_file():
            return {}
        path = str(res)
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            w, *labels = line.rstrip("\n").split("\t")
            out[w] = tuple(labels)
    return out
