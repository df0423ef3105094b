using Acme.Codec;
using Acme.Vendor;

// Finds its data the two ways real programs do: relative to its own folder (bin/<configuration>/<framework>/ is three
// levels below the project), and by walking up to a file at the repository's root.
string here = AppContext.BaseDirectory;
Console.WriteLine(File.ReadAllText(Path.Combine(here, "..", "..", "..", "data", "message.txt")).Trim());
var root = new DirectoryInfo(here);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "suite.marker"))) root = root.Parent;
Console.WriteLine(root is null ? "no repository root above the app" : "repository root: " + root.Name);

byte[] pairs = [3, 7, 2, 5];
Console.WriteLine($"checksum {Checksum.Of(pairs)}");
Console.WriteLine($"sum {RunLength.DecodeSum(pairs, reserveTerminator: args is not ["overflow"])}");
