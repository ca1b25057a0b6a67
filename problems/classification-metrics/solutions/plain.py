def classification_metrics(actual, predicted):
    tp = fp = fn = tn = 0
    for truth, guess in zip(actual, predicted):
        if guess == 1:
            if truth == 1:
                tp += 1
            else:
                fp += 1
        elif truth == 1:
            fn += 1
        else:
            tn += 1

    n = tp + fp + fn + tn
    # An empty denominator means the metric has nothing to measure: 0 by the exercise's rule.
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    return {"accuracy": (tp + tn) / n, "precision": precision, "recall": recall, "f1": f1}
