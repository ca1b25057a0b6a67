# The two denominators exchanged: "precision" divides by the real positives.
def classification_metrics(actual, predicted):
    tp = fp = fn = tn = 0
    for a, p in zip(actual, predicted):
        if a == 1 and p == 1:
            tp += 1
        elif p == 1:
            fp += 1
        elif a == 1:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"accuracy": (tp + tn) / len(actual), "precision": precision, "recall": recall, "f1": f1}
