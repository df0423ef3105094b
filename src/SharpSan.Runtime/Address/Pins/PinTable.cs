using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// The objects checked code holds pinned, with a count (nested and concurrent <c>fixed</c> on one array) and the
/// stack of the latest pin. Only when the count drops to zero does the object become unpinned.
/// Objects are held strongly while pinned: a pin ended by an exception that leaves the method (no finally, so no
/// unpin store) keeps its object alive and unchecked — a small leak, never a false report.
/// </summary>
internal static class PinTable
{
    sealed class Pin
    {
        public int Count, Stack, Thread;
    }

    static readonly Dictionary<object, Pin> s_pins = new(ReferenceEqualityComparer.Instance);

    public static void Add(object owner, int stack)
    {
        lock (s_pins)
        {
            if (!s_pins.TryGetValue(owner, out var pin)) s_pins[owner] = pin = new Pin();
            pin.Count++;
            pin.Stack = stack;
            pin.Thread = ThreadRegistry.CurrentId;
        }
    }

    /// <summary>Drops one pin; true with the pin's stack and thread when it was the last.</summary>
    public static bool Remove(object owner, out int pinStack, out int pinThread)
    {
        lock (s_pins)
        {
            (pinStack, pinThread) = (0, 0);
            if (!s_pins.TryGetValue(owner, out var pin)) return false;
            if (--pin.Count > 0) return false;
            s_pins.Remove(owner);
            (pinStack, pinThread) = (pin.Stack, pin.Thread);
            return true;
        }
    }
}
