# Counts a 0 as a hit: these are the metrics of class 0, not of class 1.
def classification_metrics(actual, predicted):
    tp = sum(1 for a, p in zip(actual, predicted) if a == 0 and p == 0)
    fp = sum(1 for a, p in zip(actual, predicted) if a == 1 and p == 0)
    fn = sum(1 for a, p in zip(actual, predicted) if a == 0 and p == 1)
    tn = len(actual) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"accuracy": (tp + tn) / len(actual), "precision": precision, "recall": recall, "f1": f1}
