#!/bin/sh
# A one-off mutation run (issue 16), outside CI: mutmut 3 over the matching engine's core
# (deferred acceptance, who may meet whom, stability) and the generic check core, against
# their fast unit tests (about 40 minutes on 2 busy cores). Results and survivors: benchmarks/MUTATION.md.
#
#   .venv/bin/pip install mutmut          # into .venv only; not a pinned dependency
#   sh benchmarks/mutation.sh [STAGE [MUTANT-PATTERN...]]   # STAGE defaults to /tmp/osmosis-mutation
#   (patterns as mutmut takes them, e.g. 'osmosis_lab.matching.stability.*': check those first)
#   cd /tmp/osmosis-mutation && $OLDPWD/.venv/bin/mutmut results
#
# mutmut names a mutant by its module path from the source root and only knows the roots
# ".", "src" and "source", so the committed tree is staged with widgets/ as src/.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
stage=${1:-/tmp/osmosis-mutation}
[ $# -gt 0 ] && shift
rm -rf "$stage" && mkdir -p "$stage"
git -C "$repo" archive HEAD widgets tests data lessons pyproject.toml | tar -x -C "$stage"
mv "$stage/widgets" "$stage/src"
cat >> "$stage/pyproject.toml" <<'TOML'

[tool.mutmut]
source_paths = ["src"]
only_mutate = [
    "src/osmosis_lab/matching/deferred.py",
    "src/osmosis_lab/matching/eligibility.py",
    "src/osmosis_lab/matching/stability.py",
    "src/osmosis_lab/check/core.py",
    "src/osmosis_lab/check/plain.py",
    "src/osmosis_lab/check/exercise.py",
]
# An error's wording is tested by the engines' input tests and the fuzzer, not selected here;
# its condition (the `if` above the raise) is still mutated.
do_not_mutate_patterns = ["^\\s*raise "]
also_copy = ["data", "lessons"]
pytest_add_cli_args_test_selection = [
    "tests/test_matching_deferred.py",
    "tests/test_matching_eligibility.py",
    "tests/test_matching_eligibility_marks.py",
    "tests/test_matching_guard.py",
    "tests/test_matching_inputs.py",
    "tests/test_matching_lattice.py",
    "tests/test_matching_stability.py",
    "tests/test_matching_story.py",
    "tests/test_matching_unmatched.py",
    "tests/test_checks.py",
    "tests/test_check_core.py",
    "tests/test_check_core_mutants.py",
    "tests/test_check_exercise_mutants.py",
    "tests/test_check_lesson03.py",
    "tests/test_check_plain_mutants.py",
    "tests/test_number_words.py",
]
# It lists the check modules' mutable globals, to which mutmut's instrumentation adds.
pytest_add_cli_args = ["--deselect", "tests/test_checks.py::test_checks_keep_no_state_between_calls"]
TOML
cd "$stage"
# ci profile: derandomized hypothesis, so a mutant is killed or not by the same examples each time
CI=1 OPENBLAS_NUM_THREADS=1 nice -n 19 "$repo/.venv/bin/mutmut" run --max-children 2 "$@"
