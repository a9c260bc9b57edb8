#!/usr/bin/env bash
# PosTerminal benchmarks, three sections in one script:
#  1. codec: the C# harness (PosTerminal.Benchmarks) against the npm package iso_8583 2.6.7, interleaved on the same
#     machine (node, dotnet, node, dotnet, ...), so that the ratio compares figures taken under the same load;
#  2. crypto: the same harness with --suite crypto, CRYPTO_ROUNDS processes: the portable ciphers and MACs against
#     .NET's DES/TripleDES/Aes and BouncyCastle's SM4 and MACs; in each process every portable loop and its
#     baseline are measured repeat by repeat, side by side;
#  3. magstripe: the same harness with --suite magstripe, one process: time and bytes per track 2 / track 1 swipe
#     decode from flux intervals, and the success rate over MAGSTRIPE_SWIPES generated swipes (plus as many damaged
#     ones: never a wrong track).
# Absolute times drift on a shared machine; the ratios are the figures to watch.
#
#   benchmarks/run.sh                  # all sections: 3 codec rounds, 3 crypto rounds, the magstripe run (default)
#   ROUNDS=5 benchmarks/run.sh         # more codec rounds (must fit in the time budget)
#   SUITES=crypto benchmarks/run.sh    # one section only (codec, crypto or magstripe)
#
# Environment: SUITES (default "codec crypto"); codec: ROUNDS (>= 2, default 3), NPM_OPS (ops per node measurement,
# default 50000), CS_OPS (ops per C# repeat, default 200000), CS_REPEATS (default 7), STRICT_OBJECTS=1 to also fail
# when a fresh IsoMessage is more than one heap object (see README.md, "Targets"); crypto: CRYPTO_ROUNDS (>= 1,
# default 3), CRYPTO_REPEATS (default 7), CRYPTO_REPEAT_MS (ms per repeat, default 50), CRYPTO_WARMUP_MS (warm-up
# per loop, default 300); magstripe: MAGSTRIPE_SWIPES (default 10000), MAGSTRIPE_REPEATS (7), MAGSTRIPE_REPEAT_MS (50),
# MAGSTRIPE_WARMUP_MS (300), MAGSTRIPE_SEED (default: random, printed).
# Writes benchmarks/results/latest.json (codec), results/crypto-latest.json (crypto) and results/magstripe-latest.json
# (magstripe), all gitignored, and exits non-zero when a target fails or a step fails.
# Bounded in time: every step gets at most the time left of a BUDGET_S second budget (default 270).
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
SUITES="${SUITES:-codec crypto magstripe}"
CRYPTO_ROUNDS="${CRYPTO_ROUNDS:-3}"
CRYPTO_REPEATS="${CRYPTO_REPEATS:-7}"
CRYPTO_REPEAT_MS="${CRYPTO_REPEAT_MS:-50}"
CRYPTO_WARMUP_MS="${CRYPTO_WARMUP_MS:-300}"
# Issue 3 point 10: portable TDES at most 5x slower than .NET's TripleDES, SM4 at most 3x slower than BouncyCastle's.
MAX_TDES_SLOWER=5
MAX_SM4_SLOWER=3
MAGSTRIPE_SWIPES="${MAGSTRIPE_SWIPES:-10000}"
MAGSTRIPE_REPEATS="${MAGSTRIPE_REPEATS:-7}"
MAGSTRIPE_REPEAT_MS="${MAGSTRIPE_REPEAT_MS:-50}"
MAGSTRIPE_WARMUP_MS="${MAGSTRIPE_WARMUP_MS:-300}"
MAGSTRIPE_SEED="${MAGSTRIPE_SEED:-$((RANDOM * 32768 + RANDOM))}"
# Issue 4 point 7: at least 99.9 % of generated track 2 swipes read, never a wrong track, no allocation per bit/char.
MIN_MAGSTRIPE_PERCENT=99.9
BUDGET_S="${BUDGET_S:-270}"
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
if [ "$CRYPTO_ROUNDS" -lt 1 ]; then
  echo "CRYPTO_ROUNDS must be at least 1" >&2
  exit 2
fi
run_codec=0
run_crypto=0
run_magstripe=0
for suite in $SUITES; do
  case "$suite" in
    codec) run_codec=1 ;;
    crypto) run_crypto=1 ;;
    magstripe) run_magstripe=1 ;;
    *) echo "SUITES: unknown suite '$suite' (codec, crypto, magstripe)" >&2; exit 2 ;;
  esac
done
if [ $((run_codec + run_crypto + run_magstripe)) -eq 0 ]; then
  echo "SUITES names no suite (codec, crypto, magstripe)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$run_codec" = 1 ]; then
  budget "npm ci"
  echo "== npm ci (iso_8583 from package-lock.json)"
  (cd npm-iso8583 && timeout "$(left)" npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi

budget "dotnet build"
echo "== dotnet build -c Release"
timeout "$(left)" dotnet build PosTerminal.Benchmarks/PosTerminal.Benchmarks.csproj -c Release -nologo -v quiet \
  > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "build failed" >&2; exit 1; }
harness="PosTerminal.Benchmarks/bin/Release/net10.0/PosTerminal.Benchmarks.dll"
mkdir -p results
status=0

# ---- codec section: node and dotnet rounds interleaved, then the codec summary ----
if [ "$run_codec" = 1 ]; then
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
fi

# ---- crypto section: CRYPTO_ROUNDS harness processes (portable and baselines side by side in each), then its summary ----
if [ "$run_crypto" = 1 ]; then
for r in $(seq 1 "$CRYPTO_ROUNDS"); do
  budget "crypto round $r"
  echo "== crypto round $r/$CRYPTO_ROUNDS: dotnet PosTerminal.Benchmarks --suite crypto --repeats $CRYPTO_REPEATS --repeat-ms $CRYPTO_REPEAT_MS --warmup-ms $CRYPTO_WARMUP_MS"
  # Exit code 1 = a portable output differs from .NET / BouncyCastle: set -e stops the script here.
  timeout "$(left)" dotnet "$harness" --suite crypto --repeats "$CRYPTO_REPEATS" --repeat-ms "$CRYPTO_REPEAT_MS" \
    --warmup-ms "$CRYPTO_WARMUP_MS" > "$work/crypto.$r.out"
  grep -v '^JSON ' "$work/crypto.$r.out" | sed 's/^/   /'
  grep '^JSON ' "$work/crypto.$r.out" | sed 's/^JSON //' > "$work/crypto.$r.json"
done

cstatus=0
# Exit code 1 from this step = a crypto target failed (the summary says which).
node - "$work" "$CRYPTO_ROUNDS" "$MAX_TDES_SLOWER" "$MAX_SM4_SLOWER" "$here/results/crypto-latest.json" <<'EOF' || cstatus=$?
'use strict';
const fs = require('fs');
const os = require('os');
const { execSync } = require('child_process');
const [work, roundsArg, maxTdesArg, maxSm4Arg, outPath] = process.argv.slice(2);
const rounds = Number(roundsArg);
const maxTdes = Number(maxTdesArg);
const maxSm4 = Number(maxSm4Arg);
const limits = { 'tdes-ecb': maxTdes, 'tdes-cbc': maxTdes, 'sm4-ecb': maxSm4, 'sm4-cbc': maxSm4 };

const runs = [];
for (let r = 1; r <= rounds; r++) runs.push(JSON.parse(fs.readFileSync(`${work}/crypto.${r}.json`, 'utf8')));
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};
const itemOf = (run, id) => {
  const it = run.items.find((x) => x.id === id);
  if (!it) throw new Error(`a round has no item ${id}`);
  return it;
};
const bytes = runs[0].messageBytes;

// Per item: median ops/s over the rounds, worst B/op of any repeat of any round, bytes allocated in all rounds.
const items = runs[0].items.map((first) => {
  const all = runs.map((run) => itemOf(run, first.id));
  const opsPerSec = Math.round(median(all.map((x) => x.opsPerSec)));
  return {
    id: first.id, group: first.group, title: first.title, label: first.label, portable: first.portable,
    opsPerSec, mbPerSec: Number((opsPerSec * bytes / 1e6).toFixed(1)),
    perRoundOpsPerSec: all.map((x) => x.opsPerSec),
    maxBytesPerOp: Math.max(...all.map((x) => x.maxBytesPerOp)),
    allocatedBytes: all.reduce((a, x) => a + x.allocatedBytes, 0),
    measuredOps: all.reduce((a, x) => a + x.measuredOps, 0),
  };
});
const byId = Object.fromEntries(items.map((x) => [x.id, x]));
// "x slower" = baseline ops/s / portable ops/s of one repeat (within a round the two loops are measured repeat by
// repeat, side by side, so load from other processes hits both alike); the figure is the median of these per-repeat
// ratios pooled over all rounds. Each round's own median and the ratio of the medians over the rounds are listed too.
const ratios = runs[0].ratios.map((first) => {
  const of = (run) => run.ratios.find((x) => x.group === first.group);
  const pooled = runs.flatMap((run) => of(run).slowerPerRepeat);
  const slower = median(pooled);
  return {
    group: first.group, title: first.title, portable: first.portable, baseline: first.baseline,
    baselineLabel: first.baselineLabel, slower: Number(slower.toFixed(3)),
    perRound: runs.map((run) => of(run).slower),
    ratioOfMedians: Number((byId[first.baseline].opsPerSec / byId[first.portable].opsPerSec).toFixed(3)),
    pairedRepeats: pooled.length,
    limit: limits[first.group] === undefined ? null : limits[first.group],
  };
});

const targets = [];
const target = (name, ok, figure) => targets.push({ name, ok, figure });
for (const x of items.filter((i) => i.portable)) {
  target(`${x.title}, ${x.label}: 0 B/op after warm-up`, x.allocatedBytes === 0,
    `${x.allocatedBytes} B over ${x.measuredOps.toLocaleString('en-US')} measured ops`);
}
for (const [group, limit] of Object.entries(limits)) {
  const r = ratios.find((x) => x.group === group);
  if (!r) {
    target(`${group}: measured`, false, 'missing from the harness output');
    continue;
  }
  target(`${r.title}: portable at most ${limit}x slower than ${r.baselineLabel}`, r.slower <= limit,
    `${r.slower.toFixed(2)}x (median of ${r.pairedRepeats} paired repeats; per round ${r.perRound.map((v) => v.toFixed(2) + 'x').join(', ')})`);
}

let cpu = 'unknown';
try { cpu = os.cpus()[0].model.trim(); } catch (e) { /* keep unknown */ }
let dotnetVersion = 'unknown';
try { dotnetVersion = execSync('dotnet --version', { encoding: 'utf8' }).trim(); } catch (e) { /* keep unknown */ }
const result = {
  date: new Date().toISOString(),
  machine: {
    cpu, logicalCpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    dotnetSdk: dotnetVersion, dotnetRuntime: runs[0].runtime, loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))),
  },
  settings: {
    rounds, messageBytes: bytes, repeats: runs[0].repeats, repeatMs: runs[0].repeatMs, warmupMs: runs[0].warmupMs,
    seeds: runs.map((r) => r.seed), verifiedComparisonsPerRound: runs[0].verifiedComparisons,
  },
  items,
  ratios,
  targets,
  pass: targets.every((t) => t.ok),
  rounds: runs,
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n');

const n = (x) => x.toLocaleString('en-US');
console.log('');
console.log(`== crypto summary (${rounds} rounds, ${bytes}-byte messages, medians over the rounds, B/op = worst repeat)  ${result.date}`);
console.log(`   machine: ${cpu}, ${result.machine.logicalCpus} CPUs, ${runs[0].runtime}, load average ${result.machine.loadAverage.join(' ')}`);
let group = null;
for (const x of items) {
  if (x.group !== group) {
    group = x.group;
    console.log(`   ${x.title}`);
  }
  console.log(`     ${x.label.padEnd(44)} ${n(x.opsPerSec).padStart(11)} ops/s ${x.mbPerSec.toFixed(1).padStart(7)} MB/s ${String(Number(x.maxBytesPerOp.toFixed(3))).padStart(8)} B/op`);
}
for (const r of ratios) {
  const faster = r.slower < 0.995 ? ` (${(1 / r.slower).toFixed(2)}x faster)` : '';
  const limit = r.limit === null ? '' : `; target <= ${r.limit}x`;
  console.log(`   ${r.title}: portable ${r.slower.toFixed(2)}x slower than ${r.baselineLabel}${faster}; per round ${r.perRound.map((v) => v.toFixed(2) + 'x').join(', ')}; ratio of the medians ${r.ratioOfMedians.toFixed(2)}x${limit}`);
}
for (const t of targets) console.log(`   ${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.figure}`);
console.log('   written: benchmarks/results/crypto-latest.json');
process.exit(result.pass ? 0 : 1);
EOF
if [ "$cstatus" -ne 0 ] && [ "$status" -eq 0 ]; then status=$cstatus; fi
fi

# ---- magstripe section: one harness process (cost per swipe, success rates), then its summary ----
if [ "$run_magstripe" = 1 ]; then
budget "magstripe"
echo "== magstripe: dotnet PosTerminal.Benchmarks --suite magstripe --swipes $MAGSTRIPE_SWIPES --repeats $MAGSTRIPE_REPEATS --repeat-ms $MAGSTRIPE_REPEAT_MS --warmup-ms $MAGSTRIPE_WARMUP_MS --seed $MAGSTRIPE_SEED"
# Exit code 1 = a timing swipe did not decode to its track: set -e stops the script here.
timeout "$(left)" dotnet "$harness" --suite magstripe --swipes "$MAGSTRIPE_SWIPES" --repeats "$MAGSTRIPE_REPEATS" \
  --repeat-ms "$MAGSTRIPE_REPEAT_MS" --warmup-ms "$MAGSTRIPE_WARMUP_MS" --seed "$MAGSTRIPE_SEED" > "$work/magstripe.out"
grep -v '^JSON ' "$work/magstripe.out" | sed 's/^/   /'
grep '^JSON ' "$work/magstripe.out" | sed 's/^JSON //' > "$work/magstripe.json"

mstatus=0
# Exit code 1 from this step = a magstripe target failed (the summary says which).
node - "$work/magstripe.json" "$MIN_MAGSTRIPE_PERCENT" "$here/results/magstripe-latest.json" <<'EOF' || mstatus=$?
'use strict';
const fs = require('fs');
const os = require('os');
const { execSync } = require('child_process');
const [inPath, minPercentArg, outPath] = process.argv.slice(2);
const run = JSON.parse(fs.readFileSync(inPath, 'utf8'));
const minPercent = Number(minPercentArg);
const item = (id) => run.items.find((x) => x.id === id);
const rate = (id) => run.rates.find((x) => x.id === id);

const targets = [];
const target = (name, ok, figure) => targets.push({ name, ok, figure });
for (const id of ['decode-track2', 'decode-track1']) {
  const x = item(id);
  target(`${x.label}: 0 B per swipe (nothing per bit or per character)`, x.allocatedBytes === 0,
    `${x.allocatedBytes} B over ${x.measuredOps.toLocaleString('en-US')} swipes`);
}
const t2 = rate('track2-clean');
target(`track 2: at least ${minPercent} % of ${t2.swipes.toLocaleString('en-US')} generated swipes read`, t2.percent >= minPercent,
  `${t2.percent.toFixed(3)} % (${t2.read.toLocaleString('en-US')} read)`);
for (const r of run.rates) {
  target(`${r.id}: no wrong track`, r.wrongTracks === 0, `${r.wrongTracks} wrong of ${r.swipes.toLocaleString('en-US')}`);
}

let cpu = 'unknown';
try { cpu = os.cpus()[0].model.trim(); } catch (e) { /* keep unknown */ }
let dotnetVersion = 'unknown';
try { dotnetVersion = execSync('dotnet --version', { encoding: 'utf8' }).trim(); } catch (e) { /* keep unknown */ }
const result = {
  date: new Date().toISOString(),
  machine: {
    cpu, logicalCpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    dotnetSdk: dotnetVersion, dotnetRuntime: run.runtime, loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))),
  },
  targets,
  pass: targets.every((t) => t.ok),
  run,
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n');

const n = (x) => Math.round(x).toLocaleString('en-US');
console.log('');
console.log(`== magstripe summary  ${result.date}`);
console.log(`   machine: ${cpu}, ${result.machine.logicalCpus} CPUs, ${run.runtime}, load average ${result.machine.loadAverage.join(' ')}; seed ${run.seed}`);
for (const x of run.items) {
  console.log(`   ${x.label.padEnd(40)} ${n(x.opsPerSec).padStart(9)} swipes/s ${x.microsPerSwipe.toFixed(2).padStart(8)} µs ${String(Number(x.maxBytesPerOp.toFixed(3))).padStart(6)} B/swipe`);
}
for (const r of run.rates) {
  const f = Object.entries(r.failures).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  console.log(`   ${r.id.padEnd(15)} ${r.read}/${r.swipes} read (${r.percent.toFixed(3)} %), wrong tracks ${r.wrongTracks}; failures: ${f}`);
}
for (const t of targets) console.log(`   ${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.figure}`);
console.log('   written: benchmarks/results/magstripe-latest.json');
process.exit(result.pass ? 0 : 1);
EOF
if [ "$mstatus" -ne 0 ] && [ "$status" -eq 0 ]; then status=$mstatus; fi
fi

echo "== run.sh: $((SECONDS - started)) s in all, exit $status"
exit "$status"
