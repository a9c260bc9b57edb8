using System;
using System.IO;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// The non-volatile store as one file per area in a directory of the ESP32's internal flash drive
    /// (<see cref="InternalDrive"/>, LittleFS). A write replaces the file and flushes it; like the interface says,
    /// it is not assumed to be atomic (Storage.RecordStore makes records power-safe on top of it). Media failures
    /// come back as false / 0, never as exceptions.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileStream.cs (FileStream(string, FileMode,
    /// FileAccess, FileShare), Read, Write, Flush), File.cs (Exists), Directory.cs (Exists, CreateDirectory),
    /// FileMode.cs, FileAccess.cs, FileShare.cs, at tag v1.1.93. The drive letter comes from nf-interpreter
    /// targets/ESP32/ESP32/target_FileSystem.cpp, which mounts the LittleFS partition as "I:".
    /// </remarks>
    public sealed class FlashStore : INonVolatileStore
    {
        /// <summary>The root of the internal flash drive.</summary>
        public const string InternalDrive = "I:\\";

        private readonly string _directory;
        private bool _directoryReady;

        /// <summary>
        /// A store in <paramref name="directory"/> (for example "I:\\pos"), created on the first write. Does no I/O.
        /// </summary>
        public FlashStore(string directory)
        {
            if (directory == null || directory.Length == 0) throw new ArgumentException();
            int end = directory.Length;
            while (end > 1 && directory[end - 1] == '\\') end--;
            _directory = directory.Substring(0, end);
            _directoryReady = _directory.Length == 2 && _directory[1] == ':';   // a drive root always exists
        }

        /// <summary>The directory the files live in, without a trailing separator.</summary>
        public string DirectoryPath
        {
            get { return _directory; }
        }

        /// <inheritdoc />
        public int Read(string name, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            try
            {
                if (!File.Exists(path)) return 0;
                using (FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    int total = 0;
                    while (total < count)
                    {
                        int n = f.Read(buffer, offset + total, count - total);
                        if (n <= 0) break;
                        total += n;
                    }
                    return total;
                }
            }
            catch (Exception)
            {
                return 0;                                        // IOException (missing volume, driver error)
            }
        }

        /// <inheritdoc />
        public bool Write(string name, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            try
            {
                if (!_directoryReady)
                {
                    if (!Directory.Exists(_directory)) Directory.CreateDirectory(_directory);
                    _directoryReady = true;
                }
                // FileMode.Create truncates an existing file (FileStream.CreateFile -> SetLength(0)).
                using (FileStream f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    f.Write(buffer, offset, count);
                    f.Flush();
                }
                return true;
            }
            catch (Exception)
            {
                return false;                                    // IOException: flash full, volume missing, driver error
            }
        }

        // Area names are the core's own ("stan.0"): letters, digits, '.', '-', '_' only, so no path can escape.
        private string PathOf(string name)
        {
            if (name == null || name.Length == 0) throw new ArgumentException();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok) throw new ArgumentException();
            }
            return _directory + "\\" + name;
        }
    }
}
