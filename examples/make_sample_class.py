"""Write ``examples/sample_class/``: a small class whose grades are known in advance.

Every file is built from the one source of each exercise (reference solution,
generated stub, mutants), so the class stays in step with the exercises; a test
checks that the committed class equals what this script writes.

    python examples/make_sample_class.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from grader.authoring.notebook import make_notebook  # noqa: E402
from grader.exercise import Exercise, load_exercises  # noqa: E402
from grader.validate import mutant_source, reference_source, stub_source  # noqa: E402

CLASS = Path(__file__).resolve().parent / "sample_class"

# student -> exercise -> what they hand in
#   "solution" | "stub" | "mutant:<name>" | "syntax_error" | "import_error"
#   "notebook:<any of the above>" | "broken_notebook" | "partial:<function kept as stub>"
# An exercise left out means the student handed nothing in for it.
BASICS = ("01_neuron", "02_linear_collapse", "03_activations", "04_losses")
MORE = (
    "05_training",
    "06_classification_metrics",
    "07_ranking_regression_metrics",
    "08_submarine",
    "09_seismic_detection",
)
PITFALLS_AND_FORESTS = (
    "10_leakage",
    "11_autocorrelation",
    "12_imbalance_overfitting",
    "13_inside_forest",
    "14_earthquake_damage",
)
DEEP_DIVES = ("15_seismic_deep_dive",)

PLAN: dict[str, dict[str, str]] = {
    "alice": {e: "solution" for e in BASICS + MORE + PITFALLS_AND_FORESTS + DEEP_DIVES},
    "bob": {
        "01_neuron": "mutant:dense_forgot_bias",
        "02_linear_collapse": "mutant:biases_added",
        "03_activations": "mutant:softmax_no_max_shift",
        "04_losses": "mutant:bce_no_clip",
        "05_training": "mutant:grad_missing_factor_2",
        "06_classification_metrics": "mutant:precision_recall_swapped",
        "07_ranking_regression_metrics": "mutant:auc_ties_as_wins",
        "08_submarine": "mutant:no_hidden_activation",
        "09_seismic_detection": "mutant:sta_lta_swapped",
        "10_leakage": "mutant:clean_is_leaky",
        "11_autocorrelation": "mutant:split_shuffled",
        "12_imbalance_overfitting": "mutant:no_class_weights",
        "13_inside_forest": "mutant:gini_no_square",
        "14_earthquake_damage": "mutant:importance_impurity",
        "15_seismic_deep_dive": "mutant:threshold_on_training_noise",
    },
    "carol": {e: "stub" for e in BASICS + MORE + PITFALLS_AND_FORESTS + DEEP_DIVES},
    "dave": {
        "01_neuron": "syntax_error",
        "02_linear_collapse": "solution",
        "03_activations": "solution",
        "04_losses": "mutant:mae_squared",
        "06_classification_metrics": "syntax_error",
        "08_submarine": "mutant:scaler_fit_on_all_data",
        "14_earthquake_damage": "mutant:impute_before_cv",
    },
    "erin": {
        "01_neuron": "solution",
        "02_linear_collapse": "mutant:quiz_better",  # right code, wrong answer to the quiz
        "06_classification_metrics": "solution",
        "08_submarine": "mutant:why_noise",
    },
    "frank": {
        "01_neuron": "notebook:solution",
        "02_linear_collapse": "notebook:mutant:wrong_order",
        "03_activations": "notebook:solution",
        "04_losses": "notebook:solution",
        "05_training": "notebook:solution",
        "07_ranking_regression_metrics": "notebook:mutant:iou_recall",
    },
    "grace": {
        "01_neuron": "mutant:keras_relu",
        "02_linear_collapse": "solution",
        "03_activations": "mutant:xor_linear_hidden",
        "04_losses": "solution",
        "05_training": "mutant:tape_plus",
        "06_classification_metrics": "solution",
        "07_ranking_regression_metrics": "mutant:compare_ap_is_roc_area",
        "09_seismic_detection": "mutant:detector_always_noise",
        "13_inside_forest": "solution",
        "14_earthquake_damage": "mutant:oob_training_accuracy",
    },
    "heidi": {
        "01_neuron": "import_error",
        "02_linear_collapse": "partial:collapse_stack",
        "03_activations": "solution",
        "04_losses": "broken_notebook",
        "07_ranking_regression_metrics": "partial:roc_auc",
        "09_seismic_detection": "partial:train_detector",
        "11_autocorrelation": "partial:blocked_cv_score",
        "13_inside_forest": "notebook:mutant:vote_ties_largest",
        "15_seismic_deep_dive": "partial:detector_study",
    },
}


def _partial(exercise: Exercise, function: str) -> str:
    """The reference solution with one function still the stub's."""
    stub = stub_source(exercise)
    start = stub.index(f"def {function}(")
    end = stub.find("\ndef ", start + 1)
    return reference_source(exercise) + "\n\n" + stub[start : end if end != -1 else len(stub)]


def source_for(exercise: Exercise, kind: str) -> str:
    if kind == "solution":
        return reference_source(exercise)
    if kind == "stub":
        return stub_source(exercise)
    if kind.startswith("mutant:"):
        name = kind.split(":", 1)[1]
        mutant = exercise.folder / "mutants" / f"{name}.py"
        return mutant_source(exercise, mutant.read_text(encoding="utf-8"))
    if kind == "syntax_error":  # a forgotten closing parenthesis at the end of the file
        return reference_source(exercise) + '\n\nprint("finished!"\n'
    if kind == "import_error":  # a typo in an import
        return "import numpyy as np\n\n" + reference_source(exercise)
    if kind.startswith("partial:"):
        return _partial(exercise, kind.split(":", 1)[1])
    raise ValueError(f"unknown plan entry {kind!r}")


def write_class(target: Path = CLASS) -> None:
    exercises = load_exercises()
    if target.exists():
        shutil.rmtree(target)
    for student, plan in PLAN.items():
        for exercise_id, kind in plan.items():
            exercise = exercises[exercise_id]
            folder = target / student / exercise_id
            folder.mkdir(parents=True)
            if kind == "broken_notebook":
                (folder / f"{exercise.module_name}.ipynb").write_text('{"cells": [{"cell_type": "code", ', "utf-8")
            elif kind.startswith("notebook:"):
                source = source_for(exercise, kind.split(":", 1)[1])
                task = exercise.task_file.read_text(encoding="utf-8")
                public = exercise.public_tests.read_text(encoding="utf-8")
                notebook = make_notebook(exercise.title, task, source, public)
                (folder / f"{exercise.module_name}.ipynb").write_text(notebook, encoding="utf-8")
            else:
                (folder / exercise.student_file).write_text(source_for(exercise, kind), encoding="utf-8")


if __name__ == "__main__":
    write_class()
    print(f"wrote {CLASS}")
