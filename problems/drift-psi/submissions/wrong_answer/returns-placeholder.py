def drift_psi(reference, live, edges):
    """The population stability index and the two-sample KS statistic of two samples.

    reference, live: the two samples (lists of numbers, any order, sizes may differ)
    edges: k bin edges in increasing order, making k + 1 bins
        (-inf, e0), [e0, e1), ..., [e(k-1), +inf): a value equal to an edge goes in the bin above

    PSI: per bin, E = share of reference values, A = share of live values (count / own size);
    raise every share below 0.0001 to 0.0001; psi = sum of (A - E) * ln(A / E), natural log.
    KS: the largest |F_ref(x) - F_live(x)|, where F(x) is the share of a sample at or below x.

    Returns a dict with exactly the keys "psi" and "ks".
    """
    # TODO: bin both samples for the PSI; walk both sorted samples for the KS statistic.
    return {"psi": 0.0, "ks": 0.0}
