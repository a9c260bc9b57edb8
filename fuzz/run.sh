#!/usr/bin/env bash
# Coverage-guided fuzzing with SharpFuzz + AFL++ (outside CI; see fuzz/README.md).
#
#   fuzz/run.sh [SECONDS] [TARGET...]     SECONDS per target (default 60, at most 86400); targets: iso tlv frame simulator console
#
# Installs what it needs (afl++ from Debian when afl-fuzz is missing; the sharpfuzz tool from the local manifest
# fuzz/dotnet-tools.json), builds fuzz/PosTerminal.Fuzz in Release into fuzz/out/bin, instruments PosTerminal.dll and
# AcquirerSimulator.dll there with sharpfuzz, writes the seed corpora to fuzz/corpus/<target>/ when missing, and runs
# afl-fuzz for SECONDS on each target in turn (-V, with a hard `timeout` behind it). Findings go to
# fuzz/out/findings/<target>/ (gitignored). Prints one line per target (execs, paths, edges, crashes, hangs) and replays
# every crash through the target to show the exception. Exit status: 0 when no target crashed, 1 otherwise, 2 on bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(iso tlv frame simulator console)
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 5 ] || [ "$seconds" -gt 86400 ]; then
  echo "usage: fuzz/run.sh [SECONDS 5..86400] [iso|tlv|frame|simulator|console ...]" >&2
  exit 2
fi
for t in "${targets[@]}"; do
  case "$t" in iso|tlv|frame|simulator|console) ;; *) echo "unknown target $t" >&2; exit 2 ;; esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 1. AFL++ (Debian package)
if ! command -v afl-fuzz >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y afl++
fi

# 2. the instrumentation tool, pinned by the local manifest
(cd fuzz && dotnet tool restore >/dev/null)

# 3. build into a clean folder (sharpfuzz refuses an assembly it already instrumented); keep an uninstrumented copy
# for writing the corpus and replaying crashes (instrumented code needs AFL's shared memory); instrument the code under test
out=fuzz/out/bin
plain=fuzz/out/plain
rm -rf "$out" "$plain"
dotnet build fuzz/PosTerminal.Fuzz/PosTerminal.Fuzz.csproj -c Release -o "$out" --nologo -v quiet
cp -r "$out" "$plain"
for dll in PosTerminal.dll AcquirerSimulator.dll; do
  (cd fuzz && dotnet tool run sharpfuzz "$root/$out/$dll" >/dev/null)
  echo "instrumented $dll"
done

# 4. seed corpora (committed; regenerated only when a folder is missing)
for t in "${targets[@]}"; do
  if [ ! -d "fuzz/corpus/$t" ]; then
    dotnet "$plain/PosTerminal.Fuzz.dll" corpus fuzz/corpus
    break
  fi
done

# 5. afl-fuzz, one target after the other. dotnet is not an AFL-instrumented binary (SharpFuzz instruments the IL),
# hence AFL_SKIP_BIN_CHECK; -m none because the CLR reserves far more virtual memory than AFL's default limit.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_AUTORESUME=1
status=0
summary=()
for t in "${targets[@]}"; do
  findings="fuzz/out/findings/$t"
  mkdir -p "$findings"
  echo "== $t: afl-fuzz for $seconds s =="
  set +e
  timeout --kill-after=30 $((seconds + 120)) \
    afl-fuzz -i "fuzz/corpus/$t" -o "$findings" -t 3000 -m none -V "$seconds" -- dotnet "$out/PosTerminal.Fuzz.dll" "$t" \
    > "fuzz/out/afl-$t.log" 2>&1
  rc=$?
  set -e
  stats="$findings/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "$t: afl-fuzz did not start (exit $rc); last lines of fuzz/out/afl-$t.log:"
    tail -n 25 "fuzz/out/afl-$t.log"
    status=1
    continue
  fi
  get() { sed -n "s/^$1 *: *//p" "$stats" | head -n 1; }
  line="$t: $(get execs_done) execs ($(get execs_per_sec)/s), $(get corpus_count) paths ($(get corpus_found) found), edges $(get edges_found)/$(get total_edges) ($(get bitmap_cvg)), crashes $(get saved_crashes), hangs $(get saved_hangs), ran $(( $(get last_update) - $(get start_time) )) s"
  echo "$line"
  summary+=("$line")
  crashes=("$findings"/default/crashes/id:*)
  if [ -e "${crashes[0]}" ]; then
    status=1
    echo "$t: replaying ${#crashes[@]} crash(es):"
    dotnet "$plain/PosTerminal.Fuzz.dll" replay "$t" "${crashes[@]}" | cut -c1-400 || true
  fi
done

echo
echo "== summary ($seconds s per target) =="
for l in "${summary[@]}"; do echo "$l"; done
exit $status
