# caught by: test_encode_features_property, test_feature_set_property
"""encode_features squeezes X: a table of one row (or one column) loses an axis."""

import numpy as np
import pandas as pd


def encode_features(table):
    frame = pd.DataFrame(table)
    parts, names = [], []
    for column in frame.columns:
        if column in CATEGORIES:
            values = frame[column].astype(str).to_numpy()
            for level in CATEGORIES[column]:
                parts.append((values == level).astype(float))
                names.append(f"{column}_{level}")
        else:
            parts.append(frame[column].to_numpy(dtype=float))
            names.append(str(column))
    return np.squeeze(np.column_stack(parts)), names
