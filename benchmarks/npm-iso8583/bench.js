'use strict';
// PosTerminal baseline: pack/unpack throughput of the npm package iso_8583 2.6.7
// for one "typical sale" (0200) message. Usage: node bench.js [N]
// Prints one JSON line. The packed bytes carry no 2-byte length header.

const Iso8583 = require('iso_8583');
const VERSION = require('iso_8583/package.json').version;

const ops = Number.parseInt(process.argv[2] || '100000', 10);
if (!Number.isInteger(ops) || ops <= 0) {
  console.error('usage: node bench.js [N>0]');
  process.exit(2);
}

// The package's built-in field 64 is 'b' fixed MaxLen 8, i.e. 8 hex chars = 4 bytes.
// Override it so the MAC is 16 hex chars = 8 bytes on the wire.
const fieldOverrides = {
  64: { ContentType: 'b', Label: 'Message authentication code (MAC)', LenType: 'fixed', MaxLen: 16 },
};

const emvHex = [
  '9F2608A1B2C3D4E5F60708', '9F270180', '9F100807010103A0A80201', '9F370412345678',
  '9F36020011', '95050000000000', '9A03261127', '9C0100', '9F0206000000012345',
  '5F2A020156', '82027C00', '9F1A020156', '9F0306000000000000', '9F330360F8C8',
  '9F3403420300', '9F350122', '9F1E083132333435363738', '8408A000000333010101',
].join('');

const sale = {
  0: '0200',
  2: '6228480402564890018',
  3: '000000',
  4: '000000012345',
  11: '000123',
  14: '2912',
  22: '021',
  25: '00',
  35: '6228480402564890018=29121011234567890',
  41: '12345678',
  42: '123456789012345',
  49: '156',
  52: '0123456789ABCDEF', // 'b' fixed: hex string in, 8 raw bytes on the wire
  55: emvHex,             // 'ans' LLLVAR: sent as ASCII hex characters
  60: '22000001000',
  64: '1122334455667788', // 'b' fixed (overridden): 8 raw bytes on the wire
};

// Binary fields come back from unpack as lower-case hex.
const hexFields = new Set(['52', '64']);

function pack(msg) {
  const out = new Iso8583(msg, fieldOverrides).getRawMessage();
  if (!Buffer.isBuffer(out)) throw new Error('pack failed: ' + JSON.stringify(out));
  return out;
}

// One decoder instance can be reused: unpack state lives in a fresh object per call.
const decoder = new Iso8583(undefined, fieldOverrides);
const unpackOpts = { lenHeader: false };
function unpack(buf) {
  return decoder.getIsoJSON(buf, unpackOpts);
}

function verify(buf) {
  const back = unpack(buf);
  if (back.error) throw new Error('unpack failed: ' + back.error);
  const want = Object.keys(sale).sort();
  const got = Object.keys(back).sort();
  if (want.join(',') !== got.join(',')) throw new Error(`field set differs: ${got} vs ${want}`);
  for (const k of want) {
    const a = hexFields.has(k) ? sale[k].toUpperCase() : sale[k];
    const b = hexFields.has(k) ? back[k].toUpperCase() : back[k];
    if (a !== b) throw new Error(`field ${k}: sent ${a}, got back ${b}`);
  }
  if (!pack(back).equals(buf)) throw new Error('repacking the unpacked message gave different bytes');
}

function timeLoop(n, body) {
  const t0 = process.hrtime.bigint();
  body(n);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const wire = pack(sale);
verify(wire);

let sink = 0;
const packLoop = (n) => { for (let i = 0; i < n; i++) sink += pack(sale).length; };
const unpackLoop = (n) => { for (let i = 0; i < n; i++) sink += unpack(wire)['0'].length; };
const bothLoop = (n) => { for (let i = 0; i < n; i++) sink += unpack(pack(sale))['0'].length; };

const warm = Math.min(ops, 20000);
packLoop(warm);
unpackLoop(warm);
bothLoop(warm);

const packSec = timeLoop(ops, packLoop);
const unpackSec = timeLoop(ops, unpackLoop);
const bothSec = timeLoop(ops, bothLoop);
if (sink === 0) console.error('unexpected: sink is zero');

const rate = (s) => Math.round(ops / s);
console.log(JSON.stringify({
  package: 'iso_8583',
  version: VERSION,
  ops,
  packPerSec: rate(packSec),
  unpackPerSec: rate(unpackSec),
  packUnpackPerSec: rate(bothSec),
  messageHex: wire.toString('hex').toUpperCase(),
}));
