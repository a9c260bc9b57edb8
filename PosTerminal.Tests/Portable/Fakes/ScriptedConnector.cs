using System.Collections;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// A connector whose answer per host is scripted: a status, or a <see cref="ScriptedLink"/>. A host scripted more than
    /// once answers each connect with the next of its answers, and then with the last one for good.
    /// </summary>
    public sealed class ScriptedConnector : ILinkConnector
    {
        private readonly ArrayList _hosts = new ArrayList();
        private readonly ArrayList _answers = new ArrayList();

        /// <summary>Hosts asked for, in order, as "host:port".</summary>
        public readonly ArrayList Attempts = new ArrayList();

        /// <summary>Connecting to host:port fails with <paramref name="status"/>.</summary>
        public void Fail(string host, int port, LinkStatus status)
        {
            _hosts.Add(host + ":" + port.ToString());
            _answers.Add(status);
        }

        /// <summary>Connecting to host:port succeeds with <paramref name="link"/>.</summary>
        public void Accept(string host, int port, ScriptedLink link)
        {
            _hosts.Add(host + ":" + port.ToString());
            _answers.Add(link);
        }

        /// <summary>Connects by the script; unknown hosts are unreachable.</summary>
        public LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link)
        {
            link = null;
            string key = host + ":" + port.ToString();
            Attempts.Add(key);
            int i = _hosts.IndexOf(key);
            if (i < 0) return LinkStatus.Unreachable;
            object answer = _answers[i];
            if (_hosts.IndexOf(key, i + 1) > i)
            {
                _hosts.RemoveAt(i);
                _answers.RemoveAt(i);
            }
            ScriptedLink scripted = answer as ScriptedLink;
            if (scripted == null) return (LinkStatus)answer;
            link = scripted;
            return LinkStatus.Ok;
        }
    }
}
