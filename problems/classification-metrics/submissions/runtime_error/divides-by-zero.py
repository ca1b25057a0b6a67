# Plain Python raises ZeroDivisionError on the example whose model predicts no positive.
def classification_metrics(actual, predicted):
    tp = sum(1 for a, p in zip(actual, predicted) if a == 1 and p == 1)
    fp = sum(1 for a, p in zip(actual, predicted) if a == 0 and p == 1)
    fn = sum(1 for a, p in zip(actual, predicted) if a == 1 and p == 0)
    tn = len(actual) - tp - fp - fn
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return {"accuracy": (tp + tn) / len(actual), "precision": precision, "recall": recall, "f1": f1}
