# Right counts, but every metric rounded to 3 decimals: outside the 1e-9 tolerance, and no
# known mistake explains it.
def classification_metrics(actual, predicted):
    tp = sum(1 for a, p in zip(actual, predicted) if a == 1 and p == 1)
    fp = sum(1 for a, p in zip(actual, predicted) if a == 0 and p == 1)
    fn = sum(1 for a, p in zip(actual, predicted) if a == 1 and p == 0)
    tn = len(actual) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"accuracy": round((tp + tn) / len(actual), 3), "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}
