// The real-package gate's workloads (tests/SharpSan.Integration.Tests/RealPackageGateTests.cs): realistic use of real
// packages, one mode per package family, each verifying its own results and printing one summary line that does not
// depend on thread timing, so a run under SharpSan must print exactly what a plain run prints.
using RealPackages;

var workloads = new Dictionary<string, Func<string>>
{
    ["bitfaster"] = BitFasterWorkload.Run,
    ["toolkit-address"] = ToolkitAddressWorkload.Run,
    ["toolkit-thread"] = ToolkitThreadWorkload.Run,
    ["zstd"] = ZstdWorkload.Run,
    ["lz4"] = Lz4Workload.Run,
    ["recyclable"] = RecyclableStreamWorkload.Run,
    ["recyclable-read-memory"] = RecyclableMemoryWorkload.Clean,
    ["recyclable-stale"] = RecyclableMemoryWorkload.Stale,
    ["pipelines"] = PipelinesWorkload.Run,
    ["messagepack"] = MessagePackWorkload.Run,
    ["sep"] = SepWorkload.Run,
    ["sep-thread"] = SepWorkload.Run,
    ["protobuf"] = ProtobufWorkload.Run,
    // The same workloads under --sanitize memory and its combinations (rows of their own in the gate).
    ["zstd-memory"] = ZstdWorkload.Run,
    ["lz4-memory"] = Lz4Workload.Run,
    ["recyclable-memory"] = RecyclableStreamWorkload.Run,
    ["toolkit-memory"] = ToolkitAddressWorkload.Run,
    ["lz4-address-memory"] = Lz4Workload.Run,
    ["recyclable-address-memory"] = RecyclableStreamWorkload.Run,
    ["toolkit-address-memory"] = ToolkitAddressWorkload.Run,
    ["recyclable-memory-thread"] = RecyclableStreamWorkload.Run,
    ["protobuf-memory"] = ProtobufWorkload.Run,
    ["hashing-memory"] = HashingWorkload.Clean,
    ["hashing-stale"] = HashingWorkload.Stale,
    ["hashing-stream-stale"] = HashingWorkload.StaleStream,
};
if (args.Length != 1 || !workloads.TryGetValue(args[0], out var workload))
{
    Console.Error.WriteLine($"usage: RealPackages <{string.Join('|', workloads.Keys)}>");
    return 2;
}
Console.WriteLine($"{args[0]}: ok ({workload()})");
return 0;
