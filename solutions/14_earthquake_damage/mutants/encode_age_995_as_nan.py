# caught by: test_encode_features_values, test_feature_set_columns
"""encode_features "cleans" the age: 995 (the original's code for heritage buildings) becomes NaN, not kept as is."""

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
            values = frame[column].to_numpy(dtype=float)
            if column == "age":
                values = np.where(values == 995, np.nan, values)
            parts.append(values)
            names.append(str(column))
    X = np.column_stack(parts) if parts else np.empty((len(frame), 0))
    return X, names
