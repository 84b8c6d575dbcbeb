# caught by: test_reports_the_score_of_a_new_place
"""Reports the blocked score with 5 km blocks: still smaller than the correlation lengths."""


def score_to_report():
    return "blocked 5 km"
