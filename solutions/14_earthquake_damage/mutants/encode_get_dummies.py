# caught by: test_encode_features_keeps_all_levels
"""encode_features uses pd.get_dummies alone: levels missing from the table get no column."""

import pandas as pd


def encode_features(table):
    frame = pd.DataFrame(table)
    categorical = [column for column in frame.columns if column in CATEGORIES]
    encoded = pd.get_dummies(frame, columns=categorical)
    return encoded.to_numpy(dtype=float), list(encoded.columns)
