namespace PosTerminal.Config
{
    /// <summary>
    /// Result of a configuration check or change: Ok, or why the input was refused (nothing changed then). One code per
    /// message the console shows; the console turns it into text.
    /// </summary>
    public enum ConfigStatus : byte
    {
        /// <summary>Accepted.</summary>
        Ok = 0,
        /// <summary>Looks like an IPv4 address but is not one: four decimal parts 0..255, no leading zeros, nothing else.</summary>
        NotIPv4Address = 1,
        /// <summary>An IPv4 address no connection can go to: 0.x.x.x, multicast 224..239, reserved 240..255 (incl. 255.255.255.255).</summary>
        AddressNotUsable = 2,
        /// <summary>A host name where only IPv4 addresses are allowed (host names / DNS are off).</summary>
        HostNamesOff = 3,
        /// <summary>Not a host name (RFC 1123: labels of letters, digits and '-', 1..63 each, not starting or ending with '-'; 64 in all).</summary>
        BadHostName = 4,
        /// <summary>Not "host:port".</summary>
        BadEndpoint = 5,
        /// <summary>A port outside 1..65535.</summary>
        PortOutOfRange = 6,
        /// <summary>A number outside its range (timeouts, echo interval, retries, STAN, batch).</summary>
        OutOfRange = 7,
        /// <summary>Not a decimal number.</summary>
        NotANumber = 8,
        /// <summary>Not hex digits (pairs; spaces allowed between them).</summary>
        BadHex = 9,
        /// <summary>A TPDU is 5 bytes starting with 60 (ID), then destination and source NII, e.g. 6000030000.</summary>
        BadTpdu = 10,
        /// <summary>A header has at most 32 bytes.</summary>
        HeaderTooLong = 11,
        /// <summary>A terminal id is 8 letters or digits.</summary>
        BadTerminalId = 12,
        /// <summary>A merchant id is 15 letters or digits (right-padded with spaces when the acquirer's is shorter).</summary>
        BadMerchantId = 13,
        /// <summary>A merchant name is at most 40 printable ASCII characters.</summary>
        BadMerchantName = 14,
        /// <summary>A currency is 3 digits (ISO 4217 numeric).</summary>
        BadCurrency = 15,
        /// <summary>3 digits, but not a currency this terminal knows.</summary>
        UnknownCurrency = 16,
        /// <summary>Not an acquirer profile (cup, iso87ascii).</summary>
        UnknownProfile = 17,
        /// <summary>Not a security mode (see PosTerminal.Security.SecuritySettings.Names).</summary>
        UnknownSecurity = 18,
        /// <summary>The security mode does not go with the profile: cup takes cup-*, iso87ascii takes dukpt-*.</summary>
        SecurityNotForProfile = 19,
        /// <summary>Not one of the words the setting takes (on/off; per-transaction/kept).</summary>
        BadChoice = 20,
        /// <summary>A host index outside 0 (primary) .. 3 (third backup).</summary>
        HostIndexOutOfRange = 21,
        /// <summary>The primary host cannot be removed, only replaced.</summary>
        PrimaryRequired = 22,
        /// <summary>Host names cannot be turned off while a host is given by name.</summary>
        HostNamesInUse = 23,
        /// <summary>A password hash has at most 64 bytes.</summary>
        PasswordTooLong = 24,
        /// <summary>The field has no text form (password hashes).</summary>
        NotEditableAsText = 25,
        /// <summary>The configuration lacks something a transaction needs: the primary host, terminal id or merchant id.</summary>
        Incomplete = 26,
        /// <summary>The store failed; the configuration in force did not change.</summary>
        StorageFailed = 27
    }
}
