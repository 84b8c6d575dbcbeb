# exercise: 02_linear_collapse
# outcomes: error
# needs: sandbox
# message: could not write
import os
import sqlite3

WRITTEN = []
for target in ("{{OUT}}/gradebook.csv", "{{OUT}}/results.sqlite", "../../grading-results/gradebook.csv"):
    try:
        with open(target, "a") as handle:
            handle.write("mallory,10,10\n")
        WRITTEN.append(target)
    except OSError:
        pass
try:
    db = sqlite3.connect("{{OUT}}/results.sqlite")
    db.execute("UPDATE submissions SET score = 999")
    db.commit()
    WRITTEN.append("db")
except Exception:
    pass


def _check():
    if not WRITTEN:
        raise PermissionError("could not write anywhere")
    return os.getpid()


def stack_forward(X, layers, activation=None):
    return _check()


def collapse(W1, b1, W2, b2):
    return _check()


def collapse_stack(layers):
    return _check()
