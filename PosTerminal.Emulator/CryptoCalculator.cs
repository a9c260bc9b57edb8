using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using PosTerminal.Crypto;
using PosTerminal.Emulator.Host;
using PosTerminal.Hal;

namespace PosTerminal.Emulator;

/// <summary>
/// The emulator's <c>crypto</c> command: a calculator for payment engineers over the firmware's own crypto
/// (PosTerminal.Crypto), so a frame, a PIN block or a key can be checked by hand: encrypt/decrypt, key check values,
/// MACs, PIN blocks, DUKPT derivation and track encryption. Hex in, hex out; <c>--json</c> prints one JSON object.
/// </summary>
/// <remarks>
/// Keys and PINs given as input are never echoed (a key shows only its check value) and a PAN is masked. Secret
/// results (derived keys, clear PIN blocks, PINs, clear tracks) are shown only with <c>--reveal</c>, which also
/// prints a warning; ciphertexts, MACs and check values are always shown. Usage errors are one-line messages and
/// exit code 2; an input that does not decrypt or decode (wrong key, PAN or format) exits with 1.
/// </remarks>
public static class CryptoCalculator
{
    /// <summary>Exit code: done.</summary>
    public const int Done = 0;

    /// <summary>Exit code: the input does not decrypt or decode (wrong key, PAN or format).</summary>
    public const int DoesNotDecode = 1;

    /// <summary>Exit code: a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>The text of <c>crypto --help</c>.</summary>
    public const string Usage = """
        crypto: the firmware's payment crypto on a PC, to check a frame, a PIN block or a key by hand.
        Hex in (spaces ignored), hex out. Input keys and PINs are never echoed: a key shows as its check value.
        Use test keys and test PINs only.

        usage: PosTerminal.Emulator crypto <subcommand> [options] [--json] [--reveal]

          encrypt|decrypt --alg des|tdes|aes|sm4 --key HEX (--data HEX | --ascii TEXT) [--mode ecb|cbc] [--iv HEX]
                whole blocks only (8 bytes DES/TDES, 16 AES/SM4), no padding added; --mode ecb by default,
                cbc with --iv (default: zeros)
          kcv --alg des|tdes|aes|sm4 --key HEX [--cmac] [--length N]
                key check value: E(key, zero block), 3 bytes; --cmac: CMAC(key, zero block), 5 bytes (AES keys)
          mac --method M --key HEX (--data HEX | --ascii TEXT) [--alg A] [--padding 1|2|3] [--length N] [--iv HEX]
                cup      UnionPay F64 "ECB" MAC, MAK of 8 bytes (DES) or 16 (TDES): 8 ASCII characters, text and hex
                cup-sm4  its SM4 variant (16-byte MAK); --length N ASCII characters, 1-32 (default 8)
                x919     ISO 9797-1 MAC algorithm 3 = ANSI X9.19 retail MAC, key K K' (16 bytes; --alg sm4: 32)
                alg1     ISO 9797-1 MAC algorithm 1 (CBC-MAC): des (8-byte key), tdes (16/24) or --alg aes|sm4;
                         --iv HEX starts the chain (FIPS 113)
                cmac     NIST SP 800-38B CMAC: --alg aes (default), tdes, des or sm4
                --padding: ISO 9797-1 padding method for x919 and alg1 (default 1);
                --length N: the leftmost N bytes of the MAC (default: all of it)
          pinblock --format 0|1|2|3|4 --pin DIGITS [--pan DIGITS] [--key HEX [--alg A]] [--random HEX]
                ISO 9564-1 PIN block: the clear block (format 4: PIN field and PAN field) and, with --key, the
                encrypted block (formats 0-3: tdes, des for an 8-byte key, or --alg sm4; format 4: aes).
                --pan for formats 0 and 3, and 4 with a key; --random: the bytes the random source gives, in
                order (formats 1 and 4: 8 bytes, format 3: 16), else the operating system's random generator
          pinblock --decrypt --format 0|1|2|3|4 --block HEX [--key HEX [--alg A]] [--pan DIGITS]
                the PIN out of an encrypted block (a clear block without --key); --pan for formats 0, 3 and 4
          dukpt (--bdk HEX | --ipek HEX) --ksn HEX [--variant pin|mac-request|mac-response|data-request|data-response]
                TDES DUKPT (ANSI X9.24-1), 10-byte KSN: IPEK, transaction key, variant key
          dukpt --aes (--bdk HEX | --ipek HEX) --ksn HEX [--usage U [--type T]]
                AES DUKPT (ANSI X9.24-3), 12-byte KSN: initial key, transaction key, working key;
                U: pin|mac-gen|mac-verify|mac-both|data-enc|data-dec|data-both|kek;
                T: aes128 (default)|aes192|aes256|tdes2|tdes3
          track [--cup | --dukpt] --key HEX [--alg A] --track TRACK [--decrypt]
                --cup (default): UnionPay TDB rule on track 2/3 digits with '=' (TDES, or --alg sm4)
                --dukpt: the whole track as ASCII, zero-padded, CBC with IV 0 (DUKPT readers), hex out
                --decrypt: TRACK is the encrypted track as sent; prints the clear track

          --json   one JSON object: the inputs (a key as its check value, never a key or a PIN) and the results
          --reveal show secret results: derived keys, clear PIN blocks, PINs, clear tracks (hidden otherwise)

        exit codes: 0 done, 1 the input does not decrypt or decode (wrong key, PAN or format?), 2 usage error

        examples:
          crypto kcv --alg tdes --key 0123456789ABCDEFFEDCBA9876543210
          crypto mac --method cup --key 2222222222222222 --data "1234567890ABCDEF ABCDEF1234567890"
          crypto dukpt --bdk 0123456789ABCDEFFEDCBA9876543210 --ksn FFFF9876543210E00001 --variant pin --json --reveal
        """;

    private static readonly string[] s_algorithms = ["des", "tdes", "aes", "sm4"];

    /// <summary>Runs <c>crypto</c> with its arguments at <paramref name="args"/>[start..]; returns the exit code.</summary>
    public static int Run(string[] args, int start, TextWriter output, TextWriter error)
    {
        if (start >= args.Length || args[start] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return start >= args.Length ? UsageError : Done;
        }
        for (int i = start; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return Done;
            }
        }

        string sub = args[start];
        try
        {
            Result r = sub switch
            {
                "encrypt" => Cipher(Options.Parse(args, start, ["alg", "key", "data", "ascii", "mode", "iv"], []), true),
                "decrypt" => Cipher(Options.Parse(args, start, ["alg", "key", "data", "ascii", "mode", "iv"], []), false),
                "kcv" => Kcv(Options.Parse(args, start, ["alg", "key", "length"], ["cmac"])),
                "mac" => Mac(Options.Parse(args, start, ["method", "alg", "key", "data", "ascii", "padding", "length", "iv"], [])),
                "pinblock" => PinBlockCommand(Options.Parse(args, start, ["format", "pin", "pan", "key", "alg", "random", "block"], ["decrypt"])),
                "dukpt" => Dukpt(Options.Parse(args, start, ["bdk", "ipek", "ksn", "variant", "usage", "type"], ["aes"])),
                "track" => Track(Options.Parse(args, start, ["key", "alg", "track"], ["cup", "dukpt", "decrypt"])),
                _ => throw new ArgumentException($"unknown crypto subcommand '{sub}': encrypt, decrypt, kcv, mac, pinblock, dukpt or track (try: crypto --help)"),
            };
            if (r.Warning != null) error.WriteLine("warning: " + r.Warning);
            r.Write(output);
            return Done;
        }
        catch (DecodeException e)
        {
            error.WriteLine("error: " + e.Message);
            return DoesNotDecode;
        }
        catch (ArgumentException e)
        {
            error.WriteLine("error: " + e.Message);
            return UsageError;
        }
    }

    // ------------------------------------------------------------------------------------------------ encrypt, decrypt

    private static Result Cipher(Options o, bool encrypt)
    {
        string alg = o.Choice("alg", s_algorithms, null);
        string mode = o.Choice("mode", ["ecb", "cbc"], "ecb");
        byte[] key = o.Hex("key");
        byte[] data = o.Data(allowEmpty: false);
        using IBlockCipher cipher = CreateCipher(alg, key);
        int bs = cipher.BlockSize;
        if (data.Length % bs != 0)
        {
            throw new ArgumentException($"--data is {data.Length} bytes, not a whole number of {bs}-byte {alg} blocks (no padding is added: pad the data yourself)");
        }

        Result r = new(o, o.Command);
        r.Add("alg", alg);
        r.Add("mode", mode);
        r.Add("keyKcv", KeyKcv(alg, cipher));
        byte[] result = new byte[data.Length];
        if (mode == "cbc")
        {
            byte[] iv = o.Has("iv") ? o.Hex("iv") : new byte[bs];
            if (iv.Length != bs) throw new ArgumentException($"--iv is {iv.Length} bytes; {alg} CBC takes a {bs}-byte IV");
            r.Add("iv", Hex(iv));
            byte[] chain = (byte[])iv.Clone();     // BlockModes leaves the last ciphertext block in it
            if (encrypt) BlockModes.EncryptCbc(cipher, data, 0, data.Length, result, 0, chain, 0);
            else BlockModes.DecryptCbc(cipher, data, 0, data.Length, result, 0, chain, 0);
        }
        else
        {
            if (o.Has("iv")) throw new ArgumentException("--iv is for --mode cbc");
            if (encrypt) BlockModes.EncryptEcb(cipher, data, 0, data.Length, result, 0);
            else BlockModes.DecryptEcb(cipher, data, 0, data.Length, result, 0);
        }
        r.Add("data", Hex(data));
        r.Add("result", Hex(result));
        return r;
    }

    // ------------------------------------------------------------------------------------------------ kcv

    private static Result Kcv(Options o)
    {
        string alg = o.Choice("alg", s_algorithms, null);
        byte[] key = o.Hex("key");
        bool cmac = o.Flag("cmac");
        using IBlockCipher cipher = CreateCipher(alg, key);
        int length = o.Int("length", 1, cipher.BlockSize, cmac ? KeyCheckValue.CmacLength : KeyCheckValue.LegacyLength,
            $"--length is 1 to {cipher.BlockSize} bytes for {alg}");
        byte[] kcv = new byte[length];
        if (cmac) KeyCheckValue.ComputeCmac(cipher, kcv, 0, length);
        else KeyCheckValue.ComputeLegacy(cipher, kcv, 0, length);

        Result r = new(o, "kcv");
        r.Add("alg", alg);
        r.Add("method", cmac ? "cmac" : "legacy");
        r.Add("length", length);
        r.Add("kcv", Hex(kcv));
        return r;
    }

    // ------------------------------------------------------------------------------------------------ mac

    private static Result Mac(Options o)
    {
        string method = o.Choice("method", ["cup", "cup-sm4", "x919", "alg1", "cmac"], null);
        byte[] key = o.Hex("key");
        byte[] data = o.Data(allowEmpty: true);
        bool blockMac = method is "x919" or "alg1";
        if (o.Has("padding") && !blockMac) throw new ArgumentException("--padding is for --method x919 and alg1 (cup pads with zeros, cmac has its own)");
        if (o.Has("iv") && method != "alg1") throw new ArgumentException("--iv is for --method alg1");
        if (o.Has("alg") && method is "cup" or "cup-sm4")
        {
            throw new ArgumentException("--alg is implied by --method cup (DES for an 8-byte MAK, TDES for 16) and cup-sm4 (SM4)");
        }
        if (o.Has("length") && method == "cup") throw new ArgumentException("--method cup always gives the 8 characters of F64 (--length is for the others)");

        Result r = new(o, "mac");
        r.Add("method", method);
        if (method is "cup" or "cup-sm4")
        {
            bool sm4 = method == "cup-sm4";
            string alg = sm4 ? "sm4" : key.Length == Des.KeyLength ? "des" : "tdes";
            if (sm4 && key.Length != Sm4.KeyLength) throw new ArgumentException($"--key: cup-sm4 takes a 16-byte SM4 MAK (32 hex digits), not {Bytes(key.Length)}");
            if (!sm4 && key.Length != Des.KeyLength && key.Length != TripleDes.DoubleKeyLength)
            {
                throw new ArgumentException($"--key: the cup MAC takes an 8-byte (DES) or 16-byte (TDES) MAK, not {Bytes(key.Length)}");
            }
            int length = sm4 ? o.Int("length", 1, 2 * Sm4.BlockLength, CupMac.DefaultOutputLength, "--length is 1 to 32 ASCII characters for cup-sm4") : CupMac.DefaultOutputLength;
            byte[] mac = new byte[length];
            using (CupMac m = sm4 ? CupMac.CreateSm4(key, 0, key.Length, length) : new CupMac(key, 0, key.Length))
            {
                m.Compute(data, 0, data.Length, mac, 0);
            }
            using IBlockCipher cipher = CreateCipher(alg, key);
            r.Add("alg", alg);
            r.Add("keyKcv", KeyKcv(alg, cipher));
            r.Add("data", Hex(data));
            r.Add("xor", Hex(XorBlocks(data, cipher.BlockSize)));   // step 1 of the CUP MAC, as acquirer worked examples print it
            r.Add("macText", Encoding.ASCII.GetString(mac));
            r.Add("mac", Hex(mac));
            return r;
        }

        MacPadding padding = (MacPadding)o.Int("padding", 1, 3, 1, "--padding is 1, 2 or 3 (ISO 9797-1 padding method)");
        byte[] full;
        string macAlg;
        IBlockCipher kcvCipher = null;
        try
        {
            if (method == "x919")
            {
                macAlg = o.Choice("alg", ["des", "sm4"], "des");
                int half = macAlg == "des" ? Des.KeyLength : Sm4.KeyLength;
                if (key.Length != 2 * half)
                {
                    throw new ArgumentException($"--key: x919 over {macAlg} takes K then K', {2 * half} bytes ({4 * half} hex digits), not {Bytes(key.Length)}");
                }
                using RetailMac m = macAlg == "des"
                    ? RetailMac.CreateX919(key, 0, key.Length, padding)
                    : new RetailMac(new Sm4(key, 0, half), new Sm4(key, half, half), padding, true);
                full = new byte[m.MacLength];
                m.Compute(data, 0, data.Length, full, 0);
                if (macAlg == "des") kcvCipher = new TripleDes(key, 0, key.Length);   // a K K' key is a double-length TDES key
                r.Add("alg", macAlg);
                r.Add("padding", (int)padding);
            }
            else if (method == "alg1")
            {
                macAlg = o.Choice("alg", s_algorithms, key.Length == Des.KeyLength ? "des" : "tdes");
                kcvCipher = CreateCipher(macAlg, key);
                using RetailMac m = new(CreateCipher(macAlg, key), null, padding, true);
                full = new byte[m.MacLength];
                r.Add("alg", macAlg);
                r.Add("padding", (int)padding);
                if (o.Has("iv"))
                {
                    byte[] iv = o.Hex("iv");
                    if (iv.Length != m.MacLength) throw new ArgumentException($"--iv is {iv.Length} bytes; {macAlg} takes a {m.MacLength}-byte IV");
                    r.Add("iv", Hex(iv));
                    m.Compute(data, 0, data.Length, iv, 0, full, 0);
                }
                else
                {
                    m.Compute(data, 0, data.Length, full, 0);
                }
            }
            else
            {
                macAlg = o.Choice("alg", s_algorithms, "aes");
                kcvCipher = CreateCipher(macAlg, key);
                using Cmac m = macAlg == "aes" ? new AesCmac(key, 0, key.Length) : new Cmac(CreateCipher(macAlg, key), true);
                full = new byte[m.MacLength];
                m.Compute(data, 0, data.Length, full, 0);
                r.Add("alg", macAlg);
            }
            if (kcvCipher != null) r.Add("keyKcv", KeyKcv(kcvCipher is TripleDes ? "tdes" : macAlg, kcvCipher));
        }
        finally
        {
            kcvCipher?.Dispose();
        }
        int n = o.Int("length", 1, full.Length, full.Length, $"--length is 1 to {full.Length} bytes for {method} over {macAlg}");
        r.Add("data", Hex(data));
        r.Add("mac", Convert.ToHexString(full, 0, n));
        return r;
    }

    private static byte[] XorBlocks(byte[] data, int blockSize)
    {
        byte[] x = new byte[blockSize];
        for (int i = 0; i < data.Length; i++) x[i % blockSize] ^= data[i];
        return x;
    }

    // ------------------------------------------------------------------------------------------------ pinblock

    private static Result PinBlockCommand(Options o)
    {
        int f = o.Int("format", 0, 4, -1, "--format is 0, 1, 2, 3 or 4 (ISO 9564-1)");
        if (f < 0) throw new ArgumentException("crypto pinblock needs --format 0|1|2|3|4");
        PinBlockFormat format = (PinBlockFormat)f;
        bool decrypt = o.Flag("decrypt");
        if (o.Has("alg") && !o.Has("key")) throw new ArgumentException("--alg goes with --key");
        byte[] key = o.Has("key") ? o.Hex("key") : null;
        string alg = key == null ? null : format == PinBlockFormat.Iso4
            ? o.Choice("alg", ["aes", "sm4"], "aes")
            : o.Choice("alg", ["des", "tdes", "sm4"], key.Length == Des.KeyLength ? "des" : "tdes");
        using IBlockCipher cipher = key == null ? null : CreateCipher(alg, key);
        bool panUsed = format is PinBlockFormat.Iso0 or PinBlockFormat.Iso3 || (format == PinBlockFormat.Iso4 && (key != null || !decrypt));
        bool panNeeded = format is PinBlockFormat.Iso0 or PinBlockFormat.Iso3 || (format == PinBlockFormat.Iso4 && key != null);
        byte[] pan = o.Has("pan") ? o.Digits("pan", PinBlock.MinPanLength, PinBlock.MaxPanLength, "--pan is 8 to 19 digits") : null;
        if (pan == null && panNeeded) throw new ArgumentException($"format {f} {(format == PinBlockFormat.Iso4 ? "with a key " : "")}needs --pan");
        if (pan != null && !panUsed) throw new ArgumentException($"format {f} does not use the PAN: leave out --pan");

        Result r = new(o, "pinblock");
        r.Add("operation", decrypt ? (key != null ? "decrypt" : "decode") : (key != null ? "encrypt" : "encode"));
        r.Add("format", f);
        if (pan != null) r.Add("pan", PosTerminal.Util.Mask.Pan(pan, 0, pan.Length));
        if (cipher != null)
        {
            r.Add("alg", alg);
            r.Add("keyKcv", KeyKcv(alg, cipher));
        }
        int clearLength = PinBlock.ClearLength(format);
        int panLength = pan?.Length ?? 0;

        if (!decrypt)
        {
            if (o.Has("block")) throw new ArgumentException("--block is for --decrypt");
            byte[] pin = o.Digits("pin", PinBlock.MinPinLength, PinBlock.MaxPinLength, "--pin is 4 to 12 digits (ISO 9564-1)");
            IRandom random = new CryptoRandom();
            if (o.Has("random"))
            {
                int needed = format switch { PinBlockFormat.Iso1 or PinBlockFormat.Iso4 => 8, PinBlockFormat.Iso3 => 16, _ => 0 };
                if (needed == 0) throw new ArgumentException($"--random is for formats 1, 3 and 4 (format {f} fills with F)");
                byte[] bytes = o.Hex("random");
                if (bytes.Length != needed) throw new ArgumentException($"--random: format {f} draws {needed} random bytes, not {bytes.Length}");
                random = new ReplayRandom(bytes);
            }
            r.Add("pinLength", pin.Length);
            byte[] block = new byte[cipher == null ? clearLength : Math.Max(clearLength, PinBlock.EncryptedLength(format, cipher))];
            Check(PinBlock.Encode(format, pin, 0, pin.Length, pan, 0, panLength, random, block, 0));
            Array.Clear(pin);
            r.Secret(format == PinBlockFormat.Iso4 ? "pinField" : "clearBlock", Convert.ToHexString(block, 0, clearLength));
            if (format == PinBlockFormat.Iso4 && pan != null)
            {
                byte[] panField = new byte[PinBlock.Format4Length];
                Check(PinBlock.EncodePanField4(pan, 0, panLength, panField, 0));
                r.Add("panField", Hex(panField));
            }
            if (cipher != null)
            {
                Check(PinBlock.EncryptInPlace(format, cipher, pan, 0, panLength, block, 0));
                r.Add("encryptedBlock", Convert.ToHexString(block, 0, PinBlock.EncryptedLength(format, cipher)));
            }
            Array.Clear(block);
            return r;
        }

        if (o.Has("pin")) throw new ArgumentException("--decrypt finds the PIN: leave out --pin");
        if (o.Has("random")) throw new ArgumentException("--random is for building a PIN block, not --decrypt");
        byte[] input = o.Hex("block");
        int expected = cipher == null ? clearLength : PinBlock.EncryptedLength(format, cipher);
        if (input.Length != expected)
        {
            string what = cipher == null ? $"a clear format {f} block" : $"format {f} under {alg}";
            throw new ArgumentException($"--block is {Bytes(input.Length)}; {what} is {expected} bytes");
        }
        r.Add("block", Hex(input));
        byte[] clear = new byte[expected];
        if (cipher != null)
        {
            PinBlockStatus s = PinBlock.Decrypt(format, cipher, input, 0, pan, 0, panLength, clear, 0);
            if (s != PinBlockStatus.Ok) throw new DecodeException(DecodeText(s, f));
        }
        else
        {
            Array.Copy(input, clear, expected);
        }
        byte[] pinOut = new byte[PinBlock.MaxPinLength];
        PinBlockStatus d = PinBlock.Decode(format, clear, 0, pan, 0, panLength, pinOut, 0, out int n);
        if (d != PinBlockStatus.Ok) throw new DecodeException(DecodeText(d, f));
        r.Secret(format == PinBlockFormat.Iso4 ? "pinField" : "clearBlock", Convert.ToHexString(clear, 0, clearLength));
        r.Secret("pin", Encoding.ASCII.GetString(pinOut, 0, n));
        return r;
    }

    private static void Check(PinBlockStatus s)
    {
        // Input is validated before the firmware is called, so these are backstops.
        if (s != PinBlockStatus.Ok) throw new ArgumentException("the PIN block cannot be built: " + s);
    }

    private static string DecodeText(PinBlockStatus s, int format) => s switch
    {
        PinBlockStatus.ControlInvalid => $"the clear block does not start with control nibble {format} (wrong key, format or PAN?)",
        PinBlockStatus.PinLengthInvalid => "the PIN length nibble is not 4 to C (wrong key or PAN?)",
        PinBlockStatus.PinNotDigits => "a PIN nibble is not a decimal digit (wrong key or PAN?)",
        PinBlockStatus.FillInvalid => $"a fill nibble is not what format {format} allows (wrong key, format or PAN?)",
        PinBlockStatus.PaddingInvalid => "the 8 padding bytes after the block are not zero (wrong key?)",
        _ => "the PIN block does not decode: " + s,
    };

    // ------------------------------------------------------------------------------------------------ dukpt

    private static Result Dukpt(Options o)
    {
        bool aes = o.Flag("aes");
        byte[] ksn = o.Hex("ksn");
        if (o.Has("bdk") == o.Has("ipek")) throw new ArgumentException("crypto dukpt takes either --bdk (host side) or --ipek (the terminal's initial key)");
        bool fromBdk = o.Has("bdk");
        byte[] baseKey = o.Hex(fromBdk ? "bdk" : "ipek");
        Result r = new(o, "dukpt");
        r.Add("scheme", aes ? "aes" : "tdes");
        r.Add("ksn", Hex(ksn));
        return aes ? DukptAesCommand(o, ksn, baseKey, fromBdk, r) : DukptTdesCommand(o, ksn, baseKey, fromBdk, r);
    }

    private static Result DukptTdesCommand(Options o, byte[] ksn, byte[] baseKey, bool fromBdk, Result r)
    {
        if (o.Has("usage") || o.Has("type")) throw new ArgumentException("--usage and --type are for AES DUKPT (--aes); TDES DUKPT takes --variant");
        if (ksn.Length != DukptTdes.KsnLength)
        {
            throw new ArgumentException($"--ksn is {Bytes(ksn.Length)}; TDES DUKPT takes a 10-byte KSN (20 hex digits){(ksn.Length == DukptAes.KsnLength ? ": for AES DUKPT add --aes" : "")}");
        }
        string option = fromBdk ? "--bdk" : "--ipek";
        if (baseKey.Length != DukptTdes.KeyLength) throw new ArgumentException($"{option}: TDES DUKPT takes a 16-byte key (32 hex digits), not {Bytes(baseKey.Length)}");
        string variantName = o.Choice("variant", ["none", "pin", "mac-request", "mac-response", "data-request", "data-response"], "none");
        DukptTdesVariant variant = variantName switch
        {
            "pin" => DukptTdesVariant.Pin,
            "mac-request" => DukptTdesVariant.MacRequest,
            "mac-response" => DukptTdesVariant.MacResponse,
            "data-request" => DukptTdesVariant.DataRequest,
            "data-response" => DukptTdesVariant.DataResponse,
            _ => DukptTdesVariant.None,
        };

        uint counter = DukptTdes.ReadCounter(ksn, 0);
        r.Add("counter", counter.ToString("X6", CultureInfo.InvariantCulture));
        using DukptTdes dukpt = new();
        byte[] ipek = new byte[DukptTdes.KeyLength];
        if (fromBdk)
        {
            using (TripleDes bdk = new(baseKey, 0, baseKey.Length)) r.Add("bdkKcv", KeyKcv("tdes", bdk));
            dukpt.DeriveIpek(baseKey, 0, ksn, 0, ipek, 0);
            r.Secret("ipek", Hex(ipek));
        }
        else
        {
            Array.Copy(baseKey, ipek, ipek.Length);
        }
        using (TripleDes k = new(ipek, 0, ipek.Length)) r.Add("ipekKcv", KeyKcv("tdes", k));
        if (counter == 0)
        {
            if (variant != DukptTdesVariant.None) throw new ArgumentException("KSN counter 0 is the initial KSN: it has an IPEK but no transaction key; give a KSN with a counter for --variant");
            return r;
        }
        byte[] key = new byte[DukptTdes.KeyLength];
        if (dukpt.DeriveTransactionKey(ipek, 0, ksn, 0, key, 0) != DukptStatus.Ok)
        {
            throw new ArgumentException($"KSN counter {counter:X6} has more than {DukptTdes.MaxOneBits} one-bits: an originating device never uses it (ANSI X9.24-1 A.1)");
        }
        r.Secret("transactionKey", Hex(key));
        if (variant != DukptTdesVariant.None)
        {
            dukpt.ApplyVariant(variant, key, 0);
            r.Add("variant", variantName);
            r.Secret("variantKey", Hex(key));
        }
        return r;
    }

    private static Result DukptAesCommand(Options o, byte[] ksn, byte[] baseKey, bool fromBdk, Result r)
    {
        if (o.Has("variant")) throw new ArgumentException("--variant is for TDES DUKPT; AES DUKPT takes --usage and --type");
        if (o.Has("type") && !o.Has("usage")) throw new ArgumentException("--type goes with --usage (the working key's use)");
        if (ksn.Length != DukptAes.KsnLength) throw new ArgumentException($"--ksn is {Bytes(ksn.Length)}; AES DUKPT takes a 12-byte KSN (24 hex digits)");
        string option = fromBdk ? "--bdk" : "--ipek";
        if (baseKey.Length is not (16 or 24 or 32)) throw new ArgumentException($"{option}: AES DUKPT takes a 16-, 24- or 32-byte AES key, not {Bytes(baseKey.Length)}");

        uint counter = DukptAes.ReadCounter(ksn, 0);
        r.Add("counter", counter.ToString("X8", CultureInfo.InvariantCulture));
        using DukptAes dukpt = new();
        byte[] ik = new byte[baseKey.Length];
        if (fromBdk)
        {
            using (AesCipher bdk = new(baseKey, 0, baseKey.Length)) r.Add("bdkKcv", KeyKcv("aes", bdk));
            dukpt.DeriveInitialKey(baseKey, 0, baseKey.Length, ksn, 0, ik, 0);
            r.Secret("initialKey", Hex(ik));
        }
        else
        {
            Array.Copy(baseKey, ik, ik.Length);
        }
        using (AesCipher k = new(ik, 0, ik.Length)) r.Add("initialKeyKcv", KeyKcv("aes", k));
        if (counter == 0)
        {
            if (o.Has("usage")) throw new ArgumentException("KSN counter 0 is the initial KSN: it has an initial key but no transaction key; give a KSN with a counter for --usage");
            return r;
        }
        byte[] txn = new byte[ik.Length];
        if (dukpt.DeriveTransactionKey(ik, 0, ik.Length, ksn, 0, txn, 0) != DukptStatus.Ok)
        {
            throw new ArgumentException($"KSN counter {counter:X8} has more than {DukptAes.MaxOneBits} one-bits: an originating device never uses it (ANSI X9.24-3)");
        }
        r.Secret("transactionKey", Hex(txn));
        if (!o.Has("usage")) return r;

        string usageName = o.Choice("usage", ["pin", "mac-gen", "mac-verify", "mac-both", "data-enc", "data-dec", "data-both", "kek"], null);
        DukptAesKeyUsage usage = usageName switch
        {
            "pin" => DukptAesKeyUsage.PinEncryption,
            "mac-gen" => DukptAesKeyUsage.MacGeneration,
            "mac-verify" => DukptAesKeyUsage.MacVerification,
            "mac-both" => DukptAesKeyUsage.MacBoth,
            "data-enc" => DukptAesKeyUsage.DataEncrypt,
            "data-dec" => DukptAesKeyUsage.DataDecrypt,
            "data-both" => DukptAesKeyUsage.DataBoth,
            _ => DukptAesKeyUsage.KeyEncryptionKey,
        };
        string typeName = o.Choice("type", ["aes128", "aes192", "aes256", "tdes2", "tdes3"], "aes128");
        DukptAesKeyType type = typeName switch
        {
            "aes192" => DukptAesKeyType.Aes192,
            "aes256" => DukptAesKeyType.Aes256,
            "tdes2" => DukptAesKeyType.Tdea2,
            "tdes3" => DukptAesKeyType.Tdea3,
            _ => DukptAesKeyType.Aes128,
        };
        byte[] working = new byte[DukptAes.KeyLength(type)];
        DukptStatus s = dukpt.DeriveWorkingKey(ik, 0, ik.Length, ksn, 0, usage, type, working, 0);
        if (s == DukptStatus.WorkingKeyTooStrong)
        {
            throw new ArgumentException($"--type {typeName} is stronger than the AES-{8 * ik.Length} initial key it would come from (ANSI X9.24-3 6.2.2)");
        }
        r.Add("usage", usageName);
        r.Add("type", typeName);
        r.Secret("workingKey", Hex(working));
        return r;
    }

    // ------------------------------------------------------------------------------------------------ track

    private static Result Track(Options o)
    {
        if (o.Flag("cup") && o.Flag("dukpt")) throw new ArgumentException("--cup and --dukpt are two conventions: pick one");
        bool dukpt = o.Flag("dukpt");
        bool decrypt = o.Flag("decrypt");
        byte[] key = o.Hex("key");
        string alg = o.Choice("alg", s_algorithms, key.Length switch { 8 => "des", 32 => "aes", _ => "tdes" });
        using IBlockCipher cipher = CreateCipher(alg, key);
        string track = o.Get("track") ?? throw new ArgumentException("crypto track needs --track");
        if (track.Length == 0) throw new ArgumentException("--track is empty");

        Result r = new(o, "track");
        r.Add("operation", decrypt ? "decrypt" : "encrypt");
        r.Add("convention", dukpt ? "dukpt" : "cup");
        r.Add("alg", alg);
        r.Add("keyKcv", KeyKcv(alg, cipher));
        int bs = cipher.BlockSize;

        if (!dukpt)
        {
            byte[] src = Encoding.ASCII.GetBytes(track);
            for (int i = 0; i < track.Length; i++)
            {
                char c = track[i];
                bool ok = decrypt ? Uri.IsHexDigit(c) : c is (>= '0' and <= '9') or '=' or 'D';
                if (!ok)
                {
                    throw new ArgumentException(decrypt
                        ? $"--track: character {i + 1} is not a hex digit (the encrypted UnionPay track is hex nibbles)"
                        : $"--track: character {i + 1} is not a digit or '=' (the UnionPay rule takes track 2/3 digits, no sentinels)");
                }
            }
            byte[] dst = new byte[track.Length + 2 * bs + 2];
            TrackCipherStatus s = decrypt
                ? TrackCipher.DecryptCup(cipher, src, 0, src.Length, dst, 0, out int n)
                : TrackCipher.EncryptCup(cipher, src, 0, src.Length, dst, 0, out n);
            if (s == TrackCipherStatus.LengthInvalid)
            {
                throw new ArgumentException($"--track: {track.Length} digits is too short for an encrypted UnionPay track under {alg} (at least {2 * bs + 1})");
            }
            if (s != TrackCipherStatus.Ok) throw new DecodeException($"the track does not decrypt to clear track digits under this key ({s}: wrong key or algorithm?)");
            string text = Encoding.ASCII.GetString(dst, 0, n);
            r.Add("digits", n);
            // the UnionPay rule leaves the PAN and most of the track clear in the field, so it is a secret too
            r.Secret(decrypt ? "track" : "field", text);
            return r;
        }

        if (!decrypt)
        {
            for (int i = 0; i < track.Length; i++)
            {
                if (track[i] is < ' ' or > '~') throw new ArgumentException($"--track: character {i + 1} is not printable ASCII");
            }
            byte[] src = Encoding.ASCII.GetBytes(track);
            byte[] dst = new byte[(src.Length + bs - 1) / bs * bs];
            TrackCipherStatus s = TrackCipher.EncryptDukpt(cipher, src, 0, src.Length, dst, 0, out int n);
            if (s != TrackCipherStatus.Ok) throw new ArgumentException("--track cannot be encrypted: " + s);
            r.Add("field", Convert.ToHexString(dst, 0, n));
            return r;
        }

        byte[] enc = o.Hex("track");
        if (enc.Length == 0 || enc.Length % bs != 0) throw new ArgumentException($"--track is {Bytes(enc.Length)}, not a whole number of {bs}-byte {alg} blocks");
        byte[] clear = new byte[enc.Length];
        TrackCipherStatus d = TrackCipher.DecryptDukpt(cipher, enc, 0, enc.Length, clear, 0, out int m);
        if (d != TrackCipherStatus.Ok) throw new DecodeException($"the data does not decrypt to a printable track under this key ({d}: wrong key, variant or algorithm?)");
        r.Secret("track", Encoding.ASCII.GetString(clear, 0, m));
        return r;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /// <summary>The firmware cipher for <paramref name="alg"/>, after checking the key length with a message for the user.</summary>
    private static IBlockCipher CreateCipher(string alg, byte[] key)
    {
        switch (alg)
        {
            case "des":
                if (key.Length != Des.KeyLength) throw KeyLength(alg, "an 8-byte key (16 hex digits)", key);
                return new Des(key, 0, key.Length);
            case "tdes":
                if (key.Length != TripleDes.DoubleKeyLength && key.Length != TripleDes.TripleKeyLength)
                {
                    throw KeyLength(alg, "a 16- or 24-byte key (32 or 48 hex digits)", key);
                }
                return new TripleDes(key, 0, key.Length);
            case "aes":
                if (key.Length is not (16 or 24 or 32)) throw KeyLength(alg, "a 16-, 24- or 32-byte key (32, 48 or 64 hex digits)", key);
                return new AesCipher(key, 0, key.Length);
            default:
                if (key.Length != Sm4.KeyLength) throw KeyLength(alg, "a 16-byte key (32 hex digits)", key);
                return new Sm4(key, 0, key.Length);
        }
    }

    private static ArgumentException KeyLength(string alg, string wanted, byte[] key) =>
        new($"--key: {alg} takes {wanted}, not {Bytes(key.Length)}");

    /// <summary>
    /// The check value shown for an input key instead of the key: E(key, zero block), 3 bytes (ANSI X9.24-1); for AES
    /// keys the CMAC form, 5 bytes (ANSI X9.24-3, TR-31).
    /// </summary>
    private static string KeyKcv(string alg, IBlockCipher cipher)
    {
        bool cmac = alg == "aes";
        byte[] kcv = new byte[cmac ? KeyCheckValue.CmacLength : KeyCheckValue.LegacyLength];
        if (cmac) KeyCheckValue.ComputeCmac(cipher, kcv, 0, kcv.Length);
        else KeyCheckValue.ComputeLegacy(cipher, kcv, 0, kcv.Length);
        return Hex(kcv);
    }

    private static string Hex(byte[] b) => Convert.ToHexString(b);

    private static string Bytes(int n) => n == 1 ? "1 byte" : $"{n} bytes";

    /// <summary>The input does not decrypt or decode: exit code 1, not a usage error.</summary>
    private sealed class DecodeException(string message) : Exception(message);

    /// <summary>An <see cref="IRandom"/> that hands out the given bytes in order (the <c>--random</c> option).</summary>
    private sealed class ReplayRandom(byte[] bytes) : IRandom
    {
        private int _next;

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            if (_next + count > bytes.Length) throw new ArgumentException("--random: the PIN block needs more random bytes than given");
            Array.Copy(bytes, _next, buffer, offset, count);
            _next += count;
        }
    }

    /// <summary>The options of one subcommand: <c>--name value</c> pairs and <c>--flag</c>s, each at most once.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string> _values = new();
        private readonly HashSet<string> _flags = new();

        private Options(string command) => Command = command;

        /// <summary>The subcommand, e.g. "mac".</summary>
        public string Command { get; }

        /// <summary>--json was given.</summary>
        public bool Json => _flags.Contains("json");

        /// <summary>--reveal was given: print derived keys, clear PIN blocks, PINs and clear tracks.</summary>
        public bool Reveal => _flags.Contains("reveal");

        public static Options Parse(string[] args, int start, string[] valueNames, string[] flagNames)
        {
            Options o = new(args[start]);
            for (int i = start + 1; i < args.Length; i++)
            {
                string a = args[i];
                // Never echo a stray argument: it may be a key or a PIN typed without its option.
                if (!a.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"crypto {o.Command}: argument {i - start} is not an option (options start with --, and each takes at most one value)");
                }
                string name = a[2..];
                if (name == "json" || name == "reveal" || Array.IndexOf(flagNames, name) >= 0)
                {
                    if (!o._flags.Add(name)) throw new ArgumentException($"{a} is given twice");
                }
                else if (Array.IndexOf(valueNames, name) >= 0)
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{a} needs a value");
                    if (!o._values.TryAdd(name, args[++i])) throw new ArgumentException($"{a} is given twice");
                }
                else
                {
                    throw new ArgumentException($"crypto {o.Command} has no option {a} (try: crypto --help)");
                }
            }
            return o;
        }

        public bool Has(string name) => _values.ContainsKey(name);

        public bool Flag(string name) => _flags.Contains(name);

        public string Get(string name) => _values.TryGetValue(name, out string v) ? v : null;

        /// <summary>A hex option (required), whitespace ignored, with a message that never repeats the value.</summary>
        public byte[] Hex(string name)
        {
            string s = Get(name) ?? throw new ArgumentException($"crypto {Command} needs --{name}");
            StringBuilder compact = new(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsWhiteSpace(c)) continue;
                if (!Uri.IsHexDigit(c)) throw new ArgumentException($"--{name} is not hex: character {i + 1} is not 0-9 or A-F (spaces are allowed)");
                compact.Append(c);
            }
            if (compact.Length % 2 != 0) throw new ArgumentException($"--{name} has {compact.Length} hex digits, an odd number: not a whole number of bytes");
            return Convert.FromHexString(compact.ToString());
        }

        /// <summary>The data: --data HEX or --ascii TEXT, exactly one.</summary>
        public byte[] Data(bool allowEmpty)
        {
            if (Has("data") == Has("ascii")) throw new ArgumentException($"crypto {Command} takes either --data HEX or --ascii TEXT");
            byte[] data;
            if (Has("data"))
            {
                data = Hex("data");
            }
            else
            {
                string text = Get("ascii");
                foreach (char c in text)
                {
                    if (c > '\x7F') throw new ArgumentException("--ascii takes ASCII text only (use --data HEX for other bytes)");
                }
                data = Encoding.ASCII.GetBytes(text);
            }
            if (data.Length == 0 && !allowEmpty) throw new ArgumentException($"--data is empty: nothing to {Command}");
            return data;
        }

        /// <summary>Decimal digits as ASCII bytes, <paramref name="min"/> to <paramref name="max"/> of them.</summary>
        public byte[] Digits(string name, int min, int max, string message)
        {
            string s = Get(name) ?? throw new ArgumentException($"crypto {Command} needs --{name}");
            if (s.Length < min || s.Length > max) throw new ArgumentException(message);
            foreach (char c in s)
            {
                if (c is < '0' or > '9') throw new ArgumentException(message);
            }
            return Encoding.ASCII.GetBytes(s);
        }

        /// <summary>A decimal option in [min, max], or <paramref name="absent"/> when not given.</summary>
        public int Int(string name, int min, int max, int absent, string message)
        {
            string s = Get(name);
            if (s == null) return absent;
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < min || v > max) throw new ArgumentException(message);
            return v;
        }

        /// <summary>One of <paramref name="allowed"/> (case-insensitive); <paramref name="absent"/> when not given, required when that is null.</summary>
        public string Choice(string name, string[] allowed, string absent)
        {
            string s = Get(name)?.ToLowerInvariant();
            if (s == null)
            {
                return absent ?? throw new ArgumentException($"crypto {Command} needs --{name} {string.Join('|', allowed)}");
            }
            if (Array.IndexOf(allowed, s) < 0) throw new ArgumentException($"--{name} is one of {string.Join(", ", allowed)}");
            return s;
        }
    }

    /// <summary>The named values a subcommand prints: aligned "name: VALUE" lines, or one JSON object with --json.</summary>
    private sealed class Result
    {
        private readonly List<KeyValuePair<string, object>> _items = new();
        private readonly bool _json;

        public Result(Options options, string command)
        {
            _json = options.Json;
            _reveal = options.Reveal;
            Add("command", command);
        }

        private readonly bool _reveal;

        /// <summary>
        /// Adds a secret result (a key, a clear PIN block, a PIN, a clear track): its value only with --reveal,
        /// otherwise a note saying how to see it. Nothing secret reaches the screen by default.
        /// </summary>
        public void Secret(string name, string value)
        {
            if (_reveal)
            {
                Add(name, value);
                Warning ??= "sensitive output (--reveal): use test keys, PINs and cards only";
            }
            else
            {
                Add(name, "(hidden: add --reveal)");
            }
        }

        /// <summary>A one-line warning for stderr (sensitive output), or null.</summary>
        public string Warning { get; set; }

        /// <summary>Adds a value (string or int) under a camelCase name; the text form prints it kebab-case.</summary>
        public void Add(string name, object value) => _items.Add(new(name, value));

        public void Write(TextWriter output)
        {
            if (_json)
            {
                JsonObject o = new();
                foreach (KeyValuePair<string, object> item in _items)
                {
                    o[item.Key] = item.Value is int i ? JsonValue.Create(i) : JsonValue.Create((string)item.Value);
                }
                output.WriteLine(o.ToJsonString());
                return;
            }
            int width = 0;
            foreach (KeyValuePair<string, object> item in _items) width = Math.Max(width, Label(item.Key).Length + 1);
            foreach (KeyValuePair<string, object> item in _items)
            {
                output.WriteLine((Label(item.Key) + ":").PadRight(width) + " " + Convert.ToString(item.Value, CultureInfo.InvariantCulture));
            }
        }

        private static string Label(string name)
        {
            StringBuilder b = new(name.Length + 4);
            foreach (char c in name)
            {
                if (char.IsUpper(c)) b.Append('-').Append(char.ToLowerInvariant(c));
                else b.Append(c);
            }
            return b.ToString();
        }
    }
}
