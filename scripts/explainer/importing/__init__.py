"""`explainer import`: existing fact-check data (a ClaimReview feed, or a CSV/TSV file with a mapping)
as story records."""
