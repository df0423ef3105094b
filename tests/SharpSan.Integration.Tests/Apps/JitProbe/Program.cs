// Forces the JIT over every method of the given assemblies, so that invalid IL shows up as an exception here
// instead of in a user's program (ILVerify is not available to the tests).
//
//   dotnet JitProbe.dll <folder> [--trace] <assembly.dll>...
//
// Each assembly is loaded from <folder> in its own AssemblyLoadContext that resolves references from the same folder
// (SharpSan.Runtime.dll sits beside an instrumented copy) and from the shared framework otherwise. Every method of
// every type — nested and compiler-generated types, constructors, type initializers, accessors — goes through
// RuntimeHelpers.PrepareMethod; generic types and methods over representative instantiations (Instantiations.cs).
// Nothing is run: PrepareMethod only compiles.
//
// Output on stdout, one tab-separated record per line:
//   FAIL  <assembly> <method> <exception type>: <message>   the JIT (or the type loader) refused the method
//   SKIP  <assembly> <method or type> <why>                  no instantiation satisfies the constraints, …
//   DONE  <assemblies> <methods prepared> <failures> <skipped> <milliseconds>
// --trace also writes "PREPARE <method>" to stderr before each method (to find the one that kills the process).
using System.Diagnostics;
using JitProbe;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: JitProbe <folder> [--trace] <assembly.dll>...");
    return 2;
}
string folder = Path.GetFullPath(args[0]);
bool trace = args.Contains("--trace");
var names = args.Skip(1).Where(a => a != "--trace").ToList();

var watch = Stopwatch.StartNew();
var output = new ProbeOutput(Console.Out);
var probe = new AssemblyProbe(output, trace);
foreach (var name in names) probe.Probe(folder, name);
output.Done(names.Count, watch.ElapsedMilliseconds);
return 0;
