namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// A TimeProvider the tests move by hand (Microsoft.Extensions.TimeProvider.Testing is not on our feed). Timers created
/// on it (<c>Task.Delay(.., clock)</c>, timers) come due when the clock is moved past their due time,
/// not in real time, so a test advancing the clock sees schedules act on it.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];

    public TestClock() : this(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }


    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
        FireDueTimers();
    }

    public void Set(DateTimeOffset to)
    {
        lock (_gate) _now = to;
        FireDueTimers();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void FireDueTimers()
    {
        List<ManualTimer> due;
        lock (_gate) due = _timers.Where(t => t.DueAt is { } at && at <= _now).ToList();
        foreach (var t in due) t.Fire();
    }

    private sealed class ManualTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            }
            if (dueTime == TimeSpan.Zero) Fire();
            return true;
        }

        public void Fire()
        {
            lock (clock._gate)
            {
                if (DueAt is null || DueAt > clock._now) return;
                DueAt = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? clock._now + _period : null;
            }
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                DueAt = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
