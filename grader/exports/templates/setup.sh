#!/usr/bin/env bash
# Gradescope autograder set-up for exercise {{EXERCISE}}, written by `python -m grader export gradescope`.
# Gradescope runs it once, as root, when it builds the autograder image. It installs Python 3.11 (if the
# image lacks it), bubblewrap (where apt allows; without it the grader uses process isolation and says so),
# the kit's grading requirements into $AUTOGRADER_ROOT/venv, and the kit itself (pip install -e).
#
# AUTOGRADER_ROOT (default /autograder): the harness root; this file lies in $AUTOGRADER_ROOT/source.
# GRADER_SETUP_REUSE_VENV=/path/to/venv: install nothing, grade with that virtual environment's Python
#   (for testing the package on a machine that already has the kit's environment).
# GRADER_SETUP_SKIP_APT=1: no apt-get (Python 3.11 and bubblewrap must already be there).
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
started=$(date +%s)
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"  # TensorFlow's start-up chatter off the log

if [ -n "${GRADER_SETUP_REUSE_VENV:-}" ]; then
    python="$GRADER_SETUP_REUSE_VENV/bin/python"
    "$python" -c "import tensorflow, keras, pytest, jinja2, nbformat" \
        || { echo "setup.sh: $python cannot import the kit's requirements" >&2; exit 1; }
    echo "setup.sh: reusing $GRADER_SETUP_REUSE_VENV (GRADER_SETUP_REUSE_VENV is set): no apt-get, no pip"
    echo "$python" > "$SOURCE/.python"
    exit 0
fi

if [ -z "${GRADER_SETUP_SKIP_APT:-}" ] && command -v apt-get > /dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q bubblewrap \
        || echo "setup.sh: bubblewrap cannot be installed here; grading will use process isolation"
    if ! command -v python3.11 > /dev/null; then
        apt-get install -y -q python3.11 python3.11-venv || {
            apt-get install -y -q software-properties-common
            add-apt-repository -y ppa:deadsnakes/ppa
            apt-get update -q
            apt-get install -y -q python3.11 python3.11-venv
        }
    else
        apt-get install -y -q python3.11-venv || true
    fi
fi

python3.11 -m venv "$ROOT/venv"
python="$ROOT/venv/bin/python"
"$python" -m pip install --disable-pip-version-check --progress-bar off -r "$SOURCE/requirements.txt"
"$python" -m pip install --disable-pip-version-check --quiet --no-deps -e "$SOURCE"
echo "$python" > "$SOURCE/.python"
cd "$SOURCE"
"$python" -m grader doctor
echo "setup.sh: done in $(( $(date +%s) - started )) s"
