#!/usr/bin/env bash
# Soak benchmark (issue 6, item 6): SALES card sales (default 20,000) on 4 terminals through the fault-injection proxy
# with about 10 % faults of every kind (seeded by SEED), then the exact reconciliation of the terminals' outcomes with the
# simulator's ledger. It is the CI soak (PosTerminal.Tests/Host/Soak/SoakTests.cs, 2,000 sales) run larger; it prints
# the soak's report (time, sales/s, outcomes by result, faults by kind, ledger entries, owed reversals) and exits
# non-zero when the books do not balance. Figures are recorded in benchmarks/README.md ("Soak").
#
#   benchmarks/soak.sh                 # 20,000 sales
#   SALES=5000 SEED=7 benchmarks/soak.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sales=${SALES:-20000}
seed=${SEED:-20261127}
if ! [[ "$sales" =~ ^[0-9]+$ ]] || [ "$sales" -lt 100 ] || [ "$sales" -gt 200000 ]; then
  echo "SALES is 100..200000" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build PosTerminal.Tests/PosTerminal.Tests.csproj --nologo -v quiet >/dev/null
log=$(mktemp)
set +e
POSTERMINAL_SOAK_SALES=$sales POSTERMINAL_SOAK_SEED=$seed timeout 3600 \
  dotnet test PosTerminal.Tests/PosTerminal.Tests.csproj --no-build --filter "FullyQualifiedName~SoakTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1
rc=$?
set -e
sed -n '/^ *soak: /,/^ *proxy: /p' "$log" | sed 's/^ *//' | awk '!seen[$0]++'
if [ $rc -ne 0 ]; then
  echo "soak failed (exit $rc):" >&2
  grep -E "discrepanc|never injected|too few|Error Message" -A 12 "$log" | head -n 60 >&2
fi
rm -f "$log"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), sales $sales, seed $seed, $(nproc) cores"
exit $rc
