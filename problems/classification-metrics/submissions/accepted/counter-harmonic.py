# Counts the pairs with a Counter and takes F1 as the harmonic mean of P and R.
from collections import Counter


def classification_metrics(actual, predicted):
    cells = Counter(zip(actual, predicted))
    tp, fp, fn, tn = cells[(1, 1)], cells[(0, 1)], cells[(1, 0)], cells[(0, 0)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": (tp + tn) / len(actual), "precision": precision,
            "recall": recall, "f1": f1}
