using System;
using System.IO;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// The non-volatile store as one file per area in a directory (the device uses files on its internal flash
/// drive the same way). Writes are flushed to disk; like flash, they are not assumed to be atomic.
/// </summary>
public sealed class FileStore : INonVolatileStore
{
    private readonly string _directory;

    /// <summary>A store in <paramref name="directory"/>, created when missing.</summary>
    public FileStore(string directory)
    {
        _directory = directory;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Where the files are.</summary>
    public string DirectoryPath => _directory;

    /// <inheritdoc />
    public int Read(string name, byte[] buffer, int offset, int count)
    {
        string path = PathOf(name);
        try
        {
            using FileStream f = new(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            int total = 0;
            int n;
            while (total < count && (n = f.Read(buffer, offset + total, count - total)) > 0) total += n;
            return total;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public bool Write(string name, byte[] buffer, int offset, int count)
    {
        try
        {
            FileStreamOptions options = new()
            {
                Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.WriteThrough,
            };
            // Owner-only on Unix: the records include the key store.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using FileStream f = new(PathOf(name), options);
            f.Write(buffer, offset, count);
            f.Flush(true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) throw new ArgumentException("bad store name", nameof(name));
        }
        return Path.Combine(_directory, name);
    }
}
