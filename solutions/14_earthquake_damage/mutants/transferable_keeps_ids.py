# caught by: test_feature_set_columns
"""The "transferable" set adds the field columns but keeps the region ids."""

import pandas as pd


def feature_set(table, which):
    frame = pd.DataFrame(table)
    if which == "region_ids":
        return encode_features(frame.drop(columns=["epicentral_distance_km", "mmi_estimate"]))
    return encode_features(frame)
