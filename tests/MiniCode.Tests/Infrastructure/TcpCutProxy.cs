using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the test PostgreSQL server, so a test can make the database unreachable for
/// one host without touching the shared server: <see cref="Cut"/> drops every connection and refuses new ones,
/// <see cref="Stall"/> drops them and lets new ones hang (connect and command timeouts), <see cref="Restore"/>
/// forwards again.
/// </summary>
public sealed class TcpCutProxy : IDisposable
{
    private enum Mode { Forward, Refuse, Stall }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile Mode _mode = Mode.Forward;

    public TcpCutProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut() => Switch(Mode.Refuse);
    public void Stall() => Switch(Mode.Stall);
    public void Restore() => Switch(Mode.Forward);

    private void Switch(Mode mode)
    {
        _mode = mode;
        foreach (var socket in _open.Keys) Drop(socket);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            switch (_mode)
            {
                case Mode.Refuse: Drop(client); break;
                case Mode.Stall: _open.TryAdd(client, 0); break;
                default: _ = ForwardAsync(client); break;
            }
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open.TryAdd(client, 0);
        _open.TryAdd(server, 0);
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception) { /* a dropped side ends the pair */ }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
        catch (Exception) { /* closed */ }
    }

    private void Drop(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0); // a reset, as when a server goes away
            socket.Close();
        }
        catch (Exception) { /* already closed */ }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _open.Keys) Drop(socket);
        _stop.Dispose();
    }
}
