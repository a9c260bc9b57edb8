#!/usr/bin/env bash
# PosTerminal codec benchmark: the C# harness (PosTerminal.Benchmarks) against the npm package iso_8583 2.6.7,
# interleaved on the same machine in one script (node, dotnet, node, dotnet, ...), so that the ratio compares
# figures taken under the same load. Absolute times drift on a shared machine; the ratio is the figure to watch.
#
#   benchmarks/run.sh            # 3 rounds (default)
#   ROUNDS=5 benchmarks/run.sh   # more rounds (must fit in the time budget)
#
# Environment: ROUNDS (>= 2, default 3), NPM_OPS (ops per node measurement, default 50000), CS_OPS (ops per C#
# repeat, default 200000), CS_REPEATS (default 7), STRICT_OBJECTS=1 to also fail when a fresh IsoMessage is more
# than one heap object (see README.md, "Targets").
# Writes benchmarks/results/latest.json (gitignored) and exits non-zero when a target fails or a step fails.
# Bounded in time: every step gets at most the time left of a BUDGET_S second budget (default 240).
set -euo pipefail
trap 'rc=$?; echo "run.sh: step failed (exit $rc; 124 = time budget exceeded) at line $LINENO" >&2' ERR

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

ROUNDS="${ROUNDS:-3}"
NPM_OPS="${NPM_OPS:-50000}"
CS_OPS="${CS_OPS:-200000}"
CS_REPEATS="${CS_REPEATS:-7}"
STRICT_OBJECTS="${STRICT_OBJECTS:-0}"
MIN_RATIO=20
BUDGET_S="${BUDGET_S:-240}"
started=$SECONDS
# Seconds left of the budget, for `timeout` (at least 1: `timeout 0` would mean no limit).
left() {
  local l=$((BUDGET_S - (SECONDS - started)))
  echo $((l > 0 ? l : 1))
}
# Called before each step (in this shell, so that it can stop the script).
budget() {
  if [ $((SECONDS - started)) -ge "$BUDGET_S" ]; then
    echo "time budget of ${BUDGET_S}s used up before: $1" >&2
    exit 3
  fi
}

if [ "$ROUNDS" -lt 2 ]; then
  echo "ROUNDS must be at least 2" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

budget "npm ci"
echo "== npm ci (iso_8583 from package-lock.json)"
(cd npm-iso8583 && timeout "$(left)" npm ci --prefer-offline --no-audit --no-fund --loglevel=error)

budget "dotnet build"
echo "== dotnet build -c Release"
timeout "$(left)" dotnet build PosTerminal.Benchmarks/PosTerminal.Benchmarks.csproj -c Release -nologo -v quiet \
  > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "build failed" >&2; exit 1; }
harness="PosTerminal.Benchmarks/bin/Release/net10.0/PosTerminal.Benchmarks.dll"

for r in $(seq 1 "$ROUNDS"); do
  budget "node round $r"
  echo "== round $r/$ROUNDS: node bench.js $NPM_OPS"
  (cd npm-iso8583 && timeout "$(left)" node bench.js "$NPM_OPS") > "$work/npm.$r.out"
  tail -n 1 "$work/npm.$r.out" > "$work/npm.$r.json"
  echo "   $(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(`pack ${j.packPerSec}/s, unpack ${j.unpackPerSec}/s, pack+unpack ${j.packUnpackPerSec}/s`)' "$work/npm.$r.json")"

  budget "dotnet round $r"
  echo "== round $r/$ROUNDS: dotnet PosTerminal.Benchmarks --ops $CS_OPS --repeats $CS_REPEATS"
  # Exit code 1 = round trip mismatch: set -e stops the script here.
  timeout "$(left)" dotnet "$harness" --ops "$CS_OPS" --repeats "$CS_REPEATS" > "$work/cs.$r.out"
  grep -v '^JSON ' "$work/cs.$r.out" | sed 's/^/   /'
  grep '^JSON ' "$work/cs.$r.out" | sed 's/^JSON //' > "$work/cs.$r.json"
done

mkdir -p results
status=0
# Exit code 1 from this step = a target failed (the summary says which).
node - "$work" "$ROUNDS" "$MIN_RATIO" "$STRICT_OBJECTS" "$here/results/latest.json" <<'EOF' || status=$?
'use strict';
const fs = require('fs');
const os = require('os');
const { execSync } = require('child_process');
const [work, roundsArg, minRatioArg, strictArg, outPath] = process.argv.slice(2);
const rounds = Number(roundsArg);
const minRatio = Number(minRatioArg);
const strictObjects = strictArg === '1';

const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const npm = [], cs = [];
for (let r = 1; r <= rounds; r++) {
  npm.push(read(`${work}/npm.${r}.json`));
  cs.push(read(`${work}/cs.${r}.json`));
}
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};
const med = (list, f) => Math.round(median(list.map(f)));
const maxOf = (list, f) => Math.max(...list.map(f));

const m = {
  npm: {
    packPerSec: med(npm, (j) => j.packPerSec),
    unpackPerSec: med(npm, (j) => j.unpackPerSec),
    packUnpackPerSec: med(npm, (j) => j.packUnpackPerSec),
  },
};
for (const p of ['cup', 'ascii']) {
  m[p] = { wireBytes: cs[0][p].wireBytes, messageObjects: cs[0][p].messageObjects, messageLayout: cs[0][p].messageLayout };
  for (const k of ['pack', 'unpackReused', 'unpackFresh', 'newMessage', 'packUnpack']) {
    m[p][k] = {
      opsPerSec: med(cs, (j) => j[p][k].opsPerSec),
      bytesPerOp: maxOf(cs, (j) => j[p][k].bytesPerOp),
    };
  }
  m[p].unpackOwnBytesPerOp = maxOf(cs, (j) => j[p].unpackOwnBytesPerOp);
}
const ratio = m.ascii.packUnpack.opsPerSec / m.npm.packUnpackPerSec;
const perRoundRatio = cs.map((j, i) => j.ascii.packUnpack.opsPerSec / npm[i].packUnpackPerSec);

const targets = [];
const target = (name, ok, figure) => targets.push({ name, ok, figure });
for (const p of ['cup', 'ascii']) {
  const x = m[p];
  target(`${p}: pack allocates 0 B/op`, x.pack.bytesPerOp === 0, `${x.pack.bytesPerOp} B/op`);
  target(`${p}: unpack into a reused IsoMessage allocates 0 B/op`, x.unpackReused.bytesPerOp === 0, `${x.unpackReused.bytesPerOp} B/op`);
  target(`${p}: pack+unpack (reused) allocates 0 B/op`, x.packUnpack.bytesPerOp === 0, `${x.packUnpack.bytesPerOp} B/op`);
  target(`${p}: unpack into a fresh IsoMessage allocates only that message (Unpack itself 0 B/op)`,
    x.unpackOwnBytesPerOp === 0,
    `${x.unpackFresh.bytesPerOp} B/op = new IsoMessage ${x.newMessage.bytesPerOp} B + Unpack ${x.unpackOwnBytesPerOp} B; the message is ${x.messageObjects} heap objects`);
  if (strictObjects) {
    target(`${p}: a fresh IsoMessage is 1 heap object (STRICT_OBJECTS=1)`, x.messageObjects <= 1, `${x.messageObjects} objects: ${x.messageLayout}`);
  }
}
target(`ascii pack+unpack >= ${minRatio}x npm iso_8583 pack+unpack`, ratio >= minRatio, `${ratio.toFixed(1)}x`);

let cpu = 'unknown';
try { cpu = os.cpus()[0].model.trim(); } catch (e) { /* keep unknown */ }
let dotnetVersion = 'unknown';
try { dotnetVersion = execSync('dotnet --version', { encoding: 'utf8' }).trim(); } catch (e) { /* keep unknown */ }
const result = {
  date: new Date().toISOString(),
  machine: {
    cpu, logicalCpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, npmPackage: `${npm[0].package} ${npm[0].version}`,
    dotnetSdk: dotnetVersion, dotnetRuntime: cs[0].runtime,
  },
  settings: { rounds, npmOps: npm[0].ops, csOpsPerRepeat: cs[0].ops, csRepeats: cs[0].repeats },
  medians: m,
  ratio: Number(ratio.toFixed(2)),
  perRoundRatio: perRoundRatio.map((x) => Number(x.toFixed(2))),
  targets,
  pass: targets.every((t) => t.ok),
  rounds: { npm, cs },
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n');

const n = (x) => x.toLocaleString('en-US');
console.log('');
console.log(`== summary (${rounds} rounds, medians; B/op = worst round)  ${result.date}`);
console.log(`   machine: ${cpu}, ${result.machine.logicalCpus} CPUs, node ${process.version}, ${cs[0].runtime}`);
console.log(`   npm iso_8583 ${npm[0].version}: pack ${n(m.npm.packPerSec)}/s, unpack ${n(m.npm.unpackPerSec)}/s, pack+unpack ${n(m.npm.packUnpackPerSec)}/s`);
for (const p of ['cup', 'ascii']) {
  const x = m[p];
  console.log(`   C# ${p} (${x.wireBytes} B): pack ${n(x.pack.opsPerSec)}/s ${x.pack.bytesPerOp} B/op | unpack reused ${n(x.unpackReused.opsPerSec)}/s ${x.unpackReused.bytesPerOp} B/op | unpack fresh ${n(x.unpackFresh.opsPerSec)}/s ${x.unpackFresh.bytesPerOp} B/op | pack+unpack ${n(x.packUnpack.opsPerSec)}/s ${x.packUnpack.bytesPerOp} B/op`);
}
console.log(`   ratio C# ascii pack+unpack / npm pack+unpack: ${ratio.toFixed(1)}x (per round: ${perRoundRatio.map((x) => x.toFixed(1) + 'x').join(', ')})`);
for (const t of targets) console.log(`   ${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.figure}`);
console.log(`   written: benchmarks/results/latest.json`);
process.exit(result.pass ? 0 : 1);
EOF
exit "$status"
