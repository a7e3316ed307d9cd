"""Clustering scores for coreference: B-cubed, MUC, CEAF-e and their mean, the CoNLL F1."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations

Labels = Mapping[str, str]  # item -> cluster label


def clusters(labels: Labels) -> list[frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        out[label].add(item)
    return [frozenset(members) for members in out.values()]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Labels, predicted: Labels) -> tuple[float, float, float]:
    """Per item: the share of its predicted cluster that is right, and of its gold cluster found."""
    gold_of = {i: c for c in clusters(gold) for i in c}
    pred_of = {i: c for c in clusters(predicted) for i in c}
    p = sum(len(pred_of[i] & gold_of[i]) / len(pred_of[i]) for i in gold) / len(gold)
    r = sum(len(pred_of[i] & gold_of[i]) / len(gold_of[i]) for i in gold) / len(gold)
    return p, r, f1(p, r)


def _muc_side(keys: list[frozenset[str]], responses: list[frozenset[str]]) -> float:
    cluster_of = {i: n for n, c in enumerate(responses) for i in c}
    found = sum(len(k) - len({cluster_of.get(i, ("alone", i)) for i in k}) for k in keys)
    possible = sum(len(k) - 1 for k in keys)
    return found / possible if possible else 0.0


def muc(gold: Labels, predicted: Labels) -> tuple[float, float, float]:
    """Links: how many merges of the gold clusters the prediction reproduces (Vilain et al. 1995)."""
    g, p = clusters(gold), clusters(predicted)
    recall, precision = _muc_side(g, p), _muc_side(p, g)
    return precision, recall, f1(precision, recall)


def ceaf_e(gold: Labels, predicted: Labels) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005): the best one-to-one alignment of clusters under phi4."""
    g, p = clusters(gold), clusters(predicted)
    index_p = {i: n for n, c in enumerate(p) for i in c}
    weights: dict[tuple[int, int], float] = {}
    for a, key in enumerate(g):
        for b in {index_p[i] for i in key if i in index_p}:
            weights[(a, b)] = 2 * len(key & p[b]) / (len(key) + len(p[b]))
    total = _assignment(weights)
    precision, recall = total / len(p), total / len(g)
    return precision, recall, f1(precision, recall)


def _assignment(weights: dict[tuple[int, int], float]) -> float:
    """Maximum-weight one-to-one matching, solved per connected block so the matrices stay small."""
    neighbours: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for a, b in weights:
        neighbours[("g", a)].add(("p", b))
        neighbours[("p", b)].add(("g", a))
    seen: set[tuple[str, int]] = set()
    total = 0.0
    for start in list(neighbours):
        if start in seen:
            continue
        block, stack = [], [start]
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                block.append(node)
                stack.extend(neighbours[node] - seen)
        gs = sorted(n for s, n in block if s == "g")
        ps = sorted(n for s, n in block if s == "p")
        total += _best_matching([[weights.get((a, b), 0.0) for b in ps] for a in gs])
    return total


def _best_matching(matrix: list[list[float]]) -> float:
    """The Hungarian method (Kuhn-Munkres, O(n^3)) on the square padding of a weight matrix."""
    n = max(len(matrix), len(matrix[0]))
    cost = [[-(matrix[i][j] if i < len(matrix) and j < len(matrix[0]) else 0.0) for j in range(n)]
            for i in range(n)]
    u, v, owner, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for row in range(1, n + 1):
        owner[0], col0 = row, 0
        least, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while owner[col0]:
            used[col0], i0, delta, col1 = True, owner[col0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    here = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if here < least[j]:
                        least[j], way[j] = here, col0
                    if least[j] < delta:
                        delta, col1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            col0 = col1
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    return -sum(cost[owner[j] - 1][j - 1] for j in range(1, n + 1) if owner[j])


def pairwise(gold: Labels, predicted: Labels) -> tuple[float, float]:
    """Precision and recall over pairs of items put together (within gold or predicted clusters)."""
    def pairs(labels: Labels) -> set[tuple[str, str]]:
        return {pair for c in clusters(labels) for pair in combinations(sorted(c), 2)}
    same_gold, same_pred = pairs(gold), pairs(predicted)
    hits = len(same_gold & same_pred)
    return (hits / len(same_pred) if same_pred else 1.0, hits / len(same_gold) if same_gold else 1.0)


def clustering_scores(gold: Labels, predicted: Labels) -> dict[str, float]:
    """Every score rounded to 3 places; CoNLL F1 is the mean of MUC, B-cubed and CEAF-e F1."""
    b3, m, ce = bcubed(gold, predicted), muc(gold, predicted), ceaf_e(gold, predicted)
    pp, pr = pairwise(gold, predicted)
    scores = {"bcubed_precision": b3[0], "bcubed_recall": b3[1], "bcubed_f1": b3[2],
              "muc_f1": m[2], "ceaf_e_f1": ce[2], "conll_f1": (b3[2] + m[2] + ce[2]) / 3,
              "pairwise_precision": pp, "pairwise_recall": pr}
    return {k: round(v, 3) for k, v in scores.items()}
