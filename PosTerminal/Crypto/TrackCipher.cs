using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// Track data encryption (magnetic stripe track 2/3 in F35/F36, or a whole track for DUKPT readers), in the two
    /// conventions an acquirer profile can select. The caller passes the cipher already keyed with the right data key;
    /// nothing is allocated, and clear track data only ever sits in the caller's buffers (overwritten by ciphertext).
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>UnionPay POS convention</b> (<see cref="EncryptCup"/>; research notes cup-security.md §3). Sources: the
    /// vendor SDK text "磁道加密算法 4.4" at doc.xrtinfo.com/docs/ss_api/ss_api-1cb9530kl7sa4, which reads like CUP
    /// terminal-specification text (TDB2: in F35, start at the 2nd byte left of the end and take 8 bytes leftwards;
    /// TDB3 likewise from F36; too few bytes: fill with F on the right; ENC BLOCK = eTDK(TDB)); PAX EDC
    /// <c>Component.encryptTrack()</c> (imperial-it-hk/dolfin-emv-pax-a920-scb, app/src/main/java/com/pax/pay/trans/
    /// component/Component.java: pad an odd digit string with "0", BCD, take bTrack[len-9 .. len-1), TDES with the TDK,
    /// copy back, keep the digit count); Centerm EPOS <c>BaseField35.encryptTrackData()</c> (the same selection on the
    /// digit string, 16 bytes in SM4 mode, F fill when too short). So: the track as BCD nibbles ('=' is nibble D; an
    /// odd count gets one 0 pad nibble), the last byte is skipped, the <em>block-size</em> bytes before it (the TDB)
    /// are ECB-encrypted under the TDK and put back. The result is written as hex nibble characters '0'-'9', 'A'-'F'
    /// (the separator as 'D') with the same digit count, ready for a BCD F35/F36 whose nibbles may be any hex value.
    /// </para>
    /// <para>
    /// TDES (8-byte blocks): the TDB is 8 bytes, as every source has it. SM4 mode (国密, 16-byte blocks): the TDB is
    /// 16 bytes (32 digits), as Centerm's code does, because it is the only source for SM4 and because a full SM4 block
    /// keeps the digit count unchanged (an 8-byte TDB would need padding to 16 and make the field grow).
    /// </para>
    /// <para>
    /// A track too short to form the TDB (fewer than block size + 1 bytes, i.e. fewer than 17 digits under TDES):
    /// following the xrtinfo text ("pad right with F") and Centerm's code, the digits before the kept last byte are
    /// filled on the right with F to one block, encrypted, and the kept digits follow, so the field <em>grows</em> to
    /// 2 x block size + 1 or 2 digits (<c>dstLength</c> says how many). Leaving the track clear would send it in the
    /// clear under an F53 that says "encrypted"; PAX's code simply fails on such tracks (array index out of range).
    /// Real tracks 2 and 3 never are this short (PAN of 12+ digits, '=', expiry, service code). The inverse strips the
    /// F fill: F never occurs in a clear track, so the two cases cannot be confused.
    /// </para>
    /// <para>
    /// <b>DUKPT convention for international profiles</b> (<see cref="EncryptDukpt"/>; cup-security.md §6): the
    /// whole track as ASCII, zero-padded to a multiple of the block size, CBC with IV 0. MagTek MagneSafe V5 manual
    /// (track fields encrypted in CBC mode with IV 0, last block zero-padded, sentinels included) and ID TECH
    /// SecureMag manual (TDES-CBC, IV 0, zero padding). The key is the caller's choice and a profile setting: the
    /// X9.24-1 data-request key (data variant plus one-way function, ID TECH) or the PIN-variant key (MagTek's
    /// default, Property 0x54 = 0), TDES-CBC; or the AES DUKPT (X9.24-3) data-encryption key, AES-CBC. The sgbj/Dukpt.NET
    /// README vector (PIN variant) and the moov-io/dukpt data-request ciphertexts (dukpt.json) both decrypt this way.
    /// </para>
    /// </remarks>
    public static class TrackCipher
    {
        private const int SeparatorNibble = 0x0D;           // '=' in BCD track data (ISO/IEC 7813)
        private const int FillNibble = 0x0F;                // TDB fill of a too-short track (xrtinfo, Centerm)
        private const string HexDigits = "0123456789ABCDEF";

        // ---------------------------------------------------------------- UnionPay POS (TDK, TDB)

        /// <summary>
        /// Encrypts a clear track (ASCII '0'..'9' with '=' or 'D' as separator) with the UnionPay TDB rule under
        /// <paramref name="dataKey"/> (TDES, or SM4 in 国密 mode), writing <paramref name="dstLength"/> hex nibble
        /// characters: the track's own length, or 2 x block size + 1 or 2 for a track too short to form the TDB.
        /// <paramref name="dst"/> may be the track's own range (in place); other overlaps are not supported. Nothing
        /// is written unless the status is Ok.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or a buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        /// <exception cref="ArgumentException">The cipher's block size is neither 8 nor 16.</exception>
        public static TrackCipherStatus EncryptCup(IBlockCipher dataKey, byte[] track, int offset, int length,
            byte[] dst, int dstOffset, out int dstLength)
        {
            dstLength = 0;
            int bs = BlockSize(dataKey);
            CryptoArgs.CheckRange(track, offset, length);
            if (length < 1) return TrackCipherStatus.LengthInvalid;
            for (int i = 0; i < length; i++)
            {
                if (ClearNibble(track[offset + i]) < 0) return TrackCipherStatus.CharacterInvalid;
            }

            int tail = (length & 1) != 0 ? 1 : 2;            // digits of the last BCD byte (an odd count adds a 0 pad nibble)
            int tdbChars = 2 * bs;
            int head = length - tail - tdbChars;             // digits before the TDB; negative: too short, F fill
            int outLength = head >= 0 ? length : tdbChars + tail;
            CryptoArgs.CheckRange(dst, dstOffset, outLength);

            // The kept last digits first, into locals: in place, the F fill of a short track moves them right.
            int t0 = track[offset + length - tail];
            int t1 = tail == 2 ? track[offset + length - 1] : 0;
            int cleared = length - tail;                     // digits before the kept last byte
            for (int i = 0; i < cleared; i++) dst[dstOffset + i] = (byte)HexDigits[ClearNibble(track[offset + i])];
            int tdbStart = head >= 0 ? head : 0;
            for (int i = cleared; i < tdbStart + tdbChars; i++) dst[dstOffset + i] = (byte)HexDigits[FillNibble];
            int end = tdbStart + tdbChars;
            dst[dstOffset + end] = (byte)HexDigits[ClearNibble(t0)];
            if (tail == 2) dst[dstOffset + end + 1] = (byte)HexDigits[ClearNibble(t1)];
            t0 = 0;
            t1 = 0;

            CryptTdb(dataKey, true, dst, dstOffset + tdbStart, bs);
            dstLength = outLength;
            return TrackCipherStatus.Ok;
        }

        /// <summary>
        /// The inverse of <see cref="EncryptCup"/>: hex nibble characters (either case) in, the clear track out as
        /// ASCII digits with '=' as the separator, <paramref name="dstLength"/> characters (fewer than the input when
        /// the TDB carried F fill). <see cref="TrackCipherStatus.CharacterInvalid"/> when the input has a non-hex
        /// character, the parts outside the TDB are not clear track digits, or the decrypted TDB is not (wrong key);
        /// then the destination range is wiped. <paramref name="dst"/> may be the source's own range.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or a buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        /// <exception cref="ArgumentException">The cipher's block size is neither 8 nor 16.</exception>
        public static TrackCipherStatus DecryptCup(IBlockCipher dataKey, byte[] src, int offset, int length,
            byte[] dst, int dstOffset, out int dstLength)
        {
            dstLength = 0;
            int bs = BlockSize(dataKey);
            CryptoArgs.CheckRange(src, offset, length);
            int tail = (length & 1) != 0 ? 1 : 2;
            int tdbChars = 2 * bs;
            int head = length - tail - tdbChars;
            if (length < 1 || head < 0) return TrackCipherStatus.LengthInvalid;
            for (int i = 0; i < length; i++)
            {
                int v = HexNibble(src[offset + i]);
                if (v < 0) return TrackCipherStatus.CharacterInvalid;
                bool inTdb = i >= head && i < head + tdbChars;
                if (!inTdb && v > 9 && v != SeparatorNibble) return TrackCipherStatus.CharacterInvalid;
            }
            CryptoArgs.CheckRange(dst, dstOffset, length);

            for (int i = 0; i < length; i++) dst[dstOffset + i] = (byte)HexDigits[HexNibble(src[offset + i])];
            CryptTdb(dataKey, false, dst, dstOffset + head, bs);

            // F fill at the end of the TDB: only a too-short track (head 0) has it; drop it and close the gap.
            int fill = 0;
            while (fill < tdbChars && dst[dstOffset + head + tdbChars - 1 - fill] == HexDigits[FillNibble]) fill++;
            if (fill > 0 && head != 0)
            {
                Array.Clear(dst, dstOffset, length);
                return TrackCipherStatus.CharacterInvalid;
            }
            int keep = head + tdbChars - fill;
            for (int i = 0; i < tail; i++) dst[dstOffset + keep + i] = dst[dstOffset + head + tdbChars + i];
            int outLength = keep + tail;
            for (int i = 0; i < outLength; i++)
            {
                int v = HexNibble(dst[dstOffset + i]);
                if (v > 9 && v != SeparatorNibble)
                {
                    Array.Clear(dst, dstOffset, length);
                    return TrackCipherStatus.CharacterInvalid;
                }
                if (v == SeparatorNibble) dst[dstOffset + i] = (byte)'=';
            }
            if (outLength < length) Array.Clear(dst, dstOffset + outLength, length - outLength);
            dstLength = outLength;
            return TrackCipherStatus.Ok;
        }

        // ---------------------------------------------------------------- DUKPT readers (CBC, IV 0, zero padding)

        /// <summary>
        /// Encrypts a whole track (printable ASCII, sentinels included if the profile sends them) the DUKPT-reader
        /// way: zero-padded to a multiple of the block size, CBC with IV 0, under <paramref name="dataKey"/> (TDES with
        /// the X9.24-1 data-request or PIN-variant key, or AES with the X9.24-3 data-encryption key). Writes
        /// <paramref name="dstLength"/> = the length rounded up to the block size. <paramref name="dst"/> may be the
        /// track's own range. Nothing is written unless the status is Ok.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or a buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        /// <exception cref="ArgumentException">The cipher's block size is neither 8 nor 16.</exception>
        public static TrackCipherStatus EncryptDukpt(IBlockCipher dataKey, byte[] track, int offset, int length,
            byte[] dst, int dstOffset, out int dstLength)
        {
            dstLength = 0;
            int bs = BlockSize(dataKey);
            CryptoArgs.CheckRange(track, offset, length);
            if (length < 1) return TrackCipherStatus.LengthInvalid;
            for (int i = 0; i < length; i++)
            {
                if (!Printable(track[offset + i])) return TrackCipherStatus.CharacterInvalid;
            }
            int outLength = (length + bs - 1) / bs * bs;
            CryptoArgs.CheckRange(dst, dstOffset, outLength);
            Array.Copy(track, offset, dst, dstOffset, length);
            if (outLength > length) Array.Clear(dst, dstOffset + length, outLength - length);
            for (int b = 0; b < outLength; b += bs)
            {
                int p = dstOffset + b;
                if (b > 0)
                {
                    for (int j = 0; j < bs; j++) dst[p + j] ^= dst[p - bs + j];   // C(i-1); C(0) = IV = 0
                }
                dataKey.EncryptBlock(dst, p, dst, p);
            }
            dstLength = outLength;
            return TrackCipherStatus.Ok;
        }

        /// <summary>
        /// The inverse of <see cref="EncryptDukpt"/>: CBC-decrypts (IV 0) a whole number of blocks and drops the zero
        /// padding, writing the <paramref name="dstLength"/> track characters. <see cref="TrackCipherStatus.PaddingInvalid"/>
        /// when a block or more of zeros ends the plaintext, <see cref="TrackCipherStatus.CharacterInvalid"/> when the
        /// rest is not printable ASCII (wrong key or variant); then the destination range is wiped.
        /// <paramref name="dst"/> may be the source's own range.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or a buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        /// <exception cref="ArgumentException">The cipher's block size is neither 8 nor 16.</exception>
        public static TrackCipherStatus DecryptDukpt(IBlockCipher dataKey, byte[] src, int offset, int length,
            byte[] dst, int dstOffset, out int dstLength)
        {
            dstLength = 0;
            int bs = BlockSize(dataKey);
            CryptoArgs.CheckRange(src, offset, length);
            if (length < 1 || length % bs != 0) return TrackCipherStatus.LengthInvalid;
            CryptoArgs.CheckRange(dst, dstOffset, length);
            Array.Copy(src, offset, dst, dstOffset, length);
            // Last block first: the previous ciphertext block is still in place when a block is un-chained.
            for (int b = length - bs; b >= 0; b -= bs)
            {
                int p = dstOffset + b;
                dataKey.DecryptBlock(dst, p, dst, p);
                if (b > 0)
                {
                    for (int j = 0; j < bs; j++) dst[p + j] ^= dst[p - bs + j];
                }
            }

            int n = length;
            while (n > 0 && dst[dstOffset + n - 1] == 0) n--;
            TrackCipherStatus s = TrackCipherStatus.Ok;
            if (length - n >= bs || n == 0)
            {
                s = TrackCipherStatus.PaddingInvalid;
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    if (!Printable(dst[dstOffset + i]))
                    {
                        s = TrackCipherStatus.CharacterInvalid;
                        break;
                    }
                }
            }
            if (s != TrackCipherStatus.Ok)
            {
                Array.Clear(dst, dstOffset, length);
                return s;
            }
            dstLength = n;
            return TrackCipherStatus.Ok;
        }

        // ---------------------------------------------------------------- internals

        private static int BlockSize(IBlockCipher cipher)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (bs != 8 && bs != 16) throw new ArgumentException();
            return bs;
        }

        // Packs the 2 x bs hex characters at buf[p] into bs bytes at buf[p], encrypts or decrypts them in place (ECB, one
        // block) and spreads them back into 2 x bs hex characters. Byte j is written at p + j only after characters
        // p + 2j and p + 2j + 1 were read (j <= 2j); the spreading runs from the last byte down, so byte j is read before
        // characters p + 2j, p + 2j + 1 (both >= p + j) are written. No scratch buffer is needed.
        private static void CryptTdb(IBlockCipher cipher, bool encrypt, byte[] buf, int p, int bs)
        {
            for (int j = 0; j < bs; j++)
            {
                buf[p + j] = (byte)((HexNibble(buf[p + 2 * j]) << 4) | HexNibble(buf[p + 2 * j + 1]));
            }
            if (encrypt) cipher.EncryptBlock(buf, p, buf, p);
            else cipher.DecryptBlock(buf, p, buf, p);
            for (int j = bs - 1; j >= 0; j--)
            {
                int b = buf[p + j];
                buf[p + 2 * j] = (byte)HexDigits[b >> 4];
                buf[p + 2 * j + 1] = (byte)HexDigits[b & 0x0F];
            }
        }

        // Nibble of a clear track character: '0'..'9', and the separator written '=' or 'D'/'d'; -1 otherwise.
        private static int ClearNibble(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c == '=' || c == 'D' || c == 'd') return SeparatorNibble;
            return -1;
        }

        private static int HexNibble(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }

        private static bool Printable(int c)
        {
            return c >= 0x20 && c < 0x7F;
        }
    }
}
