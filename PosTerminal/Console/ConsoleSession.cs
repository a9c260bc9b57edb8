using System;
using PosTerminal.Crypto;
using PosTerminal.Hal;
using PosTerminal.Storage;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The technician console on one serial line: login (role name, then password without echo), the forced change of
    /// a factory or reset password, the lockout after wrong passwords, the command loop with a role prompt
    /// ("tech> ", "super> "), and logout after <see cref="ConsoleSettings.IdleLogoutMs"/> without input.
    /// </summary>
    /// <remarks>
    /// <para>Driven by <see cref="Poll"/>: while the console waits at the login or command prompt, a poll returns
    /// after at most its timeout, so the caller can run it on its own thread (<c>while (true) console.Poll(1000);</c>)
    /// or between other work. A line entered at a prompt is handled within the poll, and dialogs started from it
    /// (password change, a command's own questions through <see cref="ReadLine"/> and <see cref="ReadPassword"/>)
    /// block that poll until they end, at most the idle time per answer.</para>
    /// <para>Commands are added to <see cref="Commands"/> before the first poll. Built in: help, whoami, passwd,
    /// logout (alias exit). Output lines end with CR LF; failures are reported as "error: ..." lines.</para>
    /// <para>Passwords never become strings: they are read into byte buffers, checked or hashed, and wiped. They are
    /// never echoed, never kept in the history and never logged.</para>
    /// </remarks>
    public sealed class ConsoleSession
    {
        private const byte StateLoginName = 0;
        private const byte StateLoginPassword = 1;
        private const byte StateCommand = 2;

        private readonly IClock _clock;
        private readonly ConsoleSettings _settings;
        private readonly LineEditor _editor;
        private readonly ConsolePasswords _passwords;
        private readonly LoginGuard _guard;
        private readonly CommandTable _commands = new CommandTable();
        private readonly byte[] _secret;
        private readonly byte[] _secretAgain;
        private byte _state;
        private bool _started;
        private bool _idleExpired;
        private ConsoleRole _role;
        private ConsoleRole _loginRole;
        private long _activityMs;

        /// <summary>
        /// A console on <paramref name="line"/>. Passwords are kept in <paramref name="passwords"/> and hashed with
        /// salts from <paramref name="random"/>; the lockout count in <paramref name="records"/>. No I/O here: the first
        /// <see cref="Poll"/> (or <see cref="Start"/>) loads the lockout state and prints the banner.
        /// </summary>
        public ConsoleSession(ISerialLine line, IClock clock, IRandom random, RecordStore records, IPasswordStore passwords,
            ConsoleSettings settings)
        {
            if (line == null || clock == null || random == null || records == null || passwords == null || settings == null)
            {
                throw new ArgumentNullException();
            }
            settings.Check();
            _clock = clock;
            _settings = settings;
            _editor = new LineEditor(line, clock, settings.MaxLineLength, settings.HistoryDepth);
            _passwords = new ConsolePasswords(passwords, random, settings);
            _guard = new LoginGuard(records, clock, settings);
            _secret = new byte[settings.MaxLineLength];
            _secretAgain = new byte[settings.MaxLineLength];
            BuiltInCommands.AddTo(_commands);
        }

        /// <summary>The command table: add commands here before the first poll.</summary>
        public CommandTable Commands
        {
            get { return _commands; }
        }

        /// <summary>The role logged in, or <see cref="ConsoleRole.None"/>.</summary>
        public ConsoleRole Role
        {
            get { return _role; }
        }

        /// <summary>The settings the console runs with.</summary>
        public ConsoleSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The role passwords (for commands that manage them).</summary>
        public ConsolePasswords Passwords
        {
            get { return _passwords; }
        }

        /// <summary>The wrong-password counter and lockout.</summary>
        public LoginGuard Guard
        {
            get { return _guard; }
        }

        /// <summary>Loads the lockout state, prints the banner and the login prompt. Called by the first poll if needed.</summary>
        public void Start()
        {
            if (_started) return;
            _started = true;
            _guard.Load();
            _activityMs = _clock.MonotonicMs;
            WriteLine(_settings.Banner);
            ToLogin();
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for a line at the current prompt and handles it (see the remarks);
        /// logs an idle session out.
        /// </summary>
        public void Poll(int timeoutMs)
        {
            if (!_started) Start();
            bool timed = _state != StateLoginName;
            if (timed)
            {
                long left = IdleLeftMs();
                if (left <= 0)
                {
                    IdleLogout();
                    return;
                }
                if (left < timeoutMs) timeoutMs = (int)left;
            }
            LineStatus status = _editor.Poll(timeoutMs);
            if (status == LineStatus.Waiting)
            {
                if (timed && IdleLeftMs() <= 0) IdleLogout();
                return;
            }
            if (status == LineStatus.Cancelled)
            {
                if (_state == StateCommand) Prompt();
                else ToLogin();
                return;
            }
            if (_state == StateLoginName) OnLoginName();
            else if (_state == StateLoginPassword) OnLoginPassword();
            else OnCommandLine();
        }

        /// <summary>Writes text (LF becomes CR LF; non-printable characters become '?').</summary>
        public void Write(string text)
        {
            _editor.Write(text);
        }

        /// <summary>Writes a line of text and CR LF.</summary>
        public void WriteLine(string text)
        {
            _editor.Write(text);
            _editor.Write("\r\n");
        }

        /// <summary>Writes CR LF.</summary>
        public void WriteLine()
        {
            _editor.Write("\r\n");
        }

        /// <summary>Writes the line "error: " + <paramref name="message"/>, the one form every failure takes.</summary>
        public void Error(string message)
        {
            WriteLine("error: " + message);
        }

        /// <summary>
        /// Prints <paramref name="prompt"/> and reads one line with echo (not kept in the history), for a command's own
        /// questions. <paramref name="text"/> is null unless the result is <see cref="ConsoleInput.Ok"/>.
        /// </summary>
        public ConsoleInput ReadLine(string prompt, out string text)
        {
            text = null;
            Write(prompt);
            _editor.Begin(true, false);
            ConsoleInput r = WaitLine();
            if (r == ConsoleInput.Ok) text = _editor.GetText();
            return r;
        }

        /// <summary>
        /// Prints <paramref name="prompt"/> and reads one line without echo into <paramref name="dst"/> (room for
        /// <see cref="ConsoleSettings.MaxLineLength"/> bytes); <paramref name="length"/> is 0 unless the result is
        /// <see cref="ConsoleInput.Ok"/>. The caller must wipe <paramref name="dst"/> after use.
        /// </summary>
        public ConsoleInput ReadPassword(string prompt, byte[] dst, out int length)
        {
            if (dst == null) throw new ArgumentNullException();
            if (dst.Length < _editor.MaxLength) throw new ArgumentException();
            length = 0;
            Write(prompt);
            _editor.Begin(false, false);
            ConsoleInput r = WaitLine();
            if (r == ConsoleInput.Ok)
            {
                length = _editor.Length;
                Array.Copy(_editor.Buffer, dst, length);
            }
            _editor.Wipe();
            return r;
        }

        /// <summary>
        /// Asks for a new password for <paramref name="role"/> twice and stores it with the "must change" flag
        /// <paramref name="mustChange"/>. With <paramref name="mustDiffer"/>, the role's current password is refused.
        /// Prints an error line when the password is refused or the two entries differ. Returns true when it was
        /// stored; <paramref name="input"/> says whether the dialog was cancelled or timed out.
        /// </summary>
        internal bool ChooseNewPassword(ConsoleRole role, bool mustDiffer, bool mustChange, out ConsoleInput input)
        {
            int n1;
            int n2;
            try
            {
                input = ReadPassword("new password: ", _secret, out n1);
                if (input != ConsoleInput.Ok) return false;
                PasswordRule rule = _passwords.Check(role, _secret, 0, n1, mustDiffer);
                if (rule == PasswordRule.TooShort)
                {
                    Error("password too short (at least " + _settings.MinPasswordLength.ToString() + " characters)");
                    return false;
                }
                if (rule == PasswordRule.SameAsOld)
                {
                    Error("the new password must differ from the old one");
                    return false;
                }
                input = ReadPassword("retype new password: ", _secretAgain, out n2);
                if (input != ConsoleInput.Ok) return false;
                if (n1 != n2 || !ConstantTime.AreEqual(_secret, 0, _secretAgain, 0, n1))
                {
                    Error("the passwords do not match");
                    return false;
                }
                if (!_passwords.Set(role, _secret, 0, n1, mustChange))
                {
                    Error("the password could not be stored");
                    return false;
                }
                return true;
            }
            finally
            {
                Array.Clear(_secret, 0, _secret.Length);
                Array.Clear(_secretAgain, 0, _secretAgain.Length);
            }
        }

        /// <summary>
        /// Asks for <paramref name="role"/>'s current password (counted by the lockout like a login). Prints an error
        /// line when it is wrong; when that locks the console the session is logged out once the command returns.
        /// </summary>
        internal bool ConfirmPassword(ConsoleRole role, out ConsoleInput input)
        {
            int n;
            try
            {
                input = ReadPassword("current password: ", _secret, out n);
                if (input != ConsoleInput.Ok) return false;
                bool unused;
                if (Authenticate(role, _secret, n, out unused)) return true;
                Error("wrong password");
                return false;
            }
            finally
            {
                Array.Clear(_secret, 0, _secret.Length);
            }
        }

        private void OnLoginName()
        {
            string[] words = CommandLine.Split(_editor.Buffer, _editor.Length);
            _editor.Wipe();
            if (words.Length == 0)
            {
                ToLogin();
                return;
            }
            if (_guard.IsLocked)
            {
                LockedError();
                ToLogin();
                return;
            }
            _loginRole = words.Length == 1 ? RoleNames.Parse(words[0]) : ConsoleRole.None;
            _state = StateLoginPassword;
            _activityMs = _clock.MonotonicMs;
            Write("password: ");
            _editor.Begin(false, false);
        }

        private void OnLoginPassword()
        {
            bool mustChange;
            bool ok = Authenticate(_loginRole, _editor.Buffer, _editor.Length, out mustChange);
            _editor.Wipe();
            if (!ok)
            {
                Error("login incorrect");
                if (_guard.IsLocked) LockedError();
                ToLogin();
                return;
            }
            ConsoleRole role = _loginRole;
            _loginRole = ConsoleRole.None;
            if (mustChange)
            {
                WriteLine("the " + RoleNames.Name(role) + " password must be changed now");
                ConsoleInput input = ConsoleInput.Ok;
                bool changed = false;
                while (!changed && input == ConsoleInput.Ok) changed = ChooseNewPassword(role, true, false, out input);
                if (!changed)
                {
                    if (input == ConsoleInput.TimedOut)
                    {
                        WriteLine();
                        WriteLine("idle timeout");
                    }
                    _idleExpired = false;
                    ToLogin();
                    return;
                }
                WriteLine("password changed");
            }
            _role = role;
            _state = StateCommand;
            _activityMs = _clock.MonotonicMs;
            WriteLine("logged in as " + RoleNames.Name(role) + " (help lists the commands)");
            if (_settings.LoginNotice != null) WriteLine(_settings.LoginNotice);
            Prompt();
        }

        private void OnCommandLine()
        {
            string[] words = CommandLine.Split(_editor.Buffer, _editor.Length);
            if (words.Length == 0)
            {
                Prompt();
                return;
            }
            ConsoleCommand command = _commands.Find(words[0]);
            if (command == null)
            {
                Error("unknown command " + words[0] + " (help lists the commands)");
            }
            else if (command.MinRole > _role)
            {
                Error(command.Name + " needs the " + RoleNames.Name(command.MinRole) + " role");
            }
            else
            {
                Run(command, CommandLine.Rest(words));
                if (_role == ConsoleRole.None) return;   // logged out inside
            }
            Prompt();
        }

        private void Run(ConsoleCommand command, string[] args)
        {
            CommandStatus status;
            try
            {
                status = command.Handler(this, args);
            }
            catch (Exception)
            {
                // a failing command must not take the console down; its exception may carry data, so it is not shown
                Error(command.Name + " failed");
                status = CommandStatus.Done;
            }
            _activityMs = _clock.MonotonicMs;
            if (_idleExpired)
            {
                IdleLogout();
                return;
            }
            if (_guard.IsLocked)
            {
                LockedError();
                Logout();
                return;
            }
            if (status == CommandStatus.Usage) Error("usage: " + command.Usage);
            else if (status == CommandStatus.Logout) Logout();
        }

        // Checks a password for a role with the lockout's accounting; the caller wipes the buffer.
        private bool Authenticate(ConsoleRole role, byte[] password, int length, out bool mustChange)
        {
            _guard.BeginAttempt();
            bool ok = _passwords.Verify(role, password, 0, length, out mustChange);
            if (ok) _guard.Succeeded();
            else _guard.Failed();
            return ok;
        }

        private ConsoleInput WaitLine()
        {
            while (true)
            {
                long left = IdleLeftMs();
                if (left <= 0)
                {
                    _idleExpired = true;
                    _editor.Wipe();
                    return ConsoleInput.TimedOut;
                }
                LineStatus s = _editor.Poll(left > int.MaxValue ? int.MaxValue : (int)left);
                if (s == LineStatus.Line) return ConsoleInput.Ok;
                if (s == LineStatus.Cancelled) return ConsoleInput.Cancelled;
            }
        }

        private long IdleLeftMs()
        {
            long last = _editor.LastInputMs > _activityMs ? _editor.LastInputMs : _activityMs;
            return _settings.IdleLogoutMs - (_clock.MonotonicMs - last);
        }

        private void IdleLogout()
        {
            _editor.Wipe();
            _idleExpired = false;
            WriteLine();
            if (_role != ConsoleRole.None) WriteLine("idle timeout: logged out");
            _role = ConsoleRole.None;
            ToLogin();
        }

        private void Logout()
        {
            _role = ConsoleRole.None;
            WriteLine("logged out");
            ToLogin();
        }

        private void LockedError()
        {
            long s = (_guard.RemainingMs + 999) / 1000;
            Error("too many wrong passwords: console locked for " + s.ToString() + " s");
        }

        private void ToLogin()
        {
            _role = ConsoleRole.None;
            _loginRole = ConsoleRole.None;
            _state = StateLoginName;
            Write("login: ");
            _editor.Begin(true, false);
        }

        private void Prompt()
        {
            Write(RoleNames.Prompt(_role));
            _editor.Begin(true, true);
        }
    }
}
