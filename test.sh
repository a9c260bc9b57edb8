#!/usr/bin/env bash
# Runs every test of the repository from a fresh clone: restores, builds the whole CLI solution (including the
# nanoFramework compile gates), runs the MSTest suite, and prints "N passed, N failed" from the real results.
# Needs only the .NET 10 SDK. Exit status: 0 when every test passed.
set -uo pipefail
cd "$(dirname "$0")"

results=TestResults
rm -rf "$results"
# Build everything first: the nanoFramework compile gates are not test projects, so `dotnet test` alone skips them.
if ! dotnet build PosTerminal.slnx --nologo -v minimal; then
  echo "the build failed (a compile gate, or the code)"
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet test PosTerminal.slnx --no-build --nologo \
  --logger "trx;LogFileName=posterminal.trx" --logger "console;verbosity=normal" \
  --results-directory "$results"
status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  echo "no test results were written"
  echo "0 passed, 1 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
timeout=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
aborted=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(( ${failed:-0} + ${errors:-0} + ${timeout:-0} + ${aborted:-0} ))
passed=${passed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
