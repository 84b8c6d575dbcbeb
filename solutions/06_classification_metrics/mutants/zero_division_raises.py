# caught by: test_safe_divide
"""No zero-division rule: Python int division, so 0 / 0 raises ZeroDivisionError."""


def safe_divide(numerator, denominator, zero_division=0.0):
    return numerator / denominator
