def classification_metrics(actual, predicted):
    """Accuracy, precision, recall and F1 of a binary classifier.

    actual: the true labels, a list of 0s and 1s (1 is the positive class)
    predicted: the model's labels, a list of 0s and 1s of the same length

    Count TP (actual 1, predicted 1), FP (0, 1), FN (1, 0) and TN (0, 0), then:
        accuracy  = (TP + TN) / n
        precision = TP / (TP + FP), or 0 when TP + FP = 0
        recall    = TP / (TP + FN), or 0 when TP + FN = 0
        f1        = 2·precision·recall / (precision + recall), or 0 when that sum is 0

    Returns a dict with exactly the keys "accuracy", "precision", "recall" and "f1".
    """
    # TODO: count the confusion matrix and compute the four metrics.
    return {"accuracy": 0.0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
