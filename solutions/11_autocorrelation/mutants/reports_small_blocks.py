"""Reports the blocked score with 5 km blocks: still smaller than the correlation lengths."""


def score_to_report():
    return "blocked 5 km"
