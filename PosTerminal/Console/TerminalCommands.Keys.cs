using System;
using PosTerminal.Config;
using PosTerminal.Crypto;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.TechConsole
{
    // Key check values, key loading by components, factory reset.
    internal sealed partial class TerminalCommands
    {
        private const string FactoryResetWord = "erase";

        private static readonly KeySlot[] s_allSlots =
        {
            KeySlot.MasterKey, KeySlot.PinKey, KeySlot.MacKey, KeySlot.TrackKey, KeySlot.DukptInitialKey
        };

        private CommandStatus ShowKeys(ConsoleSession session)
        {
            session.WriteLine("master key (TMK): " + KeyText(KeySlot.MasterKey));
            session.WriteLine("PIN key (PIK):    " + KeyText(KeySlot.PinKey));
            session.WriteLine("MAC key (MAK):    " + KeyText(KeySlot.MacKey));
            session.WriteLine("track key (TDK):  " + KeyText(KeySlot.TrackKey));
            DukptState dukpt = _terminal.Dukpt;
            Ksn ksn = dukpt.Current;
            string d = ksn == null ? "no initial key loaded"
                : (ksn.IsAes ? "AES" : "TDES") + ", KSN " + ksn.ToString() + (dukpt.HasKey ? "" : " (exhausted: load a new initial key)");
            session.WriteLine("DUKPT:            " + d);
            session.WriteLine("security in force: " + _config.Current.SecurityName);
            return CommandStatus.Done;
        }

        private string KeyText(KeySlot slot)
        {
            SecretKey k = _terminal.Keys.Get(slot);
            if (k == null) return "not loaded";
            return SecretKey.AlgorithmName(k.Algorithm) + " " + k.Length.ToString() + " bytes, KCV " + k.CheckValue;
        }

        // key-load tmk 2|3 [tdes|sm4]  /  key-load dukpt 2|3 <ksn>
        private CommandStatus KeyLoad(ConsoleSession session, string[] args)
        {
            if (args.Length < 2 || args.Length > 3) return CommandStatus.Usage;
            string kind = CommandLine.ToLower(args[0]);
            int components = args[1] == "2" ? 2 : args[1] == "3" ? 3 : 0;
            if (components == 0) return CommandStatus.Usage;
            KeyAlgorithm algorithm;
            Ksn ksn = null;
            if (kind == "tmk")
            {
                string a = args.Length == 3 ? CommandLine.ToLower(args[2]) : "tdes";
                if (a == "tdes") algorithm = KeyAlgorithm.Tdes;
                else if (a == "sm4") algorithm = KeyAlgorithm.Sm4;
                else return CommandStatus.Usage;
            }
            else if (kind == "dukpt")
            {
                if (args.Length != 3) return CommandStatus.Usage;
                if (!Ksn.TryParse(args[2], out ksn))
                {
                    session.Error("a KSN is 20 hex digits (TDES DUKPT) or 24 (AES DUKPT)");
                    return CommandStatus.Done;
                }
                algorithm = ksn.IsAes ? KeyAlgorithm.Aes : KeyAlgorithm.Tdes;
            }
            else
            {
                return CommandStatus.Usage;
            }
            SecretKey key = ReadComponents(session, algorithm, components);
            if (key == null) return CommandStatus.Done;
            string kcv = key.CheckValue;
            if (ksn == null)
            {
                // Put takes the key (and wipes it when the store fails); a new master key drops (and wipes) the working
                // keys, so it waits for a transaction using them to end.
                bool stored;
                lock (_terminal.TransactionLock) stored = _terminal.Keys.Put(KeySlot.MasterKey, key);
                if (!stored)
                {
                    session.Error(ConsoleMessages.Key(KeyLoadStatus.StorageFailure) + "; nothing stored");
                    return CommandStatus.Done;
                }
                session.WriteLine("master key loaded, KCV " + kcv + "; working keys cleared: sign on next");
                return CommandStatus.Done;
            }
            DukptKeyStatus s;
            try
            {
                lock (_terminal.TransactionLock) s = _terminal.Dukpt.Load(key, ksn);
            }
            finally
            {
                key.Dispose();
            }
            if (s != DukptKeyStatus.Ok)
            {
                session.Error("DUKPT key not loaded: " + DukptText(s));
                return CommandStatus.Done;
            }
            session.WriteLine("DUKPT initial key loaded, KCV " + kcv + ", initial KSN " + ksn.ToString() + " (the initial key itself is not kept)");
            return CommandStatus.Done;
        }

        private static string DukptText(DukptKeyStatus s)
        {
            switch (s)
            {
                case DukptKeyStatus.KeyIdUsed: return "this key ID was already used here at or beyond this counter";
                case DukptKeyStatus.StorageFailure: return "the DUKPT state could not be written; the old key stays";
                case DukptKeyStatus.InvalidKey: return "key and KSN do not fit (TDES: 16-byte key with a 10-byte KSN; AES: 12-byte KSN)";
                default: return "refused (" + ((int)s).ToString() + ")";
            }
        }

        // Reads the components without echo, shows each one's check value, then asks for the combined key's check value.
        // Returns the key (the caller owns it) or null after an error line; the component bytes are wiped either way.
        private SecretKey ReadComponents(ConsoleSession session, KeyAlgorithm algorithm, int components)
        {
            byte[] text = new byte[_settings.MaxLineLength];
            byte[] component = new byte[_settings.MaxLineLength / 2];
            KeyComponentLoader loader = null;
            try
            {
                int length = algorithm == KeyAlgorithm.Aes ? 0 : 16;
                for (int i = 1; i <= components; i++)
                {
                    int typed;
                    string digits = length == 0 ? "32, 48 or 64" : (2 * length).ToString();
                    ConsoleInput input = session.ReadPassword("component " + i.ToString() + " of " + components.ToString()
                        + " (" + digits + " hex digits, not shown): ", text, out typed);
                    if (input != ConsoleInput.Ok)
                    {
                        session.Error("key load cancelled; nothing stored");
                        return null;
                    }
                    int n = DecodeHex(text, typed, component);
                    Array.Clear(text, 0, text.Length);
                    if (length == 0 && n > 0 && SecretKey.IsValidLength(algorithm, n)) length = n;
                    if (n != length)
                    {
                        session.Error("component " + i.ToString() + " is not " + digits + " hex digits; nothing stored");
                        return null;
                    }
                    if (loader == null) loader = new KeyComponentLoader(algorithm, length, components);
                    string kcv;
                    KeyLoadStatus s = loader.AddComponent(component, 0, length, out kcv);
                    Array.Clear(component, 0, component.Length);
                    if (s != KeyLoadStatus.Ok)
                    {
                        session.Error("component " + i.ToString() + ": " + ConsoleMessages.Key(s) + "; nothing stored");
                        return null;
                    }
                    session.WriteLine("component " + i.ToString() + " KCV " + kcv);
                }
                string expected;
                if (session.ReadLine("check value of the combined key (6 hex digits): ", out expected) != ConsoleInput.Ok)
                {
                    session.Error("key load cancelled; nothing stored");
                    return null;
                }
                SecretKey key;
                KeyLoadStatus done = loader.Complete(expected, out key);
                if (done != KeyLoadStatus.Ok)
                {
                    session.Error("combined key: " + ConsoleMessages.Key(done) + "; nothing stored");
                    return null;
                }
                session.WriteLine("combined key KCV " + key.CheckValue + " matches");
                return key;
            }
            finally
            {
                Array.Clear(text, 0, text.Length);
                Array.Clear(component, 0, component.Length);
                if (loader != null) loader.Dispose();
            }
        }

        // Hex digits typed (spaces between them allowed) into bytes; -1 for anything else, an odd digit count, or too many.
        private static int DecodeHex(byte[] text, int count, byte[] dst)
        {
            int n = 0;
            int high = -1;
            for (int i = 0; i < count; i++)
            {
                if (text[i] == (byte)' ' && high < 0) continue;
                int v = Hex.NibbleOf(text[i]);
                if (v < 0) return -1;
                if (high < 0)
                {
                    high = v;
                    continue;
                }
                if (n == dst.Length) return -1;
                dst[n++] = (byte)((high << 4) | v);
                high = -1;
            }
            return high < 0 ? n : -1;
        }

        private CommandStatus FactoryReset(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            session.WriteLine("this erases the configuration, both passwords and all keys, then reboots");
            string answer;
            if (session.ReadLine("type " + FactoryResetWord + " to go on: ", out answer) != ConsoleInput.Ok || answer != FactoryResetWord)
            {
                session.WriteLine("factory reset cancelled; nothing changed");
                return CommandStatus.Done;
            }
            // Under the transaction lock: no key is wiped under a transaction, and none starts half-reset.
            lock (_terminal.TransactionLock)
            {
                // Keys first: if a later step fails, no key outlives a reset that was asked for.
                if (!_terminal.Keys.PutAll(s_allSlots, new SecretKey[s_allSlots.Length]))
                {
                    session.Error("the key store could not be written; nothing changed");
                    return CommandStatus.Done;
                }
                if (!_terminal.Dukpt.Erase())
                {
                    session.Error("keys erased, but the DUKPT state could not be written; run factory-reset again");
                    return CommandStatus.Done;
                }
                ConfigStatus s = _config.ResetToDefaults();
                if (s != ConfigStatus.Ok)
                {
                    session.Error("keys erased, but " + ConsoleMessages.Config(s) + "; run factory-reset again");
                    return CommandStatus.Done;
                }
                _terminal.SetNotConfigured();
            }
            _savedSinceBoot = true;
            UpdateNotice();
            session.WriteLine("factory reset done; rebooting");
            _system.Reboot();
            return CommandStatus.Logout;
        }
    }
}
