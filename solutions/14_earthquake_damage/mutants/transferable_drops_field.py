# caught by: test_transferable_beats_baseline
"""The "transferable" set drops the region ids and the field columns too: nothing tells the shaking."""

import pandas as pd


def feature_set(table, which):
    frame = pd.DataFrame(table)
    if which == "region_ids":
        return encode_features(frame.drop(columns=["epicentral_distance_km", "mmi_estimate"]))
    return encode_features(
        frame.drop(columns=["geo_level_1_id", "geo_level_2_id", "epicentral_distance_km", "mmi_estimate"])
    )
