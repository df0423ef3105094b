using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// The "0x… is located …" block of a report about a pooled array: where the address falls relative to the
/// requested part, then the Return and Rent stacks (use after return) or the Rent stack (overflow, live use).
/// </summary>
internal readonly struct PoolAddressDescription(nuint address, PoolRecord record)
{
    public static PoolAddressDescription? Find(nuint address) =>
        PooledArrays.Containing(address) is { } r ? new PoolAddressDescription(address, r) : null;

    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        if (Find(address) is not { } description) return false;
        description.Print(report);
        return true;
    }

    public void Print(ReportBuilder report)
    {
        PoolRecord r = record;
        PoolArrayState state;
        int requested, rentStack, rentThread, returnStack, returnThread;
        lock (r) (state, requested, rentStack, rentThread, returnStack, returnThread) = (r.State, r.Requested, r.RentStack, r.RentThread, r.ReturnStack, r.ReturnThread);
        nuint offset = address - r.Begin, requestedBytes = (nuint)requested * (nuint)r.ElementSize;
        string shape = $"{r.ElementName}[{r.Length}], {requested} requested";
        if (state == PoolArrayState.Returned)
        {
            report.Line($"0x{address:x} is located {offset} bytes inside of {r.Bytes}-byte pooled array [0x{r.Begin:x},0x{r.Begin + r.Bytes:x}) ({shape})");
            report.Line($"returned to the pool by thread {ThreadRegistry.Describe(returnThread)} here:");
            report.Stack(returnStack);
            report.Line();
            report.Line($"previously rented by thread {ThreadRegistry.Describe(rentThread)} here:");
        }
        else
        {
            string where = offset >= requestedBytes
                ? $"{offset - requestedBytes} bytes after the requested {requestedBytes} bytes"
                : $"{offset} bytes inside of the requested {requestedBytes} bytes";
            report.Line($"0x{address:x} is located {where} of {r.Bytes}-byte pooled array [0x{r.Begin:x},0x{r.Begin + r.Bytes:x}) ({shape})");
            report.Line($"rented by thread {ThreadRegistry.Describe(rentThread)} here:");
        }
        report.Stack(rentStack);
        report.Line();
    }
}
